/**
 * Loading and removing a dataset pack. The rows are written in short transactions with an undo row
 * each (undoable-writes.ts), so lookups are answered during a long import; the pack becomes whole in
 * one last small transaction (its record, its search segment's flip, the undo rows deleted). An
 * import that fails is undone to the row; one whose worker stopped is undone by the next worker
 * before it imports the still-staged file again (pack-importer.ts): never half a pack. A pack owns
 * the rows that list it in `packs`; replacing a pack (same id) or removing it touches exactly those
 * rows. A bundled row with the text is never overwritten by a
 * pack's row with the same id; a bundled stub is, and comes back when the pack goes
 * (PackMembership). Notes are in their own table, never touched.
 */
import type { DatasetPack } from '../dataset/pack-format';
import type { DocumentRecord, DossierRecord } from '../dataset/types';
import { type BuiltSegment, buildSegment, segmentSteps } from '../search/segment';
import { runSliced } from '../time-slices';
import type { KamerlensDB } from './kamerlens-db';
import type { PackRecord } from './records';
import { deleteSegment, dropPostings, flipSegment, rebuildSegments, stageSegment } from './search-segments';
import { ownerOf } from './segment-owner';
import { type ChunkPlan, forgetUndo, rollBack, type StoredRow, writeUndoable } from './undoable-writes';

/** Options for `importPack`. */
export interface ImportPackOptions {
  /** Size of the pack file. */
  bytes: number;
  fileName: string;
  /** Called with the share of rows written (0…1), at least at the start and the end. */
  onProgress?: (fraction: number) => void;
  /** Rows per transaction, fixed (tests); by default sized to keep each transaction short. */
  chunkSize?: number;
}

/** What loading a pack did: the stored pack, and the version it replaced (null: it was new). */
export interface PackImported {
  pack: PackRecord;
  replaced: string | null;
}

/** Store `pack`, replacing the pack with the same id if one is loaded. */
export async function importPack(
  db: KamerlensDB,
  pack: DatasetPack,
  options: ImportPackOptions,
): Promise<PackImported> {
  options.onProgress?.(0);
  // The pack's search segment, built before any write in slices (the worker keeps answering
  // lookups); built again only when some of its documents are left to the bundled rows.
  const { value: built } = await runSliced(segmentSteps(pack.id, pack.documents), {
    onProgress: (fraction) => options.onProgress?.(0.2 * fraction),
  });
  try {
    const documents = await replaceRows(db, 'documents', pack.id, pack.documents, {
      size: options.chunkSize,
      onProgress: (fraction) => options.onProgress?.(0.2 + 0.7 * fraction),
    });
    await replaceRows(db, 'dossiers', pack.id, pack.dossiers, { size: options.chunkSize });
    const staged = await stageSegment(
      db,
      segmentOfWritten(built, pack.id, pack.documents, documents.written),
      pack.version,
    );
    // Only a pack sharing rows with another makes the last transaction read documents.
    const tables = lastTransactionTables(db, documents.otherOwners.size > 0);
    const { result, replacedPostings } = await db.transaction('rw', tables, async () => {
      const previous = await db.packs.get(pack.id);
      const replacedPostings = await flipSegment(db, staged);
      await rebuildSegments(db, documents.otherOwners);
      const record: PackRecord = {
        id: pack.id,
        split: pack.split,
        key: pack.key,
        version: pack.version,
        contentHash: pack.contentHash,
        counts: pack.counts,
        inBundled: documents.inBundled,
        bytes: options.bytes,
        fileName: options.fileName,
        importedAt: new Date().toISOString(),
      };
      await db.packs.put(record);
      await forgetUndo(db, pack.id);
      return { result: { pack: record, replaced: previous?.version ?? null }, replacedPostings };
    });
    await dropPostings(db, replacedPostings);
    options.onProgress?.(1);
    return result;
  } catch (error) {
    await rollBack(db, pack.id).catch(() => undefined);
    throw error;
  }
}

/** Remove the pack `id`: its rows (those it shares with another pack stay, for that one). */
export async function removePack(db: KamerlensDB, id: string): Promise<boolean> {
  if (!(await db.packs.get(id))) return false;
  try {
    const documents = await replaceRows(db, 'documents', id, []);
    await replaceRows(db, 'dossiers', id, []);
    const tables = lastTransactionTables(db, true);
    await db.transaction('rw', tables, async () => {
      await deleteSegment(db, id);
      await rebuildSegments(db, documents.otherOwners);
      await db.packs.delete(id);
      await forgetUndo(db, id);
    });
    return true;
  } catch (error) {
    await rollBack(db, id).catch(() => undefined);
    throw error;
  }
}

