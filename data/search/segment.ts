/**
 * A stored piece of the search index: the documents of one source (the bundled dataset, or one
 * pack) with their catalog, per-passage figures, vocabulary, and postings by stem. Built at import
 * time (`buildSegment`), stored in the database, and opened together by the side panel
 * (`openSegments`), which reads the postings of only the stems a query needs.
 */
import type { DocumentRecord } from '../dataset/types';
import { runToEnd, type SlicedWork } from '../time-slices';
import { searchIndexSteps } from './build-index';
import { type Catalog, type CatalogHead, catalogSteps, headOf, newestFirst } from './catalog';
import { sortInSteps } from './sort-in-steps';

/** A segment's catalog (read first when the panel opens: enough to list and filter). */
export interface SegmentCatalog {
  /** `bundled`, or the id of the pack whose documents it holds. */
  id: string;
  catalog: Catalog;
}

/** A segment's head (`CatalogHead`): read before anything else when the panel opens. */
export interface SegmentHead {
  id: string;
  head: CatalogHead;
}

/** The rest of a segment but its postings: what a search needs besides them. */
export interface SearchSegment {
  id: string;
  /** Passages of doc `d` are `docFirstPassage[d] … docFirstPassage[d + 1] - 1` (segment-local). */
  docFirstPassage: Uint32Array;
  passageLength: Uint16Array;
  passageBoost: Float32Array;
  /** Indexed words over all passages (for the average passage length). */
  totalLength: number;
  /** Folded surface forms, sorted, each followed by `\n`; `surfaceStem` gives the stem of each. */
  surfaces: string;
  surfaceStart: Uint32Array;
  surfaceStem: Uint32Array;
  /** The stems by id, each followed by `\n`, and the number of passages holding each. */
  stems: string;
  stemStart: Uint32Array;
  stemDf: Uint32Array;
  /** Stem ids in the stems' sorted order (to find a stem's id by binary search). */
  stemOrder: Uint32Array;
}

/** The postings of one stem in one segment (segment-local passage numbers, ascending). */
export interface SegmentPostings {
  stem: string;
  segment: string;
  passages: Uint32Array;
  tfs: Uint8Array;
}

/** A built segment: its catalog, the rest read at open, and its postings. */
export interface BuiltSegment {
  head: SegmentHead;
  catalog: SegmentCatalog;
  segment: SearchSegment;
  postings: SegmentPostings[];
}

/** Splits a `\n`-terminated list. */
export function splitList(list: string): string[] {
  return list === '' ? [] : list.slice(0, -1).split('\n');
}

const joinList = (items: readonly string[]) => (items.length > 0 ? `${items.join('\n')}\n` : '');

/** Start offsets of the items of `joinList(items)`, plus its end. */
function startsOf(items: readonly string[]): Uint32Array {
  const starts = new Uint32Array(items.length + 1);
  for (let i = 0; i < items.length; i++) starts[i + 1] = (starts[i] ?? 0) + (items[i]?.length ?? 0) + 1;
  return starts;
}

/** Items per run sorted in one go by `sortedInSteps` (a few milliseconds), then merged in steps. */
const RUN = 2048;

/**
 * `items` sorted by `compare` without one long blocking call (a stable merge sort over natively
 * sorted runs, yielding between runs and every `RUN` merged items): the same order as
 * `items.sort(compare)` for a comparator that is a total order.
 */
function* sortedInSteps<T>(items: T[], compare: (a: T, b: T) => number): Generator<undefined, T[], void> {
  const n = items.length;
  let from = items;
  for (let start = 0; start < n; start += RUN) {
    const run = from.slice(start, start + RUN).sort(compare);
    for (let i = 0; i < run.length; i++) from[start + i] = run[i] as T;
    yield;
  }
  let to: T[] = new Array(n);
  let sinceYield = 0;
  for (let width = RUN; width < n; width *= 2) {
    for (let left = 0; left < n; left += 2 * width) {
      const middle = Math.min(left + width, n);
      const end = Math.min(left + 2 * width, n);
      let i = left;
      let j = middle;
      for (let k = left; k < end; k++) {
        if (i < middle && (j >= end || compare(from[i] as T, from[j] as T) <= 0)) to[k] = from[i++] as T;
        else to[k] = from[j++] as T;
        if (++sinceYield === RUN) {
          sinceYield = 0;
          yield;
        }
      }
    }
    [from, to] = [to, from];
  }
  return from;
}

/** Positions of `words` in sorted order (as `sortedOrder` in packed-words.ts), in steps. */
function* sortedOrderInSteps(words: readonly string[]): Generator<undefined, Uint32Array, void> {
  const sorted = yield* sortInSteps([...words]);
  const position = new Map<string, number>();
  for (let i = 0; i < words.length; i++) {
    position.set(words[i] ?? '', i);
    if (i % 16_384 === 16_383) yield;
  }
  const order = new Uint32Array(sorted.length);
  for (let i = 0; i < sorted.length; i++) {
    order[i] = position.get(sorted[i] ?? '') ?? 0;
    if (i % 16_384 === 16_383) yield;
  }
  return order;
}

/** Builds the segment `id` over the non-stub documents of `documents`, in one go. */
export function buildSegment(id: string, documents: readonly DocumentRecord[]): BuiltSegment {
  return runToEnd(segmentSteps(id, documents));
}

/** `buildSegment` as steps for `runSliced` (the index build's steps). */
export function* segmentSteps(id: string, documents: readonly DocumentRecord[]): SlicedWork<BuiltSegment> {
  // The stubs left out in steps too: one pass over 300,000 records is tens of milliseconds.
  const kept: DocumentRecord[] = [];
  for (let i = 0; i < documents.length; i++) {
    const document = documents[i] as DocumentRecord;
    if (!document.stub) kept.push(document);
    if (i % 16_384 === 16_383) yield;
  }
  const docs = yield* sortedInSteps(kept, newestFirst);
  const index = yield* searchIndexSteps(docs);
  const stems: string[] = new Array(index.stemIds.size);
  for (const [stem, s] of index.stemIds) stems[s] = stem;
  const stemDf = new Uint32Array(stems.length);
  const postings: SegmentPostings[] = [];
  for (let s = 0; s < stems.length; s++) {
    const from = index.stemOffsets[s] ?? 0;
    const to = index.stemOffsets[s + 1] ?? 0;
    stemDf[s] = to - from;
    postings.push({
      stem: stems[s] ?? '',
      segment: id,
      passages: index.postingPassage.slice(from, to),
      tfs: index.postingTf.slice(from, to),
    });
    if (s % 4096 === 4095) yield 1;
  }
  const stemOrder = yield* sortedOrderInSteps(stems);
  const catalog = yield* catalogSteps(docs);
  // A step each (tens of milliseconds apiece at 300,000 documents; 0.34 s as one step under load).
  yield;
  const head = headOf(catalog);
  yield;
  const surfaces = joinList(index.surfaces);
  yield;
  const surfaceStart = startsOf(index.surfaces);
  yield;
  const stemList = joinList(stems);
  yield;
  return {
    head: { id, head },
    catalog: { id, catalog },
    segment: {
      id,
      docFirstPassage: index.docFirstPassage,
      passageLength: index.passageLength,
      passageBoost: index.passageBoost,
      totalLength: index.avgPassageLength * index.passageDoc.length,
      surfaces,
      surfaceStart,
      surfaceStem: index.surfaceStem,
      stems: stemList,
      stemStart: startsOf(stems),
      stemDf,
      stemOrder,
    },
    postings,
  };
}
