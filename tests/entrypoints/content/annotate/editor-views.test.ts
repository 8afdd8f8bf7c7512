import { describe, expect, it } from 'vitest';
import { editNoteEditor, newNoteEditor } from '../../../../entrypoints/content/annotate/editor-views';
import type { CapturedSelection } from '../../../../entrypoints/content/annotate/selection';
import { sampleRecord } from '../../../fixtures/annotations/arbitraries';

const SELECTION: CapturedSelection = {
  quote: {
    type: 'TextQuoteSelector',
    exact: 'Kamerstukken II 2025/26, 34352, nr. 349',
    prefix: 'aan de Kamer (',
    suffix: ').',
  },
  position: { type: 'TextPositionSelector', start: 50, end: 89 },
  start: 50,
  end: 89,
  rect: { left: 10, top: 20, width: 300, height: 18 },
};

describe('the editor’s views', () => {
  it('a new note: the quote as draft, its references pre-linked, the selectors and page as target', () => {
    const editor = newNoteEditor(SELECTION, 'https://www.nu.nl/a', 'Kabinet');
    expect(editor.rect).toEqual(SELECTION.rect);
    expect(editor.draft).toMatchObject({ mode: 'new', quote: SELECTION.quote.exact, note: '', tags: [] });
    expect(editor.draft.linked.map((d) => d.id)).toEqual(['kst-34352-349']);
    expect(editor.target).toEqual({
      kind: 'new',
      source: 'https://www.nu.nl/a',
      title: 'Kabinet',
      quote: SELECTION.quote,
      position: SELECTION.position,
    });
  });

  it('an edit: the stored note as draft and target; top left when its highlight is gone', () => {
    const record = sampleRecord();
    const editor = editNoteEditor(record, undefined, []);
    expect(editor.rect).toEqual({ left: 16, top: 16, width: 0, height: 0 });
    expect(editor.draft).toMatchObject({ mode: 'edit', note: record.body.note, tags: record.body.tags });
    expect(editor.target).toEqual({ kind: 'edit', record });
  });
});
