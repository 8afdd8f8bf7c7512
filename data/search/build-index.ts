/**
 * A compact inverted index over the passages of many documents, built for 100,000 documents in a
 * side panel: postings live in typed arrays (CSR layout: one slice per stem), not in objects.
 *
 * Terms are stems (`stemDutch(foldText(word))`); the sorted list of surface forms (folded words as
 * written) maps prefixes typed by the user to the stems of the words they can complete to.
 */
import type { DocumentRecord } from '../dataset/types';
import { runToEnd, type SlicedWork } from '../time-slices';
import { PASSAGE_BOOST, PASSAGE_KINDS, passagesOf } from './passages';
import { sortInSteps } from './sort-in-steps';
import { stemDutch } from './stem';
import { DUTCH_STOP_WORDS } from './stopwords';
import { forEachToken } from './tokenize';

/** The index: documents by position, passages by position, stems by id. Read-only after building. */
export interface SearchIndex {
  /** The indexed documents (stubs are left out); a "doc index" is a position here. */
  docs: DocumentRecord[];
  /** Passages of doc `d` are `docFirstPassage[d] … docFirstPassage[d + 1] - 1`. */
  docFirstPassage: Uint32Array;
  passageDoc: Uint32Array;
  /** Number of indexed words in each passage (saturating at 65,535). */
  passageLength: Uint16Array;
  /** Ranking weight of each passage (from its kind). */
  passageBoost: Float32Array;
  avgPassageLength: number;
  /** Folded surface forms, sorted by UTF-16 code units, and the stem id of each. */
  surfaces: string[];
  surfaceStem: Uint32Array;
  stemIds: Map<string, number>;
  /** Postings of stem `s` are `stemOffsets[s] … stemOffsets[s + 1] - 1`, in passage order. */
  stemOffsets: Uint32Array;
  postingPassage: Uint32Array;
  postingTf: Uint8Array;
}

/** Passage numbers share a 32-bit word with the term frequency while building (24 + 8 bits). */
const MAX_PASSAGES = 2 ** 24;

/** A growable Uint32Array: amortized appends without a JS array per posting. */
class U32Builder {
  data = new Uint32Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Uint32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }
  finish(): Uint32Array {
    return this.data.slice(0, this.length);
  }
}

class Vocabulary {
  readonly surfaceStem = new Map<string, number>();
  readonly stemIds = new Map<string, number>();

  stemIdOf(surface: string): number {
    const known = this.surfaceStem.get(surface);
    if (known !== undefined) return known;
    const stem = stemDutch(surface);
    let id = this.stemIds.get(stem);
    if (id === undefined) {
      id = this.stemIds.size;
      this.stemIds.set(stem, id);
    }
    this.surfaceStem.set(surface, id);
    return id;
  }

  *sortedSurfaces(): Generator<undefined, { surfaces: string[]; surfaceStem: Uint32Array }, void> {
    const surfaces = yield* sortInSteps([...this.surfaceStem.keys()]);
    const surfaceStem = new Uint32Array(surfaces.length);
    for (let i = 0; i < surfaces.length; i++) {
      surfaceStem[i] = this.surfaceStem.get(surfaces[i] ?? '') ?? 0;
      if (i % STEP === STEP - 1) yield;
    }
    return { surfaces, surfaceStem };
  }
}

/** Loop iterations between two yields in the flat phases (a fraction of a millisecond each). */
const STEP = 16_384;

/** Builds the index over every non-stub document in `documents` (order is kept), in one go. */
export function buildSearchIndex(documents: readonly DocumentRecord[]): SearchIndex {
  return runToEnd(searchIndexSteps(documents));
}

/**
 * The index build as steps for `runSliced` (yields the fraction done, at least every passage or
 * every `STEP` postings). Run to the end it is `buildSearchIndex`.
 */
