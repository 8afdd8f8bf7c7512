/**
 * Ranked search over a `SearchIndex`: BM25 per passage (with passage-kind weights), documents
 * ranked by their best passage. Every term of the query must occur in a document (AND); when no
 * document has them all, documents matching most terms are returned instead.
 *
 * A search's scratch holds only what it touched (score-table.ts) and is reused across keystrokes,
 * so a search costs what it touches, in time and memory, not what the index holds; the scores of a
 * query's finished words are kept while its last word is typed.
 */

import { runToEnd, type SlicedWork } from '../time-slices';
import type { SearchIndex } from './build-index';
import { docOfPassage } from './doc-of-passage';
import { type Expansion, expanderSteps } from './prefix-expansion';
import { MAX_QUERY_TERMS, parseQuery, type QueryTerm } from './query-terms';
import { ScoreTable } from './score-table';
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
  // The passages a search touched, each with its term mask (a bit per term, MAX_QUERY_TERMS ≤ 16),
  // its score and the best score of the term being added; then the documents they are in, with
  // their terms, best passage and sum. Sized to what a search touches (score-table.ts).
  const passages = new ScoreTable();
  const docs = new ScoreTable(index.docCount);
  const docOf = docOfPassage(index.docFirstPassage);

  function accumulate(termBit: number, expansions: Expansion[]): void {
    for (const { stem, weight } of expansions) {
      const postings = index.postingsOf(stem);
      if (!postings) throw new Error(`search: postings of stem ${stem} were not read`);
      const { passages: postingPassages, tfs, from, to } = postings;
      const df = index.stemDf[stem] ?? to - from;
      const idf = Math.log(1 + (passageCount - df + 0.5) / (df + 0.5)) * weight * (K1 + 1);
      // Room for every posting first, so the table's arrays stay the same through the loop.
      passages.reserve(to - from);
      const { masks, first, second } = passages;
      for (let i = from; i < to; i++) {
        const p = postingPassages[i] ?? 0;
        const tf = tfs[i] ?? 1;
        const boost = passageStatic
          ? (passageStatic[2 * p] ?? 1)
          : ((boostCoded ? boostValues[boostCodes[p] as number] : boostValues[p]) ?? 1);
        const norm = passageStatic
          ? (passageStatic[2 * p + 1] ?? 1)
          : ((normOfLength as Float32Array)[passageLength[p] as number] as number);
        const score = (idf * boost * tf) / (tf + norm);
        const e = passages.entry(p);
        const mask = masks[e] as number;
        // Several completions of one term in a passage count once: keep the best of them.
        // Each term has its own bit and is accumulated once per search: bit unset, first completion.
        if ((mask & termBit) === 0) second[e] = 0;
        const previous = second[e] as number;
        if (score > previous) {
          first[e] = (first[e] as number) + score - previous;
          second[e] = score;
        }
        masks[e] = mask | termBit;
      }
    }
  }

  /**
   * While a query is typed, its finished words stay the same from keystroke to keystroke: their
   * accumulated passage scores are kept (for one set of words) and restored instead of recomputed.
   */
  let saved: { key: string; touched: Uint32Array; masks: Uint16Array; scores: Float32Array } | null = null;
  const keyOf = (terms: QueryTerm[]) => terms.map((t) => (t.stopword ? `${t.term}!` : t.stem)).join(' ');

  function saveCompleted(completed: QueryTerm[]): void {
    if (completed.length === 0) return;
    const { count } = passages;
    saved = {
      key: keyOf(completed),
      touched: passages.keys.slice(0, count),
      masks: passages.masks.slice(0, count),
      scores: passages.first.slice(0, count),
    };
  }

  function restoreCompleted(completed: QueryTerm[]): boolean {
    if (completed.length === 0) return true;
    if (saved?.key !== keyOf(completed)) return false;
    const { touched, masks, scores } = saved;
    for (let i = 0; i < touched.length; i++) {
      const e = passages.entry(touched[i] as number);
      passages.masks[e] = masks[i] as number;
      passages.first[e] = scores[i] as number;
    }
    return true;
  }

  function search(query: string, options: SearchOptions = {}): SearchOutcome {
    const terms = parseQuery(query).slice(0, MAX_QUERY_TERMS);
    const limit = options.limit ?? 50;
    const empty: SearchOutcome = { terms, matched: new Uint32Array(0), total: 0, top: [], complete: true };
    if (terms.length === 0 || passageCount === 0) return empty;
    passages.clear();
    docs.clear();
    const typing = terms[terms.length - 1]?.prefix === true;
    const completed = typing ? terms.slice(0, -1) : terms;
    if (!restoreCompleted(completed)) {
      completed.forEach((term, i) => {
        accumulate(1 << i, expand(term));
      });
      saveCompleted(completed);
    }
    const last = terms[terms.length - 1];
    if (typing && last) accumulate(1 << completed.length, expand(last));
    const full = (1 << terms.length) - 1;
    // A passage holding all the terms together beats one holding a single term: factor per mask.
    const factor = coverageFactors(terms.length);
    // Per document: its terms, best passage (`first`) and sum (`second`), in the order first
    // touched. No per-match allocation: a common word matches tens of thousands of documents at
    // every keystroke.
    let bestCoverage = 0;
    docs.reserve(passages.count);
    const docMask = docs.masks;
    const docBest = docs.first;
    const docSum = docs.second;
    for (let e = 0; e < passages.count; e++) {
      const mask = passages.masks[e] as number;
      const score = (passages.first[e] as number) * (factor[mask] as number);
      passages.first[e] = score;
      const before = docs.count;
      const k = docs.entry(docOf(passages.keys[e] as number));
      if (k === before) {
        docMask[k] = mask;
        docBest[k] = score;
        docSum[k] = score;
      } else {
        docMask[k] = (docMask[k] as number) | mask;
        if (score > (docBest[k] as number)) docBest[k] = score;
        docSum[k] = (docSum[k] as number) + score;
      }
    }
    for (let k = 0; k < docs.count && bestCoverage < terms.length; k++) {
      const coverage = POPCOUNT[docs.masks[k] as number] as number;
      if (coverage > bestCoverage) bestCoverage = coverage;
    }
    const complete = bestCoverage === terms.length;
    let matchedCount = docs.count;
    if (complete) {
      matchedCount = 0;
      for (let k = 0; k < docs.count; k++) if (docs.masks[k] === full) matchedCount++;
    }
    const matched = new Uint32Array(matchedCount);
    const { accept } = options;
    const topK = createTopK(limit);
    let total = 0;
    for (let k = 0, m = 0; k < docs.count; k++) {
      if (complete && docs.masks[k] !== full) continue;
      const d = docs.keys[k] as number;
      matched[m++] = d;
      if (accept && !accept(d)) continue;
      total++;
      const best = docs.first[k] as number;
      const rest = (docs.second[k] as number) - best;
      const coverage = complete ? 1 : (POPCOUNT[docs.masks[k] as number] as number) / terms.length;
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
    const first = index.docFirstPassage[d] ?? 0;
    const last = index.docFirstPassage[d + 1] ?? first;
    const hits: PassageHit[] = [];
    for (let p = first; p < last; p++) {
      const e = passages.find(p);
      if (e >= 0) hits.push({ passage: p - first, score: passages.first[e] as number });
    }
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
