/**
 * Imports a dataset file into the bundled tables: the rows in short undoable transactions
 * (undoable-writes.ts), so lookups are answered meanwhile (from the rows written, or the previous
 * version of the others); the dataset's meta row, its search segment's flip and the undo rows'
 * deletion in one last transaction. An import that fails, or whose worker stops, is undone to the
 * row: either the whole new dataset lands or the previous one stays. Rows of packs the reader added
 * stay (where the new dataset has the same id with the text, its row wins). User tables are never
 * in scope, so an import cannot touch them.
 */

import type { Table } from 'dexie';
import {
  DATASET_SCHEMA_VERSION,
  type DatasetFile,
  type DocumentRecord,
  type DossierRecord,
} from '../dataset/types';
import { validateDataset } from '../dataset/validate';
import { segmentSteps } from '../search/segment';
import { runSliced } from '../time-slices';
import type { KamerlensDB } from './kamerlens-db';
import type { DatasetCounts, DatasetMeta, ImportStatusMeta } from './records';
import { edgesOf } from './reference-edges';
import { dropPostings, flipSegment, rebuildSegments, stageSegment } from './search-segments';
import { BUNDLED_SEGMENT, ownerOf } from './segment-owner';
import { type ChunkPlan, forgetUndo, rollBack, type StoredRow, writeUndoable } from './undoable-writes';

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
  const checked = validateDataset(json);
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
  const counts: DatasetCounts = {
    documents: dataset.documents.filter((document) => !document.stub).length,
    stubs: dataset.documents.filter((document) => document.stub).length,
    references: dataset.documents.reduce((sum, document) => sum + edgesOf(document).length, 0),
    dossiers: dataset.dossiers.length,
  };
  // Ids are keys: a file naming one twice cannot be stored as it is (its rows are written with put).
  for (const [what, rows] of [
    ['document', dataset.documents],
    ['dossier', dataset.dossiers],
  ] as const) {
    const seen = new Set<string>();
    for (const row of rows) {
      if (seen.has(row.id)) throw new Error(`the ${what} id ${row.id} is there twice`);
      seen.add(row.id);
    }
  }
  options.onProgress?.(0);
  const total = dataset.documents.length + dataset.dossiers.length;
  let indexed = 0;
  let written = 0;
  // The index takes a fifth of the progress, the rows the rest but the last tenth.
  const report = () =>
    options.onProgress?.(0.2 * indexed + (0.7 * Math.min(written, total)) / Math.max(total, 1));
  try {
    const chunks = {
      size: options.chunkSize,
      onDone: (rows: number) => {
        written += rows;
        report();
      },
    };
    const packsLosingRows = new Set<string>();
    const writeRows = async () => {
      const [documents, dossiers] = [
        await idsToWrite(db.documents, dataset.documents),
        await idsToWrite(db.dossiers, dataset.dossiers),
      ];
      const plan = bundledPlan(dataset.documents, packsLosingRows);
      await writeUndoable(db, BUNDLED_SEGMENT, 'documents', documents.ids, plan, {
        ...chunks,
        empty: documents.empty,
      });
      const dossierPlan = bundledPlan(dataset.dossiers, packsLosingRows);
      await writeUndoable(db, BUNDLED_SEGMENT, 'dossiers', dossiers.ids, dossierPlan, {
        ...chunks,
        empty: dossiers.empty,
      });
    };
    // The index is built in slices while the rows are written: it depends only on the file (bundled
    // rows always win), and this thread builds it while the database writes.
    const [{ value: segment }] = await Promise.all([
      runSliced(segmentSteps(BUNDLED_SEGMENT, dataset.documents), {
        onProgress: (fraction) => {
          indexed = fraction;
          report();
        },
      }),
      writeRows(),
    ]);
    const staged = await stageSegment(db, segment, dataset.datasetVersion);
    const tables = [
      db.meta,
      db.importUndo,
      db.searchHeads,
      db.searchCatalogs,
      db.searchSegments,
      db.searchPostings,
    ];
    // Only rows taken over from packs make the last transaction read documents.
    if (packsLosingRows.size > 0) tables.push(db.documents as never);
    const replaced = await db.transaction('rw', tables, async () => {
      const replaced = await flipSegment(db, staged);
      // A pack's row the bundled dataset now holds with the text is no longer that pack's to index.
      await rebuildSegments(db, packsLosingRows);
      const meta: DatasetMeta = {
        key: 'dataset',
        schemaVersion: dataset.schemaVersion,
        datasetVersion: dataset.datasetVersion,
        contentHash: dataset.contentHash,
        sources: dataset.sources,
        counts,
        importedAt: new Date().toISOString(),
      };
      await db.meta.bulkPut([meta, statusRecord('done', dataset.datasetVersion, null)]);
      await forgetUndo(db, BUNDLED_SEGMENT);
      return replaced;
    });
    await dropPostings(db, replaced);
  } catch (error) {
    await rollBack(db, BUNDLED_SEGMENT).catch(() => undefined);
    throw error;
  }
  options.onProgress?.(1);
  return counts;
}

/**
 * The ids to write: the new rows', then those of the previous bundled rows (no pack brought them)
 * it drops; and whether the table was empty.
 */
async function idsToWrite<T extends { id: string }, I>(
  table: Table<T, string, I>,
  rows: readonly T[],
): Promise<{ ids: string[]; empty: boolean }> {
  const [all, packed] = await Promise.all([
    table.toCollection().primaryKeys(),
    table.orderBy('packs').primaryKeys(),
  ]);
  const wanted = new Set(rows.map((row) => row.id));
  const inPacks = new Set(packed);
  return {
    ids: [...wanted, ...all.filter((id) => !inPacks.has(id) && !wanted.has(id))],
    empty: all.length === 0,
  };
}

/**
 * What a chunk of the bundled import writes: each new row, except that a stub whose id a pack's row
 * holds goes under that row (PackMembership), and a row with the text replaces a pack's row (whose
 * pack's segment then loses it); a previous bundled row the new dataset does not hold goes.
 */
function bundledPlan<T extends DocumentRecord | DossierRecord>(
  rows: readonly T[],
  packsLosingRows: Set<string>,
): (ids: string[], stored: (StoredRow<T> | undefined)[]) => ChunkPlan<T> {
  const byId = new Map<string, T>(rows.map((row) => [row.id, row]));
  return (ids, stored) => {
    const put: StoredRow<T>[] = [];
    const remove: string[] = [];
    ids.forEach((id, i) => {
      const row = byId.get(id);
      const current = stored[i];
      const packed = current?.packs !== undefined && current.packs.length > 0 ? current : undefined;
      if (!row) {
        if (current && !packed) remove.push(id);
      } else if (packed && (row as { stub?: boolean }).stub) {
        put.push({ ...packed, displaced: row });
      } else {
        // Only documents are indexed: a dossier taken over changes no segment.
        if (packed && 'stub' in row) packsLosingRows.add(ownerOf(packed));
        put.push(row);
      }
    });
    return { put, remove };
  };
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
