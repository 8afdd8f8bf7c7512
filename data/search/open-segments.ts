/**
 * Opens stored search segments as one index: the catalogs merged into the library's order (newest
 * first), passages renumbered to follow it, vocabularies merged. Postings stay in storage: a search
 * first reads those of the stems its query expands to (a few keys), keeping recent ones at hand.
 */
import { type Catalog, CatalogBuilder, type CatalogHead, catalogId } from './catalog';
import { findWord, packedWords } from './packed-words';
import { createSearcher, type SearchOptions, type SearchOutcome } from './run-search';
import { boostCodesOf, type PostingSlice, type SearchableIndex } from './searchable';
import { type SearchSegment, type SegmentCatalog, type SegmentPostings, splitList } from './segment';

/**
 * Reads the postings rows of `[stem, segment]` keys (undefined where there is none). Rejects with
 * `StaleIndexError` when a row the opened segments name is gone.
 */
export type ReadPostings = (keys: [string, string][]) => Promise<(SegmentPostings | undefined)[]>;

/**
 * The stored index changed under an opened library: an import or removal replaced a segment and
 * dropped the postings the library was opened on. Open the library again.
 */
export class StaleIndexError extends Error {
  constructor() {
    super('search: the stored index changed since the library was opened');
    this.name = 'StaleIndexError';
  }
}

/** The opened library: its catalog (doc `d` as the search numbers it) and an async search. */
export interface OpenedIndex {
  catalog: Catalog;
  /** Resolves once searches can run (the segments beyond the catalogs are read). */
  ready: Promise<void>;
  search(query: string, options?: SearchOptions): Promise<SearchOutcome>;
}

/**
 * The library as the panel opens it: the head at once; `index()` reads the catalogs and segments
 * when first called (the panel calls it once its first page is shown, so the larger reads do not
 * compete with that page's records) and gives the same promise after.
 */
export interface OpenedLibrary {
  head: CatalogHead;
  index(): Promise<OpenedIndex>;
}

/** Postings kept at hand between searches; beyond this the stems the query does not need go. */
const CACHED_POSTINGS = 2_000_000;

/** Global doc order over the segments: newest first, then by id (each segment is in that order). */
function mergeOrder(segments: readonly SegmentCatalog[]): { segment: Uint8Array; local: Uint32Array } {
  const total = segments.reduce((sum, s) => sum + s.catalog.count, 0);
  const segment = new Uint8Array(total);
  const local = new Uint32Array(total);
  const heads = segments.map(() => 0);
  for (let g = 0; g < total; g++) {
    let best = -1;
    let bestId = '';
    for (let s = 0; s < segments.length; s++) {
      const catalog = (segments[s] as SegmentCatalog).catalog;
      const at = heads[s] ?? 0;
      if (at >= catalog.count) continue;
      if (best < 0) {
        best = s;
        continue;
      }
      const current = (segments[best] as SegmentCatalog).catalog;
      const dateHere = catalog.date[at] ?? 0;
      const dateBest = current.date[heads[best] ?? 0] ?? 0;
      if (dateHere !== dateBest) {
        if (dateHere > dateBest) best = s;
        continue;
      }
      bestId ||= catalogId(current, heads[best] ?? 0);
      const id = catalogId(catalog, at);
      if (id.localeCompare(bestId) < 0) {
        best = s;
        bestId = id;
      }
    }
    segment[g] = best;
    local[g] = heads[best] ?? 0;
    heads[best] = (heads[best] ?? 0) + 1;
  }
  return { segment, local };
}

/** The segments' catalogs as one, in `order`. */
function mergeCatalogs(segments: readonly SegmentCatalog[], order: ReturnType<typeof mergeOrder>): Catalog {
  const n = order.segment.length;
  const merged = new CatalogBuilder(n);
  const remap = segments.map(({ catalog }) => ({
    kind: catalog.kinds.map((v) => merged.kinds.code(v)),
    dossier: catalog.dossiers.map((v) => merged.dossiers.code(v)),
    author: catalog.authors.map((v) => merged.authors.code(v)),
  }));
  const authorCodes: number[] = [];
  for (let g = 0; g < n; g++) {
    const s = order.segment[g] ?? 0;
    const d = order.local[g] ?? 0;
    const { catalog } = segments[s] as SegmentCatalog;
    const codes = remap[s] as (typeof remap)[number];
    const k = catalog.dossier[d] ?? -1;
    authorCodes.length = 0;
    for (let a = catalog.authorStart[d] ?? 0; a < (catalog.authorStart[d + 1] ?? 0); a++)
      authorCodes.push(codes.author[catalog.authorOf[a] ?? 0] ?? 0);
    merged.add(
      catalogId(catalog, d),
      catalog.date[d] ?? 0,
      codes.kind[catalog.kind[d] ?? 0] ?? 0,
      k < 0 ? -1 : (codes.dossier[k] ?? -1),
      authorCodes,
    );
  }
  return merged.finish();
}

/** One segment's per-passage figures as stored (its order is the global one). */
function singlePassages(segment: SearchSegment) {
  const { docFirstPassage, passageLength, passageBoost } = segment;
  return {
    docFirstPassage,
    passageLength,
    passageBoost: boostCodesOf(passageBoost),
    passageMap: [] as Uint32Array[],
  };
}

