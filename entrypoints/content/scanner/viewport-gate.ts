/**
 * When text is worth scanning: a block is scanned once it comes within a viewport's height of the
 * visible part of the page (an IntersectionObserver, which the browser evaluates after its own
 * layout, so the scanner never reads layout itself); once the reader has scrolled, together with
 * all else waiting within reach of it in document order (`text-reach.ts`: characters of text, not
 * pixels, so no second observer has to measure every waiting block in every frame). Off-screen text
 * costs the page nothing until the reader scrolls towards it; the side panel and the Tab key ask
 * the scanner for the rest (`page-scanner.ts`).
 */
import { type ReachEnd, type ReachLength, walkAhead, walkBehind } from './text-reach';

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
 *
 * Twenty viewports (~130,000 characters of the benchmark's prose at full width) since: each batch
 * frame costs the page about the same whatever it writes. Traced on the 1 MB page scrolled
 * through (`scanner.ts cost 1 reading`, CPU self time, 3 runs a side, load 2.9–3.3), of the +256 ms
 * per MB marking cost there, the 12 batch frames paid Blink's compositing-inputs walk of the whole
 * page (+37, ~2.3 ms a frame), a repaint (Paint +33) and the fixed part of each layout, our observer
 * callback (~1 ms) and write frame; the text itself paid shaping (+28, one per paragraph marked) and
 * our reading. Side by side with ten viewports in the same run (4 runs a side, three runs at load
 * 1.5–5.2, 0.5–2.7 and 0.4–2.0): 7 layouts instead of 12, the main thread's CPU time +182, +131
 * and +183 instead of +239, +263 and +239 ms per MB over the page without Kamerlens, the same 370
 * references marked, no long task. The price: a reader who stops after one screen has up to ~130,000 characters read
 * ahead instead of ~66,000 (at the rates above some 6–10 ms more of reading, writing and layout,
 * once).
 *
 * Forty viewports (~260,000 characters) since, together with a frame budget for writing that lets a
 * batch go in one frame (`WRITE_FLOOR_MS` in `mark-writer.ts`, with the figures: 4 layouts instead
 * of 6 and of 7 in two runs on the 1 MB page scrolled through, main-thread CPU +73 instead of +102
 * and +155 instead of +236 ms per MB). The price doubles again: ~260,000 characters read ahead
 * for a reader who stops after one screen. Pages over ~18 MB of such prose reach further anyway
 * (`REACH_AHEAD_SHARE`).
 */
export const REACH_AHEAD_CHARS = 256 * 1024;
/**
 * The share of the document's elements a batch reaches ahead at least, so a long page is read in
 * fewer, larger batches. Any frame that changes the page's layout costs Chromium an update of its
 * compositing inputs that walks the whole page, whatever changed: ~2 ms per MB of page per frame
 * (`ELEMENTS_PER_WRITE_MS` in `mark-writer.ts` has the figures). It was the largest part of what
 * marking cost the 20 MB benchmark page while scrolled; not the marks' look (a build whose marks
 * had no style paid the same) nor the near observer's many targets (a build that read but wrote
 * nothing paid nothing there). 1/64 of the 20 MB page's ~43,500 elements is ~680 (~290,000
 * characters); below ~18 MB of its prose REACH_AHEAD_CHARS reaches further anyway. Together with
 * the writer's larger frame budget there (`scanner.ts cost 20 reading`, side by side with the
 * build before, 2 runs a side, load 0.8–1.3): 5 layouts instead of 16, the traced
 * compositing-inputs update +227 instead of +753 ms per MB, main-thread CPU +845 instead of +1,588
 * and all work +996 instead of +1,910 ms per MB over the page without Kamerlens, no long task.
 * Either alone did not do it: larger batches alone were written over as many frames (20 layouts
 * against 18, load 6–7), the larger budget alone left 13 (load 1.1–1.9).
 */
export const REACH_AHEAD_SHARE = 1 / 64;

/** How far a batch reaches ahead in `doc`: REACH_AHEAD_CHARS, and at least REACH_AHEAD_SHARE of its elements. */
function reachAhead(doc: Document): ReachLength {
  // A live collection: its length walks the document again only after the document changed
  // (a fraction of a millisecond per batch, where each batch's layout costs the page tens of ms).
  return {
    chars: REACH_AHEAD_CHARS,
    elements: Math.floor(doc.getElementsByTagName('*').length * REACH_AHEAD_SHARE),
  };
}

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
      const length = reachAhead(first.ownerDocument);
      if (upward) {
        ahead = walkBehind(first, length, isWatched, meet);
        behind = walkAhead(last, { chars: REACH_BEHIND_CHARS }, isWatched, meet);
        reach = { from: ahead.end, to: behind.end, origin: first };
      } else {
        ahead = walkAhead(last, length, isWatched, meet);
        behind = walkBehind(first, { chars: REACH_BEHIND_CHARS }, isWatched, meet);
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
