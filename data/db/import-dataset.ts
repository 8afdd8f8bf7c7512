/**
 * Imports a dataset file into the bundled tables in one read-write transaction: either the whole new
 * dataset lands or the previous one stays. Rows of packs the reader added stay (where the new dataset
 * has the same id, its row wins). User tables are outside the transaction's scope, so an import
 * cannot touch them.
 */

import type { Table } from 'dexie';
import { DATASET_SCHEMA_VERSION, type DatasetFile, type DocumentRecord } from '../dataset/types';
import { validateDataset } from '../dataset/validate';
import { segmentSteps } from '../search/segment';
import { runSliced } from '../time-slices';
import type { KamerlensDB } from './kamerlens-db';
import type { DatasetCounts, DatasetMeta, ImportStatusMeta, ReferenceEdge } from './records';
import { edgesOf } from './reference-edges';
import { rebuildSegments, writeSegment } from './search-segments';
import { BUNDLED_SEGMENT, ownerOf } from './segment-owner';
import { type ChunkOptions, writeInChunks } from './write-in-chunks';

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
  const edges: ReferenceEdge[] = dataset.documents.flatMap(edgesOf);
  const total = dataset.documents.length + edges.length + dataset.dossiers.length;
  const counts: DatasetCounts = {
    documents: dataset.documents.filter((document) => !document.stub).length,
    stubs: dataset.documents.filter((document) => document.stub).length,
    references: edges.length,
    dossiers: dataset.dossiers.length,
  };
  let written = 0;
  // The search index takes the first fifth of the progress, the rows the rest.
  const report = () => options.onProgress?.(total === 0 ? 1 : 0.2 + (0.8 * written) / total);
  options.onProgress?.(0);
  // Built before the transaction, in slices: it depends only on the file (bundled rows always win),
  // and the worker keeps answering lookups meanwhile.
  const { value: segment } = await runSliced(segmentSteps(BUNDLED_SEGMENT, dataset.documents), {
    onProgress: (fraction) => options.onProgress?.(0.2 * fraction),
  });
  const tables = [
    db.documents,
    db.references,
    db.dossiers,
    db.meta,
    db.packs,
    db.searchHeads,
    db.searchCatalogs,
    db.searchSegments,
    db.searchPostings,
  ];
  await db.transaction('rw', tables, async () => {
    const keepPacks = (await db.packs.count()) > 0;
    // With packs loaded, a bundled stub whose id a pack holds goes under that pack's row (PackMembership).
    const { documents, packsLosingRows } = keepPacks
      ? await clearBundledRows(db, dataset)
      : { documents: dataset.documents, packsLosingRows: [] };
    if (!keepPacks)
      await Promise.all([
        db.documents.clear(),
        db.references.clear(),
        db.dossiers.clear(),
        db.searchHeads.clear(),
        db.searchCatalogs.clear(),
        db.searchSegments.clear(),
        db.searchPostings.clear(),
      ]);
    // Over the rows of loaded packs, the bundled rows (with the text) win: put, not add.
    const chunks: ChunkOptions = {
      mode: keepPacks ? 'put' : 'add',
      chunkSize: options.chunkSize,
      onWritten: (rows) => {
        written += rows;
        report();
      },
    };
    await Promise.all([
      writeInChunks(db.documents, documents, chunks),
      writeInChunks(db.references, edges, chunks),
      writeInChunks(db.dossiers, dataset.dossiers, chunks),
      writeSegment(db, segment),
    ]);
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
  });
  options.onProgress?.(1);
  return counts;
}

/**
 * Delete the rows of the previous bundled dataset (those no pack brought) and the graph edges leaving
 * them or the rows about to be written; keep the rows and edges of loaded packs. Returns the
 * documents to write (a stub whose id a pack's row holds is stored under that row instead), and the
 * packs whose rows the bundled dataset's rows replace (their search segments lose them).
 */
async function clearBundledRows(
  db: KamerlensDB,
  dataset: DatasetFile,
): Promise<{ documents: DocumentRecord[]; packsLosingRows: string[] }> {
  const [[documents, packed], [dossiers]] = await Promise.all([
    bundledKeys(db.documents),
    bundledKeys(db.dossiers),
  ]);
  const underPacks = dataset.documents.filter((document) => document.stub && packed.has(document.id));
  const written = dataset.documents.filter((document) => !(document.stub && packed.has(document.id)));
  const leaving = [...new Set([...documents, ...written.map((document) => document.id)])];
  const overPacks = written.filter((document) => packed.has(document.id)).map((document) => document.id);
  const packsLosingRows = new Set<string>();
  for (const row of await db.documents.bulkGet(overPacks)) if (row) packsLosingRows.add(ownerOf(row));
  await Promise.all([
    db.documents.bulkDelete(documents),
    db.dossiers.bulkDelete(dossiers),
    db.references.where('from').anyOf(leaving).delete(),
    ...underPacks.map((displaced) => db.documents.update(displaced.id, { displaced })),
  ]);
  return { documents: written, packsLosingRows: [...packsLosingRows] };
}

/** Primary keys of the rows no pack brought, and of those a pack did (the `packs` index holds only these). */
async function bundledKeys<T, I>(table: Table<T, string, I>): Promise<[string[], Set<string>]> {
  const [all, packed] = await Promise.all([
    table.toCollection().primaryKeys(),
    table.orderBy('packs').primaryKeys(),
  ]);
  const inPacks = new Set(packed);
  return [all.filter((id) => !inPacks.has(id)), inPacks];
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
