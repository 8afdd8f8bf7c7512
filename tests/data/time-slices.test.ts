import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  nextTask,
  runSlice,
  runSliced,
  runToEnd,
  type SlicedWork,
  withinProgress,
} from '../../data/time-slices';

/** `steps` steps of 1 ms each on a fake clock, reporting i/steps; returns 'done'. */
function* clockedWork(clock: { t: number }, steps: number): SlicedWork<string> {
  for (let i = 1; i <= steps; i++) {
    clock.t += 1;
    yield i / steps;
  }
  return 'done';
}

describe('runSliced', () => {
  it('runs steps until the budget is spent, yields between slices, and completes', async () => {
    const clock = { t: 0 };
    let yields = 0;
    const progress: number[] = [];
    const { value, stats } = await runSliced(clockedWork(clock, 20), {
      budgetMs: 4,
      now: () => clock.t,
      yieldTask: async () => {
        yields++;
      },
      onProgress: (f) => progress.push(f),
    });
    expect(value).toBe('done');
    // 20 steps of 1 ms in slices of 4 ms: 5 full slices, then one that only sees the end.
    expect(stats.slices).toBe(6);
    expect(yields).toBe(5);
    expect(stats.longestSliceMs).toBe(4);
    expect(progress).toEqual([0.2, 0.4, 0.6, 0.8, 1, 1]);
  });

  it('gives the event loop a turn between slices (a timer set meanwhile runs before the end)', async () => {
    const clock = { t: 0 };
    const order: string[] = [];
    setTimeout(() => order.push('timer'), 0);
    const run = runSliced(clockedWork(clock, 10), { budgetMs: 2, now: () => clock.t }).then(() =>
      order.push('done'),
    );
    await run;
    expect(order).toEqual(['timer', 'done']);
  });

  it('stops at a slice boundary when aborted', async () => {
    const clock = { t: 0 };
    const stop = new AbortController();
    let steps = 0;
    function* counted(): SlicedWork<void> {
      for (;;) {
        steps++;
        clock.t += 1;
        yield;
      }
    }
    const run = runSliced(counted(), { budgetMs: 3, now: () => clock.t, signal: stop.signal });
    stop.abort(new Error('closed'));
    await expect(run).rejects.toThrow('closed');
    expect(steps).toBe(3);
  });

  it('withinProgress maps a phase onto its share', () => {
    const clock = { t: 0 };
    const seen: (number | undefined)[] = [];
    const work = withinProgress(clockedWork(clock, 4), 0.5, 1);
    for (let step = work.next(); !step.done; step = work.next()) seen.push(step.value);
    expect(seen).toEqual([0.625, 0.75, 0.875, 1]);
  });
});

describe('runToEnd', () => {
  it('runs the work in one go and returns its result', () => {
    const clock = { t: 0 };
    expect(runToEnd(clockedWork(clock, 5))).toBe('done');
    expect(clock.t).toBe(5);
  });
});

describe('runSlice', () => {
  it('steps until the budget is spent, counting from the given start', () => {
    const clock = { t: 10 };
    let steps = 0;
    const step = () => {
      steps++;
      clock.t += 1;
      return true;
    };
    expect(runSlice(step, { budgetMs: 3, start: 9, now: () => clock.t })).toBe(3);
    expect(steps).toBe(2);
  });

  it('steps until nothing is left, and at least once even without budget', () => {
    const clock = { t: 0 };
    const left = [1, 2, 3];
    expect(
      runSlice(() => left.shift() !== undefined && left.length > 0, { budgetMs: 100, now: () => clock.t }),
    ).toBe(0);
    expect(left).toEqual([]);
    let steps = 0;
    runSlice(() => ++steps > 0, { budgetMs: 0, now: () => clock.t });
    expect(steps).toBe(1);
  });
});

const global = globalThis as { scheduler?: unknown };

describe('nextTask', () => {
  afterEach(() => {
    delete global.scheduler;
    vi.useRealTimers();
  });

  it('posts a user-visible task, with the signal when there is one, when scheduler.postTask exists', async () => {
    const postTask = vi.fn((callback: () => void) => Promise.resolve(callback()));
    global.scheduler = { postTask };
    const { signal } = new AbortController();
    await nextTask(signal);
    expect(postTask).toHaveBeenCalledWith(expect.any(Function), { priority: 'user-visible', signal });
    await nextTask();
    expect(postTask).toHaveBeenLastCalledWith(expect.any(Function), { priority: 'user-visible' });
  });

  it.each([
    ['missing', undefined],
    [
      'throwing',
      {
        postTask: () => {
          throw new TypeError('denied');
        },
      },
    ],
  ])('falls back to a timer when scheduler is %s', async (_name, scheduler) => {
    global.scheduler = scheduler;
    vi.useFakeTimers();
    let done = false;
    const waiting = nextTask(new AbortController().signal).then(() => {
      done = true;
    });
    await Promise.resolve();
    expect(done).toBe(false);
    await vi.runAllTimersAsync();
    await waiting;
    expect(done).toBe(true);
  });

  it('resolves when aborted, without waiting for the task', async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const waiting = nextTask(controller.signal);
    controller.abort();
    await expect(waiting).resolves.toBeUndefined();
    await expect(nextTask(controller.signal)).resolves.toBeUndefined();
  });

  it('treats a rejected task (aborted scheduler task) as done', async () => {
    global.scheduler = { postTask: () => Promise.reject(new DOMException('aborted', 'AbortError')) };
    await expect(nextTask(new AbortController().signal)).resolves.toBeUndefined();
  });
});
