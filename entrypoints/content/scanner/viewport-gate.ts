/**
 * When text is worth scanning: a block is scanned once it comes within a viewport's height of the
 * visible part of the page (an IntersectionObserver, which the browser evaluates after its own
 * layout, so the scanner never reads layout itself); once the reader has scrolled, together with
 * all else waiting within reach of it in document order (`text-reach.ts`: characters of text, not
 * pixels, so no second observer has to measure every waiting block in every frame). Off-screen text
 * costs the page nothing until the reader scrolls towards it; the side panel and the Tab key ask
 * the scanner for the rest (`page-scanner.ts`).
 */
import { type ReachEnd, walkAhead, walkBehind } from './text-reach';

/** Watches elements for the scanner; `near` is called once per watched element. */
export interface ViewportGate {
  /** Starts watching `element`. */
  watch(element: Element): void;
  /** Stops watching `element` (it was scanned for another reason). */
  unwatch(element: Element): void;
  /** Stops watching everything. */
  clear(): void;
}

/**
 * Makes a gate that calls `near(element, moving)` when a watched element should be scanned;
 * `moving` is true once the reader has scrolled (what comes near then is worth reading in larger
 * pieces: more of it will be seen soon).
 */
export type ViewportGateFactory = (near: (element: Element, moving: boolean) => void) => ViewportGate;

/** Text this close to the viewport is read: one viewport height above and below. */
const NEAR = '100% 0px';

/**
 * When something comes near a reader on the move, the waiting text that follows it in the
 * direction of travel, up to this many characters, is read with it: every batch of new marks
 * costs the page a frame of its own (relayout, repaint and a commit that grows with the page), so
 * scrolling should bring one batch every few screens, not one per screen. Measured on a 1 MB page
 * scrolled through (`npm run bench -- scanner`): 161 layouts with no reach, 77 with four
 * viewports, 28 with ten. Ten viewports of the benchmark's prose (1280 × 900, the page's full
 * width) hold about 66,000 characters, of a 40em column about 37,000. Characters, not pixels: the
 * reach observer this replaces measured every waiting block in every frame. Side by side with it
 * (`scanner.ts cost 20 reading`, the 20 MB page scrolled through its first MB, 4 runs a side, two
 * runs at load 2.2–6.2 and 1.9–3.1): 15 and 16 layouts instead of 19 and 17, the traced
 * IntersectionObserver work +660 and +200 instead of +977 and +340 ms per MB, the main thread's
 * CPU time +1,140 and +1,154 instead of +1,666 and +1,290 ms per MB over the page without
 * Kamerlens. Blink's CompositingInputs update, the largest row, stayed the same (+1,118 and +598
 * against +1,102 and +585): it is not the reach observer's (whether it is the near observer's,
 * which still measures every waiting block, is not measured yet).
 */
export const REACH_AHEAD_CHARS = 64 * 1024;
/**
 * Read with it too, the other way: the text just passed, where a reader who turns back looks first
 * (the reader's direction is told by where this batch starts against the last one: one who turned
 * back gets the full reach that way from the next batch on).
 */
export const REACH_BEHIND_CHARS = 16 * 1024;

/**
 * A gate over the window's IntersectionObserver, or undefined where there is none (the scanner
 * then scans everything at once). An element without a box of its own (`display: contents`, or
 * hidden by a stylesheet) never intersects: it is let through at once, so its blocks are watched
 * one by one instead of never.
 */
