import { afterEach, describe, expect, it } from 'vitest';
import { fakeSources, LOADED_INFO, type RenderedPanel, renderPanel } from './render-panel';

let panel: RenderedPanel | undefined;
afterEach(() => panel?.unmount());

describe('status banner', () => {
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
});
