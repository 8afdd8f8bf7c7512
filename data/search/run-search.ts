/**
 * Ranked search over a `SearchIndex`: BM25 per passage (with passage-kind weights), documents
 * ranked by their best passage. Every term of the query must occur in a document (AND); when no
 * document has them all, documents matching most terms are returned instead.
 *
 * A search's scratch holds only what it touched, sorted by passage (merge-term.ts), and is reused
 * across keystrokes, so a search costs what it touches, in time and memory, not what the index
 * holds; the merged passages of a query's finished words are kept while its last word is typed.
 */

import { runToEnd, type SlicedWork } from '../time-slices';
import type { SearchIndex } from './build-index';
import { docOfPassage } from './doc-of-passage';
import { mergeTerm, PassageRun, type PostingScore, roomFor, type TermSource } from './merge-term';
import { type Expansion, expanderSteps } from './prefix-expansion';
import { MAX_QUERY_TERMS, parseQuery, type QueryTerm } from './query-terms';
import { type SearchableIndex, searchableOf } from './searchable';
import { createTopK } from './select-top';

/** One passage that matched, by its position in `passagesOf(doc)`. */
interface PassageHit {
  passage: number;
  score: number;
}

/** One matching document. */
interface DocumentHit {
  doc: number;
  score: number;
  /** Best passages first (at most `passagesPerDoc`). */
  passages: PassageHit[];
}

export interface SearchOptions {
  /** How many ranked documents to return (default 50). */
  limit?: number;
  /** Keep only documents this accepts (library filters); `matched` still holds all matches. */
  accept?: (doc: number) => boolean;
  passagesPerDoc?: number;
}

export interface SearchOutcome {
  terms: QueryTerm[];
  /** Every matching document, unordered (for filter counts). */
  matched: Uint32Array;
  /** Matches accepted by the filter. */
  total: number;
  top: DocumentHit[];
  /** False when no document had every term and the results match only some of them. */
  complete: boolean;
}

const K1 = 1.2;
const B = 0.75;

/** A reusable searcher over one index. */
export interface Searcher {
  search(query: string, options?: SearchOptions): SearchOutcome;
  /** The stems `search(query)` reads postings of (for an index that reads them from storage first). */
  stemsOf(query: string): number[];
}

/** Bits set in each mask of up to `MAX_QUERY_TERMS` bits. */
const POPCOUNT = Uint8Array.from({ length: 1 << MAX_QUERY_TERMS }, (_, mask) => {
  let n = 0;
  for (let m = mask; m !== 0; m &= m - 1) n++;
  return n;
});

const factorTables = new Map<number, Float32Array>();

/** Score factor per term mask for a query of `terms` terms: 0.5 + 0.5·(share of terms)². */
function coverageFactors(terms: number): Float32Array {
  let table = factorTables.get(terms);
  if (!table) {
    table = Float32Array.from(
      { length: 1 << terms },
      (_, mask) => 0.5 + 0.5 * ((POPCOUNT[mask] ?? 0) / terms) ** 2,
    );
    factorTables.set(terms, table);
  }
  return table;
}

/** Creates a searcher with scratch buffers sized to `index`. */
export function createSearcher(
  index: SearchIndex | SearchableIndex,
  options: { lazy?: boolean } = {},
): Searcher {
  return runToEnd(searcherSteps(index, options));
}

/** Passages set up between two yields of `searcherSteps`. */
const STEP = 16_384;

/**
 * `createSearcher` as steps for `runSliced` (the short-prefix table and per-passage data). `lazy`:
 * short prefixes are expanded when first typed instead of all up front (an index opened from storage).
 */
