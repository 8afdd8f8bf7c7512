/** State of the in-page annotation layer: which one floating piece shows, and where. */

import type { LinkedDocument } from '../../data/annotations/linked-documents';
import type { AnnotationRecord } from '../../data/annotations/model';
import type { NoteDraft, NoteFrameTarget } from '../../data/annotations/note-frame';
import { watched } from '../shared/watched';

/** A viewport rectangle to place the floating piece next to. */
export interface ViewportRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * What the layer shows. `key` changes when a new editor opens, so its fields start afresh; `target`
 * is what its Save writes.
 */
export type OverlayView =
  | { kind: 'none' }
  | { kind: 'toolbar'; rect: ViewportRect }
  | { kind: 'editor'; rect: ViewportRect; draft: NoteDraft; target: NoteFrameTarget; key: number }
  | { kind: 'card'; rect: ViewportRect; record: AnnotationRecord; linked: LinkedDocument[]; focus: boolean };

/** The layer's state, created by the content script and passed to `AnnotateOverlay`. */
export function createOverlayState() {
  const view = watched<OverlayView>({ kind: 'none' });
  let editors = 0;
  return {
    view,
    show(next: OverlayView) {
      view.value = next;
    },
    openEditor(rect: ViewportRect, draft: NoteDraft, target: NoteFrameTarget) {
      editors += 1;
      view.value = { kind: 'editor', rect, draft, target, key: editors };
    },
    hide() {
      view.value = { kind: 'none' };
    },
  };
}

/** The overlay state's type. */
export type OverlayState = ReturnType<typeof createOverlayState>;
