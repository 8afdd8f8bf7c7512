/**
 * Opt-in timing for the popover benchmark: pages that set `data-kamerlens-measure` on `<html>` get
 * `performance.measure` entries `kamerlens:popover-paint` (pointer enter → card painted) and
 * `kamerlens:popover-lookup` (one lookup round trip), in test builds only. Ordinary pages' timelines
 * stay clean.
 */
import { measuresRequested } from '../own-names';

export interface PopoverMeasure {
  /** Times one lookup round trip. */
  lookup<T>(pending: Promise<T>): Promise<T>;
  /** Records the time from `since` (an event timestamp) to the next painted frame. */
  painted(since: number): void;
}

/** The measure hooks; each does nothing unless the page asks (checked per call, so a bench can opt in late). */
export function createPopoverMeasure(doc: Document): PopoverMeasure {
  const enabled = () => measuresRequested(doc);
  const view = doc.defaultView;
  return {
    async lookup(pending) {
      if (!enabled()) return pending;
      const start = performance.now();
      try {
        return await pending;
      } finally {
        performance.measure('kamerlens:popover-lookup', { start, end: performance.now() });
      }
    },
    painted(since) {
      if (!enabled()) return;
      // The frame after the render is the one that shows it; the task after that frame is past paint.
      view?.requestAnimationFrame(() =>
        setTimeout(() =>
          performance.measure('kamerlens:popover-paint', { start: since, end: performance.now() }),
        ),
      );
    },
  };
}