/**
 * The tables of an import's or removal's last transaction (the pack record, its undo rows, the
 * search segment's flip), and the documents when segments must be rebuilt from the rows.
 */
function lastTransactionTables(db: KamerlensDB, withDocuments: boolean) {
  const tables = [
    db.packs,
    db.importUndo,
    db.searchHeads,
    db.searchCatalogs,
    db.searchSegments,
    db.searchPostings,
  ];
  return withDocuments ? [db.documents, ...tables] : tables;
}

/** The pack's segment over the documents it wrote: `built` when that is all of them (the usual case). */
function segmentOfWritten(
  built: BuiltSegment,
  packId: string,
  documents: readonly DocumentRecord[],
  written: ReadonlySet<string>,
): BuiltSegment {
  const indexed = documents.filter((document) => !document.stub);
  if (indexed.every((document) => written.has(document.id))) return built;
  return buildSegment(
    packId,
    indexed.filter((document) => written.has(document.id)),
  );
}

/** The loaded packs, by id. */
export function listPacks(db: KamerlensDB): Promise<PackRecord[]> {
  return db.packs.orderBy('id').toArray();
}

/** What `replaceRows` changed, for the search index and the pack record. */
interface RowChanges {
  /** Ids written with the pack's content. */
  written: Set<string>;
  /** How many of the pack's rows were left to the bundled dataset's rows with the text. */
  inBundled: number;
  /** Other packs whose search segment gains or loses rows (a row shared with this pack changed owner). */
  otherOwners: Set<string>;
}

/**
 * Make `rows` the pack's rows in `name`: each written with the pack in its `packs` (with any other
 * pack that shares it), unless the bundled dataset holds that id with the text; the pack's former
 * rows it no longer holds lose it, and go (or give back the bundled stub they displaced) when no
 * pack is left. In short undoable transactions.
 */
async function replaceRows<N extends 'documents' | 'dossiers'>(
  db: KamerlensDB,
  name: N,
  packId: string,
  rows: readonly (N extends 'documents' ? DocumentRecord : DossierRecord)[],
  options: { size?: number; onProgress?: (fraction: number) => void } = {},
): Promise<RowChanges> {
  type T = N extends 'documents' ? DocumentRecord : DossierRecord;
  const byId = new Map<string, T>(rows.map((row) => [row.id, row]));
  const former = (await db.table(name).where('packs').equals(packId).primaryKeys()) as string[];
  const ids = [...byId.keys(), ...former.filter((id) => !byId.has(id))];
  const changes: RowChanges = { written: new Set(), inBundled: 0, otherOwners: new Set() };
  const plan = (chunk: string[], stored: (StoredRow<T> | undefined)[]): ChunkPlan<T> => {
    const put: StoredRow<T>[] = [];
    const remove: string[] = [];
    chunk.forEach((id, i) => {
      const current = stored[i];
      const row = byId.get(id);
      const others = (current?.packs ?? []).filter((pack) => pack !== packId);
      if (row) {
        const bundled = current && current.packs === undefined ? current : undefined;
        if (bundled && !(bundled as { stub?: boolean }).stub) {
          changes.inBundled += 1;
          return;
        }
        if (others.length > 0 && current) changes.otherOwners.add(ownerOf(current));
        const displaced = bundled ?? current?.displaced;
        put.push({ ...row, packs: [...others, packId], ...(displaced ? { displaced } : {}) } as StoredRow<T>);
        changes.written.add(id);
      } else if (current) {
        // A former row of the pack it no longer holds.
        if (others.length > 0) {
          put.push({ ...current, packs: others });
          changes.otherOwners.add(ownerOf({ packs: others }));
        } else if (current.displaced) put.push(current.displaced as StoredRow<T>);
        else remove.push(id);
      }
    });
    return { put, remove };
  };
  let done = 0;
  await writeUndoable(db, packId, name, ids, plan as never, {
    size: options.size,
    onDone: (count) => {
      done += count;
      options.onProgress?.(done / Math.max(ids.length, 1));
    },
  });
  changes.otherOwners.delete(packId);
  return changes;
}
