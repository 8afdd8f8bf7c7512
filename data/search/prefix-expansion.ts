/**
 * Query terms to index stems: the term's own stem, plus — for the word being typed — the stems of
 * the words it can complete to. Completions are taken most frequent first within a postings budget
 * that grows with the prefix length, so a one-letter prefix costs a bounded amount of work.
 * Expansions of one- and two-letter prefixes are precomputed (there are only a few thousand).
 */
import type { SearchIndex } from './build-index';
import type { QueryTerm } from './query-terms';
import { runToEnd } from './run-sliced';

/** One stem to look up, weighted (1 for the term itself, less for completions). */
export interface Expansion {
  stem: number;
  weight: number;
}

/** Postings the completions of a prefix may bring in, by prefix length (exact matches are never cut). */
export const PREFIX_BUDGET = [0, 10_000, 20_000, 50_000];
const PRECOMPUTED_LENGTH = 2;

/** A completion counts less than the word itself, and less the more letters it adds. */
function completionWeight(prefixLength: number, surfaceLength: number): number {
  return 0.5 + (0.4 * prefixLength) / surfaceLength;
}

/** Expands one query term. */
export type Expander = (term: QueryTerm) => Expansion[];

/** Creates the expander for `index` (precomputes the short-prefix table). */
export function createExpander(index: SearchIndex): Expander {
  return runToEnd(expanderSteps(index));
}

/** `createExpander` as steps (one prefix group of the short-prefix table each, at most). */
export function* expanderSteps(index: SearchIndex): Generator<undefined, Expander, void> {
  const { surfaces, surfaceStem, stemOffsets } = index;
  const stemCount = stemOffsets.length - 1;
  const df = (stem: number) => (stemOffsets[stem + 1] ?? 0) - (stemOffsets[stem] ?? 0);
  const seen = new Uint32Array(stemCount);
  const bestWeight = new Float32Array(stemCount);
  let stamp = 0;

  /** Completions of the surfaces in [from, to), most frequent first, within the budget. */
  function completions(from: number, to: number, prefixLength: number, exclude: number): Expansion[] {
    stamp++;
    const stems: number[] = [];
    for (let i = from; i < to; i++) {
      const stem = surfaceStem[i] ?? 0;
      if (stem === exclude) continue;
      const weight = completionWeight(prefixLength, (surfaces[i] ?? '').length);
      if (seen[stem] !== stamp) {
        seen[stem] = stamp;
        bestWeight[stem] = weight;
        stems.push(stem);
      } else if (weight > (bestWeight[stem] ?? 0)) {
        bestWeight[stem] = weight;
      }
    }
    stems.sort((a, b) => df(b) - df(a) || a - b);
    let budget = PREFIX_BUDGET[Math.min(prefixLength, PREFIX_BUDGET.length - 1)] ?? 0;
    const result: Expansion[] = [];
    for (const stem of stems) {
      const size = df(stem);
      if (size > budget) continue;
      budget -= size;
      result.push({ stem, weight: bestWeight[stem] ?? 0.5 });
    }
    return result;
  }

  /** The range of surfaces starting with `prefix` (surfaces are sorted by code units). */
  function range(prefix: string): [number, number] {
    let lo = 0;
    let hi = surfaces.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((surfaces[mid] ?? '') < prefix) lo = mid + 1;
      else hi = mid;
    }
    let end = lo;
    while (end < surfaces.length && (surfaces[end] ?? '').startsWith(prefix)) end++;
    return [lo, end];
  }

  // Sorted surfaces that share their first k letters are contiguous: one pass per length.
  const table = new Map<string, Expansion[]>();
  for (let k = 1; k <= PRECOMPUTED_LENGTH; k++) {
    let start = 0;
    while (start < surfaces.length) {
      const prefix = (surfaces[start] ?? '').slice(0, k);
      let end = start + 1;
      while (end < surfaces.length && (surfaces[end] ?? '').startsWith(prefix)) end++;
      if (prefix.length === k) table.set(prefix, completions(start, end, k, -1));
      start = end;
      yield;
    }
  }

  return (term) => {
    const exact = term.stopword ? undefined : index.stemIds.get(term.stem);
    const result: Expansion[] = exact === undefined ? [] : [{ stem: exact, weight: 1 }];
    if (!term.prefix) return result;
    const precomputed = term.term.length <= PRECOMPUTED_LENGTH ? table.get(term.term) : undefined;
    if (precomputed) return [...result, ...precomputed.filter((e) => e.stem !== exact)];
    if (term.term.length <= PRECOMPUTED_LENGTH) return result;
    const [from, to] = range(term.term);
    return [...result, ...completions(from, to, term.term.length, exact ?? -1)];
  };
}
