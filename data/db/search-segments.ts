/**
 * The stored search index in the database: one segment per source of documents (`bundled`, or a
 * pack id), written by the imports in their own transaction, never at panel open. A document row is
 * indexed in exactly one segment, its owner's: the pack that wrote it last, or the bundled dataset.
 */
import type { DocumentRecord } from '../dataset/types';
import { mergeHeads } from '../search/catalog';
import { type OpenedIndex, type OpenedLibrary, openSegments } from '../search/open-segments';
import { type BuiltSegment, buildSegment } from '../search/segment';
import type { KamerlensDB } from './kamerlens-db';
import { BUNDLED_SEGMENT, ownerOf } from './segment-owner';
import { writeInChunks } from './write-in-chunks';

/** Replace segment `built.segment.id` (its postings included) by `built`; call inside a transaction over both tables. */
export async function writeSegment(db: KamerlensDB, built: BuiltSegment): Promise<void> {
  await db.searchPostings.where('segment').equals(built.segment.id).delete();
  await Promise.all([
    db.searchHeads.put(built.head),
    db.searchCatalogs.put(built.catalog),
    db.searchSegments.put(built.segment),
    writeInChunks(db.searchPostings, built.postings, { mode: 'put' }),
  ]);
}

/** Remove segment `id` and its postings. */
export async function deleteSegment(db: KamerlensDB, id: string): Promise<void> {
  await Promise.all([
    db.searchPostings.where('segment').equals(id).delete(),
    db.searchHeads.delete(id),
    db.searchCatalogs.delete(id),
    db.searchSegments.delete(id),
  ]);
}

/** The document rows segment `id` indexes, as stored now. */
async function rowsOwnedBy(db: KamerlensDB, id: string): Promise<DocumentRecord[]> {
  const rows =
    id === BUNDLED_SEGMENT
      ? await db.documents.filter((row) => row.packs === undefined || row.packs.length === 0).toArray()
      : await db.documents.where('packs').equals(id).toArray();
  return rows.filter((row) => !row.stub && ownerOf(row) === id);
}

/** Rebuild the segments `ids` from the rows they own now (a pack's rows changed owner). */
export async function rebuildSegments(db: KamerlensDB, ids: Iterable<string>): Promise<void> {
  for (const id of new Set(ids)) {
    const rows = await rowsOwnedBy(db, id);
    if (rows.length === 0 && id !== BUNDLED_SEGMENT) await deleteSegment(db, id);
    else await writeSegment(db, buildSegment(id, rows));
  }
}

/**
 * Opens the stored index: resolves with the heads (the first page can show); `index()` then reads
 * the catalogs, then the rest of the segments, one after the other (each larger read after the one
 * the panel waits for first). Searches wait for the segments; their postings are read per query.
 */
export async function openStoredIndex(db: KamerlensDB): Promise<OpenedLibrary> {
  const heads = await db.searchHeads.orderBy('id').toArray();
  let index: Promise<OpenedIndex> | null = null;
  const open = async () => {
    const catalogs = await db.searchCatalogs.orderBy('id').toArray();
    const segments = db.searchSegments.orderBy('id').toArray();
    return openSegments(catalogs, segments, (keys) => db.searchPostings.bulkGet(keys));
  };
  return {
    head: mergeHeads(heads.map((h) => h.head)),
    index: () => {
      index ??= open();
      return index;
    },
  };
}