export function intersectionGate(view: Window | null): ViewportGateFactory | undefined {
  const Observer = (view as (Window & typeof globalThis) | null)?.IntersectionObserver;
  if (typeof Observer !== 'function') return undefined;
  return (near) => {
    const watched = new Set<Element>();
    const isWatched = (element: Element): boolean => watched.has(element);
    // Any scroll counts, the page's own or an inner scroller's (scroll events do not bubble, but
    // pass the window in the capture phase); heard once, then the listener is gone. Until then
    // only what is near is read: a page that is only looked at pays for the screens around the
    // viewport, not for the ten below it (at load on the 1 MB page, side by side with reach from
    // the start: +55 instead of +94 ms of main-thread work per MB, 5 references marked instead of 29).
    let scrolled = false;
    const onScroll = (): void => {
      scrolled = true;
    };
    view?.addEventListener('scroll', onScroll, { capture: true, passive: true, once: true });
    // The stretch of the document the latest batch reached (null ends: the document's own), and
    // where its walk in the direction of travel started.
    let reach: { from: Node | null; to: Node | null; origin: Element } | undefined;
    // Watched within reach: let through in a microtask, not inside `watch` (the scanner calls it
    // from the middle of a walk of its own).
    let late: Element[] = [];

    const forget = (element: Element): void => {
      watched.delete(element);
      close.unobserve(element);
    };
    const release = (element: Element): void => {
      forget(element);
      near(element, scrolled);
    };
    /**
     * Whether `element` lies in the stretch the latest batch reached: a block the scanner finds
     * inside a section that batch let through (read a level at a time when large), or that the page
     * added there, joins it instead of waiting for the next thing that comes near (which, after a
     * short scroll, may not come).
     */
    const inReach = (element: Element): boolean => {
      if (!reach || !element.isConnected) return false;
      const { from, to } = reach;
      if ((from && !from.isConnected) || (to && !to.isConnected)) {
        reach = undefined;
        return false;
      }
      const afterFrom =
        !from ||
        from === element ||
        (from.compareDocumentPosition(element) &
          (Node.DOCUMENT_POSITION_FOLLOWING | Node.DOCUMENT_POSITION_CONTAINS)) !==
          0;
      return (
        afterFrom &&
        (!to ||
          to === element ||
          (element.compareDocumentPosition(to) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0)
      );
    };
    const releaseLate = (): void => {
      const due = late;
      late = [];
      for (const element of due) if (watched.has(element)) release(element);
    };
    /** Lets through what waits within reach of `first`…`last`, which just came near. */
    const batch = (first: Element, last: Element): void => {
      const previous = reach?.origin;
      const upward =
        previous?.isConnected === true &&
        (previous.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_PRECEDING) !== 0;
      const reached: Element[] = [];
      const meet = (element: Element): void => {
        reached.push(element);
      };
      let ahead: ReachEnd;
      let behind: ReachEnd;
      if (upward) {
        ahead = walkBehind(first, REACH_AHEAD_CHARS, isWatched, meet);
        behind = walkAhead(last, REACH_BEHIND_CHARS, isWatched, meet);
        reach = { from: ahead.end, to: behind.end, origin: first };
      } else {
        ahead = walkAhead(last, REACH_AHEAD_CHARS, isWatched, meet);
        behind = walkBehind(first, REACH_BEHIND_CHARS, isWatched, meet);
        reach = { from: behind.end, to: ahead.end, origin: last };
      }
      // Nearest first in the direction of travel: the scanner reads them in this order.
      for (const element of reached) if (watched.has(element)) release(element);
    };
    const close = new Observer(
      (entries) => {
        let first: Element | undefined;
        let last: Element | undefined;
        for (const { target, isIntersecting, boundingClientRect: box } of entries) {
          if (!watched.has(target)) continue;
          if (!isIntersecting && (box.width > 0 || box.height > 0)) continue;
          release(target);
          // A boxless element far from the viewport says nothing about where the reader is.
          if (!isIntersecting || !scrolled) continue;
          if (!first || first.compareDocumentPosition(target) & Node.DOCUMENT_POSITION_PRECEDING)
            first = target;
          if (!last || last.compareDocumentPosition(target) & Node.DOCUMENT_POSITION_FOLLOWING) last = target;
        }
        if (first && last) batch(first, last);
      },
      { rootMargin: NEAR },
    );
    return {
      watch(element) {
        if (watched.has(element)) return;
        watched.add(element);
        if (scrolled && inReach(element)) {
          late.push(element);
          if (late.length === 1) queueMicrotask(releaseLate);
        } else close.observe(element);
      },
      unwatch: forget,
      clear() {
        view?.removeEventListener('scroll', onScroll, { capture: true });
        watched.clear();
        late = [];
        reach = undefined;
        close.disconnect();
      },
    };
  };
}
