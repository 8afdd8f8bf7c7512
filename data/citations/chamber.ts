/**
 * The chamber of parliament as written after a label: `II`, `TK`, `T.K.`, `Tweede Kamer`, `2`
 * (and OCR's `11`) mean the Tweede Kamer; `I`, `EK`, `E.K.`, `Eerste Kamer`, `1` the Eerste Kamer;
 * `VV`, `Verenigde Vergadering`, `I-II` the joint session.
 */
import { isDigit, isRegexSpace, isWordChar } from './chars';
import { matchWord } from './gap';
import type { Chamber } from './types';
import { parseVergaderjaar } from './vergaderjaar';

/** A parsed chamber. `digitsOnly` chambers (`1`, `2`, `11`) count only when a session year follows. */
export interface ParsedChamber {
  chamber: Chamber;
  end: number;
  digitsOnly: boolean;
}

/** Written forms, longest first so that `II` is not read as `I`. */
const FORMS: ReadonlyArray<readonly [string, Chamber, boolean]> = [
  ['Verenigde Vergadering', 'VV', false],
  ['Tweede Kamer', 'TK', false],
  ['Eerste Kamer', 'EK', false],
  ['I-II', 'VV', false],
  ['I/II', 'VV', false],
  ['T.K.', 'TK', false],
  ['E.K.', 'EK', false],
  ['II', 'TK', false],
  ['TK', 'TK', false],
  ['EK', 'EK', false],
  ['VV', 'VV', false],
  ['11', 'TK', true],
  ['I', 'EK', false],
  ['2', 'TK', true],
  ['1', 'EK', true],
];

/** Parses a chamber at `i`, or null. */
export function parseChamber(text: string, i: number): ParsedChamber | null {
  const first = text.charCodeAt(i);
  // Index loops and element reads, not `for…of` and array destructuring (both run the iterator
  // protocol): the page scans its text once, much of it in unoptimized code, where every iterator
  // step is work of its own (see scan.ts on what a page's first pass costs).
  for (let f = 0; f < FORMS.length; f++) {
    const entry = FORMS[f] as (typeof FORMS)[number];
    const form = entry[0];
    if (form.charCodeAt(0) !== first) continue;
    const end = form.length > 4 ? matchPhrase(text, i, form) : matchExact(text, i, form);
    if (end < 0) continue;
    // `T.K.` ends in a dot; the others must not run into a following word, except a roman numeral
    // glued to the session year (`Kamerstukken II1995/96`, as converted text prints it).
    if (
      form.charCodeAt(form.length - 1) !== 46 &&
      isWordChar(text.charCodeAt(end)) &&
      !gluedYear(text, form, end)
    )
      continue;
    return { chamber: entry[1], end, digitsOnly: entry[2] };
  }
  return null;
}

/** `II` or `I` followed directly by a session year at `end` (`II1995/96`). */
function gluedYear(text: string, form: string, end: number): boolean {
  return (
    (form === 'II' || form === 'I') && isDigit(text.charCodeAt(end)) && parseVergaderjaar(text, end) !== null
  );
}

/** Official abbreviation in citations: `II`, `I`, `VV`. */
export function chamberNumeral(chamber: Chamber): string {
  return chamber === 'TK' ? 'II' : chamber === 'EK' ? 'I' : 'VV';
}

function matchExact(text: string, i: number, form: string): number {
  return text.startsWith(form, i) ? i + form.length : -1;
}

/** Two-word forms: the space may be any space or a line break; words may be hyphenated. */
function matchPhrase(text: string, i: number, form: string): number {
  const space = form.indexOf(' ');
  const firstEnd = matchWord(text, i, form.slice(0, space).toLowerCase());
  if (firstEnd < 0) return -1;
  let j = firstEnd;
  const limit = Math.min(text.length, j + 4);
  while (j < limit && isRegexSpace(text.charCodeAt(j))) j++;
  if (j === firstEnd) return -1;
  const second = form.slice(space + 1);
  const end = matchWord(text, j, second.toLowerCase());
  if (end < 0 || text.charCodeAt(j) !== second.charCodeAt(0)) return -1;
  return end;
}
