import { describe, expect, it, vi } from 'vitest';
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

/**
 * Panel sources whose first `staleOpenings` libraries answer every search with `StaleIndexError`
 * (their postings went with the generation an import replaced); `opened()` counts the openings.
 */
async function sourcesStaleAtFirst(staleOpenings: number) {
  const { StaleIndexError } = await import('../../../data/search/open-segments');
  const base = fakeSources().sources;
  let opened = 0;
  const { sources } = fakeSources({
    openLibrary: async () => {
      opened++;
      const library = await base.openLibrary();
      if (opened > staleOpenings) return library;
      const index = await library.index();
      const stale = { ...index, search: () => Promise.reject(new StaleIndexError()) };
      return { head: library.head, index: () => Promise.resolve(stale) };
    },
  });
  const { createPanelState, memoryHash } = await import('../../../components/sidepanel/panel-state');
  const state = createPanelState(sources, { hash: memoryHash('#/'), pollMs: 1 });
  return { state, opened: () => opened };
}

describe('panel state when an import replaces the index under an open library', () => {
  it('opens the library again and answers the search, instead of failing it', async () => {
    const { state, opened } = await sourcesStaleAtFirst(1);
    await state.start();
    state.setQuery('participatiewet');
    await vi.waitFor(() => expect(state.library.value.mode).toBe('search'));
    expect(opened()).toBe(2);
    expect(state.library.value.items.map((item) => item.doc.title)).toContain(
      'Monitoringsbrief Participatiewet 2025',
    );
  });

  it('reports an index that is still stale after opening it again, without opening it forever', async () => {
    const { state, opened } = await sourcesStaleAtFirst(Number.POSITIVE_INFINITY);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await state.start();
    state.setQuery('participatiewet');
    await vi.waitFor(() => expect(errors).toHaveBeenCalled());
    await new Promise((r) => setTimeout(r, 20));
    expect(opened()).toBe(2);
    expect(errors.mock.calls[0]?.[0]).toBe('Kamerlens: library view failed');
    errors.mockRestore();
  });
});
