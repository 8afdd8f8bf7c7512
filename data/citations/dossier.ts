/**
 * Dossier numbers with what may follow them: `34352`, `34 352` (grouped with any space),
 * a budget chapter or letter (`36 600 XV`, `36 200-XV`, `36 600 B`), a sub-dossier (`21501-32`),
 * a rijkswet number in brackets (`35 212 (R2101)`) and the compact paper form (`34352-349`,
 * `21501-32-1699`).
 */
import {
  isDash,
  isDigit,
  isHorizontalSpace,
  isInvisibleJoiner,
  isLetter,
  isLower,
  isUpper,
  isWordChar,
} from './chars';
import { skipGap, skipSpaces } from './gap';
import { matchNumberKeyword } from './numbers';

/** How much evidence surrounds a dossier number: a label (`Kamerstukken`) or only a weak signal. */
export type DossierStrength = 'label' | 'weak';

/** One dossier as parsed. `compactNumber` is the paper number of a compact form (`34352-349`). */
export interface ParsedDossier {
  dossier: string;
  suffix: string | null;
  rijkswet: string | null;
  compactNumber: string | null;
  end: number;
}

/** Dossiers below this are not cited without `nr.` (they look like years and amounts). */
const MIN_DOSSIER_ALONE = 10000;
/** Weak signals (`dossier 36582`, `(36582)`) only count up to the dossier numbers issued so far (≈ 36 900 in 2026). */
const MAX_PLAUSIBLE_DOSSIER = 39999;

/**
 * Parses a dossier number (and suffix, rijkswet, compact number) at `i`, or null. After an explicit
 * `dossier` keyword (`dossierNamed`), `21501-32` is the sub-dossier, not paper nr. 32.
 */
export function parseDossier(
  text: string,
  i: number,
  strength: DossierStrength,
  dossierNamed = false,
): ParsedDossier | null {
  const digitsEnd = readDigits(text, i, 6);
  const n = digitsEnd - i;
  if (n === 0 || n > 6) return null;
  let dossier: string;
  let j = digitsEnd;
  const grouped = n <= 3 ? readGroup(text, digitsEnd, strength) : -1;
  if (grouped > 0) {
    dossier = text.slice(i, digitsEnd) + text.slice(grouped - 3, grouped);
    j = grouped;
  } else if (n >= 4) {
    dossier = text.slice(i, digitsEnd);
  } else {
    return null;
  }
  if (dossier.charCodeAt(0) === 48 || continuesInvisibly(text, j)) return null;
  if (strength === 'weak' && (dossier.length !== 5 || Number(dossier) > MAX_PLAUSIBLE_DOSSIER)) return null;
  if (isLetter(text.charCodeAt(j)) && !isHorizontalSpace(text.charCodeAt(j))) return null;
  const result: ParsedDossier = { dossier, suffix: null, rijkswet: null, compactNumber: null, end: j };
  readSuffix(text, result, dossierNamed);
  readRijkswet(text, result);
  return result;
}

/** Whether a dossier number may stand alone (no paper number) as a `dossier` reference. */
export function mayStandAlone(d: ParsedDossier): boolean {
  return d.dossier.length >= 5 && Number(d.dossier) >= MIN_DOSSIER_ALONE;
}

/** After a 1–3 digit group at `i`: one space and exactly three digits; the index after them, or -1. */
function readGroup(text: string, i: number, strength: DossierStrength): number {
  const c = text.charCodeAt(i);
  const isSep = isHorizontalSpace(c) || (strength === 'label' && c === 46 && isDigit(text.charCodeAt(i + 1)));
  if (!isSep) return -1;
  const end = readDigits(text, i + 1, 3);
  return end - (i + 1) === 3 ? end : -1;
}

/** Index after the digit run at `i`, reading at most `max + 1` digits (more means: not ours). */
function readDigits(text: string, i: number, max: number): number {
  let j = i;
  const limit = Math.min(text.length, i + max + 1);
  while (j < limit && isDigit(text.charCodeAt(j))) j++;
  return j;
}

/** Index after a run of 1–`max` capital letters at `i` that ends the word, else -1. */
function readCapitals(text: string, i: number, max: number): number {
  let j = i;
  while (j - i <= max && isUpper(text.charCodeAt(j))) j++;
  const n = j - i;
  if (n === 0 || n > max || isWordChar(text.charCodeAt(j))) return -1;
  return j;
}

/**
 * Suffix after the dossier: `-XV`, ` XV`, ` B`, `-32`; or the compact paper forms `-349`, `-32-1699`.
 * A dash-number is a sub-dossier when another dash-number or `nr.` follows, else the paper number.
 */
