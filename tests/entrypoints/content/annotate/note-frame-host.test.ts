import { describe, expect, it } from 'vitest';
import type { OverlayActions } from '../../../../components/annotations/AnnotateOverlay';
import type { NoteFrameView } from '../../../../data/annotations/note-frame';
import type { CallBackground } from '../../../../data/messaging';
import { answerNoteFrameEvent } from '../../../../entrypoints/content/annotate/annotation-messages';
import { createNoteFrameHost } from '../../../../entrypoints/content/annotate/note-frame-host';

const NONCE = 'a'.repeat(32);
const VIEW: NoteFrameView = {
  kind: 'editor',
  draft: { mode: 'new', quote: 'bijna 406 duizend mensen', note: '', tags: [], linked: [] },
};

function setup(opened: { ok: true; value: { nonce: string } } | { ok: false; error: string }) {
  const calls: { type: string; payload: unknown }[] = [];
  const done: string[] = [];
  const actions = {
    annotate: () => done.push('annotate'),
    dismiss: () => done.push('dismiss'),
    save: async (values) => {
      done.push(`save:${values.note}`);
      return values.note === '' ? 'Lege notitie' : null;
    },
    search: async () => [],
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
  it('opens a session in the background; the frame URL carries only the nonce', async () => {
    const { host, calls } = setup({ ok: true, value: { nonce: NONCE } });
    expect(await host.open(VIEW)).toBe(`chrome-extension://id/annotate-frame.html#${NONCE}`);
    expect(calls).toEqual([{ type: 'openNoteFrame', payload: { view: VIEW } }]);
  });

  it('shows nothing when the background refuses', async () => {
    const { host } = setup({ ok: false, error: 'no' });
    expect(await host.open(VIEW)).toBeNull();
    expect((await host.handle(NONCE, { type: 'cancel' })).ok).toBe(false);
  });

  it('acts on events of the current session: size, save (answer returned), cancel, edit', async () => {
    const { host, done } = setup({ ok: true, value: { nonce: NONCE } });
    await host.open(VIEW);
    expect(host.size.value).toBeNull();
    await host.handle(NONCE, { type: 'size', width: 398, height: 412 });
    expect(host.size.value).toEqual({ width: 398, height: 412 });
    const values = { note: 'Controleren', tags: [], linked: [] };
    expect(await host.handle(NONCE, { type: 'save', values })).toEqual({ ok: true, value: null });
    expect(await host.handle(NONCE, { type: 'save', values: { ...values, note: '' } })).toEqual({
      ok: true,
      value: 'Lege notitie',
    });
    await host.handle(NONCE, { type: 'cancel' });
    await host.handle(NONCE, { type: 'edit' });
    expect(done).toEqual(['save:Controleren', 'save:', 'dismiss', 'edit']);
  });

  it('ignores a stale or forged session', async () => {
    const { host, done } = setup({ ok: true, value: { nonce: NONCE } });
    await host.open(VIEW);
    const forged = await host.handle('b'.repeat(32), {
      type: 'save',
      values: { note: 'x', tags: [], linked: [] },
    });
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
    expect(await relay({ nonce: NONCE, event: { type: 'save', values: { note: 5 } } })).toMatchObject({
      ok: false,
    });
    expect(done).toEqual([]);
    expect(await relay({ nonce: NONCE, event: { type: 'cancel' } })).toEqual({ ok: true, value: null });
    expect(done).toEqual(['dismiss']);
  });
});
