import { afterEach, describe, expect, it } from 'vitest';
import type { ImportProgress } from '../../../data/messages';
import { fakeSources, LOADED_INFO, type RenderedPanel, renderPanel } from './panel-harness';

let panel: RenderedPanel | undefined;
afterEach(() => panel?.unmount());

describe('first run and about the data', () => {
  it('shows import progress until the dataset is in, then the library', async () => {
    const steps: ImportProgress[] = [
      { state: 'importing', fraction: 0.4, datasetVersion: 'ds-1a2b3c', error: null },
      { state: 'done', fraction: 1, datasetVersion: 'ds-1a2b3c', error: null },
    ];
    let imported = false;
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { sources } = fakeSources({
      datasetInfo: async () =>
        imported ? LOADED_INFO : { dataset: null, importState: 'importing', importError: null },
      importProgress: async () => {
        const step = steps[0];
        if (step?.state === 'done') {
          await gate;
          imported = true;
        }
        return steps.length > 1 ? (steps.shift() as ImportProgress) : (steps[0] as ImportProgress);
      },
    });
    const { createPanelState, memoryHash } = await import('../../../components/sidepanel/panel-state');
    const state = createPanelState(sources, { hash: memoryHash('#/'), pollMs: 1 });
    const started = state.start();
    await new Promise((r) => setTimeout(r, 5));
    expect(state.status.value).toBe('importing');
    expect(state.progress.value?.fraction).toBe(0.4);
    release();
    await started;
    expect(state.status.value).toBe('ready');
    expect(state.documents.value).toHaveLength(6);
  });

  it('renders the progress banner while importing', async () => {
    const { sources } = fakeSources({
      datasetInfo: async () => ({ dataset: null, importState: 'importing', importError: null }),
      importProgress: async () => ({
        state: 'failed',
        fraction: 0.2,
        datasetVersion: null,
        error: 'schema mismatch',
      }),
    });
    panel = await renderPanel('#/', sources);
    expect(panel.text('.banner.error')).toBe('De gegevens konden niet worden geladen: schema mismatch');
    expect(panel.state.status.value).toBe('failed');
  });

  it('keeps the previous data when a new import failed, and says so', async () => {
    const { sources } = fakeSources({
      datasetInfo: async () => ({ ...LOADED_INFO, importState: 'failed', importError: 'bad file' }),
    });
    panel = await renderPanel('#/', sources);
    expect(panel.text('.banner.warning')).toContain('bad file');
    expect(panel.all('.result-title')).toHaveLength(4);
  });

  it('shows the progress bar with its percentage', async () => {
    const { sources } = fakeSources({
      datasetInfo: async () => ({ dataset: null, importState: null, importError: null }),
      importProgress: async () => ({ state: 'importing', fraction: 0.25, datasetVersion: null, error: null }),
    });
    const { render } = await import('preact');
    const { act } = await import('preact/test-utils');
    const { createPanelState, memoryHash } = await import('../../../components/sidepanel/panel-state');
    const { PanelApp } = await import('../../../components/sidepanel/PanelApp');
    const { TRANSLATORS } = await import('../../fixtures/translators');
    const state = createPanelState(sources, { hash: memoryHash('#/'), pollMs: 5 });
    const controller = new AbortController();
    void state.start(controller.signal);
    const root = document.createElement('div');
    document.body.append(root);
    await act(async () => {
      render(<PanelApp state={state} t={TRANSLATORS.nl} locale="nl" />, root);
      await new Promise((r) => setTimeout(r, 20));
    });
    expect(root.querySelector('.banner p')?.textContent).toBe(
      'De gegevens worden voor het eerst geladen… 25%',
    );
    expect(root.querySelector('progress')?.getAttribute('value')).toBe('0.25');
    controller.abort();
    render(null, root);
    root.remove();
  });

  it('"about the data" shows version, date, counts and sources', async () => {
    panel = await renderPanel('#/about');
    const facts = Object.fromEntries(
      [...panel.root.querySelectorAll('.facts dt')].map((dt) => [
        dt.textContent,
        dt.nextElementSibling?.textContent,
      ]),
    );
    expect(facts).toMatchObject({
      Datasetversie: 'ds-1a2b3c',
      'Geladen op': '22 november 2026',
      Documenten: '4',
      'Geciteerd maar niet opgenomen': '2',
      Verwijzingen: '3',
      Dossiers: '1',
    });
    expect(panel.all('.sources li')).toEqual(['000_5b0e6dc1a4e276c7.txt sha256 ffffffffffff…']);
  });

  it('"about the data" shows the storage used and asks to keep it persistently', async () => {
    let persisted = false;
    const { sources } = fakeSources({
      storageEstimate: async () => ({ usage: 52_428_800, quota: 2_147_483_648, persisted }),
      persistStorage: async () => {
        persisted = true;
        return true;
      },
    });
    panel = await renderPanel('#/about', sources);
    expect(panel.text('.storage-used')).toBe('50 MB in gebruik van 2 GB die de browser toestaat');
    expect(panel.text('.storage-persisted')).toMatch(/^Niet blijvend bewaard/);
    await panel.click(panel.root.querySelector('.storage button'));
    expect(panel.text('.storage-persisted')).toMatch(/^Blijvend bewaard/);
    expect(panel.root.querySelector('.storage button')).toBeNull();
    expect(panel.text('.storage-refused')).toBe('');
  });

  it('says so when the browser refuses to keep the data, or cannot tell the storage used', async () => {
    const refusing = fakeSources({ persistStorage: async () => false }).sources;
    panel = await renderPanel('#/about', refusing, 'en');
    await panel.click(panel.root.querySelector('.storage button'));
    expect(panel.text('.storage-refused')).toBe(
      'The browser declined the request to keep the data persistently.',
    );
    panel.unmount();
    panel = await renderPanel('#/about', fakeSources({ storageEstimate: async () => null }).sources, 'en');
    expect(panel.text('.storage p')).toBe('This browser does not say how much storage Kamerlens uses.');
  });

  it('navigation marks the current view and moves focus to its heading', async () => {
    panel = await renderPanel('#/');
    await panel.click(panel.root.querySelector('nav a[href="#/about"]'));
    expect(panel.root.querySelector('nav a[aria-current="page"]')?.getAttribute('href')).toBe('#/about');
    expect(document.activeElement?.id).toBe('view-heading');
    expect(document.activeElement?.textContent).toBe('Over de gegevens');
  });
});
