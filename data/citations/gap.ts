/**
 * Skipping what may sit between the parts of one reference: spaces of every kind, line breaks,
 * blank lines and PDF page furniture (`Pagina 11 van 14`, `Datum`, `Onze referentie …`).
 * Everything is bounded so that a parse around one anchor costs O(1), whatever the input.
 */
import { isDash, isHorizontalSpace, isLetter, isLineBreak, SOFT_HYPHEN } from './chars';

/** Longest stretch of whitespace and furniture accepted between two parts of a reference. */
const MAX_GAP = 200;
/** Longest line that can be page furniture. */
const MAX_FURNITURE_LINE = 60;

/** Lines that PDF extraction leaves between the parts of a sentence; anchored, bounded, no nesting. */
const FURNITURE_LINE =
  /^(?:Pagina \d{1,4} van \d{1,4}|Datum|Onze referentie|Uw referentie|Ons kenmerk|Uw kenmerk|Kenmerk|\d{4}-\d{6,12})(?:[ \t\u00a0][^\n]{0,40})?[ \t\u00a0]*$/;

/** Index after the whitespace (and furniture lines) starting at `i`; `i` when there is none. */
export function skipGap(text: string, i: number): number {
  const limit = Math.min(text.length, i + MAX_GAP);
  let j = i;
  let atLineStart = false;
  while (j < limit) {
    const c = text.charCodeAt(j);
    if (isHorizontalSpace(c) || c === SOFT_HYPHEN) {
      j++;
    } else if (isLineBreak(c)) {
      j++;
      atLineStart = true;
    } else if (atLineStart) {
      const after = skipFurnitureLine(text, j, limit);
      if (after === j) break;
      j = after;
    } else {
      break;
    }
  }
  return j;
}

/** Index after horizontal spaces only (no line break), at most `max` of them. */
export function skipSpaces(text: string, i: number, max = 8): number {
  let j = i;
  const limit = Math.min(text.length, i + max);
  while (j < limit && isHorizontalSpace(text.charCodeAt(j))) j++;
  return j;
}

/** If a furniture line starts at `j` (a line start), the index of its line break; else `j`. */
function skipFurnitureLine(text: string, j: number, limit: number): number {
  let eol = j;
  const lineLimit = Math.min(limit, j + MAX_FURNITURE_LINE + 1);
  while (eol < lineLimit && !isLineBreak(text.charCodeAt(eol))) eol++;
  if (eol >= text.length || !isLineBreak(text.charCodeAt(eol))) return j;
  return FURNITURE_LINE.test(text.slice(j, eol)) ? eol : j;
}

/**
 * Matches `word` (lower case) at `i`: the first letter in either case, the rest lower case,
 * tolerating soft hyphens and a line-end hyphenation (`Kamer-\nstukken`) inside the word.
 * Returns the index after the word, or -1. Does not check what follows.
 */
export function matchWord(text: string, i: number, word: string): number {
  let j = i;
  for (let k = 0; k < word.length; k++) {
    let c = text.charCodeAt(j);
    if (k > 0) {
      while (c === SOFT_HYPHEN) c = text.charCodeAt(++j);
      if (isDash(c)) {
        const after = skipHyphenation(text, j);
        if (after > j) {
          j = after;
          c = text.charCodeAt(j);
        }
      }
    }
    const w = word.charCodeAt(k);
    if (c === w || (k === 0 && c === w - 32)) j++;
    else return -1;
  }
  return j;
}

/** Like `matchWord`, then requires that no letter follows (a whole word). */
export function matchWholeWord(text: string, i: number, word: string): number {
  const end = matchWord(text, i, word);
  if (end < 0 || isLetter(text.charCodeAt(end))) return -1;
  return end;
}

/** At a dash that ends a line inside a word (`-` spaces? line break spaces?), the index after it; else `i`. */
function skipHyphenation(text: string, i: number): number {
  let j = skipSpaces(text, i + 1, 4);
  if (!isLineBreak(text.charCodeAt(j))) return i;
  j++;
  if (text.charCodeAt(j - 1) === 13 && text.charCodeAt(j) === 10) j++;
  return skipSpaces(text, j, 8);
}

/** True when the code unit before `i` ends a word, so a label may start at `i` (digits may precede: `15Kamerstukken`). */
export function startsWord(text: string, i: number): boolean {
  return i === 0 || !isLetter(text.charCodeAt(i - 1));
}
