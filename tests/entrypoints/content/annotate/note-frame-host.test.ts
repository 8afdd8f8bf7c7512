import { describe, expect, it } from 'vitest';
import type { OverlayActions } from '../../../../components/annotations/AnnotateOverlay';
import type { NoteFrameTarget, NoteFrameView } from '../../../../data/annotations/note-frame';
import type { CallBackground } from '../../../../data/messaging';
import { answerNoteFrameEvent } from '../../../../entrypoints/content/annotate/annotation-messages';
import { createNoteFrameHost } from '../../../../entrypoints/content/annotate/note-frame-host';

const NONCE = 'a'.repeat(32);
const VIEW: NoteFrameView = {
  kind: 'editor',
  draft: { mode: 'new', quote: 'bijna 406 duizend mensen', note: '', tags: [], linked: [] },
};
const TARGET: NoteFrameTarget = {
  kind: 'new',
  source: 'https://www.nu.nl/politiek/participatiewet',
  title: 'Kabinet wil Participatiewet versoepelen',
  quote: { type: 'TextQuoteSelector', exact: 'bijna 406 duizend mensen', prefix: '', suffix: '' },
  position: { type: 'TextPositionSelector', start: 10, end: 34 },
};

function setup(opened: { ok: true; value: { nonce: string } } | { ok: false; error: string }) {
  const calls: { type: string; payload: unknown }[] = [];
  const done: string[] = [];
  const actions = {
    annotate: () => done.push('annotate'),
    dismiss: () => done.push('dismiss'),
    saved: () => done.push('saved'),
    editCard: () => done.push('edit'),
    cardHover: () => undefined,
  } satisfies OverlayActions;
  const call = (async (type: string, payload: unknown) => {
    calls.push({ type, payload });
    return opened;
  }) as CallBackground;
  const host = createNoteFrameHost({
    call,
    actions: () => actions,
    pageUrl: (nonce) => `chrome-extension://id/annotate-frame.html#${nonce}`,
  });
  return { host, calls, done };
}

describe('the note frame host (content script)', () => {
  it('opens a session in the background with the editor’s target; the frame URL carries only the nonce', async () => {
    const { host, calls } = setup({ ok: true, value: { nonce: NONCE } });
    expect(await host.open(VIEW, TARGET)).toBe(`chrome-extension://id/annotate-frame.html#${NONCE}`);
    expect(calls).toEqual([{ type: 'openNoteFrame', payload: { view: VIEW, target: TARGET } }]);
  });

  it('shows nothing when the background refuses', async () => {
    const { host } = setup({ ok: false, error: 'no' });
    expect(await host.open(VIEW)).toBeNull();
    expect((await host.handle(NONCE, { type: 'cancel' })).ok).toBe(false);
  });

  it('acts on notices of the current session: size, saved, cancel, edit', async () => {
    const { host, done } = setup({ ok: true, value: { nonce: NONCE } });
    await host.open(VIEW, TARGET);
    expect(host.size.value).toBeNull();
    await host.handle(NONCE, { type: 'size', width: 398, height: 412 });
    expect(host.size.value).toEqual({ width: 398, height: 412 });
    expect(await host.handle(NONCE, { type: 'saved' })).toEqual({ ok: true, value: null });
    await host.handle(NONCE, { type: 'cancel' });
    await host.handle(NONCE, { type: 'edit' });
    expect(done).toEqual(['saved', 'dismiss', 'edit']);
  });

  it('ignores a stale or forged session', async () => {
    const { host, done } = setup({ ok: true, value: { nonce: NONCE } });
    await host.open(VIEW);
    const forged = await host.handle('b'.repeat(32), { type: 'saved' });
    expect(forged.ok).toBe(false);
    expect(done).toEqual([]);
  });

  it('the message listener checks the relayed payload before the host sees it', async () => {
    const { host, done } = setup({ ok: true, value: { nonce: NONCE } });
    await host.open(VIEW);
    const endpoint = {
      status: () => ({ source: '', anchored: [], orphaned: [], pending: false }),
      reveal: () => false,
      changed: () => undefined,
      frameEvent: host.handle,
    };
    const relay = (payload: unknown) => answerNoteFrameEvent({ type: 'noteFrameEvent', payload }, endpoint);
    expect(answerNoteFrameEvent({ type: 'annotationStatus', payload: {} }, endpoint)).toBeUndefined();
    expect(await relay({ nonce: 'short', event: { type: 'cancel' } })).toMatchObject({ ok: false });
    expect(await relay({ nonce: NONCE, event: { type: 'size', width: '1', height: 2 } })).toMatchObject({
      ok: false,
    });
    // A save is the background's to do: it is never relayed to a page.
    const save = { type: 'save', values: { note: 'x', tags: [], linked: [] } };
    expect(await relay({ nonce: NONCE, event: save })).toMatchObject({ ok: false });
    expect(done).toEqual([]);
    expect(await relay({ nonce: NONCE, event: { type: 'cancel' } })).toEqual({ ok: true, value: null });
    expect(done).toEqual(['dismiss']);
  });
});
