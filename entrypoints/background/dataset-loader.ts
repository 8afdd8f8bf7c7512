/** Loads the bundled dataset into the database once per version, tracking progress for the side panel. */
import { parseJsonInSteps } from '../../data/dataset/parse-in-steps';
import { datasetInfo } from '../../data/db/dataset-info';
import { type ImportOutcome, importDataset, recordImportFailure } from '../../data/db/import-dataset';
import type { KamerlensDB } from '../../data/db/kamerlens-db';
import { deadGenerations, sweepDeadBlocks } from '../../data/db/row-blocks';
import { findStaleSegments, sweepPostings } from '../../data/db/search-segments';
import { BUNDLED_SEGMENT } from '../../data/db/segment-owner';
import type { ImportProgress } from '../../data/messages';

/** Reads the bundled dataset file (`public/dataset.json`, an extension-internal URL, not the network). */
type DatasetSource = () => Promise<unknown>;

/** Runs imports one at a time and remembers how the current one is going. */
interface DatasetLoader {
  progress(): ImportProgress;
  /** Import the bundled dataset (skipped inside `importDataset` when the stored version is the same). */
  importBundled(): Promise<ImportOutcome>;
  /** Import only when no dataset has been imported yet (a worker waking up after a failed first run). */
  importIfMissing(): Promise<ImportOutcome | null>;
}

/** Create the loader for `db`, reading the dataset with `source`. */
export function createDatasetLoader(db: KamerlensDB, source: DatasetSource): DatasetLoader {
  let progress: ImportProgress = { state: 'idle', fraction: 0, datasetVersion: null, error: null };
  let running: Promise<ImportOutcome> | null = null;

  const run = async (force: boolean): Promise<ImportOutcome> => {
    progress = { state: 'importing', fraction: 0, datasetVersion: null, error: null };
    let outcome: ImportOutcome;
    try {
      // A worker stopped during a bundled import left its blocks, never made live: deleted first.
      await sweepDeadBlocks(db, (from) => from === BUNDLED_SEGMENT);
      await sweepPostings(db, (segment) => segment === BUNDLED_SEGMENT);
      const json = await source();
      outcome = await importDataset(db, json, {
        force,
        onProgress: (fraction) => {
          progress = { ...progress, fraction };
        },
      });
    } catch (error) {
      // Reading the bundled file failed; importDataset itself never throws.
      outcome = { status: 'failed', error: error instanceof Error ? error.message : String(error) };
      await recordImportFailure(db, outcome.error).catch(() => undefined);
    }
    progress =
      outcome.status === 'failed'
        ? { state: 'failed', fraction: 0, datasetVersion: null, error: outcome.error }
        : { state: 'done', fraction: 1, datasetVersion: outcome.datasetVersion, error: null };
    return outcome;
  };

  const importBundled = (force = false) => {
    running ??= run(force).finally(() => {
      running = null;
    });
    return running;
  };

  return {
    progress: () => progress,
    importBundled: () => importBundled(),
    async importIfMissing() {
      if (running) return running;
      const [{ dataset }, unfinished, stale] = await Promise.all([
        datasetInfo(db),
        deadGenerations(db, (from) => from === BUNDLED_SEGMENT),
        findStaleSegments(db),
      ]);
      // An update a stopped worker left unfinished is imported again too (after its sweep); a search
      // segment that does not match the dataset (an older build's) is built again by importing the
      // dataset again, its progress shown as the import's.
      if (dataset && stale.rebuild.includes(BUNDLED_SEGMENT)) return importBundled(true);
      return dataset && unfinished.length === 0 ? null : importBundled();
    },
  };
}

/** Read `dataset.json` through `fetch` of an extension URL; a missing file is a clear error. */
export function bundledDatasetSource(url: string): DatasetSource {
  return async () => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`bundled dataset not readable (${response.status}): ${url}`);
    // In steps, as packs are read: a large dataset file parsed at once holds up every lookup.
    return parseJsonInSteps(await response.text());
  };
}
