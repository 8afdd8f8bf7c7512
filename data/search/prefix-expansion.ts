/**
 * Query terms to index stems: the term's own stem, plus — for the word being typed — the stems of
 * the words it can complete to. Completions are taken most frequent first within a postings budget
 * that grows with the prefix length, so a one-letter prefix costs a bounded amount of work.
 * Expansions of one- and two-letter prefixes are precomputed (there are only a few thousand).
 */

import { runToEnd } from '../time-slices';
import type { SearchIndex } from './build-index';
import type { QueryTerm } from './query-terms';
import { ScoreTable } from './score-table';
import { type SearchableIndex, searchableOf } from './searchable';

/** One stem to look up, weighted (1 for the term itself, less for completions). */
export interface Expansion {
  stem: number;
  weight: number;
}

/** Postings the completions of a prefix may bring in, by prefix length (exact matches are never cut). */
export const PREFIX_BUDGET = [0, 10_000, 20_000, 50_000];
/**
 * From this many letters, a prefix's most frequent completion counts whatever its postings (and
 * outside the budget, as the word itself would): else a word in more passages than the budget
 * vanished while typed and came back finished. At 300,000 documents "participatiewe" found nothing
 * and "participatiewet" 70,353 documents. What it costs is what typing that word costs.
 */
const LIKELIEST_FROM = 3;
const PRECOMPUTED_LENGTH = 2;
/** Loop iterations between two yields while precomputing. */
const STEP = 16_384;

/** A completion counts less than the word itself, and less the more letters it adds. */
function completionWeight(prefixLength: number, surfaceLength: number): number {
  return 0.5 + (0.4 * prefixLength) / surfaceLength;
}

/** Expands one query term. */
export type Expander = (term: QueryTerm) => Expansion[];

/** Creates the expander for `index` (precomputes the short-prefix table). */
export function createExpander(index: SearchIndex): Expander {
  return runToEnd(expanderSteps(searchableOf(index)));
}

