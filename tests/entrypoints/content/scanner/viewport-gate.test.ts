import { afterEach, describe, expect, it } from 'vitest';
import {
  intersectionGate,
  REACH_AHEAD_CHARS,
  REACH_AHEAD_SHARE,
  REACH_BEHIND_CHARS,
} from '../../../../entrypoints/content/scanner/viewport-gate';

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

/** Microtasks run: the gate lets blocks found within reach through in one. */
const microtasks = () => new Promise<void>((done) => setTimeout(done, 0));

/** Paragraphs of this much text: reach ahead ends inside the fourth after the one that came near. */
const PARAGRAPH = 80_000;

afterEach(() => document.body.replaceChildren());

/**
 * A gate over a page of paragraphs `p0`…`p{count - 1}` of `PARAGRAPH` characters each (no text
 * between them), all watched in the order `watchOrder` gives (document order by default).
 */
function setUp(count = 12, watchOrder?: number[]) {
  expect(REACH_AHEAD_CHARS).toBeGreaterThan(3 * PARAGRAPH);
  expect(REACH_AHEAD_CHARS).toBeLessThan(4 * PARAGRAPH);
  expect(REACH_BEHIND_CHARS).toBeLessThan(PARAGRAPH);
  FakeObserver.made = [];
  const view = Object.assign(new EventTarget(), { IntersectionObserver: FakeObserver });
  const factory = intersectionGate(view as unknown as Window);
  if (!factory) throw new Error('no gate');
  const released: string[] = [];
  /** Whether the reader had scrolled, per release. */
  const moving: boolean[] = [];
  const gate = factory((element, scrolled) => {
    released.push(element.id);
    moving.push(scrolled);
  });
  expect(FakeObserver.made).toHaveLength(1);
  const [close] = FakeObserver.made as [FakeObserver];
  const main = document.createElement('main');
  const p = Array.from({ length: count }, (_, i) => {
    const element = document.createElement('p');
    element.id = `p${i}`;
    element.textContent = 'x'.repeat(PARAGRAPH);
    return element;
  });
  main.append(...p);
  document.body.append(main);
  for (const i of watchOrder ?? p.keys()) gate.watch(p[i] as Element);
  /** The reader scrolls (the window hears a scroll event). */
  const scroll = () => view.dispatchEvent(new Event('scroll'));
  const observed = () => [...close.targets].map((t) => t.id).sort();
  return { gate, released, moving, close, p: p as Element[], main, scroll, observed };
}

/** Ids `p{from}`…`p{to}` (either way round). */
const ids = (from: number, to: number) =>
  Array.from({ length: Math.abs(to - from) + 1 }, (_, k) => `p${from + Math.sign(to - from) * k}`);

