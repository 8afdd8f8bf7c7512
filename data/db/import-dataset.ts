/**
 * Imports a dataset file as the bundled source: its records written as blocks of a new generation
 * (row-blocks.ts) in short transactions, so lookups keep answering from the previous version
 * meanwhile; the generation made live, the dataset's meta row and its search segment's flip in one
 * last transaction, after which the previous generation's blocks are deleted. An import that fails,
 * or whose worker stops, leaves nothing visible: either the whole new dataset lands or the previous
 * one stays. Packs the reader added stay (where the dataset holds the same id with the text, its
 * record wins: precedence.ts). User tables are never in scope, so an import cannot touch them.
 */

import { DATASET_SCHEMA_VERSION, type DatasetFile, type DocumentRecord } from '../dataset/types';
import { validateDatasetInSlices } from '../dataset/validate';
import { segmentSteps } from '../search/segment';
import { nextTask, runSliced } from '../time-slices';
import type { KamerlensDB } from './kamerlens-db';
import { newGeneration, setLive } from './live-sources';
import type { DatasetCounts, DatasetMeta, ImportStatusMeta } from './records';
import { edgesOf } from './reference-edges';
import { deleteGeneration, writeBlocks } from './row-blocks';
import { flipSegment, stageSegment } from './search-segments';
import { BUNDLED_SEGMENT } from './segment-owner';
import { finishChange, lastTransactionTables, planOwnership, settleOwnership } from './segment-ownership';

/** Options for `importDataset`. */
export interface ImportOptions {
  /** Called with the fraction done (0…1), at least at the start and the end. */
  onProgress?: (fraction: number) => void;
  /** Import even when the stored dataset has the same version. */
  force?: boolean;
  /** Rows written per step between progress reports. */
  chunkSize?: number;
}

/** What an import did. */
export type ImportOutcome =
  | { status: 'imported'; datasetVersion: string; counts: DatasetCounts }
  | { status: 'skipped'; datasetVersion: string }
  | { status: 'failed'; error: string };

/** Validate `json` as a dataset file and import it unless the same version is already stored. */
export async function importDataset(
  db: KamerlensDB,
  json: unknown,
  options: ImportOptions = {},
): Promise<ImportOutcome> {
  // The pipeline's own schema check (data/dataset): the file must be what data:build writes.
  const checked = await validateDatasetInSlices(json);
  if (!checked.ok) {
    const version = readableVersion(json);
    await recordStatus(db, 'failed', version, checked.error);
    return { status: 'failed', error: checked.error };
  }
  const dataset = checked.value;
  try {
    const stored = await db.meta.get('dataset');
    if (!options.force && stored?.key === 'dataset' && isSameDataset(stored, dataset)) {
      await recordStatus(db, 'done', dataset.datasetVersion, null);
      options.onProgress?.(1);
      return { status: 'skipped', datasetVersion: dataset.datasetVersion };
    }
    await recordStatus(db, 'importing', dataset.datasetVersion, null);
    const counts = await writeDataset(db, dataset, options);
    return { status: 'imported', datasetVersion: dataset.datasetVersion, counts };
  } catch (error) {
    const message = `Import failed: ${error instanceof Error ? error.message : String(error)}`;
    await recordStatus(db, 'failed', dataset.datasetVersion, message).catch(() => undefined);
    return { status: 'failed', error: message };
  }
}

function isSameDataset(stored: DatasetMeta, dataset: DatasetFile): boolean {
  return (
    stored.schemaVersion === DATASET_SCHEMA_VERSION &&
    stored.datasetVersion === dataset.datasetVersion &&
    stored.contentHash === dataset.contentHash
  );
}

