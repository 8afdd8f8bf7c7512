import { describe, expect, it } from 'vitest';
import type { ImportProgress } from '../../../data/messages';
import { fakeSources, LOADED_INFO } from './render-panel';

describe('panel state on first run', () => {
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
    // The library is open once the import is done: its catalog holds the full documents (not stubs).
    expect(state.libraryCount.value).toBe(4);
  });
});
