/**
 * What a searcher reads of an index, whether the index is built in memory (`buildSearchIndex`) or
 * opened from stored segments (`openSegments`): per-passage figures, the vocabulary, and the
 * postings of one stem at a time (held in memory, or read from the database before the search).
 */
import type { SearchIndex } from './build-index';

/** The postings of one stem: passages `passages[from … to - 1]` with their term frequencies. */
export interface PostingSlice {
  passages: Uint32Array;
  tfs: Uint8Array;
  from: number;
  to: number;
}

/** A sorted list of words, as an array or packed in one string (an index opened from storage). */
export interface WordList {
  readonly length: number;
  at(index: number): string | undefined;
}

/**
 * Passage weights as codes into `values`: a weight is one of a few (one per passage kind), so a
 * byte a passage holds it instead of a 32-bit float (2.6 MB less at 300,000 documents).
 */
export interface BoostCodes {
  codes: Uint8Array;
  values: Float32Array;
}

/** `boost` as codes when it holds at most 256 distinct weights (else as it is). */
export function boostCodesOf(boost: Float32Array): Float32Array | BoostCodes {
  const codeOf = new Map<number, number>();
  const codes = new Uint8Array(boost.length);
  for (let p = 0; p < boost.length; p++) {
    const value = boost[p] as number;
    let code = codeOf.get(value);
    if (code === undefined) {
      if (codeOf.size === 256) return boost;
      code = codeOf.size;
      codeOf.set(value, code);
    }
    codes[p] = code;
  }
  return { codes, values: Float32Array.from(codeOf.keys()) };
}

/** An index a searcher can run over. Doc `d` is a position in the library's order (newest first). */
export interface SearchableIndex {
  docCount: number;
  /** Passages of doc `d` are `docFirstPassage[d] … docFirstPassage[d + 1] - 1`. */
  docFirstPassage: Uint32Array;
  passageLength: Uint16Array;
  /** Per passage its ranking weight, or a code into a few weights (`BoostCodes`). */
  passageBoost: Float32Array | BoostCodes;
  avgPassageLength: number;
  /** Folded surface forms, sorted by UTF-16 code units, and the stem id of each. */
  surfaces: WordList;
  surfaceStem: Uint32Array;
  /** The id of a stem, or undefined when no passage holds it. */
  stemId(stem: string): number | undefined;
  /** Number of passages holding each stem. */
  stemDf: Uint32Array;
  /** The postings of `stem`, or undefined when they are not at hand (not read yet). */
  postingsOf(stem: number): PostingSlice | undefined;
}

/** The in-memory index as a `SearchableIndex` (no copy of its postings). */
export function searchableOf(index: SearchIndex): SearchableIndex {
  const { stemOffsets, postingPassage, postingTf } = index;
  const stemCount = stemOffsets.length - 1;
  const stemDf = new Uint32Array(Math.max(stemCount, 0));
  for (let s = 0; s < stemCount; s++) stemDf[s] = (stemOffsets[s + 1] ?? 0) - (stemOffsets[s] ?? 0);
  return {
    docCount: index.docs.length,
    docFirstPassage: index.docFirstPassage,
    passageLength: index.passageLength,
    passageBoost: index.passageBoost,
    avgPassageLength: index.avgPassageLength,
    surfaces: index.surfaces,
    surfaceStem: index.surfaceStem,
    stemId: (stem) => index.stemIds.get(stem),
    stemDf,
    postingsOf: (stem) =>
      stem < stemCount
        ? {
            passages: postingPassage,
            tfs: postingTf,
            from: stemOffsets[stem] ?? 0,
            to: stemOffsets[stem + 1] ?? 0,
          }
        : undefined,
  };
}
