import { describe, expect, it, vi } from 'vitest';
import { contentLifetime, type LocationSource, watchLocation } from '../../../entrypoints/content/lifetime';

describe('contentLifetime', () => {
  it('stays on when WXT aborts while the extension is there (a page forged the "newer copy" event)', () => {
    const ctx = new AbortController();
    const { signal } = contentLifetime(ctx, () => true);
    ctx.abort('newer script');
    expect(signal.aborted).toBe(false);
  });

  it('ends when WXT aborts and the extension is gone (an old copy after an update)', () => {
    const ctx = new AbortController();
    const { signal } = contentLifetime(ctx, () => false);
    expect(signal.aborted).toBe(false);
    ctx.abort('newer script');
    expect(signal.aborted).toBe(true);
    expect(signal.reason).toBe('newer script');
  });

  it('asks whether the extension is there only when WXT aborts, and ends at once if it already did', () => {
    const alive = vi.fn(() => false);
    const ctx = new AbortController();
    contentLifetime(ctx, alive);
    expect(alive).not.toHaveBeenCalled();
    ctx.abort();
    expect(alive).toHaveBeenCalledTimes(1);
    expect(contentLifetime(ctx, () => false).signal.aborted).toBe(true);
    expect(contentLifetime(ctx, () => true).signal.aborted).toBe(false);
  });

  it("ends when a check finds the extension gone (Chromium's orphaned copy after a reload), and only then", () => {
    let alive = true;
    const lifetime = contentLifetime(new AbortController(), () => alive);
    expect(lifetime.stillRunning()).toBe(true);
    expect(lifetime.signal.aborted).toBe(false);
    alive = false;
    expect(lifetime.stillRunning()).toBe(false);
    expect(lifetime.signal.aborted).toBe(true);
    alive = true;
    expect(lifetime.stillRunning()).toBe(false);
  });
});

/** A window with an address the test sets, and timers run by hand. */
function fakeView(withNavigation: boolean) {
  const timers = new Map<number, () => void>();
  let next = 1;
  const view: LocationSource & { href: string } = {
    href: 'https://example.nl/a',
    location: {
      get href() {
        return view.href;
      },
    },
    navigation: withNavigation ? new EventTarget() : undefined,
    setInterval: (handler) => {
      timers.set(next, handler);
      return next++;
    },
    clearInterval: (id) => {
      timers.delete(id);
    },
  };
  const tick = () => {
    for (const run of [...timers.values()]) run();
  };
  return { view, tick, timers };
}

describe('watchLocation', () => {
  it('with the Navigation API: reports a real change once, and ignores a dispatched event with no change', () => {
    const { view, timers } = fakeView(true);
    const seen: string[] = [];
    const stop = new AbortController();
    watchLocation(view, stop.signal, (href) => seen.push(href));
    expect(timers.size).toBe(0);
    view.navigation?.dispatchEvent(new Event('navigatesuccess'));
    expect(seen).toEqual([]);
    view.href = 'https://example.nl/b';
    view.navigation?.dispatchEvent(new Event('navigatesuccess'));
    view.navigation?.dispatchEvent(new Event('navigatesuccess'));
    expect(seen).toEqual(['https://example.nl/b']);
    stop.abort();
    view.href = 'https://example.nl/c';
    view.navigation?.dispatchEvent(new Event('navigatesuccess'));
    expect(seen).toEqual(['https://example.nl/b']);
  });

  it('without it: compares the address every second, and stops with the signal', () => {
    const { view, tick, timers } = fakeView(false);
    const seen: string[] = [];
    const stop = new AbortController();
    watchLocation(view, stop.signal, (href) => seen.push(href));
    tick();
    expect(seen).toEqual([]);
    view.href = 'https://example.nl/b';
    tick();
    tick();
    expect(seen).toEqual(['https://example.nl/b']);
    stop.abort();
    expect(timers.size).toBe(0);
  });

  it('does nothing once the signal has aborted', () => {
    const { view, timers } = fakeView(false);
    const stop = new AbortController();
    stop.abort();
    watchLocation(view, stop.signal, () => undefined);
    expect(timers.size).toBe(0);
  });
});
