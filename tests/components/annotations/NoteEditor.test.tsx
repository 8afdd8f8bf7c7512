import { afterEach, describe, expect, it, vi } from 'vitest';
import { NoteEditor } from '../../../components/annotations/NoteEditor';
import { TRANSLATORS as T } from '../../fixtures/translators';
import { fakeSources, press, renderWith, settle, typeInto } from './helpers';

const draft = { mode: 'new' as const, quote: 'bijna 406 duizend mensen', note: '', tags: [], linked: [] };
let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
});

describe('NoteEditor', () => {
  it('saves note, parsed tags and a document chosen by keyboard from the suggestions', async () => {
    const { sources } = fakeSources([]);
    const onSave = vi.fn(async () => null);
    const view = await renderWith(
      sources,
      <NoteEditor draft={draft} onSave={onSave} onCancel={() => {}} search={sources.search} />,
    );
    cleanup = view.unmount;
    expect(document.activeElement?.id).toBe('ka-editor-note');
    await typeInto(view.root.querySelector('#ka-editor-note'), 'Controleren');
    await typeInto(view.root.querySelector('#ka-editor-tags'), 'bijstand, #pilot');
    const combo = view.root.querySelector('[role="combobox"]');
    await typeInto(combo, 'monitoring');
    await settle(150);
    expect(combo?.getAttribute('aria-expanded')).toBe('true');
    expect(view.all('[role="option"]')).toEqual([
      'Kamerstukken II 2025/26, 34352, nr. 349Monitoringsbrief Participatiewet 2025',
    ]);
    await press(combo, 'ArrowDown');
    await press(combo, 'Enter');
    expect(view.all('.ka-chip span')).toEqual(['Kamerstukken II 2025/26, 34352, nr. 349']);
    await view.click(view.button(T.nl('annotate_save')));
    expect(onSave).toHaveBeenCalledWith({
      note: 'Controleren',
      tags: ['bijstand', 'pilot'],
      linked: [
        {
          id: 'kst-34352-349',
          citation: 'Kamerstukken II 2025/26, 34352, nr. 349',
          title: 'Monitoringsbrief Participatiewet 2025',
        },
      ],
    });
  });

  it('keeps the editor open and shows the error when saving fails (storage full)', async () => {
    const { sources } = fakeSources([]);
    const view = await renderWith(
      sources,
      <NoteEditor
        draft={draft}
        onSave={async () => T.nl('annotate_error_storageFull', 'QuotaExceededError')}
        onCancel={() => {}}
        search={sources.search}
      />,
    );
    cleanup = view.unmount;
    await view.click(view.button(T.nl('annotate_save')));
    expect(view.text('[role="alert"]')).toContain('De opslag van de browser is vol');
    expect(view.root.querySelector('#ka-editor-note')).not.toBeNull();
  });

  it('Escape cancels, Ctrl+Enter saves, a chip can be removed', async () => {
    const { sources } = fakeSources([]);
    const onCancel = vi.fn();
    const onSave = vi.fn(async () => null);
    const linked = [
      { id: 'kst-34352-349', citation: 'Kamerstukken II 2025/26, 34352, nr. 349', title: null },
    ];
    const view = await renderWith(
      sources,
      <NoteEditor draft={{ ...draft, linked }} onSave={onSave} onCancel={onCancel} search={sources.search} />,
    );
    cleanup = view.unmount;
    const note = view.root.querySelector('#ka-editor-note');
    await press(note, 'Enter', { ctrlKey: true });
    expect(onSave).toHaveBeenCalledTimes(1);
    await view.click(view.root.querySelector('.ka-chip button'));
    expect(view.all('.ka-chip')).toEqual([]);
    await press(note, 'Escape');
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it('speaks English when the browser does', async () => {
    const { sources } = fakeSources([]);
    const view = await renderWith(
      sources,
      <NoteEditor draft={draft} onSave={async () => null} onCancel={() => {}} search={sources.search} />,
      'en',
    );
    cleanup = view.unmount;
    expect(view.text('h2')).toBe('New note');
  });
});