/** Per-passage figures in global order, and each segment's local → global passage map. */
function mergePassages(segments: readonly SearchSegment[], order: ReturnType<typeof mergeOrder>) {
  const n = order.segment.length;
  const passageCount = segments.reduce((sum, s) => sum + s.passageLength.length, 0);
  const docFirstPassage = new Uint32Array(n + 1);
  const passageLength = new Uint16Array(passageCount);
  const passageBoost = new Float32Array(passageCount);
  const passageMap = segments.map((s) => new Uint32Array(s.passageLength.length));
  let p = 0;
  for (let g = 0; g < n; g++) {
    const s = order.segment[g] ?? 0;
    const d = order.local[g] ?? 0;
    const segment = segments[s] as SearchSegment;
    const map = passageMap[s] as Uint32Array;
    docFirstPassage[g] = p;
    for (let q = segment.docFirstPassage[d] ?? 0; q < (segment.docFirstPassage[d + 1] ?? 0); q++) {
      map[q] = p;
      passageLength[p] = segment.passageLength[q] ?? 0;
      passageBoost[p] = segment.passageBoost[q] ?? 1;
      p++;
    }
  }
  docFirstPassage[n] = p;
  return { docFirstPassage, passageLength, passageBoost: boostCodesOf(passageBoost), passageMap };
}

/** One segment's vocabulary as it is stored (packed, its stem ids are the global ones). */
function singleVocabulary(segment: SearchSegment) {
  const stemNames = packedWords(segment.stems, segment.stemStart);
  const { stemOrder } = segment;
  return {
    stemId: (stem: string) => findWord(stemNames, stemOrder, stem),
    stemNames,
    stemDf: segment.stemDf,
    stemSegments: null,
    surfaces: packedWords(segment.surfaces, segment.surfaceStart),
    surfaceStem: segment.surfaceStem,
  };
}

/** The segments' vocabularies as one: sorted surfaces, global stem ids, summed df, where each stem is. */
function mergeVocabulary(segments: readonly SearchSegment[]) {
  const stemIds = new Map<string, number>();
  const stemNames: string[] = [];
  const df: number[] = [];
  const stemSegments: number[][] = [];
  const surfaceStemName = new Map<string, number>();
  segments.forEach((segment, s) => {
    const stems = splitList(segment.stems);
    const globalOf = stems.map((stem, local) => {
      let id = stemIds.get(stem);
      if (id === undefined) {
        id = stemNames.length;
        stemIds.set(stem, id);
        stemNames.push(stem);
        df.push(0);
        stemSegments.push([]);
      }
      df[id] = (df[id] ?? 0) + (segment.stemDf[local] ?? 0);
      stemSegments[id]?.push(s);
      return id;
    });
    splitList(segment.surfaces).forEach((surface, i) => {
      if (!surfaceStemName.has(surface))
        surfaceStemName.set(surface, globalOf[segment.surfaceStem[i] ?? 0] ?? 0);
    });
  });
  const surfaces = [...surfaceStemName.keys()].sort();
  const surfaceStem = Uint32Array.from(surfaces, (surface) => surfaceStemName.get(surface) ?? 0);
  return {
    stemId: (stem: string) => stemIds.get(stem),
    stemNames,
    stemDf: Uint32Array.from(df),
    stemSegments,
    surfaces,
    surfaceStem,
  };
}

/**
 * Opens stored segments as one library index: the catalogs at once (enough to list and filter),
 * the rest of the segments when `segments` resolves (searches wait for it). Both lists in the same
 * order of segment ids; `read` fetches postings rows by `[stem, segment]`. `cachedPostings` bounds
 * the postings kept between searches (those least recently used go first).
 */
export function openSegments(
  catalogs: readonly SegmentCatalog[],
  segments: Promise<readonly SearchSegment[]> | readonly SearchSegment[],
  read: ReadPostings,
  cachedPostings = CACHED_POSTINGS,
): OpenedIndex {
  if (catalogs.length > 255) throw new Error('search: more than 255 segments');
  // One segment is in the library's order already. With several, the merge order is needed until
  // their passages are merged, then let go (1.4 MB at 300,000 documents); `catalogs` is read by
  // no closure here, so the segments' own catalogs are not kept beside the merged one.
  let order = catalogs.length === 1 ? null : mergeOrder(catalogs);
  const catalog = order ? mergeCatalogs(catalogs, order) : (catalogs[0] as SegmentCatalog).catalog;
  const ids = catalogs.map((c) => c.id).join('\n');
  const searcher = Promise.resolve(segments).then((list) => {
    if (list.map((segment) => segment.id).join('\n') !== ids)
      throw new Error('search: stored segments do not match their catalogs');
    const search = openSearch(catalog, list, order, read, cachedPostings);
    order = null;
    return search;
  });
  // Not awaited by anyone until the first search (or `ready`): a failure is reported there.
  searcher.catch(() => undefined);
  const ready = searcher.then(() => undefined);
  ready.catch(() => undefined);
  // One search at a time: a search's postings stay in the cache from its read to its scoring.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    catalog,
    ready,
    search(query, options) {
      const run = async () => (await searcher)(query, options);
      const next = queue.then(run, run);
      queue = next.catch(() => undefined);
      return next;
    },
  };
}

