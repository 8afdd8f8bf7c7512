/**
 * The note card over a highlight: shown on hover (closing after a grace time once the pointer has
 * left both the highlight and the card, WCAG 1.4.13), or pinned when reached by keyboard or from
 * the side panel (then only Escape, a click elsewhere or another action closes it).
 */

import type { createLinkedNames } from '../../../components/annotations/linked-names';
import type { OverlayState } from '../../../components/annotations/overlay-state';
import type { HighlightLayer } from './highlights';
import type { Anchoring } from './page-anchoring';
import { viewportRectOf } from './selection';

/** Time the pointer may leave a highlight or card before the card closes. */
export const HOVER_GRACE_MS = 300;

/** Control of the one note card. */
export interface NoteCardControl {
  /** Show the note `id`; `pin` for the keyboard path (focus moves into the card). */
  show(id: string, pin: boolean): void;
  /** Close after the grace time, unless pinned or the pointer comes back. */
  hideSoon(): void;
  /** The pointer is back: cancel a pending close. */
  keep(): void;
  /** Forget the card's state (the overlay was hidden). */
  reset(): void;
  current(): string | null;
  pinned(): boolean;
}

/** Create the card control; `hide` hides the whole overlay, `onPin` remembers where focus was. */
export function createNoteCard(deps: {
  state: OverlayState;
  highlights: HighlightLayer;
  anchoring: Anchoring;
  names: ReturnType<typeof createLinkedNames>;
  ensureUi(): Promise<void>;
  onPin(): void;
  hide(): void;
}): NoteCardControl {
  const { state, highlights, anchoring, names } = deps;
  let id: string | null = null;
  let pinned = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const keep = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };

  return {
    show(next, pin) {
      const record = anchoring.record(next);
      const range = highlights.rangeOf(next);
      if (!record || !range) return;
      keep();
      if (pin && !pinned) deps.onPin();
      id = next;
      pinned = pinned || pin;
      highlights.setActive(next);
      const rect = viewportRectOf(range);
      void deps.ensureUi().then(() => {
        state.show({
          kind: 'card',
          rect,
          record,
          linked: names.now(record.body.linkedDocumentIds),
          focus: pin,
        });
        // Titles and the dataset's citations arrive from one lookup; the card updates in place.
        void names.resolve(record.body.linkedDocumentIds).then((linked) => {
          const view = state.view.value;
          if (view.kind === 'card' && view.record.id === next) state.show({ ...view, linked, focus: false });
        });
      });
    },
    hideSoon() {
      if (pinned || state.view.value.kind !== 'card' || timer !== undefined) return;
      timer = setTimeout(() => {
        timer = undefined;
        if (state.view.value.kind === 'card' && !pinned) deps.hide();
      }, HOVER_GRACE_MS);
    },
    keep,
    reset() {
      keep();
      id = null;
      pinned = false;
    },
    current: () => id,
    pinned: () => pinned,
  };
}
