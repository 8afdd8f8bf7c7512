import { afterEach, describe, expect, it } from 'vitest';
import type { PageScan } from '../../../components/sidepanel/panel-sources';
import type { PageReference } from '../../../data/messages';
import { makeCitation } from '../../fixtures/builders';
import { fakeSources, type RenderedPanel, renderPanel, settle } from './render-panel';

let panel: RenderedPanel;
afterEach(() => panel.unmount());

const REFERENCES: PageReference[] = [
  {
    group: 1,
    citation: makeCitation({
      raw: 'Aanhangsel Handelingen II 2024/25, nr. 520',
      ids: ['ah-tk-20242025-520'],
      kind: 'aanhangsel',
    }),
  },
  { group: 2, citation: makeCitation({ raw: 'TK 34 352, nr 327', ids: ['kst-34352-327'] }) },
  // An alias of the same document: counts for it, not as a new entry.
  { group: 3, citation: makeCitation({ raw: '2024Z15690', ids: ['2024Z15690'], kind: 'zaak' }) },
  {
    group: 4,
    citation: makeCitation({
      raw: 'Kamerstukken 34352, nrs. 349 en 999',
      ids: ['kst-34352-349', 'kst-34352-999'],
    }),
  },
];

async function pageWith(references: PageReference[]) {
  const fake = fakeSources();
  fake.references.push(...references);
  panel = await renderPanel('#/page', fake.sources);
  return fake.calls;
}