/** The search over `segments` (in the catalogs' order): postings read per query, then ranked. */
function openSearch(
  catalog: Catalog,
  segments: readonly SearchSegment[],
  order: ReturnType<typeof mergeOrder> | null,
  read: ReadPostings,
  cachedPostings: number,
): (query: string, options?: SearchOptions) => Promise<SearchOutcome> {
  // Not the segment itself past this point: held by the search below, it would keep its stored
  // per-passage weights alive (3.4 MB at 300,000 documents) beside their byte codes.
  const single = segments.length === 1;
  // `order` is null for one segment (in the library's order already).
  const passages = order ? mergePassages(segments, order) : singlePassages(segments[0] as SearchSegment);
  const vocabulary = single ? singleVocabulary(segments[0] as SearchSegment) : mergeVocabulary(segments);
  const totalLength = segments.reduce((sum, s) => sum + s.totalLength, 0);
  const segmentIds = segments.map((segment) => segment.id);
  const cache = new Map<number, PostingSlice>();
  let cached = 0;

  const index: SearchableIndex = {
    docCount: catalog.count,
    docFirstPassage: passages.docFirstPassage,
    passageLength: passages.passageLength,
    passageBoost: passages.passageBoost,
    avgPassageLength: passages.passageLength.length > 0 ? totalLength / passages.passageLength.length : 1,
    surfaces: vocabulary.surfaces,
    surfaceStem: vocabulary.surfaceStem,
    stemId: vocabulary.stemId,
    stemDf: vocabulary.stemDf,
    postingsOf: (stem) => cache.get(stem),
  };
  const searcher = createSearcher(index, { lazy: true });

  /** Reads the postings of `stems` not at hand, merged over segments, in global passage numbers. */
  async function load(stems: readonly number[]): Promise<void> {
    // Used again: to the end of the cache's order, the last to go.
    for (const stem of stems) {
      const slice = cache.get(stem);
      if (!slice) continue;
      cache.delete(stem);
      cache.set(stem, slice);
    }
    const missing = stems.filter((stem) => !cache.has(stem));
    if (missing.length === 0) return;
    const keys: [string, string][] = [];
    const owners: number[] = [];
    for (const stem of missing) {
      for (const s of vocabulary.stemSegments?.[stem] ?? [0]) {
        keys.push([vocabulary.stemNames.at(stem) ?? '', segmentIds[s] ?? '']);
        owners.push(stem);
      }
    }
    const rows = await read(keys);
    const needed = missing.reduce((sum, stem) => sum + (vocabulary.stemDf[stem] ?? 0), 0);
    if (cached + needed > cachedPostings) {
      // Oldest first (a Map keeps insertion order), never a stem this query scores with.
      const kept = new Set(stems);
      for (const [stem, slice] of cache) {
        if (cached + needed <= cachedPostings) break;
        if (kept.has(stem)) continue;
        cache.delete(stem);
        cached -= slice.passages.length;
      }
    }
    for (const stem of missing) {
      const size = vocabulary.stemDf[stem] ?? 0;
      cache.set(stem, { passages: new Uint32Array(size), tfs: new Uint8Array(size), from: 0, to: 0 });
      cached += size;
    }
    rows.forEach((row, i) => {
      const slice = cache.get(owners[i] ?? -1);
      if (!row || !slice) return;
      const s = segmentIds.indexOf(row.segment);
      const map = single ? null : passages.passageMap[s];
      for (let j = 0; j < row.passages.length && slice.to < slice.passages.length; j++) {
        const local = row.passages[j] ?? 0;
        slice.passages[slice.to] = map ? (map[local] ?? 0) : local;
        slice.tfs[slice.to] = row.tfs[j] ?? 1;
        slice.to++;
      }
    });
    // A search walks each stem's postings in passage order (merge-term.ts); a stem in several
    // segments has one ascending run per segment here, interleaved in the library's order.
    for (const stem of missing) {
      const slice = cache.get(stem);
      if (slice && (vocabulary.stemSegments?.[stem]?.length ?? 1) > 1) sortSlice(slice);
    }
  }

  return async (query, options) => {
    await load(searcher.stemsOf(query));
    return searcher.search(query, options);
  };
}

/** `slice`'s postings in ascending passage order, each keeping its term frequency. */
function sortSlice(slice: PostingSlice): void {
  const { passages, tfs, from, to } = slice;
  // Passage and tf packed in one number (passages < 2^32, tfs < 2^8: below 2^53), sorted numerically.
  const packed = new Float64Array(to - from);
  for (let i = from; i < to; i++) packed[i - from] = (passages[i] as number) * 256 + (tfs[i] as number);
  packed.sort();
  for (let i = from; i < to; i++) {
    const value = packed[i - from] as number;
    passages[i] = Math.floor(value / 256);
    tfs[i] = value % 256;
  }
}
