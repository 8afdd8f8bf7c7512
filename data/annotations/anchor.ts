/**
 * The three ways a stored quote is placed in the current page text, cheapest first: exactly
 * (context and position decide between several occurrences), approximately near the expected
 * position, approximately anywhere (seeded by the page's n-gram index). reanchor.ts runs them
 * for all notes of a page.
 */
import type { TextPositionSelector, TextQuoteSelector } from '../db/records';
import { exactCandidates } from './exact-candidates';
import { type FuzzyQuery, fuzzyCandidates } from './fuzzy-candidates';
import { type GramIndex, seedWindows } from './gram-index';
import { type Candidate, prefixSimilarity, scoreCandidate, suffixSimilarity } from './score';

/** Where a quote was placed, how, and how well it fits. */
export interface Anchor {
  start: number;
  end: number;
  errors: number;
  /** [0, 1], see score.ts. */
  score: number;
  method: 'exact' | 'fuzzy';
}

/** The stored target of a note. */
export interface AnchorTarget {
  quote: TextQuoteSelector;
  position: TextPositionSelector | null;
}

/** Tuning of the fuzzy phases (defaults below). */
export interface AnchorOptions {
  /** Edits allowed per quote character. */
  maxErrorRatio: number;
  /** Lowest score a fuzzy match needs; exact matches are always accepted. */
  minFuzzyScore: number;
  /** Characters around the expected position searched first. */
  nearRadius: number;
  /** Seed windows verified in the whole-text phase. */
  farWindows: number;
}

/**
 * Defaults: a quarter of the characters may change; a fuzzy match must keep part of its context
 * (a quote with 10% edits needs ≈ 40% of its context, see score.ts), so quotes do not land on
 * look-alikes elsewhere.
 */
export const DEFAULT_ANCHOR_OPTIONS: AnchorOptions = {
  maxErrorRatio: 0.25,
  minFuzzyScore: 0.6,
  nearRadius: 4096,
  farWindows: 8,
};

/** Quotes shorter than this need context evidence to be placed fuzzily: near-misses abound. */
const SHORT_QUOTE = 32;
/** Mean context similarity a fuzzy match of a short quote needs. */
const SHORT_QUOTE_MIN_CONTEXT = 0.5;

interface Scored {
  candidate: Candidate;
  score: number;
}

function best(
  text: string,
  quote: TextQuoteSelector,
  hint: number | null,
  candidates: Candidate[],
): Scored | null {
  let winner: Scored | null = null;
  for (const candidate of candidates) {
    const score = scoreCandidate(text, quote, hint, candidate);
    if (winner === null || score > winner.score) winner = { candidate, score };
  }
  return winner;
}

function anchorOf(found: Scored, method: Anchor['method']): Anchor {
  const { start, end, errors } = found.candidate;
  return { start, end, errors, score: found.score, method };
}

function fuzzyAnchor(text: string, quote: TextQuoteSelector, found: Scored | null, options: AnchorOptions) {
  if (found === null || found.score < options.minFuzzyScore) return null;
  if (quote.exact.length < SHORT_QUOTE) {
    const { start, end } = found.candidate;
    const context = (prefixSimilarity(text, quote, start) + suffixSimilarity(text, quote, end)) / 2;
    if (context < SHORT_QUOTE_MIN_CONTEXT) return null;
  }
  return anchorOf(found, 'fuzzy');
}

/** The best exact occurrence of the quote, or null when it does not occur verbatim. */
export function anchorExact(text: string, target: AnchorTarget): Anchor | null {
  const { exact } = target.quote;
  if (exact.length === 0) return null;
  const hint = target.position?.start ?? null;
  // Unchanged page: the quote is still where it was, with its context. Nothing can beat that.
  if (hint !== null && text.startsWith(exact, hint)) {
    const here = { start: hint, end: hint + exact.length, errors: 0 };
    const score = scoreCandidate(text, target.quote, hint, here);
    if (score === 1) return { ...here, score, method: 'exact' };
  }
  const found = best(text, target.quote, hint, exactCandidates(text, exact, hint));
  return found === null ? null : anchorOf(found, 'exact');
}

/** The best approximate match within `nearRadius` of `hint` (the expected start). */
export function anchorNear(
  text: string,
  target: AnchorTarget,
  query: FuzzyQuery,
  hint: number,
  options: AnchorOptions = DEFAULT_ANCHOR_OPTIONS,
): Anchor | null {
  const from = hint - options.nearRadius;
  const to = hint + target.quote.exact.length + options.nearRadius;
  const found = best(text, target.quote, hint, fuzzyCandidates(text, query, from, to));
  return fuzzyAnchor(text, target.quote, found, options);
}

/** The best approximate match anywhere, verified in the windows the n-gram seeds point at. */
export function anchorFar(
  index: GramIndex,
  target: AnchorTarget,
  query: FuzzyQuery,
  hint: number | null,
  options: AnchorOptions = DEFAULT_ANCHOR_OPTIONS,
): Anchor | null {
  const { text } = index;
  const candidates: Candidate[] = [];
  for (const window of seedWindows(index, query.exact, query.maxErrors, options.farWindows)) {
    candidates.push(...fuzzyCandidates(text, query, window.from, window.to));
  }
  return fuzzyAnchor(text, target.quote, best(text, target.quote, hint, candidates), options);
}
