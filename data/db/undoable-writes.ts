/**
 * The row writes of an import (or a pack removal) in short transactions, each keeping an undo row
 * (UndoChunk): lookups are answered between two transactions (from the rows already written, or the
 * previous version of those not yet written), and an import that fails, or whose worker stops,
 * before its last transaction is undone to the row. The last transaction (the import's own: the
 * pack record or dataset meta, the search segment's flip) deletes the undo rows with `forgetUndo`,
 * which is what makes the import whole.
 */
import type { Table } from 'dexie';
import type { DocumentRecord, DossierRecord } from '../dataset/types';
import type { KamerlensDB } from './kamerlens-db';
import type { PackMembership, UndoChunk } from './records';
import { inTimedChunks, type TimedChunkOptions } from './write-in-chunks';

/** A stored document or dossier row. */
export type StoredRow<T> = T & PackMembership<T>;

/** The rows a chunk writes and the ids it deletes, decided from the rows stored now. */
export interface ChunkPlan<T> {
  put: StoredRow<T>[];
  remove: string[];
}

type RowTable = 'documents' | 'dossiers';
type RowOf<N extends RowTable> = N extends 'documents' ? DocumentRecord : DossierRecord;

function tableOf<N extends RowTable>(db: KamerlensDB, name: N): Table<StoredRow<RowOf<N>>, string> {
  return db.table(name);
}

/**
 * For each chunk of `ids`: read their rows, let `plan` decide what to write and delete, and do it
 * with its undo row, all in one transaction of its own (sized by `options`).
 */
export async function writeUndoable<N extends RowTable>(
  db: KamerlensDB,
  source: string,
  name: N,
  ids: readonly string[],
  plan: (ids: string[], stored: (StoredRow<RowOf<N>> | undefined)[]) => ChunkPlan<RowOf<N>>,
  options: TimedChunkOptions & {
    /** The table held no rows when the import began (a first import): nothing to read first. */
    empty?: boolean;
  } = {},
): Promise<void> {
  const table = tableOf(db, name);
  // In key order, so each chunk's ids span a narrow key range (storedRows reads the keys in it).
  const sorted = [...ids].sort();
  await inTimedChunks(
    sorted,
    (chunk) =>
      db.transaction('rw', [table, db.importUndo], async () => {
        const stored = options.empty ? chunk.map(() => undefined) : await storedRows(table, chunk);
        const { put, remove } = plan(chunk, stored);
        const touched = [...put.map((row) => row.id), ...remove];
        if (touched.length === 0) return;
        const storedById = new Map(chunk.map((id, i) => [id, stored[i]]));
        const undo: UndoChunk = {
          source,
          table: name,
          ids: touched,
          before: touched.map((id) => storedById.get(id)),
        };
        await Promise.all([
          db.importUndo.add(undo),
          remove.length > 0 ? table.bulkDelete(remove) : undefined,
          table.bulkPut(put),
        ]);
      }),
    options,
  );
}

/**
 * The stored rows of `ids` (sorted; undefined where there is none). Only the ids stored are read:
 * which those are comes from one read of the keys in the chunk's range, where a read per id (a
 * request each) cost as much as writing the row (a new pack's ids are mostly not stored).
 */
async function storedRows<T>(table: Table<T, string>, ids: readonly string[]): Promise<(T | undefined)[]> {
  const first = ids[0];
  const last = ids[ids.length - 1];
  if (first === undefined || last === undefined) return [];
  const inRange = new Set(await table.where(':id').between(first, last, true, true).primaryKeys());
  const present = ids.filter((id) => inRange.has(id));
  if (present.length === 0) return ids.map(() => undefined);
  const rows = await table.bulkGet(present);
  const byId = new Map(present.map((id, i) => [id, rows[i]]));
  return ids.map((id) => byId.get(id));
}

/** Delete the undo rows of `source` (inside the import's last transaction, which includes `importUndo`). */
export async function forgetUndo(db: KamerlensDB, source: string): Promise<void> {
  // By primary key: deleting through the `source` index reads every row first, and an update's undo
  // rows hold the whole previous version of what it replaced.
  const keys = (await db.importUndo.where('source').equals(source).primaryKeys()) as number[];
  const first = keys[0];
  const last = keys[keys.length - 1];
  if (first === undefined || last === undefined) return;
  // One import's rows have consecutive keys unless another source's import wrote between them: then
  // one range delete (a request) instead of one per row, which at 300,000 documents made the import's
  // last transaction the longest of all (6,776 deletes, 6 s; npm run bench -- import).
  if (last - first + 1 === keys.length)
    await db.importUndo.where(':id').between(first, last, true, true).delete();
  else await db.importUndo.bulkDelete(keys);
}

/** Undo what the unfinished import or removal of `source` wrote, newest chunk first, a chunk per transaction. */
export async function rollBack(db: KamerlensDB, source: string): Promise<void> {
  const keys = await db.importUndo.where('source').equals(source).primaryKeys();
  for (const key of keys.reverse()) {
    await db.transaction('rw', [db.documents, db.dossiers, db.importUndo], async () => {
      const chunk = await db.importUndo.get(key);
      if (!chunk) return;
      const table = tableOf(db, chunk.table);
      const before = chunk.before.filter((row) => row !== undefined) as StoredRow<RowOf<RowTable>>[];
      await table.bulkDelete(chunk.ids);
      await table.bulkPut(before);
      await db.importUndo.delete(key);
    });
  }
}

/**
 * Undo every unfinished import or removal of the sources `which` accepts (a worker stopped during
 * one): call before this worker starts one of its own. Returns the sources undone.
 */
export async function rollBackUnfinished(
  db: KamerlensDB,
  which: (source: string) => boolean,
): Promise<string[]> {
  const sources = (await db.importUndo.orderBy('source').uniqueKeys()).map(String).filter(which);
  for (const source of sources) await rollBack(db, source);
  return sources;
}
