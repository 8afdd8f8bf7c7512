/**
 * The stored search index in the database: one segment per source of documents (`bundled`, or a
 * pack id), written by the imports, never at panel open. A document is indexed in exactly one
 * segment: that of the source whose record wins (precedence.ts). A segment's postings
 * are stored in blocks (postings-blocks.ts) under a key naming the generation that wrote them: an
 * import writes the new generation's postings beside the old ones, then flips the segment's row to
 * them in one small transaction, so a search sees the old version or the new, never half of one.
 */
import { mergeHeads } from '../search/catalog';
import {
  type OpenedIndex,
  type OpenedLibrary,
  openSegments,
  type ReadPostings,
  StaleIndexError,
} from '../search/open-segments';
import { findWord, packedWords } from '../search/packed-words';
import type { WordList } from '../search/searchable';
import {
  type BuiltSegment,
  type SegmentCatalog,
  type SegmentPostings,
  segmentSteps,
} from '../search/segment';
import { runSliced } from '../time-slices';
import type { KamerlensDB } from './kamerlens-db';
import {
  blockKeyOf,
  blocksInBatches,
  groupsInTasks,
  type PostingsLayout,
  postingsIn,
  type SegmentRow,
  type StagedSegment,
  type StoredSegment,
  stagedRowsOf,
} from './postings-blocks';
import { BUNDLED_SEGMENT } from './segment-owner';
import { isPacked, packSegment, partKeys, type SegmentPart, unpackSegment } from './segment-parts';
import { ownedRecords } from './source-documents';

/** The `segment` value of a stored segment's postings rows (a segment stored before blocks: its id). */
function postingsKeyOf(segment: SegmentRow): string {
  return segment.stored?.key ?? segment.id;
}

/**
 * Postings blocks written per transaction by `stageSegment` (each its own, short): up to 16 rows
 * and about 64K postings (a shared block holds ~8K, a stem of its own up to a posting per passage).
 */
const PER_TRANSACTION = { rows: 16, postings: 65_536 };

/**
 * Write `built`'s postings and the parts of its segment row (segment-parts.ts) under a new
 * generation, in short transactions of their own (outside any transaction): nothing reads them
 * until `flipSegment` points the segment at them. The row left to flip is a few hundred bytes.
 */
export async function stageSegment(
  db: KamerlensDB,
  built: BuiltSegment,
  version?: string,
): Promise<StagedSegment> {
  const staged = stagedRowsOf(built, version);
  const layout = staged.segment.stored as PostingsLayout;
  const groups = await groupsInTasks(built.postings, layout);
  for (const blocks of blocksInBatches(groups, layout, PER_TRANSACTION))
    await db.transaction('rw', db.searchPostings, () => db.searchPostings.bulkAdd(blocks));
  const { row, parts } = await packSegment(built.segment, layout.key);
  for (const part of parts) await db.transaction('rw', db.searchPostings, () => db.searchPostings.add(part));
  return { ...staged, segment: { ...row, stored: layout, ...(version ? { version } : {}) } };
}

/**
 * Make `staged` segment `staged.segment.id` (inside a transaction over the search tables); returns
 * the postings key of the generation it replaced, for `dropPostings` after the transaction.
 */
export async function flipSegment(db: KamerlensDB, staged: StagedSegment): Promise<string | null> {
  const previous = await db.searchSegments.get(staged.segment.id);
  // A segment rebuilt because rows changed owner keeps the version it was built from.
  const version = staged.segment.version ?? previous?.version;
  await Promise.all([
    db.searchHeads.put(staged.head),
    db.searchCatalogs.put(staged.catalog),
    db.searchSegments.put({ ...staged.segment, ...(version ? { version } : {}) }),
  ]);
  return previous ? postingsKeyOf(previous) : null;
}

/** Delete the postings rows stored under `key` (a generation no segment points at). */
export async function dropPostings(db: KamerlensDB, key: string | null): Promise<void> {
  // By primary key: deleting through the `segment` index would read every block (its postings) first.
  if (key !== null)
    await db.searchPostings.bulkDelete(await db.searchPostings.where('segment').equals(key).primaryKeys());
}

/**
 * The postings keys no segment points at: those of an import stopped before its flip, or of a
 * generation replaced by one whose clean-up did not run; only of the segments `which` accepts.
 */
export async function deadPostings(
  db: KamerlensDB,
  which: (segment: string) => boolean = () => true,
): Promise<string[]> {
  const [keys, segments] = await Promise.all([
    db.searchPostings.orderBy('segment').uniqueKeys(),
    db.searchSegments.toArray(),
  ]);
  const live = new Set(segments.map(postingsKeyOf));
  return keys.map(String).filter((key) => !live.has(key) && which(key.split('\u0001')[0] ?? key));
}