async function writeDataset(
  db: KamerlensDB,
  dataset: DatasetFile,
  options: ImportOptions,
): Promise<DatasetCounts> {
  const { counts, documents } = await surveyDataset(dataset);
  options.onProgress?.(0);
  const generation = await newGeneration(db);
  const own = { source: BUNDLED_SEGMENT, generation, documents };
  const total = dataset.documents.length + dataset.dossiers.length;
  let indexed = 0;
  let written = 0;
  // The index takes a fifth of the progress, the rows the rest but the last tenth.
  const report = () =>
    options.onProgress?.(0.2 * indexed + (0.7 * Math.min(written, total)) / Math.max(total, 1));
  const chunks = {
    size: options.chunkSize,
    onDone: (rows: number) => {
      written += rows;
      report();
    },
  };
  let committed = false;
  try {
    // The index is built in slices while the blocks are written: the bundled dataset's documents
    // win over any pack's, so it depends only on the file.
    const [{ value: segment }] = await Promise.all([
      runSliced(segmentSteps(BUNDLED_SEGMENT, dataset.documents), {
        onProgress: (fraction) => {
          indexed = fraction;
          report();
        },
      }),
      writeBlocks(db, 'documentBlocks', BUNDLED_SEGMENT, generation, dataset.documents, chunks).then(() =>
        writeBlocks(db, 'dossierBlocks', BUNDLED_SEGMENT, generation, dataset.dossiers, chunks),
      ),
    ]);
    const staged = await stageSegment(db, segment, dataset.datasetVersion);
    const plan = await planOwnership(db, BUNDLED_SEGMENT, own);
    const ended = await db.transaction('rw', lastTransactionTables(db), async () => {
      const meta: DatasetMeta = {
        key: 'dataset',
        schemaVersion: dataset.schemaVersion,
        datasetVersion: dataset.datasetVersion,
        contentHash: dataset.contentHash,
        sources: dataset.sources,
        counts,
        importedAt: new Date().toISOString(),
      };
      const [previous] = await Promise.all([
        setLive(db, BUNDLED_SEGMENT, generation),
        db.meta.bulkPut([meta, statusRecord('done', dataset.datasetVersion, null)]),
      ]);
      const replacedPostings = await flipSegment(db, staged);
      // Packs holding a document the dataset held or holds with the text: their segments change.
      return {
        previous,
        replacedPostings,
        rebuild: await settleOwnership(db, BUNDLED_SEGMENT, own, undefined, plan),
      };
    });
    committed = true;
    await finishChange(db, BUNDLED_SEGMENT, ended);
  } catch (error) {
    // Before its last transaction the new generation is nobody's: it goes. After, it is the
    // dataset (what failed is clean-up, which the next import's sweep finishes).
    if (!committed) await deleteGeneration(db, BUNDLED_SEGMENT, generation).catch(() => undefined);
    throw error;
  }
  options.onProgress?.(1);
  return counts;
}

/** Records counted between two yields to the event loop (a pass over 300,000 was 0.18 s under load). */
const PER_TASK = 16_384;

/**
 * The dataset's counts and the ids of its documents that are not stubs (what its search segment
 * may index); throws when an id is there twice (ids are keys: a file naming one twice has no one
 * record for it). Yields to the event loop every few thousand records.
 */
async function surveyDataset(dataset: DatasetFile): Promise<{ counts: DatasetCounts; documents: string[] }> {
  const counts: DatasetCounts = { documents: 0, stubs: 0, references: 0, dossiers: dataset.dossiers.length };
  const documents: string[] = [];
  for (const [what, rows] of [
    ['document', dataset.documents],
    ['dossier', dataset.dossiers],
  ] as const) {
    const seen = new Set<string>();
    for (const [i, row] of rows.entries()) {
      if (seen.has(row.id)) throw new Error(`the ${what} id ${row.id} is there twice`);
      seen.add(row.id);
      if (what === 'document') {
        const document = row as DocumentRecord;
        if (document.stub) counts.stubs++;
        else documents.push(document.id);
        counts.references += edgesOf(document).length;
      }
      if (i % PER_TASK === PER_TASK - 1) await nextTask();
    }
  }
  counts.documents = documents.length;
  return { counts, documents };
}

function statusRecord(state: ImportStatusMeta['state'], version: string | null, error: string | null) {
  return {
    key: 'import',
    state,
    datasetVersion: version,
    error,
    updatedAt: new Date().toISOString(),
  } as const;
}

async function recordStatus(db: KamerlensDB, ...args: Parameters<typeof statusRecord>): Promise<void> {
  await db.meta.put(statusRecord(...args));
}

/** Record a failure that happened before the file could be read (e.g. the bundled file is missing). */
export async function recordImportFailure(db: KamerlensDB, error: string): Promise<void> {
  await recordStatus(db, 'failed', null, error);
}

function readableVersion(json: unknown): string | null {
  if (typeof json !== 'object' || json === null) return null;
  const version = (json as { datasetVersion?: unknown }).datasetVersion;
  return typeof version === 'string' ? version.slice(0, 100) : null;
}
