/**
 * When text is worth scanning: a block is scanned once it comes within a viewport's height of the
 * visible part of the page (an IntersectionObserver, which the browser evaluates after its own
 * layout, so the scanner never reads layout itself). Off-screen text costs the page nothing until
 * the reader scrolls towards it; the side panel and the Tab key ask the scanner for the rest
 * (`page-scanner.ts`).
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

/** Makes a gate that calls `near(element)` when a watched element should be scanned. */
export type ViewportGateFactory = (near: (element: Element) => void) => ViewportGate;

/** How far outside the viewport text is scanned ahead: one viewport height above and below. */
const REACH = '100% 0px';

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
    const observer = new Observer(
      (entries) => {
        for (const entry of entries) {
          const box = entry.boundingClientRect;
          if (!entry.isIntersecting && (box.width > 0 || box.height > 0)) continue;
          observer.unobserve(entry.target);
          near(entry.target);
        }
      },
      { rootMargin: REACH },
    );
    return {
      watch: (element) => observer.observe(element),
      unwatch: (element) => observer.unobserve(element),
      clear: () => observer.disconnect(),
    };
  };
}