export function* searchIndexSteps(documents: readonly DocumentRecord[]): SlicedWork<SearchIndex> {
  const docs = documents.filter((d) => !d.stub);
  const vocabulary = new Vocabulary();
  const docFirstPassage = new Uint32Array(docs.length + 1);
  const passageDoc = new U32Builder();
  const passageLength = new U32Builder();
  const passageKind = new U32Builder();
  // Postings as (stem, passage·256 + tf) pairs in passage order; sorted by stem at the end.
  const tripleStem = new U32Builder();
  const triplePassageTf = new U32Builder();
  // Per-stem scratch: which passage last counted it, and how often.
  const seenIn: number[] = [];
  const tfIn: number[] = [];
  let unique: number[] = [];
  let totalLength = 0;

  // Documents are most of the work; the last tenth is for sorting postings and surfaces.
  const docShare = 0.9 / Math.max(docs.length, 1);
  for (let d = 0; d < docs.length; d++) {
    const doc = docs[d] as DocumentRecord;
    docFirstPassage[d] = passageDoc.length;
    for (const passage of passagesOf(doc)) {
      const p = passageDoc.length;
      let length = 0;
      unique = [];
      forEachToken(passage.text, (term) => {
        if (DUTCH_STOP_WORDS.has(term)) return;
        length++;
        const stem = vocabulary.stemIdOf(term);
        if (seenIn[stem] !== p + 1) {
          seenIn[stem] = p + 1;
          tfIn[stem] = 0;
          unique.push(stem);
        }
        tfIn[stem] = (tfIn[stem] ?? 0) + 1;
      });
      if (p >= MAX_PASSAGES) throw new Error(`search index: more than ${MAX_PASSAGES} passages`);
      for (const stem of unique) {
        tripleStem.push(stem);
        triplePassageTf.push(p * 256 + Math.min(tfIn[stem] ?? 1, 255));
      }
      passageDoc.push(d);
      passageLength.push(Math.min(length, 0xffff));
      passageKind.push(PASSAGE_KINDS.indexOf(passage.where.kind));
      totalLength += length;
      // A step per passage: one long document must not make a long slice.
      yield d * docShare;
    }
  }
  docFirstPassage[docs.length] = passageDoc.length;

  const stemCount = vocabulary.stemIds.size;
  const stemOffsets = new Uint32Array(stemCount + 1);
  const stems = tripleStem.data;
  const n = tripleStem.length;
  for (let i = 0; i < n; i++) {
    const slot = (stems[i] ?? 0) + 1;
    stemOffsets[slot] = (stemOffsets[slot] ?? 0) + 1;
    if (i % STEP === STEP - 1) yield 0.9;
  }
  for (let s = 0; s < stemCount; s++) stemOffsets[s + 1] = (stemOffsets[s + 1] ?? 0) + (stemOffsets[s] ?? 0);
  const cursor = stemOffsets.slice(0, stemCount);
  const postingPassage = new Uint32Array(n);
  const postingTf = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const stem = stems[i] ?? 0;
    const at = cursor[stem] ?? 0;
    cursor[stem] = at + 1;
    const packed = triplePassageTf.data[i] ?? 0;
    postingPassage[at] = Math.floor(packed / 256);
    postingTf[at] = packed % 256;
    if (i % STEP === STEP - 1) yield 0.9 + (0.05 * i) / n;
  }

  const passageCount = passageDoc.length;
  const passageBoost = new Float32Array(passageCount);
  const passageLengths = new Uint16Array(passageCount);
  for (let p = 0; p < passageCount; p++) {
    passageBoost[p] = PASSAGE_BOOST[PASSAGE_KINDS[passageKind.data[p] ?? 0] ?? 'section'];
    passageLengths[p] = passageLength.data[p] ?? 0;
    if (p % STEP === STEP - 1) yield 0.95;
  }
  yield 0.95;
  const sorted = yield* vocabulary.sortedSurfaces();
  return {
    docs,
    docFirstPassage,
    passageDoc: passageDoc.finish(),
    passageLength: passageLengths,
    passageBoost,
    avgPassageLength: passageCount > 0 ? totalLength / passageCount : 1,
    ...sorted,
    stemIds: vocabulary.stemIds,
    stemOffsets,
    postingPassage,
    postingTf,
  };
}
