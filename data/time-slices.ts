/**
 * Long work in time-budgeted slices (uBlock Origin's pattern): steps run until the slice's budget
 * is spent, then the thread goes back to the page or panel so input and rendering go first. Work
 * written as a generator runs sliced (`runSliced`) or in one go (`runToEnd`) with the same code, so
 * the two paths cannot drift apart; work that is not a generator (the page scanner) runs its own
 * steps through `runSlice` and waits with `nextTask`.
 *
 * A step is whatever happens between two `yield`s: keep each well under the budget. Each `yield`
 * may carry the fraction done (0…1).
 */

/** Work in steps; yields the fraction done (or nothing), returns the result. */
export type SlicedWork<T> = Generator<number | undefined, T, void>;

/** How a sliced run went (for the status line and the benchmark). */
export interface SliceStats {
  slices: number;
  /** Longest time spent in one slice, in ms. */
  longestSliceMs: number;
}

/** How `runSliced` runs. */
export interface SliceOptions {
  /** Time per slice before yielding, in ms (default 8: well inside a 16 ms frame). */
  budgetMs?: number;
  /** Stops the work at the next slice boundary (the promise rejects with the abort reason). */
  signal?: AbortSignal;
  /** Called after each slice with the last fraction the work reported. */
  onProgress?: (fraction: number) => void;
  /** Gives the thread back between slices (default: `nextTask` with `signal`). */
  yieldTask?: () => Promise<void>;
  /** Called with the length of each slice in ms (the benchmark's distribution). */
  onSlice?: (ms: number) => void;
  /** Clock in ms (tests inject one). */
  now?: () => number;
}

/** Runs `work` to the end at once (the one-shot path). Any yielded values are ignored. */
export function runToEnd<T>(work: Generator<unknown, T, void>): T {
  for (;;) {
    const step = work.next();
    if (step.done === true) return step.value;
  }
}

/**
 * Runs `step` until it reports that nothing is left (returns false) or the budget is spent, and at
 * least once, so a slow page or a zero budget still makes progress. `start` is when the slice
 * began (default: now). Returns the time the slice took, in ms.
 */
export function runSlice(
  step: () => boolean,
  options: { budgetMs: number; start?: number; now?: () => number },
): number {
  const now = options.now ?? (() => performance.now());
  const start = options.start ?? now();
  let elapsed: number;
  let more: boolean;
  do {
    more = step();
    elapsed = now() - start;
  } while (more && elapsed < options.budgetMs);
  return elapsed;
}

interface TaskScheduler {
  postTask(callback: () => void, options: { priority: 'user-visible'; signal?: AbortSignal }): Promise<void>;
}

/**
 * Resolves in a new task, so input, rendering and the page's own tasks run first; at once when
 * `signal` is (or becomes) aborted. `scheduler.postTask` first: a real task, not clamped to 4 ms
 * like nested timers, and it takes the signal. `requestIdleCallback` is not used: on a busy page it
 * can starve the work for seconds. `setTimeout(0)` where `scheduler` is missing or refuses the call
 * (a content-script sandbox may, with wrapped objects).
 */
export function nextTask(signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.resolve();
  const scheduler = (globalThis as { scheduler?: Partial<TaskScheduler> }).scheduler;
  if (typeof scheduler?.postTask === 'function') {
    try {
      return scheduler
        .postTask(() => {}, signal ? { priority: 'user-visible', signal } : { priority: 'user-visible' })
        .catch(() => {});
    } catch {
      // Refused: use the timer below.
    }
  }
  return new Promise((resolve) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, 0);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Runs `work` in slices of about `budgetMs`, yielding between them; resolves with its result. */
export async function runSliced<T>(
  work: SlicedWork<T>,
  options: SliceOptions = {},
): Promise<{ value: T; stats: SliceStats }> {
  const budgetMs = options.budgetMs ?? 8;
  const { signal, now } = options;
  const yieldTask = options.yieldTask ?? (() => nextTask(signal));
  const stats: SliceStats = { slices: 0, longestSliceMs: 0 };
  let fraction = 0;
  const outcome: { ended: boolean; value?: T } = { ended: false };
  const step = (): boolean => {
    const next = work.next();
    if (next.done === true) {
      outcome.ended = true;
      outcome.value = next.value;
      return false;
    }
    if (typeof next.value === 'number') fraction = next.value;
    return true;
  };
  for (;;) {
    signal?.throwIfAborted();
    stats.slices++;
    const elapsed = runSlice(step, { budgetMs, now });
    stats.longestSliceMs = Math.max(stats.longestSliceMs, elapsed);
    options.onSlice?.(elapsed);
    if (outcome.ended) {
      options.onProgress?.(1);
      return { value: outcome.value as T, stats };
    }
    options.onProgress?.(fraction);
    await yieldTask();
  }
}

/** Runs `work`, mapping the fractions it reports from 0…1 to `from`…`to` (for work in phases). */
export function* withinProgress<T>(work: SlicedWork<T>, from: number, to: number): SlicedWork<T> {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
    yield typeof step.value === 'number' ? from + (to - from) * step.value : undefined;
  }
}
