/** State of the in-page annotation layer: which one floating piece shows, and where. */
import { signal } from '@preact/signals-core';
import type { LinkedDocument } from '../../data/annotations/linked-documents';
import type { AnnotationRecord } from '../../data/annotations/model';
import type { NoteDraft } from './NoteEditor';

/** A viewport rectangle to place the floating piece next to. */
export interface ViewportRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** What the layer shows. `key` changes when a new editor opens, so its fields start afresh. */
export type OverlayView =
  | { kind: 'none' }
  | { kind: 'toolbar'; rect: ViewportRect }
  | { kind: 'editor'; rect: ViewportRect; draft: NoteDraft; key: number }
  | { kind: 'card'; rect: ViewportRect; record: AnnotationRecord; linked: LinkedDocument[]; focus: boolean };

/** The layer's state, created by the content script and passed to `AnnotateOverlay`. */
export function createOverlayState() {
  const view = signal<OverlayView>({ kind: 'none' });
  let editors = 0;
  return {
    view,
    show(next: OverlayView) {
      view.value = next;
    },
    openEditor(rect: ViewportRect, draft: NoteDraft) {
      editors += 1;
      view.value = { kind: 'editor', rect, draft, key: editors };
    },
    hide() {
      view.value = { kind: 'none' };
    },
  };
}

/** The overlay state's type. */
export type OverlayState = ReturnType<typeof createOverlayState>;
