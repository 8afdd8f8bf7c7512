import { afterEach, describe, expect, it, vi } from 'vitest';
import { yieldToPage } from '../../../../entrypoints/content/scanner/yield-to-page';

const global = globalThis as { scheduler?: unknown };

afterEach(() => {
  delete global.scheduler;
  vi.useRealTimers();
});

describe('yieldToPage', () => {
  it('posts a user-visible task with the signal when scheduler.postTask exists', async () => {
    const postTask = vi.fn((callback: () => void) => Promise.resolve(callback()));
    global.scheduler = { postTask };
    const { signal } = new AbortController();
    await yieldToPage(signal);
    expect(postTask).toHaveBeenCalledWith(expect.any(Function), { priority: 'user-visible', signal });
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
    const waiting = yieldToPage(new AbortController().signal).then(() => {
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
    const waiting = yieldToPage(controller.signal);
    controller.abort();
    await expect(waiting).resolves.toBeUndefined();
    await expect(yieldToPage(controller.signal)).resolves.toBeUndefined();
  });

  it('treats a rejected task (aborted scheduler task) as done', async () => {
    global.scheduler = { postTask: () => Promise.reject(new DOMException('aborted', 'AbortError')) };
    await expect(yieldToPage(new AbortController().signal)).resolves.toBeUndefined();
  });
});
