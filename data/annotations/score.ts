/**
 * How well a candidate place fits a stored quote: the quote itself weighs most, then the
 * context on either side, then closeness to the stored position (which only breaks near-ties:
 * pages grow and shrink above a note, its context moves with it).
 */

import { similarity } from './edit-distance';
import type { TextQuoteSelector } from './model';

/** A place in the text the quote may belong to. */
export interface Candidate {
  start: number;
  end: number;
  /** Edits between the stored quote and `text.slice(start, end)`. */
  errors: number;
}

const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;
const TOTAL_WEIGHT = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT;

/** Similarity of the stored prefix to the text just before `start`. */
export function prefixSimilarity(text: string, quote: TextQuoteSelector, start: number): number {
  if (quote.prefix.length === 0) return 1;
  const before = text.slice(Math.max(0, start - quote.prefix.length), start);
  return before === quote.prefix ? 1 : similarity(quote.prefix, before);
}

/** Similarity of the stored suffix to the text just after `end`. */
export function suffixSimilarity(text: string, quote: TextQuoteSelector, end: number): number {
  if (quote.suffix.length === 0) return 1;
  const after = text.slice(end, end + quote.suffix.length);
  return after === quote.suffix ? 1 : similarity(quote.suffix, after);
}

/** Score in [0, 1]; `hint` is the stored start offset, or null when there is none. */
export function scoreCandidate(
  text: string,
  quote: TextQuoteSelector,
  hint: number | null,
  candidate: Candidate,
): number {
  const quoteScore = 1 - candidate.errors / Math.max(1, quote.exact.length);
  const positionScore =
    hint === null ? 0 : 1 - Math.min(1, Math.abs(candidate.start - hint) / Math.max(1, text.length));
  return (
    (QUOTE_WEIGHT * quoteScore +
      PREFIX_WEIGHT * prefixSimilarity(text, quote, candidate.start) +
      SUFFIX_WEIGHT * suffixSimilarity(text, quote, candidate.end) +
      POSITION_WEIGHT * positionScore) /
    TOTAL_WEIGHT
  );
}