/**
 * Delete the postings of `deadPostings` (an importer sweeps its own segments, never those another
 * may be staging). Returns how many keys went.
 */
export async function sweepPostings(
  db: KamerlensDB,
  which: (segment: string) => boolean = () => true,
): Promise<number> {
  const dead = await deadPostings(db, which);
  for (const key of dead) await db.transaction('rw', db.searchPostings, () => dropPostings(db, key));
  return dead.length;
}

/** Remove segment `id` and its postings. */
export async function deleteSegment(db: KamerlensDB, id: string): Promise<void> {
  const previous = await db.searchSegments.get(id);
  await Promise.all([
    previous ? dropPostings(db, postingsKeyOf(previous)) : undefined,
    db.searchHeads.delete(id),
    db.searchCatalogs.delete(id),
    db.searchSegments.delete(id),
  ]);
}

/** Segments to build again from the rows, and segments of no loaded source (to delete). */
export interface StaleSegments {
  rebuild: string[];
  orphans: string[];
}

/**
 * The stored segments that do not match what is loaded: written by an older build (no postings
 * layout or version), of another version than their pack or dataset, missing for a pack that has
 * rows, or of a source no longer loaded.
 */
export async function findStaleSegments(db: KamerlensDB): Promise<StaleSegments> {
  const [segments, packs, dataset] = await Promise.all([
    db.searchSegments.toArray(),
    db.packs.toArray(),
    db.meta.get('dataset'),
  ]);
  const expected = new Map(packs.map((pack) => [pack.id, pack.version]));
  if (dataset?.key === 'dataset') expected.set(BUNDLED_SEGMENT, dataset.datasetVersion);
  const stored = new Map(segments.map((segment) => [segment.id, segment]));
  // Per id: stale, or null where it has no segment (a pack's is then built when it holds documents).
  const checked: [string, boolean | null][] = [];
  for (const [id, version] of expected) {
    const segment = stored.get(id);
    if (segment) checked.push([id, !segment.stored || segment.version !== version]);
    else if (id !== BUNDLED_SEGMENT) checked.push([id, null]);
  }
  // The document lists of the packs without a segment only (none but after a stopped change): each
  // wake of the worker asks, and reading every source's list is 300,000 ids at 300,000 documents.
  const unindexed = checked.filter(([, stale]) => stale === null).map(([id]) => id);
  const lists = new Map(
    unindexed.length > 0
      ? (await db.sourceIds.bulkGet(unindexed)).map((row, i) => [unindexed[i], row] as const)
      : [],
  );
  const rebuild = checked
    .filter(([id, stale]) => stale ?? (lists.get(id)?.documents.length ?? 0) > 0)
    .map(([id]) => id);
  return { rebuild, orphans: segments.map((s) => s.id).filter((id) => !expected.has(id)) };
}

/**
 * Build the stale segments again from the rows stored now (found by `findStaleSegments`), one at a
 * time: the rows read, the index built in slices, its postings staged, then flipped in one small
 * transaction. Lookups never wait on it (they read no search table). Reports the share done.
 */
export async function rebuildStaleSegments(
  db: KamerlensDB,
  stale: StaleSegments,
  onProgress?: (fraction: number) => void,
): Promise<void> {
  const tables = [db.searchHeads, db.searchCatalogs, db.searchSegments, db.searchPostings];
  for (const id of stale.orphans) await db.transaction('rw', tables, () => deleteSegment(db, id));
  const versions = new Map((await db.packs.toArray()).map((pack) => [pack.id, pack.version]));
  const dataset = await db.meta.get('dataset');
  if (dataset?.key === 'dataset') versions.set(BUNDLED_SEGMENT, dataset.datasetVersion);
  for (const [i, id] of stale.rebuild.entries()) {
    const share = (fraction: number) => onProgress?.((i + fraction) / stale.rebuild.length);
    const rows = await db.transaction(
      'r',
      [db.meta, db.sourceIds, db.documentBlocks, db.documentBodies],
      () => ownedRecords(db, id),
    );
    const { value: built } = await runSliced(segmentSteps(id, rows), { onProgress: (f) => share(0.8 * f) });
    const staged = await stageSegment(db, built, versions.get(id));
    const replaced = await db.transaction('rw', tables, () => flipSegment(db, staged));
    await dropPostings(db, replaced);
    share(1);
  }
  onProgress?.(1);
}

/**
 * `rows` as segments: the large fields of those stored in parts read (inside the caller's
 * transaction over the segments and postings, so the parts are those of the same generation).
 */
