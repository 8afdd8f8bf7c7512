/** Exact occurrences of a quote, nearest to the stored position first when there are very many. */
import type { Candidate } from './score';

/** Occurrences scored at most; a quote that occurs more often than this is a word, not a passage. */
const MAX_EXACT_CANDIDATES = 500;
/** Occurrences collected before keeping the nearest `MAX_EXACT_CANDIDATES`. */
const MAX_SCANNED_OCCURRENCES = 20_000;

/** Every place `exact` occurs in `text` (capped, see above), as zero-error candidates. */
export function exactCandidates(text: string, exact: string, hint: number | null): Candidate[] {
  const found: Candidate[] = [];
  for (let at = text.indexOf(exact); at >= 0 && found.length < MAX_SCANNED_OCCURRENCES; ) {
    found.push({ start: at, end: at + exact.length, errors: 0 });
    at = text.indexOf(exact, at + 1);
  }
  if (found.length <= MAX_EXACT_CANDIDATES) return found;
  const anchor = hint ?? 0;
  return found
    .sort((a, b) => Math.abs(a.start - anchor) - Math.abs(b.start - anchor))
    .slice(0, MAX_EXACT_CANDIDATES);
}
