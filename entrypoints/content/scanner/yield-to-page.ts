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
