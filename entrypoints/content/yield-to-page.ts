/**
 * Gives the main thread back to the page between scanner slices.
 *
 * `scheduler.postTask` first: it queues a real task (input, rendering and page tasks run before
 * it), is not clamped to 4 ms like nested `setTimeout`s (which would leave the scanner idle half
 * the time) and takes an AbortSignal, so a reloaded extension stops cleanly. `requestIdleCallback`
 * was not chosen: on a busy page it can starve the scan for seconds. `setTimeout(0)` is the fallback
 * where `scheduler` is missing.
 */

interface TaskScheduler {
  postTask(callback: () => void, options: { priority: 'user-visible'; signal: AbortSignal }): Promise<void>;
}

/** Resolves in a new task; resolves at once (without waiting) when `signal` is already aborted. */
export function yieldToPage(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  const scheduler = (globalThis as { scheduler?: Partial<TaskScheduler> }).scheduler;
  if (typeof scheduler?.postTask === 'function') {
    try {
      return scheduler.postTask(() => {}, { priority: 'user-visible', signal }).catch(() => {});
    } catch {
      // A content-script sandbox may refuse the call (wrapped objects): use the timer below.
    }
  }
  return new Promise((resolve) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, 0);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Resolves in the next animation frame, before the browser computes style and layout, so DOM
 * writes made then cost one rendering pass. A hidden document renders nothing and gets no frames:
 * there a plain task (`yieldToPage`) is enough.
 */
export function nextFrame(doc: Document, signal: AbortSignal): Promise<void> {
  const view = doc.defaultView;
  if (
    signal.aborted ||
    doc.visibilityState === 'hidden' ||
    typeof view?.requestAnimationFrame !== 'function'
  ) {
    return yieldToPage(signal);
  }
  return new Promise((resolve) => {
    const onAbort = (): void => {
      view.cancelAnimationFrame(frame);
      resolve();
    };
    const frame = view.requestAnimationFrame(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    });
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
