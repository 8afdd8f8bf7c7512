/**
 * The content script's side of the note frame: opens a session in the background for each editor or
 * card the overlay shows (the frame page's URL carries only the session's nonce), and acts on what
 * the background tells of the current session only: the frame's size, cancel, edit, and that the
 * editor's note was saved. Note text reaches this isolated world and the extension pages, never the
 * page's DOM.
 */

import type { OverlayActions } from '../../../components/annotations/AnnotateOverlay';
import type { NoteFrameHost } from '../../../components/annotations/NoteFrame';
import { watched } from '../../../components/shared/watched';
import type { NoteFrameNotice, NoteFrameTarget, NoteFrameView } from '../../../data/annotations/note-frame';
import type { CallBackground } from '../../../data/messaging';
import type { Result } from '../../../data/result';

/** The host plus the event handler the content script's message listener calls. */
interface NoteFrameHostControl extends NoteFrameHost {
  handle(nonce: string, notice: NoteFrameNotice): Promise<Result<null>>;
}

/** Create the host; `pageUrl(nonce)` is the frame page's address for a session. */
export function createNoteFrameHost(deps: {
  call: CallBackground;
  actions(): OverlayActions | null;
  pageUrl(nonce: string): string;
}): NoteFrameHostControl {
  const size = watched<{ width: number; height: number } | null>(null);
  let current: string | null = null;

  return {
    size,
    async open(view: NoteFrameView, target?: NoteFrameTarget) {
      current = null;
      size.value = null;
      const answer = await deps.call('openNoteFrame', target ? { view, target } : { view });
      if (!answer.ok) {
        console.warn('Kamerlens: the note could not be shown:', answer.error);
        return null;
      }
      current = answer.value.nonce;
      return deps.pageUrl(current);
    },
    abandon() {
      current = null;
    },
    async handle(nonce, notice) {
      const actions = deps.actions();
      if (nonce !== current || !actions) return { ok: false, error: 'note frame: not the current session' };
      switch (notice.type) {
        case 'size':
          size.value = { width: notice.width, height: notice.height };
          return { ok: true, value: null };
        case 'saved':
          actions.saved();
          return { ok: true, value: null };
        case 'cancel':
          actions.dismiss();
          return { ok: true, value: null };
        case 'edit':
          actions.editCard();
          return { ok: true, value: null };
      }
    },
  };
}
