/**
 * The three ways a stored quote is placed in the current page text, cheapest first: exactly
 * (context and position decide between several occurrences), approximately near the expected
 * position, approximately anywhere (seeded by the page's n-gram index). reanchor.ts runs them
 * for all notes of a page.
 */

import { exactCandidates } from './exact-candidates';
import { type FuzzyQuery, fuzzyCandidates } from './fuzzy-candidates';
import { type GramIndex, seedWindows } from './gram-index';
import type { TextPositionSelector, TextQuoteSelector } from './model';
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
  nearRadius: 2048,
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

/** Radius searched first around the expected start: with corrected hints, most edited quotes are this close. */
const FIRST_NEAR_RADIUS = 512;

/** Mean similarity of the stored prefix and suffix to the text around a candidate. */
function contextOf(text: string, quote: TextQuoteSelector, candidate: Candidate): number {
  return (prefixSimilarity(text, quote, candidate.start) + suffixSimilarity(text, quote, candidate.end)) / 2;
}

function fuzzyAnchor(text: string, quote: TextQuoteSelector, found: Scored | null, options: AnchorOptions) {
  if (found === null || found.score < options.minFuzzyScore) return null;
  if (quote.exact.length < SHORT_QUOTE && contextOf(text, quote, found.candidate) < SHORT_QUOTE_MIN_CONTEXT)
    return null;
  return anchorOf(found, 'fuzzy');
}

/**
 * The best exact occurrence of the quote, or null when it does not occur verbatim. `hint` is the
 * expected start (the stored position, corrected by how far the notes before it moved).
 */
export function anchorExact(
  text: string,
  target: AnchorTarget,
  hint: number | null = target.position?.start ?? null,
): Anchor | null {
  const { exact } = target.quote;
  if (exact.length === 0) return null;
  // Unchanged (or uniformly shifted) page: the quote is where expected, with its context. Nothing can beat that.
  if (hint !== null && text.startsWith(exact, hint)) {
    const here = { start: hint, end: hint + exact.length, errors: 0 };
    const score = scoreCandidate(text, target.quote, hint, here);
    if (score === 1) return { ...here, score, method: 'exact' };
  }
  const found = best(text, target.quote, hint, exactCandidates(text, exact, hint));
  if (found === null) return null;
  // A short quote found far from where the note belongs, in a foreign context, is a coincidence
  // (a deleted "de minister" occurs elsewhere too): better listed as not found than misplaced.
  const far = hint === null || Math.abs(found.candidate.start - hint) > FIRST_NEAR_RADIUS;
  if (
    exact.length < SHORT_QUOTE &&
    far &&
    contextOf(text, target.quote, found.candidate) < SHORT_QUOTE_MIN_CONTEXT
  ) {
    return null;
  }
  return anchorOf(found, 'exact');
}

/**
 * The best approximate match near `hint` (the expected start): within 512 characters first, then
 * within `nearRadius`. The small window is an eighth of the work and is enough for most edits.
 */
export function anchorNear(
  text: string,
  target: AnchorTarget,
  query: FuzzyQuery,
  hint: number,
  options: AnchorOptions = DEFAULT_ANCHOR_OPTIONS,
): Anchor | null {
  const m = target.quote.exact.length;
  for (const radius of [Math.min(FIRST_NEAR_RADIUS, options.nearRadius), options.nearRadius]) {
    const found = best(
      text,
      target.quote,
      hint,
      fuzzyCandidates(text, query, hint - radius, hint + m + radius),
    );
    const anchor = fuzzyAnchor(text, target.quote, found, options);
    if (anchor !== null || radius === options.nearRadius) return anchor;
  }
  return null;
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
