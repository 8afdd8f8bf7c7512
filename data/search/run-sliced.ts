/**
 * Runs long work written as a generator in time-budgeted slices (uBlock Origin style): steps run
 * until the slice's budget is spent, then the runner yields to the event loop so input and
 * rendering go first. The same generator run to the end in one go gives the one-shot result, so
 * the sliced and the one-shot paths cannot drift apart.
 *
 * A step is whatever the generator does between two `yield`s: keep each well under the budget.
 * Each `yield` may carry the fraction done (0…1).
 */

/** Work in steps; yields the fraction done (or nothing), returns the result. */
export type SlicedWork<T> = Generator<number | undefined, T, void>;

/** How a sliced run went (for the status line and the benchmark). */
export interface SliceStats {
  slices: number;
  /** Longest time spent in one slice, in ms. */
  longestSliceMs: number;
}

export interface SliceOptions {
  /** Time per slice before yielding, in ms (default 8: well inside a 16 ms frame). */
  budgetMs?: number;
  /** Stops the work at the next slice boundary (the promise rejects with the abort reason). */
  signal?: AbortSignal;
  /** Called after each slice with the last fraction the work reported. */
  onProgress?: (fraction: number) => void;
  /** Gives the thread back between slices (default: `yieldToEventLoop`). */
  yieldTask?: () => Promise<void>;
  /** Called with the length of each slice in ms (the benchmark's distribution). */
  onSlice?: (ms: number) => void;
  /** Clock in ms (tests inject one). */
  now?: () => number;
}

/** Runs `work` to the end at once (the one-shot path). */
export function runToEnd<T>(work: SlicedWork<T>): T {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}

interface TaskScheduler {
  postTask(callback: () => void, options: { priority: 'user-visible' }): Promise<void>;
}

/**
 * Resolves in a new task: `scheduler.postTask` where it exists (a real task, not clamped like
 * nested timers), else `setTimeout(0)`.
 */
export function yieldToEventLoop(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<TaskScheduler> }).scheduler;
  if (typeof scheduler?.postTask === 'function') {
    return scheduler.postTask(() => {}, { priority: 'user-visible' });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Runs `work` in slices of about `budgetMs`, yielding between them; resolves with its result. */
export async function runSliced<T>(
  work: SlicedWork<T>,
  options: SliceOptions = {},
): Promise<{ value: T; stats: SliceStats }> {
  const budget = options.budgetMs ?? 8;
  const now = options.now ?? (() => performance.now());
  const yieldTask = options.yieldTask ?? yieldToEventLoop;
  const stats: SliceStats = { slices: 0, longestSliceMs: 0 };
  let fraction = 0;
  for (;;) {
    options.signal?.throwIfAborted();
    const start = now();
    let elapsed = 0;
    stats.slices++;
    do {
      const step = work.next();
      if (step.done) {
        elapsed = now() - start;
        stats.longestSliceMs = Math.max(stats.longestSliceMs, elapsed);
        options.onSlice?.(elapsed);
        options.onProgress?.(1);
        return { value: step.value, stats };
      }
      if (typeof step.value === 'number') fraction = step.value;
      elapsed = now() - start;
    } while (elapsed < budget);
    stats.longestSliceMs = Math.max(stats.longestSliceMs, elapsed);
    options.onSlice?.(elapsed);
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
