/**
 * The note frame's sessions (data/annotations/note-frame.ts). A content script opens one for its tab
 * and frame, with the view and, for the editor, the note's target; only the frame page in that same
 * tab, holding the session's nonce, may read the view or send events. Save is done here: the note is
 * built from the session's target and stored, and the opening content script is told it was saved
 * (it re-anchors on the change notice every write sends). Other events go to that content script
 * alone. The first frame page document that asks for the view owns the session: another frame, or
 * the same frame loaded again, is refused. One session per tab, kept in `storage.session` (a stopped
 * worker keeps it), ended by save and cancel, and gone after SESSION_IDLE_MS without use.
 */
import {
  checkNoteFrameEvent,
  checkNoteFrameTarget,
  checkNoteFrameView,
  NONCE_PATTERN,
  NOTE_FRAME_PAGE,
  type NoteFrameEvent,
  type NoteFrameNotice,
  type NoteFrameTarget,
  type NoteFrameView,
  type NoteValues,
  newNonce,
  noteOfTarget,
} from '../../data/annotations/note-frame';
import { describeIssue, validateAnnotation } from '../../data/annotations/validate-annotation';
import type { ContentProtocol } from '../../data/messages';
import { objectWith, type Validator } from '../../data/payload';
import { fail, ok, type Result } from '../../data/result';
import { saveNote } from './annotations-handlers';
import type { Handlers } from './handler-spec';
import type { NoteFrameSession } from './note-frame-sessions';
import type { SenderInfo } from './sender';
import type { BackgroundServices } from './services';

/** How long an unused session lives (the open frame asks for its view every 20 s, renewing it). */
export const SESSION_IDLE_MS = 30 * 60_000;

const NO_SESSION = 'note frame: no such session';

/** `{ view, target }`: an editor needs the target its Save writes; a card has none. */
const openPayload: Validator<{ view: NoteFrameView; target?: NoteFrameTarget }> = (payload) => {
  const object = objectWith(payload, ['view', 'target']);
  if (!object.ok) return object;
  const view = checkNoteFrameView(object.value.view);
  if (!view.ok) return view;
  if (view.value.kind === 'card') {
    return object.value.target === undefined ? ok({ view: view.value }) : fail('a card has no target');
  }
  const target = checkNoteFrameTarget(object.value.target);
  if (!target.ok) return target;
  if ((target.value.kind === 'edit') !== (view.value.draft.mode === 'edit'))
    return fail('target and draft disagree');
  return ok({ view: view.value, target: target.value });
};

/** The session's nonce of an object with the `allowed` keys. */
function nonceOf(
  payload: unknown,
  allowed: readonly string[],
): Result<{ nonce: string } & Record<string, unknown>> {
  const object = objectWith(payload, allowed);
  if (!object.ok) return object;
  const { nonce } = object.value;
  if (typeof nonce !== 'string' || !NONCE_PATTERN.test(nonce)) return fail('nonce must be a session nonce');
  return { ok: true, value: { ...object.value, nonce } };
}

const noncePayload: Validator<{ nonce: string }> = (payload) => {
  const checked = nonceOf(payload, ['nonce']);
  return checked.ok ? { ok: true, value: { nonce: checked.value.nonce } } : checked;
};

const eventPayload: Validator<{ nonce: string; event: NoteFrameEvent }> = (payload) => {
  const checked = nonceOf(payload, ['nonce', 'event']);
  if (!checked.ok) return checked;
  const event = checkNoteFrameEvent(checked.value.event);
  return event.ok ? { ok: true, value: { nonce: checked.value.nonce, event: event.value } } : event;
};

/** Whether the sender is the note frame page (an extension page framed into a tab). */
function isFramePage(sender: SenderInfo): boolean {
  if (sender.kind !== 'extension-page' || sender.tabId === null || typeof sender.url !== 'string')
    return false;
  try {
    return new URL(sender.url).pathname === `/${NOTE_FRAME_PAGE}`;
  } catch {
    return false;
  }
}

