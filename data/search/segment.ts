/**
 * A stored piece of the search index: the documents of one source (the bundled dataset, or one
 * pack) with their catalog, per-passage figures, vocabulary, and postings by stem. Built at import
 * time (`buildSegment`), stored in the database, and opened together by the side panel
 * (`openSegments`), which reads the postings of only the stems a query needs.
 */
import type { DocumentRecord } from '../dataset/types';
import { runToEnd, type SlicedWork } from '../time-slices';
import { searchIndexSteps } from './build-index';
import { type Catalog, type CatalogHead, catalogOf, headOf, newestFirst } from './catalog';
import { sortedOrder } from './packed-words';

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

/** Builds the segment `id` over the non-stub documents of `documents`, in one go. */
export function buildSegment(id: string, documents: readonly DocumentRecord[]): BuiltSegment {
  return runToEnd(segmentSteps(id, documents));
}

/** `buildSegment` as steps for `runSliced` (the index build's steps). */
export function* segmentSteps(id: string, documents: readonly DocumentRecord[]): SlicedWork<BuiltSegment> {
  const docs = documents.filter((d) => !d.stub).sort(newestFirst);
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
  const catalog = catalogOf(docs);
  return {
    head: { id, head: headOf(catalog) },
    catalog: { id, catalog },
    segment: {
      id,
      docFirstPassage: index.docFirstPassage,
      passageLength: index.passageLength,
      passageBoost: index.passageBoost,
      totalLength: index.avgPassageLength * index.passageDoc.length,
      surfaces: joinList(index.surfaces),
      surfaceStart: startsOf(index.surfaces),
      surfaceStem: index.surfaceStem,
      stems: joinList(stems),
      stemStart: startsOf(stems),
      stemDf,
      stemOrder: sortedOrder(stems),
    },
    postings,
  };
}
