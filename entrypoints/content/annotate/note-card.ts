/**
 * Showing one note's card next to its highlight: marked as the active highlight, with the names of
 * its linked documents as known now, updated in place once the dataset's titles arrive. When it
 * shows and closes is the annotator's state machine's to decide (annotator-machine.ts).
 */

import type { createLinkedNames } from '../../../components/annotations/linked-names';
import type { OverlayState } from '../../../components/annotations/overlay-state';
import type { HighlightLayer } from './highlights';
import type { Anchoring } from './page-anchoring';
import { viewportRectOf } from './selection';

/** Create the card's display; `show` answers false when the note or its highlight is gone. */
export function createNoteCard(deps: {
  state: OverlayState;
  highlights: HighlightLayer;
  anchoring: Anchoring;
  names: ReturnType<typeof createLinkedNames>;
  ensureUi(): Promise<void>;
}): { show(id: string, focus: boolean): boolean } {
  const { state, highlights, anchoring, names } = deps;
  return {
    show(id, focus) {
      const record = anchoring.record(id);
      const range = highlights.rangeOf(id);
      if (!record || !range) return false;
      highlights.setActive(id);
      const rect = viewportRectOf(range);
      void deps.ensureUi().then(() => {
        state.show({ kind: 'card', rect, record, linked: names.now(record.body.linkedDocumentIds), focus });
        // Titles and the dataset's citations arrive from one lookup; the card updates in place.
        void names.resolve(record.body.linkedDocumentIds).then((linked) => {
          const view = state.view.value;
          if (view.kind === 'card' && view.record.id === id) state.show({ ...view, linked, focus: false });
        });
      });
      return true;
    },
  };
}