/** The frame page document that sent a message (Firefox lacks `documentId`: its frame then). */
function viewerOf(sender: SenderInfo): string | null {
  if (typeof sender.documentId === 'string') return `document:${sender.documentId}`;
  return typeof sender.frameId === 'number' ? `frame:${sender.frameId}` : null;
}

/** The sender's session for `nonce`, claimed by the sender's document on first use and renewed. */
async function sessionOf(
  { noteFrameSessions: sessions, now }: BackgroundServices,
  sender: SenderInfo,
  nonce: string,
): Promise<NoteFrameSession | null> {
  const viewer = viewerOf(sender);
  if (!isFramePage(sender) || viewer === null) return null;
  const at = now();
  const session = await sessions.get(sender.tabId as number, at);
  if (!session || session.nonce !== nonce) return null;
  if (session.viewer !== null && session.viewer !== viewer) return null;
  const renewed = { ...session, viewer, expires: at + SESSION_IDLE_MS };
  await sessions.put(renewed);
  return renewed;
}

/** Tell the content script that opened `session` what happened; its answer, or why there is none. */
async function tell(
  services: BackgroundServices,
  session: NoteFrameSession,
  event: NoteFrameNotice,
): Promise<Result<null>> {
  const message: { type: 'noteFrameEvent'; payload: ContentProtocol['noteFrameEvent']['payload'] } = {
    type: 'noteFrameEvent',
    payload: { nonce: session.nonce, event },
  };
  const answer = (await services
    .sendToFrame(session.tabId, session.frameId, message)
    .catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)))) as
    | Result<null>
    | undefined;
  return answer ?? fail('note frame: the page did not answer');
}

/**
 * Store the editor's note, built from the session's target; a failure (storage full) goes back to
 * the editor, which shows it and keeps the session for a retry. Once saved, the session ends and the
 * content script closes the frame.
 */
async function save(
  services: BackgroundServices,
  session: NoteFrameSession,
  values: NoteValues,
): Promise<Result<null>> {
  if (!session.target) return fail('note frame: nothing to save');
  const checked = validateAnnotation(noteOfTarget(session.target, values, new Date(services.now())));
  if (!checked.ok) return fail(describeIssue(checked.issue));
  const saved = await saveNote(services, checked.value);
  if (!saved.ok) return saved;
  await services.noteFrameSessions.end(session.tabId);
  // The note is stored either way; a page that went away meanwhile has no frame left to close.
  await tell(services, session, { type: 'saved' });
  return ok(null);
}

/** The handlers. */
export const NOTE_FRAME_HANDLERS: Handlers<'openNoteFrame' | 'noteFrameView' | 'noteFrameEvent'> = {
  openNoteFrame: {
    from: 'any',
    validate: openPayload,
    handle: async (
      { view, target },
      sender,
      { noteFrameSessions: sessions, now },
    ): Promise<Result<{ nonce: string }>> => {
      if (sender.kind !== 'content-script' || sender.tabId === null)
        return fail('openNoteFrame is only accepted from content scripts');
      const nonce = newNonce();
      await sessions.put({
        nonce,
        tabId: sender.tabId,
        frameId: sender.frameId ?? 0,
        viewer: null,
        view,
        target: target ?? null,
        expires: now() + SESSION_IDLE_MS,
      });
      return { ok: true, value: { nonce } };
    },
  },
  noteFrameView: {
    from: 'extension-page',
    validate: noncePayload,
    handle: async ({ nonce }, sender, services): Promise<Result<NoteFrameView>> => {
      const session = await sessionOf(services, sender, nonce);
      return session ? { ok: true, value: session.view } : fail(NO_SESSION);
    },
  },
  noteFrameEvent: {
    from: 'extension-page',
    validate: eventPayload,
    handle: async ({ nonce, event }, sender, services): Promise<Result<null>> => {
      const session = await sessionOf(services, sender, nonce);
      if (!session) return fail(NO_SESSION);
      if (event.type === 'save') return save(services, session, event.values);
      // A cancel closes the frame: its session ends with it.
      if (event.type === 'cancel') await services.noteFrameSessions.end(session.tabId);
      return tell(services, session, event);
    },
  },
};
