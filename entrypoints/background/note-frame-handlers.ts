/**
 * The note frame's sessions (data/annotations/note-frame.ts). A content script opens one for its tab
 * and frame; only the frame page in that same tab, holding the session's nonce, may read the view or
 * send events, which go back to that content script alone. One session per tab, in this worker's
 * memory (a restarted worker forgets them: the frame then shows nothing and the reader opens it again).
 */
import {
  checkNoteFrameEvent,
  checkNoteFrameView,
  NONCE_PATTERN,
  NOTE_FRAME_PAGE,
  type NoteFrameEvent,
  type NoteFrameView,
  newNonce,
} from '../../data/annotations/note-frame';
import type { Result } from '../../data/messages';
import type { HandlerTable } from './handlers';
import type { SenderInfo } from './sender';
import type { Validator } from './validate-payload';

/** The note frame calls. */
export type NoteFrameCall = 'openNoteFrame' | 'noteFrameView' | 'noteFrameEvent';

/** Sends `noteFrameEvent` to one frame of one tab; resolves to the content script's answer. */
export type ForwardToFrame = (tabId: number, frameId: number, message: unknown) => Promise<unknown>;

interface Session {
  nonce: string;
  frameId: number;
  view: NoteFrameView;
}

const fail = (error: string) => ({ ok: false, error }) as const;
const NO_SESSION = 'note frame: no such session';

const keysOnly = (payload: unknown, keys: string[]): payload is Record<string, unknown> =>
  typeof payload === 'object' &&
  payload !== null &&
  !Array.isArray(payload) &&
  Object.keys(payload).every((key) => keys.includes(key));

const viewPayload: Validator<{ view: NoteFrameView }> = (payload) => {
  if (!keysOnly(payload, ['view'])) return fail('payload must be { view }');
  const view = checkNoteFrameView(payload.view);
  return view.ok ? { ok: true, value: { view: view.value } } : view;
};

const noncePayload: Validator<{ nonce: string }> = (payload) => {
  if (
    !keysOnly(payload, ['nonce']) ||
    typeof payload.nonce !== 'string' ||
    !NONCE_PATTERN.test(payload.nonce)
  )
    return fail('payload must be { nonce }');
  return { ok: true, value: { nonce: payload.nonce } };
};

const eventPayload: Validator<{ nonce: string; event: NoteFrameEvent }> = (payload) => {
  if (
    !keysOnly(payload, ['nonce', 'event']) ||
    typeof payload.nonce !== 'string' ||
    !NONCE_PATTERN.test(payload.nonce)
  )
    return fail('payload must be { nonce, event }');
  const event = checkNoteFrameEvent(payload.event);
  return event.ok ? { ok: true, value: { nonce: payload.nonce, event: event.value } } : event;
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

/** The handlers, over one session table. */
export function createNoteFrameHandlers(forward: ForwardToFrame): Pick<HandlerTable, NoteFrameCall> {
  const sessions = new Map<number, Session>();

  const sessionOf = (sender: SenderInfo, nonce: string): Session | null => {
    if (!isFramePage(sender)) return null;
    const session = sessions.get(sender.tabId as number);
    return session && session.nonce === nonce ? session : null;
  };

  return {
    openNoteFrame: {
      from: 'any',
      validate: viewPayload,
      handle: ({ view }, sender): Result<{ nonce: string }> => {
        if (sender.kind !== 'content-script' || sender.tabId === null)
          return fail('openNoteFrame is only accepted from content scripts');
        const nonce = newNonce();
        sessions.set(sender.tabId, { nonce, frameId: sender.frameId ?? 0, view });
        return { ok: true, value: { nonce } };
      },
    },
    noteFrameView: {
      from: 'extension-page',
      validate: noncePayload,
      handle: ({ nonce }, sender): Result<NoteFrameView> => {
        const session = sessionOf(sender, nonce);
        return session ? { ok: true, value: session.view } : fail(NO_SESSION);
      },
    },
    noteFrameEvent: {
      from: 'extension-page',
      validate: eventPayload,
      handle: async ({ nonce, event }, sender): Promise<Result<string | null>> => {
        const session = sessionOf(sender, nonce);
        if (!session) return fail(NO_SESSION);
        const answer = (await forward(sender.tabId as number, session.frameId, {
          type: 'noteFrameEvent',
          payload: { nonce, event },
        }).catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)))) as
          | Result<string | null>
          | undefined;
        return answer ?? fail('note frame: the page did not answer');
      },
    },
  };
}
