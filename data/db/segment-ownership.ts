/**
 * Keeping the search segments in step with which source wins each document (precedence.ts), at
 * the end of an import or removal: inside its last transaction, so an import that ended meanwhile
 * (the bundled dataset and a pack are imported side by side on a first start) is counted.
 */
import type { KamerlensDB } from './kamerlens-db';
import { overlapping, ownedIds, type SourceDocuments } from './precedence';
import { rebuildStaleSegments } from './search-segments';
import { readSourceDocuments } from './source-documents';

/**
 * Record `own` as `source`'s documents (null: the source goes), inside an import's or removal's
 * last transaction (over `meta`, `sourceIds` and the search tables); returns the segments to
 * rebuild for it: those of the other sources holding documents it held or holds, and `source`'s
 * own when the documents it was built over (`indexed`) are no longer those it wins. Rebuilding reads
 * records, so it runs after, in `rebuildAfter`: the last transaction does not hold the document
 * blocks, which lookups read (it writes search rows of megabytes at 300,000 documents).
 */
export async function settleOwnership(
  db: KamerlensDB,
  source: string,
  own: SourceDocuments | null,
  indexed?: ReadonlySet<string>,
): Promise<string[]> {
  const all = await readSourceDocuments(db);
  const before = all.get(source)?.documents ?? [];
  if (own) {
    all.set(source, own);
    await db.sourceIds.put(own);
  } else {
    all.delete(source);
    await db.sourceIds.delete(source);
  }
  const rebuild = overlapping(source, before, own?.documents ?? [], all.values());
  if (own && indexed) {
    const owned = ownedIds(own, all.values());
    if (owned.size !== indexed.size || [...owned].some((id) => !indexed.has(id))) rebuild.push(source);
  }
  return rebuild;
}

/** The tables of an import's or removal's last transaction, besides its own record's. */
export function lastTransactionTables(db: KamerlensDB) {
  return [db.meta, db.sourceIds, db.searchHeads, db.searchCatalogs, db.searchSegments, db.searchPostings];
}

/**
 * Rebuild the segments `settleOwnership` named from the records they win now, right after the last
 * transaction, as stale segments are (records read, index built in slices, postings staged, then
 * flipped in a small transaction of its own). Until then a document another source now wins may be
 * found by search in both segments, or in neither: only where two sources hold it.
 */
export async function rebuildAfter(db: KamerlensDB, segments: readonly string[]): Promise<void> {
  if (segments.length > 0) await rebuildStaleSegments(db, { rebuild: [...new Set(segments)], orphans: [] });
}
