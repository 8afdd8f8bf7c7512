import { describe, expect, it } from 'vitest';
import type { AnnotationRecord } from '../../../data/annotations/model';
import type { NoteFrameView } from '../../../data/annotations/note-frame';
import { allAnnotations } from '../../../data/db/annotations';
import { dispatchMessage } from '../../../entrypoints/background/dispatch-message';
import { SESSION_IDLE_MS } from '../../../entrypoints/background/note-frame-handlers';
import type { SessionArea } from '../../../entrypoints/background/note-frame-sessions';
import type { SenderInfo } from '../../../entrypoints/background/sender';
import { SAMPLE_NEW_TARGET, sampleRecord } from '../../fixtures/annotations/arbitraries';
import { forgedServices, memoryArea } from './forged-services';

const ORIGIN = 'chrome-extension://kamerlensid/';
const FRAME_URL = `${ORIGIN}annotate-frame.html#`;

const SENDERS = {
  page: { kind: 'content-script', tabId: 7, windowId: 3, frameId: 0, url: 'https://www.nu.nl/a' },
  frame: { kind: 'extension-page', tabId: 7, windowId: 3, frameId: 12, url: FRAME_URL, documentId: 'D1' },
  frameReloaded: {
    kind: 'extension-page',
    tabId: 7,
    windowId: 3,
    frameId: 12,
    url: FRAME_URL,
    documentId: 'D2',
  },
  secondFrame: {
    kind: 'extension-page',
    tabId: 7,
    windowId: 3,
    frameId: 13,
    url: FRAME_URL,
    documentId: 'D3',
  },
  frameOtherTab: { kind: 'extension-page', tabId: 8, windowId: 3, frameId: 12, url: FRAME_URL },
  pageOtherTab: { kind: 'content-script', tabId: 8, windowId: 3, frameId: 0, url: 'https://evil.example/' },
  panel: { kind: 'extension-page', tabId: null, windowId: null, url: `${ORIGIN}sidepanel.html` },
  panelInTab: { kind: 'extension-page', tabId: 7, windowId: 3, url: `${ORIGIN}sidepanel.html` },
  foreign: { kind: 'foreign', tabId: 7, windowId: 3, url: FRAME_URL },
} as const satisfies Record<string, SenderInfo>;

const CARD: NoteFrameView = { kind: 'card', record: sampleRecord(), linked: [], focus: false };
const EDITOR: NoteFrameView = {
  kind: 'editor',
  draft: { mode: 'new', quote: 'bijna 406 duizend mensen', note: '', tags: [], linked: [] },
};
const TARGET = SAMPLE_NEW_TARGET;
const VALUES = { note: 'Controleren', tags: ['bijstand'], linked: [] };

async function setup(
  frameAnswer: unknown = { ok: true, value: null },
  area: SessionArea = memoryArea(),
  clock = { now: 1_000 },
) {
  const {
    services,
    sentToFrames: forwarded,
    db,
    notified,
  } = await forgedServices({ frameAnswer, area, clock });
  const send = (type: string, payload: unknown, sender: keyof typeof SENDERS) =>
    dispatchMessage({ type, payload }, SENDERS[sender], services);
  /** Open a session (an editor with its target); its nonce. */
  const open = async (view: NoteFrameView = CARD, sender: keyof typeof SENDERS = 'page') => {
    const opened = await send(
      'openNoteFrame',
      view.kind === 'editor' ? { view, target: TARGET } : { view },
      sender,
    );
    if (!opened.ok) throw new Error(opened.error);
    return (opened.value as { nonce: string }).nonce;
  };
  return { send, open, forwarded, area, clock, db, notified };
}