export function* searcherSteps(
  source: SearchIndex | SearchableIndex,
  options: { lazy?: boolean } = {},
): SlicedWork<Searcher> {
  const index = 'docs' in source ? searchableOf(source) : source;
  const passageCount = index.passageLength.length;
  const expand = yield* expanderSteps(index, options);
  // Per-passage data read for every posting, interleaved so one posting costs few cache misses:
  // [boost, BM25 length norm] and scratch [score, best score of the current term]. An index opened
  // from storage (`lazy`) saves the memory and computes them per posting, rounded alike.
  const { passageLength, avgPassageLength } = index;
  // Weights as stored (an in-memory index) or as codes into a few (one opened from storage).
  const boostCoded = 'codes' in index.passageBoost ? index.passageBoost : null;
  const boostCodes = boostCoded ? boostCoded.codes : new Uint8Array(0);
  const boostValues = boostCoded ? boostCoded.values : (index.passageBoost as Float32Array);
  const boostOf = (p: number) => (boostCoded ? boostValues[boostCodes[p] as number] : boostValues[p]) ?? 1;
  const passageStatic = options.lazy ? null : new Float32Array(passageCount * 2);
  // Lazy: the length norm by passage length instead (lengths are 16-bit), rounded as stored above.
  const normOfLength = options.lazy ? new Float32Array(65_536) : null;
  for (let n = 0; normOfLength && n < normOfLength.length; n++)
    normOfLength[n] = K1 * (1 - B + (B * n) / avgPassageLength);
  for (let p = 0; passageStatic && p < passageCount; p++) {
    passageStatic[2 * p] = boostOf(p);
    passageStatic[2 * p + 1] = K1 * (1 - B + (B * (passageLength[p] ?? 0)) / avgPassageLength);
    if (p % STEP === STEP - 1) yield;
  }
  // The passages a search touched, ascending, each with its term mask (a bit per term,
  // MAX_QUERY_TERMS ≤ 16) and score: merged a term at a time from one run into the other
  // (merge-term.ts). Sized to what a search touches, not a slot per passage.
  const runs = [new PassageRun(), new PassageRun()] as const;
  const noPassages = new PassageRun();
  const docOf = docOfPassage(index.docFirstPassage);
  const { docFirstPassage } = index;

  const scoreOf: PostingScore = (p, tf, idf) => {
    const boost = passageStatic
      ? (passageStatic[2 * p] ?? 1)
      : ((boostCoded ? boostValues[boostCodes[p] as number] : boostValues[p]) ?? 1);
    const norm = passageStatic
      ? (passageStatic[2 * p + 1] ?? 1)
      : ((normOfLength as Float32Array)[passageLength[p] as number] as number);
    return (idf * boost * tf) / (tf + norm);
  };

  /** `from` with term `termBit` (its expansions) merged in, written to whichever run `from` is not. */
  function accumulate(from: PassageRun, termBit: number, expansions: Expansion[]): PassageRun {
    const sources: TermSource[] = expansions.map(({ stem, weight }) => {
      const postings = index.postingsOf(stem);
      if (!postings) throw new Error(`search: postings of stem ${stem} were not read`);
      const { passages, tfs, from: first, to } = postings;
      const df = index.stemDf[stem] ?? to - first;
      const idf = Math.log(1 + (passageCount - df + 0.5) / (df + 0.5)) * weight * (K1 + 1);
      return { passages, tfs, from: first, to, idf };
    });
    const to = from === runs[0] ? runs[1] : runs[0];
    mergeTerm(from, to, sources, termBit, scoreOf);
    return to;
  }

  /**
   * While a query is typed, its finished words stay the same from keystroke to keystroke: their
   * merged run is kept (for one set of words) and merged from again instead of recomputed.
   */
  let saved: { key: string; run: PassageRun } | null = null;
  const keyOf = (terms: QueryTerm[]) => terms.map((t) => (t.stopword ? `${t.term}!` : t.stem)).join(' ');

  /** The run of the `completed` terms: kept from the last search, or merged now (and kept). */
  function completedRun(completed: QueryTerm[]): PassageRun {
    if (completed.length === 0) return noPassages;
    const key = keyOf(completed);
    if (saved?.key === key) return saved.run;
    let run = noPassages;
    completed.forEach((term, i) => {
      run = accumulate(run, 1 << i, expand(term));
    });
    saved = { key, run: run.copy() };
    return run;
  }

  /** Per document: its terms, best passage and sum, documents ascending (the run's order). */
  let docKeys = new Uint32Array(1024);
  let docMasks = new Uint16Array(1024);
  let docBest = new Float32Array(1024);
  let docSum = new Float32Array(1024);
  /** The run the last search scored (its passages' final scores, for `passagesOfDoc`). */
  let scored = noPassages;

  function search(query: string, options: SearchOptions = {}): SearchOutcome {
    const terms = parseQuery(query).slice(0, MAX_QUERY_TERMS);
    const limit = options.limit ?? 50;
    const empty: SearchOutcome = { terms, matched: new Uint32Array(0), total: 0, top: [], complete: true };
    if (terms.length === 0 || passageCount === 0) return empty;
    const typing = terms[terms.length - 1]?.prefix === true;
    const completed = typing ? terms.slice(0, -1) : terms;
    let run = completedRun(completed);
    const last = terms[terms.length - 1];
    if (typing && last) run = accumulate(run, 1 << completed.length, expand(last));
    // The kept run is read again by the next keystroke: its scores are changed below in a copy.
    if (run === saved?.run) {
      run.copyInto(runs[0]);
      run = runs[0];
    }
    scored = run;
    const full = (1 << terms.length) - 1;
    // A passage holding all the terms together beats one holding a single term: factor per mask.
    const factor = coverageFactors(terms.length);
    // Per document: its terms, best passage and sum. Passages ascending are documents ascending,
    // each document's passages together: no lookup per passage, one pass. No per-match
    // allocation: a common word matches tens of thousands of documents at every keystroke.
    const room = roomFor(run.count, docKeys.length);
    if (room !== null) {
      docKeys = new Uint32Array(room);
      docMasks = new Uint16Array(room);
      docBest = new Float32Array(room);
      docSum = new Float32Array(room);
    }
    const { keys, masks, scores } = run;
    let docCount = 0;
    let nextDocFirst = 0;
    for (let e = 0; e < run.count; e++) {
      const p = keys[e] as number;
      const mask = masks[e] as number;
      const score = (scores[e] as number) * (factor[mask] as number);
      scores[e] = score;
      if (p >= nextDocFirst) {
        const d = docOf(p);
        nextDocFirst = docFirstPassage[d + 1] as number;
        docKeys[docCount] = d;
        docMasks[docCount] = mask;
        docBest[docCount] = score;
        docSum[docCount] = score;
        docCount++;
      } else {
        const k = docCount - 1;
        docMasks[k] = (docMasks[k] as number) | mask;
        if (score > (docBest[k] as number)) docBest[k] = score;
        docSum[k] = (docSum[k] as number) + score;
      }
    }
    let bestCoverage = 0;
    for (let k = 0; k < docCount && bestCoverage < terms.length; k++) {
      const coverage = POPCOUNT[docMasks[k] as number] as number;
      if (coverage > bestCoverage) bestCoverage = coverage;
    }
    const complete = bestCoverage === terms.length;
    let matchedCount = docCount;
    if (complete) {
      matchedCount = 0;
      for (let k = 0; k < docCount; k++) if (docMasks[k] === full) matchedCount++;
    }
    const matched = new Uint32Array(matchedCount);
    const { accept } = options;
    const topK = createTopK(limit);
    let total = 0;
    for (let k = 0, m = 0; k < docCount; k++) {
      if (complete && docMasks[k] !== full) continue;
      const d = docKeys[k] as number;
      matched[m++] = d;
      if (accept && !accept(d)) continue;
      total++;
      const best = docBest[k] as number;
      const rest = (docSum[k] as number) - best;
      const coverage = complete ? 1 : (POPCOUNT[docMasks[k] as number] as number) / terms.length;
      // Other matching passages add a little, never more than the best passage itself.
      topK.offer(d, (best + 0.25 * Math.min(rest, best)) * coverage);
    }
    const top = topK.take().map(({ doc, score }) => ({
      doc,
      score,
      passages: passagesOfDoc(doc, options.passagesPerDoc ?? 3),
    }));
    return { terms, matched, total, top, complete };
  }

  function passagesOfDoc(d: number, count: number): PassageHit[] {
    const first = docFirstPassage[d] ?? 0;
    const last = docFirstPassage[d + 1] ?? first;
    const hits: PassageHit[] = [];
    const { keys, scores } = scored;
    for (let e = scored.lowerBound(first); e < scored.count && (keys[e] as number) < last; e++)
      hits.push({ passage: (keys[e] as number) - first, score: scores[e] as number });
    return hits.sort((a, b) => b.score - a.score).slice(0, count);
  }

  function stemsOf(query: string): number[] {
    const stems = new Set<number>();
    for (const term of parseQuery(query).slice(0, MAX_QUERY_TERMS))
      for (const { stem } of expand(term)) stems.add(stem);
    return [...stems];
  }

  return { search, stemsOf };
}
