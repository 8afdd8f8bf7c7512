import { describe, expect, it } from 'vitest';
import { PendingScopes } from '../../../../entrypoints/content/scanner/pending-scopes';
import type {
  ViewportGate,
  ViewportGateFactory,
} from '../../../../entrypoints/content/scanner/viewport-gate';
import { markedIds, scanPage } from './scanner-helpers';

/** A viewport gate the test drives: it lets an element through when the test says it is near. */
function fakeGate() {
  const watched = new Set<Element>();
  let near: (element: Element, moving: boolean) => void = () => undefined;
  let cleared = 0;
  const factory: ViewportGateFactory = (callback) => {
    near = callback;
    return {
      watch: (element) => watched.add(element),
      unwatch: (element) => watched.delete(element),
      clear: () => {
        watched.clear();
        cleared++;
      },
    };
  };
  return {
    factory,
    watched,
    cleared: () => cleared,
    /**
     * The gate lets through every watched element on the way down to `target` (the reader scrolled
     * there; `moving` as the gate reports it: false before the reader's first scroll).
     */
    async scrollTo(target: Element, idle: () => Promise<void>, moving = false): Promise<void> {
      for (let guard = 0; guard < 20; guard++) {
        const next = [...watched].find((element) => element === target || element.contains(target));
        if (!next) return;
        watched.delete(next);
        near(next, moving);
        await idle();
      }
    },
  };
}

const reference = (n: number) => `Kamerstuk 34 352, nr. ${n}`;

const PAGE = `<p id="intro">Zie ${reference(300)}.</p>
<main>
  <section id="one"><h2>Een</h2><p>Eerst ${reference(301)}.</p><p>Dan ${reference(302)}.</p></section>
  <section id="two"><h2>Twee</h2><p id="far">Later ${reference(303)}.</p></section>
</main>`;