describe('note frame sessions', () => {
  it('a content script opens a session; the frame page in its tab reads the view with the nonce', async () => {
    const { send, open } = await setup();
    const nonce = await open();
    expect(nonce).toMatch(/^[0-9a-f]{32}$/);
    expect(await send('noteFrameView', { nonce }, 'frame')).toEqual({ ok: true, value: CARD });
  });

  it.each([
    ['the frame page in another tab', 'frameOtherTab'],
    ['the side panel', 'panel'],
    ['another extension page in the same tab', 'panelInTab'],
    ['a content script (the page side)', 'page'],
    ['a foreign sender', 'foreign'],
  ] as const)('%s gets nothing', async (_label, sender) => {
    const { send, open, forwarded } = await setup();
    const nonce = await open();
    const view = await send('noteFrameView', { nonce }, sender);
    expect(view.ok).toBe(false);
    expect(JSON.stringify(view)).not.toContain(sampleRecord().body.note);
    const event = await send('noteFrameEvent', { nonce, event: { type: 'cancel' } }, sender);
    expect(event.ok).toBe(false);
    expect(forwarded).toEqual([]);
  });

  it('a wrong or replaced nonce gets nothing; one session per tab', async () => {
    const { send, open } = await setup();
    const first = await open(CARD);
    expect((await send('noteFrameView', { nonce: '0'.repeat(32) }, 'frame')).ok).toBe(false);
    const second = await open(EDITOR);
    expect(second).not.toBe(first);
    expect((await send('noteFrameView', { nonce: first }, 'frame')).ok).toBe(false);
    expect(await send('noteFrameView', { nonce: second }, 'frame')).toEqual({ ok: true, value: EDITOR });
  });

  it("another tab's session does not replace or reveal this tab's", async () => {
    const { send, open } = await setup();
    const mine = await open(CARD, 'page');
    const theirs = await open(EDITOR, 'pageOtherTab');
    expect((await send('noteFrameView', { nonce: theirs }, 'frame')).ok).toBe(false);
    expect(await send('noteFrameView', { nonce: mine }, 'frame')).toEqual({ ok: true, value: CARD });
  });

  it('only content scripts open sessions', async () => {
    const { send } = await setup();
    for (const sender of ['frame', 'panel', 'foreign'] as const)
      expect((await send('openNoteFrame', { view: CARD }, sender)).ok).toBe(false);
  });

  it('a save stores the note built from the session’s target, notifies, and tells the opening content script', async () => {
    const { send, open, forwarded, db, notified } = await setup();
    const nonce = await open(EDITOR);
    const answer = await send('noteFrameEvent', { nonce, event: { type: 'save', values: VALUES } }, 'frame');
    expect(answer).toEqual({ ok: true, value: null });
    const [stored] = await allAnnotations(db);
    expect(stored?.target).toEqual({
      source: TARGET.source,
      title: TARGET.kind === 'new' ? TARGET.title : '',
      selectors: TARGET.kind === 'new' ? [TARGET.quote, TARGET.position] : [],
    });
    expect(stored?.body).toEqual({ note: 'Controleren', tags: ['bijstand'], linkedDocumentIds: [] });
    expect(notified).toEqual([TARGET.source]);
    expect(forwarded).toEqual([
      {
        tabId: 7,
        frameId: 0,
        message: { type: 'noteFrameEvent', payload: { nonce, event: { type: 'saved' } } },
      },
    ]);
  });

  it('a save of an edit changes the stored note’s body only', async () => {
    const { send, db } = await setup();
    const record = sampleRecord();
    await send('saveAnnotation', { annotation: record }, 'page');
    const edit: NoteFrameView = { kind: 'editor', draft: { ...EDITOR.draft, mode: 'edit' } };
    const opened = await send('openNoteFrame', { view: edit, target: { kind: 'edit', record } }, 'page');
    const nonce = (opened as { value: { nonce: string } }).value.nonce;
    expect(await send('noteFrameEvent', { nonce, event: { type: 'save', values: VALUES } }, 'frame')).toEqual(
      {
        ok: true,
        value: null,
      },
    );
    const [stored] = await allAnnotations(db);
    expect(stored).toMatchObject({ id: record.id, created: record.created, target: record.target });
    expect(stored?.body.note).toBe('Controleren');
  });

  it("other events go to the opening content script's tab and frame, and its answer comes back", async () => {
    const { send, open, forwarded } = await setup({
      ok: false,
      error: 'note frame: not the current session',
    });
    const nonce = await open(EDITOR);
    const answer = await send('noteFrameEvent', { nonce, event: { type: 'edit' } }, 'frame');
    expect(answer).toEqual({ ok: false, error: 'note frame: not the current session' });
    expect(forwarded).toEqual([
      {
        tabId: 7,
        frameId: 0,
        message: { type: 'noteFrameEvent', payload: { nonce, event: { type: 'edit' } } },
      },
    ]);
  });

  it.each([
    ['an unknown event', { type: 'steal' }],
    ['a size that is not a number', { type: 'size', width: '1', height: 2 }],
    ['a save without a note', { type: 'save', values: { tags: [], linked: [] } }],
    ['a save with a non-string tag', { type: 'save', values: { note: '', tags: [1], linked: [] } }],
  ])('refuses %s', async (_label, event) => {
    const { send, open, forwarded } = await setup();
    const nonce = await open();
    expect((await send('noteFrameEvent', { nonce, event }, 'frame')).ok).toBe(false);
    expect(forwarded).toEqual([]);
  });

  it.each([
    ['an unknown view kind', { kind: 'page' }],
    ['a card with a broken record', { kind: 'card', record: { id: 'x' }, linked: [], focus: true }],
    ['an editor with a bad mode', { kind: 'editor', draft: { ...EDITOR.draft, mode: 'x' } }],
    ['an extra payload field', { view: CARD, extra: 1 }],
    ['an editor without a target', { view: EDITOR }],
    ['a card with a target', { view: CARD, target: TARGET }],
    ['an edit target for a new note', { view: EDITOR, target: { kind: 'edit', record: sampleRecord() } }],
    [
      'a target on a javascript: address',
      { view: EDITOR, target: { ...TARGET, source: 'javascript:alert(1)' } },
    ],
    [
      'a target without a quote',
      { view: EDITOR, target: { ...TARGET, quote: { type: 'TextQuoteSelector' } } },
    ],
    ['a target of an unknown kind', { view: EDITOR, target: { ...TARGET, kind: 'page' } }],
  ])('refuses to open %s', async (_label, payload) => {
    const { send } = await setup();
    const wrapped = 'view' in payload ? payload : { view: payload };
    expect((await send('openNoteFrame', wrapped, 'page')).ok).toBe(false);
  });

  it('a session outlives the worker: a new handler table over the same storage serves it', async () => {
    const first = await setup();
    const nonce = await first.open(EDITOR);
    expect((await first.send('noteFrameView', { nonce }, 'frame')).ok).toBe(true);
    const restarted = await setup({ ok: true, value: null }, first.area);
    const values = { note: 'Traag getypt', tags: [], linked: [] };
    const answer = await restarted.send(
      'noteFrameEvent',
      { nonce, event: { type: 'save', values } },
      'frame',
    );
    expect(answer).toEqual({ ok: true, value: null });
    expect((await allAnnotations(restarted.db)).map((note: AnnotationRecord) => note.body.note)).toEqual([
      'Traag getypt',
    ]);
    expect(restarted.forwarded).toHaveLength(1);
  });

  it('belongs to the first frame document that shows it: a second frame or a reload gets nothing', async () => {
    const { send, open, forwarded } = await setup();
    const nonce = await open(EDITOR);
    expect((await send('noteFrameView', { nonce }, 'frame')).ok).toBe(true);
    for (const other of ['secondFrame', 'frameReloaded'] as const) {
      expect(await send('noteFrameView', { nonce }, other)).toEqual({
        ok: false,
        error: 'note frame: no such session',
      });
      expect((await send('noteFrameEvent', { nonce, event: { type: 'cancel' } }, other)).ok).toBe(false);
    }
    expect(forwarded).toEqual([]);
    expect((await send('noteFrameView', { nonce }, 'frame')).ok).toBe(true);
  });

  it.each([
    ['a save', { type: 'save', values: { note: 'x', tags: [], linked: [] } }],
    ['a cancel', { type: 'cancel' }],
  ] as const)('%s ends the session', async (_label, event) => {
    const { send, open } = await setup();
    const nonce = await open(EDITOR);
    expect((await send('noteFrameEvent', { nonce, event }, 'frame')).ok).toBe(true);
    expect((await send('noteFrameView', { nonce }, 'frame')).ok).toBe(false);
  });

  it('a save the storage refuses answers why, keeps the session for a retry, and closes nothing', async () => {
    const { send, open, db, forwarded } = await setup();
    db.annotations.hook('creating', () => {
      throw new DOMException('disk full', 'QuotaExceededError');
    });
    const nonce = await open(EDITOR);
    const event = { type: 'save', values: { note: 'x', tags: [], linked: [] } };
    const answer = await send('noteFrameEvent', { nonce, event }, 'frame');
    expect(answer.ok ? '' : answer.error).toMatch(/^storage-full: /);
    expect(forwarded).toEqual([]);
    expect((await send('noteFrameView', { nonce }, 'frame')).ok).toBe(true);
  });

  it('a save of a note the database refuses answers the field', async () => {
    const { send, open } = await setup();
    const nonce = await open(EDITOR);
    const event = { type: 'save', values: { note: 'x'.repeat(20_001), tags: [], linked: [] } };
    const answer = await send('noteFrameEvent', { nonce, event }, 'frame');
    expect(answer.ok ? '' : answer.error).toContain('body.note');
  });

  it('expires when unused, and each use renews it', async () => {
    const { send, open, clock } = await setup();
    const nonce = await open(EDITOR);
    clock.now += SESSION_IDLE_MS - 1;
    expect((await send('noteFrameView', { nonce }, 'frame')).ok).toBe(true);
    clock.now += SESSION_IDLE_MS - 1;
    expect((await send('noteFrameView', { nonce }, 'frame')).ok).toBe(true);
    clock.now += SESSION_IDLE_MS;
    expect((await send('noteFrameView', { nonce }, 'frame')).ok).toBe(false);
  });
});
