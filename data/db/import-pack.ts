/**
 * Loading and removing a dataset pack, each in one read-write transaction over the dataset tables:
 * a pack lands whole or not at all, and a worker stopped half-way leaves the previous state. A pack
 * owns the rows that list it in `packs`; replacing a pack (same id) or removing it touches exactly
 * those rows and the graph edges leaving them. A bundled row with the text is never overwritten by a
 * pack's row with the same id; a bundled stub is, and comes back when the pack goes (PackMembership).
 * Notes are outside the transaction.
 */
import type { Table } from 'dexie';
import type { DatasetPack } from '../dataset/pack-format';
import type { DocumentRecord } from '../dataset/types';
import { type BuiltSegment, buildSegment, segmentSteps } from '../search/segment';
import { runSliced } from '../time-slices';
import type { KamerlensDB } from './kamerlens-db';
import type { PackMembership, PackRecord } from './records';
import { edgesOf } from './reference-edges';
import { deleteSegment, rebuildSegments, writeSegment } from './search-segments';
import { ownerOf } from './segment-owner';
import { writeInChunks } from './write-in-chunks';

/** Options for `importPack`. */
export interface ImportPackOptions {
  /** Size of the pack file. */
  bytes: number;
  fileName: string;
  /** Called with the share of rows written (0…1), at least at the start and the end. */
  onProgress?: (fraction: number) => void;
}

/** What loading a pack did: the stored pack, and the version it replaced (null: it was new). */
export interface PackImported {
  pack: PackRecord;
  replaced: string | null;
}

type Row<T> = T & PackMembership<T>;

/** Store `pack`, replacing the pack with the same id if one is loaded. */
export async function importPack(
  db: KamerlensDB,
  pack: DatasetPack,
  options: ImportPackOptions,
): Promise<PackImported> {
  options.onProgress?.(0);
  // The pack's search segment, built before the transaction in slices (the worker keeps answering
  // lookups); rebuilt inside only when some of its documents are left to the bundled rows.
  const { value: built } = await runSliced(segmentSteps(pack.id, pack.documents), {
    onProgress: (fraction) => options.onProgress?.(0.2 * fraction),
  });
  const onRows = (fraction: number) => options.onProgress?.(0.2 + 0.8 * fraction);
  const result = await db.transaction(
    'rw',
    [
      db.documents,
      db.references,
      db.dossiers,
      db.packs,
      db.searchHeads,
      db.searchCatalogs,
      db.searchSegments,
      db.searchPostings,
    ],
    async (): Promise<PackImported> => {
      const previous = await db.packs.get(pack.id);
      const documents = await replaceRows(db.documents, pack.id, pack.documents, onRows);
      await replaceEdges(db, documents, pack.documents);
      await replaceRows(db.dossiers, pack.id, pack.dossiers);
      await writeSegment(db, segmentOfWritten(built, pack.id, pack.documents, documents.written));
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
      return { pack: record, replaced: previous?.version ?? null };
    },
  );
  options.onProgress?.(1);
  return result;
}

/** Remove the pack `id`: its rows (those it shares with another pack stay, for that one) and their edges. */
export async function removePack(db: KamerlensDB, id: string): Promise<boolean> {
  const tables = [
    db.documents,
    db.references,
    db.dossiers,
    db.packs,
    db.searchHeads,
    db.searchCatalogs,
    db.searchSegments,
    db.searchPostings,
  ];
  return db.transaction('rw', tables, async () => {
    if (!(await db.packs.get(id))) return false;
    const documents = await replaceRows(db.documents, id, []);
    await replaceEdges(db, documents, []);
    await replaceRows(db.dossiers, id, []);
    await deleteSegment(db, id);
    await rebuildSegments(db, documents.otherOwners);
    await db.packs.delete(id);
    return true;
  });
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

/**
 * What `replaceRows` changed: ids written with the pack's content, ids deleted, bundled rows put
 * back, and how many of the pack's rows were left to the bundled dataset's rows with the text.
 */
interface RowChanges<T> {
  written: Set<string>;
  /** Written ids that had a stored row before (only those can have graph edges to replace). */
  overwritten: Set<string>;
  deleted: string[];
  restored: T[];
  inBundled: number;
  /** Other packs whose search segment gains or loses rows (a row shared with this pack changed owner). */
  otherOwners: Set<string>;
}

/**
 * Make `rows` the pack's rows in `table`: each written with the pack in its `packs` (with any other
 * pack that shares it), unless the bundled dataset holds that id; the pack's former rows it no
 * longer holds lose it, and go when no pack is left.
 */
async function replaceRows<T extends { id: string }, I>(
  table: Table<Row<T>, string, I>,
  packId: string,
  rows: readonly T[],
  onProgress?: (fraction: number) => void,
): Promise<RowChanges<T>> {
  const wanted = new Set(rows.map((row) => row.id));
  const former = (await table.where('packs').equals(packId).primaryKeys()).filter((id) => !wanted.has(id));
  const [current, leaving] = await Promise.all([
    table.bulkGet(rows.map((row) => row.id)),
    table.bulkGet(former),
  ]);
  const changes: RowChanges<T> = {
    written: new Set(),
    overwritten: new Set(),
    deleted: [],
    restored: [],
    inBundled: 0,
    otherOwners: new Set(),
  };
  const put: Row<T>[] = [];
  rows.forEach((row, i) => {
    const stored = current[i];
    const bundled = stored && stored.packs === undefined ? stored : undefined;
    if (bundled && !(bundled as { stub?: boolean }).stub) {
      changes.inBundled += 1;
      return;
    }
    const others = (stored?.packs ?? []).filter((id) => id !== packId);
    if (others.length > 0 && stored) changes.otherOwners.add(ownerOf(stored));
    const displaced = bundled ?? stored?.displaced;
    put.push({ ...row, packs: [...others, packId], ...(displaced ? { displaced } : {}) });
    changes.written.add(row.id);
    if (stored) changes.overwritten.add(row.id);
  });
  const kept: Row<T>[] = [];
  for (const row of leaving) {
    if (!row) continue;
    const others = (row.packs ?? []).filter((id) => id !== packId);
    if (others.length > 0) {
      kept.push({ ...row, packs: others });
      changes.otherOwners.add(ownerOf({ packs: others }));
    } else if (row.displaced) {
      kept.push(row.displaced);
      changes.restored.push(row.displaced);
    } else changes.deleted.push(row.id);
  }
  changes.otherOwners.delete(packId);
  await table.bulkDelete(changes.deleted);
  // A stored row is also what the table inserts (its key included).
  const writes = [...put, ...kept] as unknown as I[];
  let written = 0;
  await writeInChunks(table, writes, {
    mode: 'put',
    onWritten: (count) => {
      written += count;
      onProgress?.(written / writes.length);
    },
  });
  return changes;
}

/** The graph edges leaving rewritten, restored or deleted documents, replaced by those of their new content. */
async function replaceEdges(
  db: KamerlensDB,
  changes: RowChanges<DocumentRecord>,
  documents: readonly DocumentRecord[],
): Promise<void> {
  // Only rows that were stored before can have edges: a fresh pack deletes none.
  const restored = changes.restored.map((document) => document.id);
  const touched = [...changes.overwritten, ...changes.deleted, ...restored];
  if (touched.length > 0) await db.references.where('from').anyOf(touched).delete();
  const edges = [
    ...documents.filter((document) => changes.written.has(document.id)),
    ...changes.restored,
  ].flatMap(edgesOf);
  if (edges.length > 0) await db.references.bulkAdd(edges);
}