/** `createExpander` as steps (one prefix group of the short-prefix table each, at most). */
export function* expanderSteps(
  index: Pick<SearchableIndex, 'surfaces' | 'surfaceStem' | 'stemId' | 'stemDf'>,
  options: { lazy?: boolean } = {},
): Generator<undefined, Expander, void> {
  const { surfaces, surfaceStem, stemDf } = index;
  const stemCount = stemDf.length;
  const df = (stem: number) => stemDf[stem] ?? 0;
  // The stems of the surfaces a prefix covers, each with its best completion weight (`first`):
  // sized to that range, not a slot per stem (two 4-byte arrays were 4.7 MB at 300,000 documents,
  // whose ids are 600,000 stems of their own).
  const found = new ScoreTable();

  /** `found` filled with the stems of surfaces [from, to) but `exclude`, each with its best weight. */
  function* collect(
    from: number,
    to: number,
    prefixLength: number,
    exclude: number,
  ): Generator<undefined, void, void> {
    found.clear();
    for (let i = from; i < to; i++) {
      const stem = surfaceStem[i] ?? 0;
      if (stem !== exclude) {
        const weight = completionWeight(prefixLength, (surfaces.at(i) ?? '').length);
        const before = found.count;
        const e = found.entry(stem);
        if (e === before || weight > (found.first[e] as number)) found.first[e] = weight;
      }
      if (i % STEP === STEP - 1) yield;
    }
  }

  /** Completions of the surfaces in [from, to), most frequent first, within the budget. */
  function completions(from: number, to: number, prefixLength: number, exclude: number): Expansion[] {
    runToEnd(collect(from, to, prefixLength, exclude));
    const { keys, first } = found;
    const entries = Array.from({ length: found.count }, (_, e) => e);
    entries.sort(
      (a, b) => df(keys[b] as number) - df(keys[a] as number) || (keys[a] as number) - (keys[b] as number),
    );
    let budget = PREFIX_BUDGET[Math.min(prefixLength, PREFIX_BUDGET.length - 1)] ?? 0;
    const result: Expansion[] = [];
    for (const e of entries) {
      const stem = keys[e] as number;
      const size = df(stem);
      if (size > budget) {
        // The first of `entries` is the most frequent.
        if (result.length === 0 && prefixLength >= LIKELIEST_FROM)
          result.push({ stem, weight: first[e] as number });
        continue;
      }
      budget -= size;
      result.push({ stem, weight: first[e] as number });
    }
    return result;
  }

  /**
   * Stems most frequent first, ties by id: the order `completions` sorts into, as a counting sort
   * by df in steps, so one-letter prefixes (tens of thousands of completions) need no long sort.
   */
  function* stemsByFrequency(): Generator<undefined, Uint32Array, void> {
    let maxDf = 0;
    for (let s = 0; s < stemCount; s++) maxDf = Math.max(maxDf, df(s));
    const bucketStart = new Uint32Array(maxDf + 2);
    for (let s = 0; s < stemCount; s++) {
      const bucket = maxDf - df(s) + 1;
      bucketStart[bucket] = (bucketStart[bucket] ?? 0) + 1;
    }
    for (let b = 0; b <= maxDf; b++) bucketStart[b + 1] = (bucketStart[b + 1] ?? 0) + (bucketStart[b] ?? 0);
    yield;
    const order = new Uint32Array(stemCount);
    for (let s = 0; s < stemCount; s++) {
      const bucket = maxDf - df(s);
      const at = bucketStart[bucket] ?? 0;
      bucketStart[bucket] = at + 1;
      order[at] = s;
      if (s % STEP === STEP - 1) yield;
    }
    return order;
  }

  /** `completions(from, to, prefixLength, -1)` in steps, walking `order` instead of sorting. */
  function* completionsInOrder(
    from: number,
    to: number,
    prefixLength: number,
    order: Uint32Array,
  ): Generator<undefined, Expansion[], void> {
    yield* collect(from, to, prefixLength, -1);
    let budget = PREFIX_BUDGET[Math.min(prefixLength, PREFIX_BUDGET.length - 1)] ?? 0;
    const result: Expansion[] = [];
    // Every stem has a posting, so nothing fits once the budget is spent.
    for (let j = 0; j < order.length && budget > 0; j++) {
      const stem = order[j] ?? 0;
      const e = found.find(stem);
      if (e >= 0) {
        const size = df(stem);
        if (size <= budget) {
          budget -= size;
          result.push({ stem, weight: found.first[e] as number });
        }
      }
      if (j % STEP === STEP - 1) yield;
    }
    return result;
  }

  /** The range of surfaces starting with `prefix` (surfaces are sorted by code units). */
  function range(prefix: string): [number, number] {
    let lo = 0;
    let hi = surfaces.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((surfaces.at(mid) ?? '') < prefix) lo = mid + 1;
      else hi = mid;
    }
    let end = lo;
    while (end < surfaces.length && (surfaces.at(end) ?? '').startsWith(prefix)) end++;
    return [lo, end];
  }

  // Sorted surfaces that share their first k letters are contiguous: one pass per length.
  const table = new Map<string, Expansion[]>();
  // Lazy (an index opened from storage, where opening must be quick): each short prefix is
  // expanded when first typed, by the same functions, and kept.
  let lazyOrder: Uint32Array | null = null;
  function shortPrefix(prefix: string): Expansion[] {
    let expansions = table.get(prefix);
    if (expansions) return expansions;
    const [from, to] = range(prefix);
    if (prefix.length === 1) {
      lazyOrder ??= runToEnd(stemsByFrequency());
      expansions = runToEnd(completionsInOrder(from, to, 1, lazyOrder));
    } else expansions = completions(from, to, prefix.length, -1);
    table.set(prefix, expansions);
    return expansions;
  }
  const order = options.lazy ? new Uint32Array(0) : yield* stemsByFrequency();
  for (let k = 1; k <= (options.lazy ? 0 : PRECOMPUTED_LENGTH); k++) {
    let start = 0;
    while (start < surfaces.length) {
      const prefix = (surfaces.at(start) ?? '').slice(0, k);
      let end = start + 1;
      while (end < surfaces.length && (surfaces.at(end) ?? '').startsWith(prefix)) end++;
      if (prefix.length === k) {
        // One-letter groups are large: walk the frequency order in steps; two-letter ones are small.
        const expansions =
          k === 1 ? yield* completionsInOrder(start, end, k, order) : completions(start, end, k, -1);
        table.set(prefix, expansions);
      }
      start = end;
      yield;
    }
  }

  return (term) => {
    const exact = term.stopword ? undefined : index.stemId(term.stem);
    const result: Expansion[] = exact === undefined ? [] : [{ stem: exact, weight: 1 }];
    if (!term.prefix) return result;
    const short = term.term.length <= PRECOMPUTED_LENGTH;
    const precomputed = short ? (options.lazy ? shortPrefix(term.term) : table.get(term.term)) : undefined;
    if (precomputed) return [...result, ...precomputed.filter((e) => e.stem !== exact)];
    if (term.term.length <= PRECOMPUTED_LENGTH) return result;
    const [from, to] = range(term.term);
    return [...result, ...completions(from, to, term.term.length, exact ?? -1)];
  };
}
