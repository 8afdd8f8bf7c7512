/**
 * Ranked search over a `SearchIndex`: BM25 per passage (with passage-kind weights), documents
 * ranked by their best passage. Every term of the query must occur in a document (AND); when no
 * document has them all, documents matching most terms are returned instead.
 *
 * Scratch buffers are sized to the index once and reused across keystrokes (generation stamps
 * instead of clearing), so a search costs what it touches, not what the index holds.
 */
import type { SearchIndex } from './build-index';
import { MAX_QUERY_TERMS, parseQuery, type QueryTerm } from './query-terms';

/** One passage that matched, by its position in `passagesOf(doc)`. */
export interface PassageHit {
  passage: number;
  score: number;
}

/** One matching document. */
export interface DocumentHit {
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
/** Postings a prefix may expand into per term; exact matches are never cut. Bounds a keystroke's cost. */
const PREFIX_BUDGET = 200_000;

/** A reusable searcher over one index. */
export interface Searcher {
  search(query: string, options?: SearchOptions): SearchOutcome;
}

interface Expansion {
  stem: number;
  weight: number;
}

function expansionsOf(index: SearchIndex, term: QueryTerm): Expansion[] {
  const result: Expansion[] = [];
  const exact = term.stopword ? undefined : index.stemIds.get(term.stem);
  if (exact !== undefined) result.push({ stem: exact, weight: 1 });
  if (!term.prefix) return result;
  const { surfaces, surfaceStem, stemOffsets } = index;
  let lo = 0;
  let hi = surfaces.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((surfaces[mid] ?? '') < term.term) lo = mid + 1;
    else hi = mid;
  }
  const best = new Map<number, number>();
  for (let i = lo; i < surfaces.length; i++) {
    const surface = surfaces[i] ?? '';
    if (!surface.startsWith(term.term)) break;
    const stem = surfaceStem[i] ?? 0;
    if (stem === exact) continue;
    // A completion counts less than the word itself, and less the more it adds.
    const weight = 0.5 + (0.4 * term.term.length) / surface.length;
    if (weight > (best.get(stem) ?? 0)) best.set(stem, weight);
  }
  const df = (stem: number) => (stemOffsets[stem + 1] ?? 0) - (stemOffsets[stem] ?? 0);
  const candidates = [...best].sort((a, b) => df(b[0]) - df(a[0]));
  let budget = PREFIX_BUDGET;
  for (const [stem, weight] of candidates) {
    const size = df(stem);
    if (size > budget) continue;
    budget -= size;
    result.push({ stem, weight });
  }
  return result;
}

function popcount(mask: number): number {
  let n = 0;
  for (let m = mask; m !== 0; m &= m - 1) n++;
  return n;
}