describe('on this page', () => {
  it('groups the references by document, with counts, in page order', async () => {
    await pageWith(REFERENCES);
    expect(panel.text('.page [role="status"]')).toBe('4 verwijzingen naar 4 stukken op ‘Fixture page’');
    expect(panel.all('.page-group-title')).toEqual([
      'Antwoord op Kamervragen Antwoord op vragen van het lid De Kort over het rapport Re-integratiedienstverlening 2×',
      'Kamerstuk TK 34 352, nr 327 1×',
      'Kamerbrief Monitoringsbrief Participatiewet 2025 1×',
      'Kamerstuk Kamerstukken 34352, nrs. 349 en 999 1×',
    ]);
    const links = [...panel.root.querySelectorAll('.page-group a')];
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Openen in de lezer', '#/doc/ah-tk-20242025-520'],
      ['Wat is dit?', '#/doc/kst-34352-327'],
      ['Openen in de lezer', '#/doc/kst-34352-349'],
      ['Wat is dit?', '#/doc/kst-34352-999'],
    ]);
  });

  it('a click reveals the reference on the page; repeated clicks walk through its occurrences', async () => {
    const calls = await pageWith(REFERENCES);
    const show = () => panel.root.querySelector('.page-group button');
    expect(show()?.textContent).toBe('Toon op de pagina (1 van 2)');
    await panel.click(show());
    expect(show()?.textContent).toBe('Toon op de pagina (2 van 2)');
    await panel.click(show());
    await panel.click(show());
    expect(calls.revealed).toEqual([1, 3, 1]);
    expect(panel.text('[aria-live="polite"]')).toContain('Getoond op de pagina');
  });

  it('says when the page has no references', async () => {
    await pageWith([]);
    expect(panel.text('.page [role="status"]')).toBe('Geen verwijzingen gevonden op ‘Fixture page’.');
  });

  it.each([
    ['no-tab', 'Er is geen webpagina open in dit venster.'],
    ['not-scanned', 'Kamerlens leest deze pagina niet (nog niet geladen, of niet aan voor deze site).'],
  ] as const)('explains %s', async (reason, message) => {
    const { sources } = fakeSources({ pageReferences: async () => ({ ok: false, reason, url: null }) });
    panel = await renderPanel('#/page', sources);
    expect(panel.text('.page .notice')).toBe(message);
  });

  it('reads the page again when the active tab changes', async () => {
    let notify: () => void = () => undefined;
    let scans = 0;
    const fake = fakeSources({
      watchActiveTab: (onChange) => {
        notify = onChange;
        return () => undefined;
      },
    });
    const scan = fake.sources.pageReferences;
    fake.sources.pageReferences = () => {
      scans++;
      return scan();
    };
    panel = await renderPanel('#/page', fake.sources);
    expect(scans).toBe(1);
    fake.references.push(...REFERENCES);
    notify();
    await new Promise((r) => setTimeout(r, 0));
    expect(scans).toBe(2);
    expect(panel.all('.page-group')).toHaveLength(4);
  });

  it('reads the page again when the shown tab says its references changed (no other tab)', async () => {
    let notify: (tabId: number) => void = () => undefined;
    let stopped = false;
    let scans = 0;
    const fake = fakeSources({
      watchPageReferences: (onChange) => {
        notify = onChange;
        return () => {
          stopped = true;
        };
      },
    });
    const scan = fake.sources.pageReferences;
    fake.sources.pageReferences = () => {
      scans++;
      return scan();
    };
    fake.references.push(...REFERENCES.slice(0, 2));
    panel = await renderPanel('#/page', fake.sources);
    expect(panel.all('.page-group')).toHaveLength(2);
    fake.references.push(...REFERENCES.slice(2));
    // Another tab's page changed: not the one listed.
    notify(8);
    await settle();
    expect(scans).toBe(1);
    expect(panel.all('.page-group')).toHaveLength(2);
    notify(7);
    await settle();
    expect(scans).toBe(2);
    expect(panel.all('.page-group')).toHaveLength(4);
    expect(panel.text('.page [role="status"]')).toBe('4 verwijzingen naar 4 stukken op ‘Fixture page’');
    // Leaving "on this page" stops listening.
    await panel.click(panel.root.querySelector('a[href="#/"]'));
    expect(stopped).toBe(true);
  });

  it('an older page read answering last does not overwrite a newer one', async () => {
    const answers: ((scan: PageScan) => void)[] = [];
    const fake = fakeSources();
    panel = await renderPanel('#/', fake.sources);
    fake.sources.pageReferences = () => new Promise((resolve) => answers.push(resolve));
    const scan = (count: number): PageScan => ({
      ok: true,
      tabId: 7,
      title: 'Fixture page',
      url: 'http://127.0.0.1/page.html',
      references: REFERENCES.slice(0, count),
    });
    const first = panel.state.refreshPage();
    const second = panel.state.refreshPage();
    answers[1]?.(scan(4));
    answers[0]?.(scan(1));
    await Promise.all([first, second]);
    const page = panel.state.page.value;
    expect(page.status === 'ready' && page.total).toBe(4);
  });

  it('offers to turn Kamerlens on for a site it does not run on, and re-reads the page', async () => {
    const switched: [string, boolean][] = [];
    const site = (enabled: boolean) =>
      ({
        url: 'https://example.org/a',
        pattern: 'https://example.org/*',
        enabled,
        via: enabled ? 'site' : null,
        allSites: false,
      }) as const;
    let enabled = false;
    const fake = fakeSources({
      activeSite: async () => site(enabled),
      setSiteEnabled: async (url, on) => {
        switched.push([url, on]);
        enabled = on;
        return site(on);
      },
    });
    panel = await renderPanel('#/page', fake.sources);
    expect(panel.text('.site-control p')).toBe('Kamerlens staat uit op example.org.');
    await panel.click(panel.root.querySelector('.site-control button'));
    expect(switched).toEqual([['https://example.org/a', true]]);
    expect(panel.text('.site-control p')).toBe('Kamerlens staat aan op example.org.');
    expect(panel.text('.site-control button')).toBe('Uitzetten voor example.org');
  });

  it('turns Kamerlens on for every site and off again, then reads the site and the page again', async () => {
    const switched: boolean[] = [];
    let allSites = false;
    let scans = 0;
    const fake = fakeSources({
      activeSite: async () => ({
        url: 'https://example.org/a',
        pattern: 'https://example.org/*',
        enabled: allSites,
        via: allSites ? 'all' : null,
        allSites,
      }),
      setAllSitesEnabled: async (on) => {
        switched.push(on);
        allSites = on;
        return on;
      },
    });
    const scan = fake.sources.pageReferences;
    fake.sources.pageReferences = () => {
      scans += 1;
      return scan();
    };
    panel = await renderPanel('#/page', fake.sources);
    const allButton = () => panel.root.querySelector('.site-control button.all-sites');
    expect(panel.text('.site-control button.all-sites')).toBe('Aanzetten op alle websites');
    const scansBefore = scans;
    await panel.click(allButton());
    expect(switched).toEqual([true]);
    expect(panel.text('.site-control p')).toBe('Kamerlens staat aan op alle sites, ook example.org.');
    expect(scans).toBeGreaterThan(scansBefore);
    await panel.click(allButton());
    expect(switched).toEqual([true, false]);
    expect(panel.text('.site-control p')).toBe('Kamerlens staat uit op example.org.');
    expect(panel.text('.site-control button.all-sites')).toBe('Aanzetten op alle websites');
  });

  it('groups by document once the documents are read, also when the page answered first', async () => {
    let release: () => void = () => undefined;
    const loaded = new Promise<void>((resolve) => {
      release = resolve;
    });
    const fake = fakeSources();
    const read = fake.sources.readDocuments;
    fake.sources.readDocuments = async (ids) => {
      await loaded;
      return read(ids);
    };
    fake.references.push(...REFERENCES);
    const { createPanelState, memoryHash } = await import('../../../components/sidepanel/panel-state');
    const state = createPanelState(fake.sources, { hash: memoryHash('#/page') });
    const started = state.start();
    await state.refreshPage();
    expect(state.page.value.status === 'ready' && state.page.value.groups[0]?.doc).toBeNull();
    release();
    await started;
    await new Promise((r) => setTimeout(r, 0));
    const page = state.page.value;
    expect(page.status === 'ready' && page.groups.map((g) => g.doc?.id ?? null)).toEqual([
      'ah-tk-20242025-520',
      'kst-34352-327',
      'kst-34352-349',
      null,
    ]);
    panel = await renderPanel('#/');
  });
});
