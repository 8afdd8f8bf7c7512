import { afterEach, describe, expect, it } from 'vitest';
import { fakeSources, type RenderedPanel, renderPanel, settle } from './render-panel';

let panel: RenderedPanel;
afterEach(() => panel.unmount());

const searchBox = () => panel.root.querySelector('#search-input');

/** A slice gate: the index build waits at each slice boundary until `release()` (or `open()`). */
function gate() {
  let waiting: (() => void)[] = [];
  let opened = false;
  return {
    yieldTask: () => (opened ? Promise.resolve() : new Promise<void>((resolve) => waiting.push(resolve))),
    release() {
      const now = waiting;
      waiting = [];
      for (const resolve of now) resolve();
    },
    open() {
      opened = true;
      this.release();
    },
    get held() {
      return waiting.length;
    },
  };
}

async function panelWithHeldIndex(lang: 'nl' | 'en' = 'nl') {
  const slices = gate();
  // Budget 0: one step per slice, so the build is held right after its first step.
  panel = await renderPanel('#/', fakeSources().sources, lang, {
    searchSlices: { budgetMs: 0, yieldTask: slices.yieldTask },
  });
  return slices;
}

describe('search while the index is being built', () => {
  it('says the index is being built (live status), then shows the results of the query typed meanwhile', async () => {
    const slices = await panelWithHeldIndex();
    expect(slices.held).toBe(1);
    expect(panel.state.searchReady.value).toBe(false);
    await panel.type(searchBox(), 'loonkostensubsidie');
    const status = panel.root.querySelector('.result-count');
    expect(status?.getAttribute('role')).toBe('status');
    expect(status?.getAttribute('aria-live')).toBe('polite');
    expect(status?.textContent).toBe('Zoekindex wordt opgebouwd… 0%');
    expect(panel.all('.result-title')).toEqual([]);
    expect(panel.root.querySelector('button.more')).toBeNull();
    slices.open();
    await settle();
    expect(panel.state.searchReady.value).toBe(true);
    expect(panel.all('.result-title')).toEqual([
      'Antwoord op vragen van het lid De Kort over het rapport Re-integratiedienstverlening',
      'Monitoringsbrief Participatiewet 2025',
    ]);
    expect(panel.text('.result-count')).toBe('2 resultaten');
  });

  it('reports progress in tenths while slices run', async () => {
    const slices = await panelWithHeldIndex();
    await panel.type(searchBox(), 'gemeenten');
    const seen = new Set<string>();
    for (let i = 0; i < 2000 && !panel.state.searchReady.value; i++) {
      slices.release();
      await settle();
      seen.add(panel.text('.result-count') ?? '');
    }
    expect(panel.state.searchReady.value).toBe(true);
    const percents = [...seen].flatMap((text) => /(\d+)%$/.exec(text)?.[1] ?? []).map(Number);
    expect(percents.length).toBeGreaterThan(2);
    expect(percents.every((p) => p % 10 === 0)).toBe(true);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
  });

  it('speaks English when the browser does', async () => {
    await panelWithHeldIndex('en');
    await panel.type(searchBox(), 'gemeenten');
    expect(panel.text('.result-count')).toBe('Building the search index… 0%');
  });

  it('a typed reference is listed and opens on Enter before the index is complete', async () => {
    const slices = await panelWithHeldIndex();
    await panel.type(searchBox(), 'kst-34352-349');
    expect(panel.state.searchReady.value).toBe(false);
    expect(panel.state.library.value.references.map((r) => r.doc?.id)).toEqual(['kst-34352-349']);
    const form = panel.root.querySelector('search form');
    form?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await settle();
    expect(panel.state.route.value).toMatchObject({ name: 'doc', id: 'kst-34352-349' });
    expect(slices.held).toBe(1);
  });
});