describe('page scanner with a viewport gate: text is read as it nears the viewport', () => {
  it('reads a scope’s own text at once and waits with each block inside until the gate lets it through', async () => {
    const gate = fakeGate();
    const { scanner } = await scanPage(PAGE, { viewportGate: gate.factory });
    // The body's own blocks wait; none of their text is marked yet.
    expect(markedIds()).toEqual([]);
    expect([...gate.watched].map((el) => el.id || el.localName)).toEqual(['intro', 'main']);

    await gate.scrollTo(document.getElementById('far') as Element, () => scanner.idle());
    expect(markedIds()).toEqual(['kst-34352-303']);
    // Section one and the first block of section two still wait.
    expect(gate.watched.has(document.getElementById('one') as Element)).toBe(true);

    await gate.scrollTo(document.getElementById('one') as Element, () => scanner.idle());
    await gate.scrollTo(document.getElementById('intro') as Element, () => scanner.idle());
    expect(markedIds()).toEqual(['kst-34352-300', 'kst-34352-303']);
  });

  it('reads everything for the side panel: scanEverything marks what is off-screen and stops waiting', async () => {
    const gate = fakeGate();
    const { scanner } = await scanPage(PAGE, { viewportGate: gate.factory });
    expect(scanner.registry.pageReferences()).toEqual([]);
    await scanner.scanEverything();
    expect(markedIds()).toEqual(['kst-34352-300', 'kst-34352-301', 'kst-34352-302', 'kst-34352-303']);
    expect(scanner.registry.pageReferences().map((r) => r.citation.ids[0])).toEqual([
      'kst-34352-300',
      'kst-34352-301',
      'kst-34352-302',
      'kst-34352-303',
    ]);
    expect(gate.watched.size).toBe(0);
    // From then on, content added later is read whole at once as well.
    const added = document.createElement('section');
    added.innerHTML = `<div><p>Nieuw: ${reference(304)}.</p></div>`;
    document.querySelector('main')?.append(added);
    await scanner.idle();
    expect(markedIds()).toContain('kst-34352-304');
  });

  it('marks a paragraph the page adds after load at once, and lets an added section wait for the viewport', async () => {
    const gate = fakeGate();
    const { scanner } = await scanPage(PAGE, { viewportGate: gate.factory });
    const p = document.createElement('p');
    p.textContent = `Liveblog: ${reference(305)}.`;
    document.body.append(p);
    const section = document.createElement('section');
    section.innerHTML = `<p id="waits">Ook ${reference(306)}.</p>`;
    document.body.append(section);
    await scanner.idle();
    expect(markedIds()).toEqual(['kst-34352-305']);
    await gate.scrollTo(document.getElementById('waits') as Element, () => scanner.idle());
    expect(markedIds()).toEqual(['kst-34352-305', 'kst-34352-306']);
  });

  it('once the reader moves, reads a small section that comes near whole: its blocks do not wait one by one', async () => {
    const gate = fakeGate();
    const one = () => document.getElementById('one') as Element;
    const { scanner } = await scanPage(PAGE, { viewportGate: gate.factory });
    // Main came near at load, before the reader scrolled: its sections wait.
    await gate.scrollTo(document.querySelector('main') as Element, () => scanner.idle());
    expect(markedIds()).toEqual([]);
    await gate.scrollTo(one(), () => scanner.idle(), true);
    expect(markedIds()).toEqual(['kst-34352-301', 'kst-34352-302']);
    // Nothing inside section one was handed to the gate.
    expect([...gate.watched].filter((element) => one().contains(element))).toEqual([]);
  });

  it('lets the blocks of a section wait one by one when it has more text than the limit, or the reader has not scrolled', async () => {
    for (const [wholeScopeChars, moving] of [
      [10, true],
      [undefined, false],
    ] as const) {
      const gate = fakeGate();
      const one = () => document.getElementById('one') as Element;
      const { scanner, stop } = await scanPage(PAGE, { viewportGate: gate.factory, wholeScopeChars });
      await gate.scrollTo(document.querySelector('main') as Element, () => scanner.idle(), moving);
      await gate.scrollTo(one(), () => scanner.idle(), moving);
      expect(markedIds()).toEqual([]);
      expect([...gate.watched].filter((element) => one().contains(element))).toHaveLength(3);
      stop();
    }
  });

  it('stops waiting when the document becomes editable or the scanner stops', async () => {
    const gate = fakeGate();
    const { stop } = await scanPage(PAGE, { viewportGate: gate.factory });
    expect(gate.watched.size).toBe(2);
    stop();
    expect(gate.watched.size).toBe(0);
    expect(gate.cleared()).toBeGreaterThan(0);
  });
});

describe('PendingScopes.nearest: where unread text starts from a point, for the Tab key', () => {
  const gate: ViewportGate = { watch: () => undefined, unwatch: () => undefined, clear: () => undefined };

  const setUp = () => {
    document.body.innerHTML =
      '<div id="a"><p id="a1"></p></div><p id="b"><a id="link" href="#">x</a></p><div id="c"></div>';
    const pending = new PendingScopes(gate);
    for (const id of ['c', 'a1', 'b']) pending.add(document.getElementById(id) as Element);
    return { pending, el: (id: string) => document.getElementById(id) as Element };
  };

  it.each([
    // [from, backwards, expected]
    [null, false, 'a1'],
    [null, true, 'c'],
    ['a', false, 'a1'],
    ['a1', true, 'a1'],
    ['link', false, 'b'],
    ['link', true, 'b'],
    ['c', true, 'c'],
  ] as const)('from %s (backwards: %s) → %s', (from, backwards, expected) => {
    const { pending, el } = setUp();
    expect(pending.nearest(from === null ? null : el(from), backwards)?.id).toBe(expected);
  });

  it('finds nothing past the last pending block, and forgets blocks that left the page', () => {
    const { pending, el } = setUp();
    expect(pending.nearest(el('c'), false)?.id).toBe('c');
    el('c').remove();
    pending.prune();
    expect(pending.size).toBe(2);
    expect(pending.nearest(el('b'), false)?.id).toBe('b');
    pending.release(el('b'));
    expect(pending.nearest(el('link'), false)).toBeUndefined();
  });
});
