/**
 * When text is worth scanning: a block is scanned once it comes within a viewport's height of the
 * visible part of the page; once the reader has scrolled, together with all else waiting within ten
 * (IntersectionObservers, which the browser evaluates after its own layout, so the scanner never
 * reads layout itself). Off-screen text costs the page nothing until the reader scrolls towards
 * it; the side panel and the Tab key ask the scanner for the rest (`page-scanner.ts`).
 */

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
 * When something comes near, everything waiting within this reach is read with it: every batch of
 * new marks costs the page a frame of its own (relayout, repaint and a commit that grows with the
 * page), so scrolling should bring one batch every few screens, not one per screen. Measured on a
 * 1 MB page scrolled through (`npm run bench -- scanner`): 161 layouts with no reach, 77 with four
 * viewports, 28 with ten. Reach is for a reader on the move: until the first scroll only what is
 * near is read, so a page that is only looked at pays for the screens around the viewport, not
 * for the ten below it (at load on the same page, side by side with reach from the start: +55
 * instead of +94 ms of main-thread work per MB, 5 references marked instead of 29).
 */
const REACH = '1000% 0px';

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
    // Everything waiting; the reach observer watches it only once the reader has scrolled.
    const watched = new Set<Element>();
    // Any scroll counts, the page's own or an inner scroller's (scroll events do not bubble, but
    // pass the window in the capture phase); heard once, then the listener is gone. Until then
    // reach is not used, so it is not observed either: a page only looked at pays for one observer.
    let scrolled = false;
    const onScroll = (): void => {
      scrolled = true;
      for (const element of watched) reach.observe(element);
    };
    view?.addEventListener('scroll', onScroll, { capture: true, passive: true, once: true });
    // Made first, so its answers of a frame are in before the near observer's.
    const inReach = new Set<Element>();
    // True from a release by the near observer until two frames later. The reach observer's first
    // answers after the scroll can come a frame after the near observer's (elements it was told to
    // watch during a frame are measured in the next one): what enters reach then joins the batch
    // instead of waiting for the next thing that comes near (which, after a short scroll, may not come).
    let batching = false;
    const endBatchSoon = (): void => {
      batching = true;
      const frame = view?.requestAnimationFrame?.bind(view);
      if (frame) frame(() => frame(() => (batching = false)));
      else batching = false;
    };
    const reach = new Observer(
      (entries) => {
        for (const { target, isIntersecting } of entries) {
          if (isIntersecting) inReach.add(target);
          else inReach.delete(target);
        }
        if (batching) for (const element of [...inReach]) release(element);
      },
      { rootMargin: REACH },
    );
    const forget = (element: Element): void => {
      watched.delete(element);
      inReach.delete(element);
      reach.unobserve(element);
      close.unobserve(element);
    };
    const release = (element: Element): void => {
      forget(element);
      near(element, scrolled);
    };
    const close = new Observer(
      (entries) => {
        let any = false;
        for (const entry of entries) {
          const box = entry.boundingClientRect;
          if (!entry.isIntersecting && (box.width > 0 || box.height > 0)) continue;
          release(entry.target);
          any = true;
        }
        if (any && scrolled) {
          for (const element of [...inReach]) release(element);
          endBatchSoon();
        }
      },
      { rootMargin: NEAR },
    );
    return {
      watch(element) {
        watched.add(element);
        if (scrolled) reach.observe(element);
        close.observe(element);
      },
      unwatch: forget,
      clear() {
        view?.removeEventListener('scroll', onScroll, { capture: true });
        watched.clear();
        inReach.clear();
        reach.disconnect();
        close.disconnect();
      },
    };
  };
}