function readSuffix(text: string, d: ParsedDossier, dossierNamed: boolean): void {
  const j = d.end;
  const c = text.charCodeAt(j);
  if (isDash(c) && text.charCodeAt(j + 1) === 40 && d.rijkswet === null) {
    // `23908-(R1519)-131`: the rijkswet number between the dossier and the paper number.
    const close = readRijkswetAt(text, j + 1, d);
    if (close > 0) readSuffix(text, d, dossierNamed);
    return;
  }
  if (isDash(c)) {
    const k = j + 1;
    const capsEnd = readCapitals(text, k, 5);
    if (capsEnd > 0) {
      d.suffix = text.slice(k, capsEnd);
      d.end = capsEnd;
      readCompactAfterSuffix(text, d);
      return;
    }
    const numEnd = readPaperNumber(text, k);
    if (numEnd < 0) return;
    const first = text.slice(k, numEnd);
    // PDF text may break the line right after the second dash (`21501-07-` / `1400`).
    const secondStart = isDash(text.charCodeAt(numEnd)) ? afterLineBreak(text, numEnd + 1) : -1;
    const second = secondStart > 0 ? readPaperNumber(text, secondStart) : -1;
    // A sub-dossier has at most four digits (`21501-32`); `2023–20241` is no dossier at all.
    if (isDigitString(first) && first.length > 4 && (second > 0 || dossierNamed)) return;
    if (second > 0 && isDigitString(first)) {
      d.suffix = first;
      d.compactNumber = text.slice(secondStart, second);
      d.end = second;
    } else if (
      isDigitString(first) &&
      first.length <= 4 &&
      // `21501-08`: a paper number never starts with 0, a sub-dossier may.
      (dossierNamed || first.charCodeAt(0) === 48 || introducesNumbers(text, numEnd))
    ) {
      d.suffix = first;
      d.end = numEnd;
    } else {
      d.compactNumber = first;
      d.end = numEnd;
    }
    return;
  }
  if (isHorizontalSpace(c)) {
    const k = skipSpaces(text, j, 2);
    const capsEnd = readCapitals(text, k, 5);
    if (capsEnd > 0) {
      d.suffix = text.slice(k, capsEnd);
      d.end = capsEnd;
      readCompactAfterSuffix(text, d);
    }
  }
}

/** `i`, or the index after one line break (`\n`, `\r\n`) at `i` when a digit follows it. */
function afterLineBreak(text: string, i: number): number {
  const c = text.charCodeAt(i);
  const next = c === 13 && text.charCodeAt(i + 1) === 10 ? i + 2 : c === 10 ? i + 1 : i;
  return next !== i && !isDigit(text.charCodeAt(next)) ? i : next;
}

/** `36600-XV-12`: a compact paper number after a letter suffix. */
function readCompactAfterSuffix(text: string, d: ParsedDossier): void {
  if (!isDash(text.charCodeAt(d.end))) return;
  const end = readPaperNumber(text, d.end + 1);
  if (end > 0 && isDigit(text.charCodeAt(d.end + 1))) {
    d.compactNumber = text.slice(d.end + 1, end);
    d.end = end;
  }
}

/** `(R2101)` after the dossier: the rijkswet number, kept apart from the id. */
function readRijkswet(text: string, d: ParsedDossier): void {
  if (d.rijkswet === null) readRijkswetAt(text, skipSpaces(text, d.end, 2), d);
}

/** `(R2101)` or, in older papers, `(R 1735)` at `open`: sets the rijkswet (`R1735`) and the end; returns the index after `)`, or -1. */
function readRijkswetAt(text: string, open: number, d: ParsedDossier): number {
  if (text.charCodeAt(open) !== 40 || text.charCodeAt(open + 1) !== 82) return -1;
  const digits = text.charCodeAt(open + 2) === 32 ? open + 3 : open + 2;
  const digitsEnd = readDigits(text, digits, 5);
  const n = digitsEnd - digits;
  if (n < 3 || n > 5 || text.charCodeAt(digitsEnd) !== 41) return -1;
  d.rijkswet = `R${text.slice(digits, digitsEnd)}`;
  d.end = digitsEnd + 1;
  return d.end;
}

/** A paper number in compact form: 1–5 digits with an optional lower-case letter (`188b`); index after, or -1. */
function readPaperNumber(text: string, i: number): number {
  const end = readDigits(text, i, 5);
  const n = end - i;
  if (n === 0 || n > 5 || continuesInvisibly(text, end)) return -1;
  if (isLower(text.charCodeAt(end)) && !isLetter(text.charCodeAt(end + 1))) return end + 1;
  return isWordChar(text.charCodeAt(end)) ? -1 : end;
}

/** Whether a number ending at `i` goes on behind a soft hyphen or joiner (`3\u00AD49` shows as 349). */
function continuesInvisibly(text: string, i: number): boolean {
  return isInvisibleJoiner(text.charCodeAt(i)) && isWordChar(text.charCodeAt(i + 1));
}

function isDigitString(s: string): boolean {
  for (let k = 0; k < s.length; k++) if (!isDigit(s.charCodeAt(k))) return false;
  return s.length > 0;
}

/** Whether paper numbers follow at `i`: `, nr. 1699`, ` nr 3` or an Eerste Kamer letter `, F`. */
function introducesNumbers(text: string, i: number): boolean {
  let j = skipGap(text, i);
  const comma = text.charCodeAt(j) === 44;
  if (comma) j = skipGap(text, j + 1);
  // A blank line ends the reference: `ID: 36374-5` above `Nr. 5 VERSLAG` is not sub-dossier 5.
  if (lineBreaks(text, i, j) > 1) return false;
  if (matchNumberKeyword(text, j) !== null) return true;
  return comma && readCapitals(text, j, 3) > 0;
}

/** How many line breaks lie in `text.slice(i, j)` (a gap, so short). */
function lineBreaks(text: string, i: number, j: number): number {
  let n = 0;
  for (let k = i; k < j; k++) if (text.charCodeAt(k) === 10) n++;
  return n;
}
