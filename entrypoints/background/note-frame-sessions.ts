/**
 * Where the note frame's sessions live: `storage.session` (in memory, cleared when the browser
 * closes, not readable by content scripts), so a service worker stopped while the reader types
 * keeps them and Save still finds its session.
 */
import type { NoteFrameTarget, NoteFrameView } from '../../data/annotations/note-frame';

/** One open editor or card: who opened it, which frame page may show it, and what it shows. */
export interface NoteFrameSession {
  nonce: string;
  tabId: number;
  /** The opening content script's frame (events go back there). */
  frameId: number;
  /** The frame page document that first asked for the view; no other document is served. */
  viewer: string | null;
  view: NoteFrameView;
  /** What the editor's Save writes (null for a card). */
  target: NoteFrameTarget | null;
  /** Epoch ms after which the session is gone. */
  expires: number;
}

/** The part of `storage.session` the sessions need (tests pass an in-memory one). */
export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

/** Sessions keyed by tab: opening one replaces the tab's previous session. */
export interface NoteFrameSessions {
  get(tabId: number, now: number): Promise<NoteFrameSession | null>;
  put(session: NoteFrameSession): Promise<void>;
  end(tabId: number): Promise<void>;
}

const keyOf = (tabId: number) => `noteFrame:${tabId}`;

/** The session table over `area`; an expired session reads as none and is removed. */
export function createNoteFrameSessions(area: SessionArea): NoteFrameSessions {
  return {
    async get(tabId, now) {
      const key = keyOf(tabId);
      const session = (await area.get(key))[key] as NoteFrameSession | undefined;
      if (!session) return null;
      if (session.expires <= now) {
        await area.remove(key);
        return null;
      }
      return session;
    },
    put: (session) => area.set({ [keyOf(session.tabId)]: session }),
    end: (tabId) => area.remove(keyOf(tabId)),
  };
}
