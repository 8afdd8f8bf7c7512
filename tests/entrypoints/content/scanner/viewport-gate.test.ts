import { describe, expect, it } from 'vitest';
import { intersectionGate } from '../../../../entrypoints/content/scanner/viewport-gate';

/** A stand-in IntersectionObserver: the test delivers the entries the browser would. */
class FakeObserver {
  static made: FakeObserver[] = [];
  readonly targets = new Set<Element>();
  constructor(
    readonly callback: (entries: Partial<IntersectionObserverEntry>[]) => void,
    readonly options: IntersectionObserverInit,
  ) {
    FakeObserver.made.push(this);
  }
  observe(target: Element) {
    this.targets.add(target);
  }
  unobserve(target: Element) {
    this.targets.delete(target);
  }
  disconnect() {
    this.targets.clear();
  }
  /** Delivers one entry per target: intersecting or not, with a box (or none). */
  deliver(...entries: [Element, boolean, boolean?][]) {
    this.callback(
      entries.map(([target, isIntersecting, boxless]) => ({
        target,
        isIntersecting,
        boundingClientRect: { width: boxless ? 0 : 600, height: boxless ? 0 : 40 } as DOMRectReadOnly,
      })),
    );
  }
}

function setUp() {
  FakeObserver.made = [];
  // A window with scroll events of its own: the gate listens on it for the reader's first scroll.
  // Its animation frames run when the test says (`frame()`).
  let frames: (() => void)[] = [];
  const requestAnimationFrame = (run: () => void) => frames.push(run);
  const frame = () => {
    const due = frames;
    frames = [];
    for (const run of due) run();
  };
  const view = Object.assign(new EventTarget(), {
    IntersectionObserver: FakeObserver,
    requestAnimationFrame,
  });
  const factory = intersectionGate(view as unknown as Window);
  if (!factory) throw new Error('no gate');
  const released: string[] = [];
  /** Whether the reader had scrolled, per release. */
  const moving: boolean[] = [];
  const gate = factory((element, scrolled) => {
    released.push(element.id);
    moving.push(scrolled);
  });
  const [reach, close] = FakeObserver.made as [FakeObserver, FakeObserver];
  const el = (id: string) => {
    const element = document.createElement('p');
    element.id = id;
    return element;
  };
  /** The reader scrolls (the window hears a scroll event). */
  const scroll = () => view.dispatchEvent(new Event('scroll'));
  return { gate, released, moving, reach, close, el, scroll, frame };
}

describe('intersectionGate: when waiting text is let through to the scanner', () => {
  it('is absent where the window has no IntersectionObserver (the scanner then reads everything)', () => {
    expect(intersectionGate({} as Window)).toBeUndefined();
    expect(intersectionGate(null)).toBeUndefined();
  });

  it('lets through what comes near, with everything waiting within reach: one batch of marks, not one per screen', () => {
    const { gate, released, reach, close, el, scroll } = setUp();
    expect(reach.options.rootMargin).not.toBe(close.options.rootMargin);
    const [a, b, c, d] = [el('a'), el('b'), el('c'), el('d')];
    for (const element of [a, b, c, d]) gate.watch(element);
    scroll();
    reach.deliver([a, true], [b, true], [c, true], [d, false]);
    close.deliver([b, false]);
    expect(released).toEqual([]);
    close.deliver([a, true]);
    expect(released).toEqual(['a', 'b', 'c']);
    // Released elements are watched no longer; the one out of reach still is.
    expect([...close.targets].map((t) => t.id)).toEqual(['d']);
    expect([...reach.targets].map((t) => t.id)).toEqual(['d']);
  });

  it('before the reader scrolls, lets through only what is near: a page only looked at pays for no reach', () => {
    const { gate, released, moving, reach, close, el, scroll } = setUp();
    const [a, b, c] = [el('a'), el('b'), el('c')];
    for (const element of [a, b, c]) gate.watch(element);
    // Reach is not watched until the reader scrolls: nothing is let through on its account.
    expect(reach.targets.size).toBe(0);
    close.deliver([a, true]);
    expect(released).toEqual(['a']);
    // From the first scroll on, what comes near brings everything waiting within reach.
    scroll();
    expect([...reach.targets].map((t) => t.id)).toEqual(['b', 'c']);
    reach.deliver([b, true], [c, true]);
    close.deliver([b, true]);
    expect(released).toEqual(['a', 'b', 'c']);
    // The scanner hears whether the reader was on the move (it then reads small sections whole).
    expect(moving).toEqual([false, true, true]);
  });

  it('lets an element without a box through at once (display: contents would never intersect)', () => {
    const { gate, released, close, el } = setUp();
    const wrapper = el('wrapper');
    gate.watch(wrapper);
    close.deliver([wrapper, false, true]);
    expect(released).toEqual(['wrapper']);
  });

  it('forgets what left reach, what is unwatched, and everything on clear', () => {
    const { gate, released, reach, close, el, scroll } = setUp();
    const [a, b, c] = [el('a'), el('b'), el('c')];
    for (const element of [a, b, c]) gate.watch(element);
    scroll();
    reach.deliver([b, true], [c, true]);
    reach.deliver([c, false]);
    gate.unwatch(b);
    close.deliver([a, true]);
    expect(released).toEqual(['a']);
    gate.clear();
    expect(close.targets.size + reach.targets.size).toBe(0);
  });

  it('after a scroll, what reach reports a frame after something came near joins that batch', () => {
    const { gate, released, reach, close, el, scroll, frame } = setUp();
    const [a, b, c] = [el('a'), el('b'), el('c')];
    for (const element of [a, b, c]) gate.watch(element);
    scroll();
    // The near observer answers first; reach measures its new targets only in the next frame.
    close.deliver([a, true]);
    expect(released).toEqual(['a']);
    frame();
    reach.deliver([b, true], [c, false]);
    expect(released).toEqual(['a', 'b']);
    // Two frames on, the batch is over: what enters reach waits for the next thing that comes near.
    frame();
    reach.deliver([c, true]);
    expect(released).toEqual(['a', 'b']);
    expect([...close.targets].map((t) => t.id)).toEqual(['c']);
  });
});