async function readSegments(db: KamerlensDB, rows: readonly SegmentRow[]): Promise<StoredSegment[]> {
  // Every segment's parts asked for at once: one round of reads, not one per segment.
  const parts = await Promise.all(
    rows.map((row) => (isPacked(row) ? db.searchPostings.bulkGet(partKeys(row, postingsKeyOf(row))) : [])),
  );
  return rows.map((row, i) => {
    if (!isPacked(row)) return row;
    const read = parts[i] ?? [];
    // A part gone means the generation was dropped: the index opened is stale.
    if (read.some((part) => !part || !('bytes' in part))) throw new StaleIndexError();
    return unpackSegment(
      row,
      (read as SegmentPart[]).map((part) => part.bytes),
    );
  });
}

/** A segment's stems, for finding a stem's postings count (and so its row) by binary search. */
interface SegmentVocabulary {
  /** Only what finding a row needs: the whole segment would keep its passage tables alive. */
  segment: Pick<StoredSegment, 'stored' | 'stemOrder' | 'stemDf'>;
  stems: WordList;
}

/**
 * Reads postings as `openSegments` asks for them (`[stem, segment id]`): each from the row its
 * segment's layout puts it in, every row once, all in one bulk read.
 */
function postingsReader(db: KamerlensDB, segments: Promise<readonly StoredSegment[]>): ReadPostings {
  // Built as soon as the segments are read, so the reader holds no segment (nor its passage tables).
  const vocabularies = segments.then(
    (list) =>
      new Map(
        list.map(({ id, stored, stemOrder, stemDf, stems, stemStart }): [string, SegmentVocabulary] => [
          id,
          { segment: { stored, stemOrder, stemDf }, stems: packedWords(stems, stemStart) },
        ]),
      ),
  );
  vocabularies.catch(() => undefined);
  return async (keys) => {
    const known = await vocabularies;
    const rowKeys = keys.map(([stem, id]): [string, string] | null => {
      const vocabulary = known.get(id);
      if (!vocabulary) return null;
      const { segment, stems } = vocabulary;
      if (!segment.stored) return [stem, id];
      const s = findWord(stems, segment.stemOrder, stem);
      if (s === undefined) return null;
      return [blockKeyOf(segment.stored, stem, segment.stemDf[s] ?? 0), segment.stored.key];
    });
    const unique = new Map<string, [string, string]>();
    for (const key of rowKeys) if (key) unique.set(`${key[0]}\n${key[1]}`, key);
    const wanted = [...unique.values()];
    const rows = await db.searchPostings.bulkGet(wanted);
    const byKey = new Map(wanted.map((key, i) => [`${key[0]}\n${key[1]}`, rows[i]]));
    return keys.map(([stem, id], i): SegmentPostings | undefined => {
      const key = rowKeys[i];
      if (!key) return undefined;
      const row = byKey.get(`${key[0]}\n${key[1]}`);
      // The segment as opened has this stem: its row went with the generation an import replaced.
      if (!row) throw new StaleIndexError();
      // A part of a segment row is never a stem's (no stem starts with a control character).
      if ('bytes' in row) throw new StaleIndexError();
      // A row stored before blocks holds one stem's postings as they are.
      if (!('stems' in row)) return row;
      const found = postingsIn(row, stem);
      if (!found) throw new StaleIndexError();
      return { stem, segment: id, ...found };
    });
  };
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
    // Catalogs and segments in one transaction: read apart, an import's flip between the two reads
    // would pair one generation's catalog with another's postings. The catalogs are handed on as
    // soon as they are read (enough to list), the segments after.
    let catalogsRead: (rows: SegmentCatalog[]) => void = () => undefined;
    let failed: (cause: unknown) => void = () => undefined;
    const catalogs = new Promise<SegmentCatalog[]>((resolve, reject) => {
      catalogsRead = resolve;
      failed = reject;
    });
    const segments = db.transaction(
      'r',
      [db.searchCatalogs, db.searchSegments, db.searchPostings],
      async () => {
        // Handed on as plain rows: a Dexie promise adopted outside would carry the transaction's zone.
        void db.searchCatalogs.orderBy('id').toArray().then(catalogsRead);
        return readSegments(db, await db.searchSegments.orderBy('id').toArray());
      },
    );
    // A transaction that fails before its scope runs never reads the catalogs.
    segments.catch(failed);
    return openSegments(await catalogs, segments, postingsReader(db, segments));
  };
  return {
    head: mergeHeads(heads.map((h) => h.head)),
    index: () => {
      index ??= open();
      return index;
    },
  };
}
