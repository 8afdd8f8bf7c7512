import { describe, expect, it } from 'vitest';
import { datasetInfo } from '../../../data/db/dataset-info';
import { createDatasetLoader } from '../../../entrypoints/background/dataset-loader';
import { freshDB } from '../../fixtures/db/fresh-db';
import { seedLikeDataset } from '../../fixtures/db/seed-like';

describe('dataset loader', () => {
  it('imports once even when install and startup ask at the same time, with live progress', async () => {
    const db = freshDB();
    let reads = 0;
    const loader = createDatasetLoader(db, async () => {
      reads += 1;
      return seedLikeDataset();
    });
    expect(loader.progress().state).toBe('idle');
    const [first, second] = await Promise.all([loader.importBundled(), loader.importIfMissing()]);
    expect(reads).toBe(1);
    expect(first.status).toBe('imported');
    expect(second).toBe(first);
    expect(loader.progress()).toEqual({ state: 'done', fraction: 1, datasetVersion: 'v1-test', error: null });
    expect(await loader.importIfMissing()).toBeNull();
  });

  it('records a missing bundled file as a failed import the side panel can show', async () => {
    const db = freshDB();
    const loader = createDatasetLoader(db, async () => {
      throw new Error('bundled dataset not readable (404): chrome-extension://x/dataset.json');
    });
    const outcome = await loader.importBundled();
    expect(outcome).toEqual({ status: 'failed', error: expect.stringMatching(/404/) });
    expect(loader.progress()).toMatchObject({ state: 'failed', error: expect.stringMatching(/404/) });
    expect((await datasetInfo(db)).importStatus).toMatchObject({
      state: 'failed',
      error: expect.stringMatching(/404/),
    });
  });
});
