/**
 * Approximate occurrences of a quote in a region of the text. Quotes up to 256 characters, and
 * any quote in a region not much larger than itself, are scanned whole; in larger regions longer
 * quotes are scanned by their first and last 128 characters, each hit then verified with the whole
 * quote in a window around it (a long pattern costs ⌈m/32⌉ words per text character).
 */
import { findApprox, type PreparedPattern, preparePattern } from './approx-search';
import type { Candidate } from './score';

/** Longest quote scanned whole. */
const MAX_WHOLE_PATTERN = 256;
/** Length of the head and tail pieces of longer quotes. */
const PIECE_LENGTH = 128;
/** Candidates kept per search (fewest errors first). */
const MAX_FUZZY_CANDIDATES = 64;

/** A quote prepared once and searched in many regions. */
export interface FuzzyQuery {
  exact: string;
  /** Edits allowed for the whole quote. */
  maxErrors: number;
  whole: PreparedPattern;
  pieces: { prepared: PreparedPattern; maxErrors: number; isHead: boolean }[];
}

/** Prepare `exact` for fuzzy search with at most `ratio` edits per character. */
export function prepareFuzzyQuery(exact: string, ratio: number): FuzzyQuery {
  const maxErrors = Math.floor(exact.length * ratio);
  const pieceErrors = Math.floor(PIECE_LENGTH * ratio);
  const pieces =
    exact.length <= MAX_WHOLE_PATTERN
      ? []
      : [
          { prepared: preparePattern(exact.slice(0, PIECE_LENGTH)), maxErrors: pieceErrors, isHead: true },
          { prepared: preparePattern(exact.slice(-PIECE_LENGTH)), maxErrors: pieceErrors, isHead: false },
        ];
  return { exact, maxErrors, whole: preparePattern(exact), pieces };
}

/** Candidates lying wholly inside `text[from, to)`, fewest errors first (at most 64). */
export function fuzzyCandidates(text: string, query: FuzzyQuery, from: number, to: number): Candidate[] {
  const start = Math.max(0, from);
  const end = Math.min(text.length, to);
  if (start >= end) return [];
  const span = query.exact.length + query.maxErrors;
  if (query.pieces.length === 0 || end - start <= 4 * span) {
    return bestFirst(findApprox(text, query.exact, query.maxErrors, start, end, query.whole)).slice(
      0,
      MAX_FUZZY_CANDIDATES,
    );
  }
  const found: Candidate[] = [];
  for (const piece of query.pieces) {
    const hits = findApprox(text, piece.prepared.pattern, piece.maxErrors, start, end, piece.prepared);
    for (const hit of bestFirst(hits).slice(0, MAX_FUZZY_CANDIDATES / 2)) {
      const windowFrom = piece.isHead ? hit.start : Math.max(start, hit.end - span);
      const windowTo = piece.isHead ? Math.min(end, hit.start + span) : hit.end;
      found.push(...findApprox(text, query.exact, query.maxErrors, windowFrom, windowTo, query.whole));
    }
  }
  return bestFirst(dedupe(found)).slice(0, MAX_FUZZY_CANDIDATES);
}
function bestFirst(candidates: Candidate[]): Candidate[] {
  return candidates.sort((a, b) => a.errors - b.errors || a.start - b.start);
}

function dedupe(candidates: Candidate[]): Candidate[] {
  const byPlace = new Map<string, Candidate>();
  for (const c of candidates) byPlace.set(`${c.start}:${c.end}`, c);
  return [...byPlace.values()];
}
