import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  KEEP_ALIVE_MS,
  NoteFrameApp,
  type NoteFrameChannel,
} from '../../../components/annotations/NoteFrameApp';
import type { NoteFrameEvent, NoteFrameView } from '../../../data/annotations/note-frame';
import type { Result } from '../../../data/result';
import { sampleRecord } from '../../fixtures/annotations/arbitraries';
import { TRANSLATORS as T } from '../../fixtures/translators';
import { fakeSources, press, renderWith, settle, typeInto } from './helpers';

let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
});

function channelFor(view: Result<NoteFrameView>, answer: Result<null> = { ok: true, value: null }) {
  const sent: NoteFrameEvent[] = [];
  const channel: NoteFrameChannel = {
    view: async () => view,
    send: async (event) => {
      sent.push(event);
      return answer;
    },
    search: async () => [],
    names: async (ids) =>
      ids.map((id) => ({ id, citation: `Kamerstukken ${id}`, title: 'Monitoringsbrief' })),
  };
  return { channel, sent };
}

async function renderFrame(channel: NoteFrameChannel) {
  const view = await renderWith(fakeSources([]).sources, <NoteFrameApp channel={channel} />);
  cleanup = view.unmount;
  await settle();
  return view;
}

const editor: NoteFrameView = {
  kind: 'editor',
  draft: { mode: 'new', quote: 'bijna 406 duizend mensen', note: '', tags: [], linked: [] },
};

describe('NoteFrameApp (the note frame page)', () => {
  it('renders the session’s editor and sends save to the background', async () => {
    const { channel, sent } = channelFor({ ok: true, value: editor });
    const view = await renderFrame(channel);
    expect(view.text('.ka-quote')).toBe('bijna 406 duizend mensen');
    await typeInto(view.root.querySelector('textarea'), 'Controleren');
    await view.click(view.button(T.nl('annotate_save')));
    expect(sent.filter((e) => e.type !== 'size')).toEqual([
      { type: 'save', values: { note: 'Controleren', tags: [], linked: [] } },
    ]);
  });

  it('shows why the background could not save (storage full), and keeps the editor', async () => {
    const { channel } = channelFor(
      { ok: true, value: editor },
      { ok: false, error: 'storage-full: saving the note failed (QuotaExceededError)' },
    );
    const view = await renderFrame(channel);
    await view.click(view.button(T.nl('annotate_save')));
    expect(view.text('[role="alert"]')).toContain('De opslag van de browser is vol');
    expect(view.root.querySelector('textarea')).not.toBeNull();
  });

  it('renders a card with the dataset’s names; Escape and Alt+Shift+N become cancel and edit', async () => {
    const record = sampleRecord();
    const { channel, sent } = channelFor({
      ok: true,
      value: { kind: 'card', record, linked: [], focus: true },
    });
    const view = await renderFrame(channel);
    expect(view.text('.ka-note-text')).toBe(record.body.note);
    expect(view.all('.ka-linked li')).toEqual(['Kamerstukken kst-34352-349 — Monitoringsbrief']);
    expect(document.activeElement?.getAttribute('role')).toBe('dialog');
    await press(document.body, 'N', { altKey: true, shiftKey: true, code: 'KeyN' });
    await press(view.root.querySelector('[role="dialog"]'), 'Escape');
    expect(sent.filter((e) => e.type !== 'size')).toEqual([{ type: 'edit' }, { type: 'cancel' }]);
  });

  it('shows nothing for a session it may not read', async () => {
    const { channel, sent } = channelFor({ ok: false, error: 'note frame: no such session' });
    const view = await renderFrame(channel);
    expect(view.root.querySelector('.ka-layer')?.textContent).toBe('');
    expect(sent).toEqual([]);
  });

  it('keeps the background session alive while open, so a slow note can still be saved', async () => {
    let asked = 0;
    const { channel } = channelFor({ ok: true, value: editor });
    const view = channel.view;
    channel.view = () => {
      asked += 1;
      return view();
    };
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const frame = await renderFrame(channel);
      expect(asked).toBe(1);
      vi.advanceTimersByTime(KEEP_ALIVE_MS * 3);
      expect(asked).toBe(4);
      act(() => frame.unmount());
      cleanup = null;
      vi.advanceTimersByTime(KEEP_ALIVE_MS * 3);
      expect(asked).toBe(4);
    } finally {
      vi.useRealTimers();
    }
  });
});