/** Creates a searcher with scratch buffers sized to `index`. */
export function createSearcher(index: SearchIndex): Searcher {
  const passageCount = index.passageDoc.length;
  const docCount = index.docs.length;
  const passageStamp = new Uint32Array(passageCount);
  const passageScore = new Float32Array(passageCount);
  const passageMask = new Uint16Array(passageCount);
  const termStamp = new Uint32Array(passageCount);
  const termBest = new Float32Array(passageCount);
  const docStamp = new Uint32Array(docCount);
  const docMask = new Uint16Array(docCount);
  const docBest = new Float32Array(docCount);
  const docSum = new Float32Array(docCount);
  let touched = new Uint32Array(1024);
  let touchedCount = 0;
  let generation = 0;
  let termGeneration = 0;

  function accumulate(termBit: number, expansions: Expansion[]): number {
    const { stemOffsets, postingPassage, postingTf, passageLength, passageBoost, avgPassageLength } = index;
    let count = touchedCount;
    termGeneration++;
    for (const { stem, weight } of expansions) {
      const from = stemOffsets[stem] ?? 0;
      const to = stemOffsets[stem + 1] ?? 0;
      const df = to - from;
      const idf = Math.log(1 + (passageCount - df + 0.5) / (df + 0.5)) * weight;
      for (let i = from; i < to; i++) {
        const p = postingPassage[i] ?? 0;
        const tf = postingTf[i] ?? 1;
        const norm = K1 * (1 - B + (B * (passageLength[p] ?? 0)) / avgPassageLength);
        const score = (idf * (passageBoost[p] ?? 1) * tf * (K1 + 1)) / (tf + norm);
        if (passageStamp[p] !== generation) {
          passageStamp[p] = generation;
          passageScore[p] = 0;
          passageMask[p] = 0;
          if (count === touched.length) {
            const grown = new Uint32Array(touched.length * 2);
            grown.set(touched);
            touched = grown;
          }
          touched[count++] = p;
        }
        // Several completions of one term in a passage count once: keep the best of them.
        if (termStamp[p] !== termGeneration) {
          termStamp[p] = termGeneration;
          termBest[p] = 0;
        }
        const previous = termBest[p] ?? 0;
        if (score > previous) {
          passageScore[p] = (passageScore[p] ?? 0) + score - previous;
          termBest[p] = score;
        }
        passageMask[p] = (passageMask[p] ?? 0) | termBit;
      }
    }
    return count;
  }

  function search(query: string, options: SearchOptions = {}): SearchOutcome {
    const terms = parseQuery(query).slice(0, MAX_QUERY_TERMS);
    const limit = options.limit ?? 50;
    const empty: SearchOutcome = { terms, matched: new Uint32Array(0), total: 0, top: [], complete: true };
    if (terms.length === 0 || passageCount === 0) return empty;
    generation++;
    touchedCount = 0;
    terms.forEach((term, i) => {
      touchedCount = accumulate(1 << i, expansionsOf(index, term));
    });
    const full = (1 << terms.length) - 1;
    const docs: number[] = [];
    let bestCoverage = 0;
    for (let i = 0; i < touchedCount; i++) {
      const p = touched[i] ?? 0;
      const d = index.passageDoc[p] ?? 0;
      const mask = passageMask[p] ?? 0;
      // A passage holding all the terms together beats one holding a single term.
      const coverage = popcount(mask) / terms.length;
      const score = (passageScore[p] ?? 0) * (0.5 + 0.5 * coverage * coverage);
      passageScore[p] = score;
      if (docStamp[d] !== generation) {
        docStamp[d] = generation;
        docMask[d] = 0;
        docBest[d] = 0;
        docSum[d] = 0;
        docs.push(d);
      }
      docMask[d] = (docMask[d] ?? 0) | mask;
      if (score > (docBest[d] ?? 0)) docBest[d] = score;
      docSum[d] = (docSum[d] ?? 0) + score;
      bestCoverage = Math.max(bestCoverage, popcount(docMask[d] ?? 0));
    }
    const complete = bestCoverage === terms.length;
    const matchedList = complete ? docs.filter((d) => docMask[d] === full) : docs;
    const matched = Uint32Array.from(matchedList);
    const docScore = (d: number) => {
      const best = docBest[d] ?? 0;
      const rest = (docSum[d] ?? 0) - best;
      const coverage = complete ? 1 : popcount(docMask[d] ?? 0) / terms.length;
      // Other matching passages add a little, never more than the best passage itself.
      return (best + 0.25 * Math.min(rest, best)) * coverage;
    };
    const accepted = options.accept ? matchedList.filter(options.accept) : matchedList;
    const top = selectTop(accepted, docScore, limit).map((d) => ({
      doc: d,
      score: docScore(d),
      passages: passagesOfDoc(d, options.passagesPerDoc ?? 3),
    }));
    return { terms, matched, total: accepted.length, top, complete };
  }

  function passagesOfDoc(d: number, count: number): PassageHit[] {
    const first = index.docFirstPassage[d] ?? 0;
    const last = index.docFirstPassage[d + 1] ?? first;
    const hits: PassageHit[] = [];
    for (let p = first; p < last; p++) {
      if (passageStamp[p] === generation) hits.push({ passage: p - first, score: passageScore[p] ?? 0 });
    }
    return hits.sort((a, b) => b.score - a.score).slice(0, count);
  }

  function selectTop(candidates: number[], score: (d: number) => number, limit: number): number[] {
    const dated = (d: number) => index.docs[d]?.date ?? '';
    const order = (a: number, b: number) => score(b) - score(a) || dated(b).localeCompare(dated(a)) || a - b;
    if (candidates.length <= limit * 4) return candidates.slice().sort(order).slice(0, limit);
    // Many matches: keep a bounded, sorted window instead of sorting them all.
    const window: number[] = [];
    for (const d of candidates) {
      const last = window[window.length - 1];
      if (window.length >= limit && last !== undefined && order(d, last) >= 0) continue;
      let at = window.length;
      while (at > 0 && order(d, window[at - 1] ?? 0) < 0) at--;
      window.splice(at, 0, d);
      if (window.length > limit) window.pop();
    }
    return window;
  }

  return { search };
}