describe('intersectionGate: when waiting text is let through to the scanner', () => {
  it('is absent where the window has no IntersectionObserver (the scanner then reads everything)', () => {
    expect(intersectionGate({} as Window)).toBeUndefined();
    expect(intersectionGate(null)).toBeUndefined();
  });

  it('once the reader scrolled, lets through what comes near with the waiting text within reach in document order', () => {
    const { released, moving, close, p, scroll, observed } = setUp();
    scroll();
    close.deliver([p[5] as Element, false]);
    expect(released).toEqual([]);
    close.deliver([p[4] as Element, true]);
    // Ahead: p4 itself and the paragraphs starting within REACH_AHEAD_CHARS of it (p7 starts at
    // 3 × PARAGRAPH after it), nearest first; behind: the one ending within REACH_BEHIND_CHARS before it.
    expect(released).toEqual(['p4', 'p5', 'p6', 'p7', 'p3']);
    expect(moving.every(Boolean)).toBe(true);
    // Released elements are watched no longer; the ones out of reach still are.
    expect(observed()).toEqual(['p0', 'p1', 'p10', 'p11', 'p2', 'p8', 'p9']);
  });

  it('before the reader scrolls, lets through only what is near: a page only looked at pays for no reach', () => {
    const { released, moving, close, p, scroll } = setUp();
    close.deliver([p[0] as Element, true], [p[1] as Element, true]);
    expect(released).toEqual(['p0', 'p1']);
    // From the first scroll on, what comes near brings everything waiting within reach.
    scroll();
    close.deliver([p[2] as Element, true]);
    expect(released).toEqual(['p0', 'p1', ...ids(2, 5)]);
    // The scanner hears whether the reader was on the move (it then reads small sections whole).
    expect(moving).toEqual([false, false, true, true, true, true]);
  });

  it('reaches from the last of what came near at once, and behind from the first', () => {
    const { released, close, p, scroll } = setUp();
    scroll();
    close.deliver([p[6] as Element, true], [p[4] as Element, true]);
    expect(released).toEqual(['p6', 'p4', 'p7', 'p8', 'p9', 'p3']);
  });

  it('ranks elements by their place in the document, not by the order they were watched in', () => {
    const { released, close, p, scroll } = setUp(12, [9, 3, 11, 0, 7, 5, 1, 10, 2, 8, 6, 4]);
    scroll();
    close.deliver([p[2] as Element, true]);
    expect(released).toEqual(['p2', 'p3', 'p4', 'p5', 'p1']);
  });

  it('takes the full reach the way the reader goes: upwards once what comes near lies before the last batch', () => {
    const { released, close, p, scroll } = setUp(20);
    scroll();
    close.deliver([p[10] as Element, true]);
    expect(released).toEqual([...ids(10, 13), 'p9']);
    released.length = 0;
    close.deliver([p[5] as Element, true]);
    // Behind p5 now comes first and gets the full reach (p1 ends within it); ahead only p5 itself.
    expect(released).toEqual(ids(5, 1));
    released.length = 0;
    // Downwards again: p14 lies after the last batch's start.
    close.deliver([p[14] as Element, true]);
    expect(released).toEqual(ids(14, 17));
  });

  it('on a document of many elements, reaches ahead (either way) at least a share of them: each batch costs a long page a layout', () => {
    const { released, close, p, scroll } = setUp(20);
    // Empty elements elsewhere in the document: with them, REACH_AHEAD_SHARE of its elements is 8.
    const filler = document.createElement('div');
    const minimum = 8;
    const count = minimum / REACH_AHEAD_SHARE - document.getElementsByTagName('*').length - 1;
    for (let i = 0; i < count; i++) filler.append(document.createElement('span'));
    document.body.append(filler);
    expect(Math.floor(document.getElementsByTagName('*').length * REACH_AHEAD_SHARE)).toBe(minimum);
    scroll();
    close.deliver([p[2] as Element, true]);
    // By characters alone p2…p5 (the other tests); eight elements: p2…p9. Behind: by characters only.
    expect(released).toEqual([...ids(2, 9), 'p1']);
    released.length = 0;
    close.deliver([p[18] as Element, true]);
    expect(released).toEqual(['p18', 'p19', 'p17']);
    released.length = 0;
    // Upwards from p16 (before the last batch): by characters alone p15…p12; eight elements: p15…p10.
    close.deliver([p[16] as Element, true]);
    expect(released).toEqual(ids(16, 10));
  });

  it('steps over text that is never read (a script) and counts the text inside inline elements', () => {
    const { released, close, p, scroll } = setUp(6);
    const script = document.createElement('script');
    script.textContent = 'x'.repeat(REACH_AHEAD_CHARS);
    p[2]?.after(script);
    // Inline text inside p1 of a full reach: nothing after p1 is reached from p0.
    const inline = document.createElement('b');
    inline.textContent = 'x'.repeat(REACH_AHEAD_CHARS);
    p[1]?.append(inline);
    scroll();
    close.deliver([p[0] as Element, true]);
    expect(released).toEqual(['p0', 'p1']);
    released.length = 0;
    close.deliver([p[2] as Element, true]);
    expect(released).toEqual(['p2', 'p3', 'p4', 'p5']);
  });

  it('lets an element without a box through at once (display: contents would never intersect), reaching nothing from it', () => {
    const { released, close, p, scroll } = setUp(3);
    close.deliver([p[0] as Element, false, true]);
    expect(released).toEqual(['p0']);
    scroll();
    close.deliver([p[1] as Element, false, true]);
    expect(released).toEqual(['p0', 'p1']);
  });

  it('lets blocks found later within the stretch reached join the batch; beyond it they wait', async () => {
    const { gate, released, close, p, scroll, observed } = setUp();
    scroll();
    close.deliver([p[4] as Element, true]);
    expect(released).toEqual(['p4', 'p5', 'p6', 'p7', 'p3']);
    released.length = 0;
    // The scanner reads p6 a level at a time: the block it finds inside waits no frame for reach.
    const inside = document.createElement('div');
    inside.id = 'inside';
    p[6]?.append(inside);
    // The page adds a block after p11, far beyond reach, and one before p0.
    const after = document.createElement('div');
    after.id = 'after';
    p[11]?.after(after);
    const before = document.createElement('div');
    before.id = 'before';
    p[0]?.before(before);
    gate.watch(inside);
    gate.watch(after);
    gate.watch(before);
    // Not from inside `watch`, where the scanner is in the middle of a walk of its own.
    expect(released).toEqual([]);
    await microtasks();
    expect(released).toEqual(['inside']);
    expect(observed()).toContain('after');
    expect(observed()).toContain('before');
    expect(observed()).not.toContain('inside');
  });

  it('reaches only what is still watched, and nothing once cleared', async () => {
    const { gate, released, close, p, scroll, observed } = setUp();
    gate.unwatch(p[5] as Element);
    expect(observed()).not.toContain('p5');
    scroll();
    close.deliver([p[4] as Element, true]);
    expect(released).toEqual(['p4', 'p6', 'p7', 'p3']);
    // Unwatched between a block's arrival within reach and its release: never let through.
    const inside = document.createElement('div');
    p[6]?.append(inside);
    gate.watch(inside);
    gate.unwatch(inside);
    gate.clear();
    expect(observed()).toEqual([]);
    await microtasks();
    // What was watched before the clear is gone from the gate: a late entry for it does nothing.
    close.deliver([p[9] as Element, true]);
    expect(released).toEqual(['p4', 'p6', 'p7', 'p3']);
    // Watched again after the clear: reach works as before (from p9, three ahead; p8 behind).
    for (const element of p.slice(8)) gate.watch(element);
    close.deliver([p[9] as Element, true]);
    expect(released).toEqual(['p4', 'p6', 'p7', 'p3', 'p9', 'p10', 'p11', 'p8']);
  });
});
