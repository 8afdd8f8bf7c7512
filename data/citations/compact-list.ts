/**
 * Compact paper numbers as the plenary records list them (`35925-32; 21501-08-692; 35570-XIV-46;
 * 23908-(R1519)-131`), and the compact form after a word that says what it is: `amendement
 * 36067 – 61`, `ID: 36374-(R2187)-5` (openkamer.org's metadata line). A lone
 * compact number in running text reads like an amount or a case number, so it needs a list (two or
 * more joined by `;`) or such a word.
 */
import { isDash, isDigit, isHorizontalSpace, isLineBreak, isUpper, isWordChar } from './chars';
import { type CitationParts, emptyParts, makeCitation } from './citation';
import { type ParsedDossier, parseDossier } from './dossier';
import { matchWholeWord, skipGap, skipSpaces, startsWord } from './gap';
import { dossierId, kamerstukId } from './ids';
import { readNumberToken } from './numbers';
import type { Citation } from './types';

/** Lists stop here. */
const MAX_ITEMS = 200;

/**
 * A `;`-separated list of compact papers at `at`, introduced by a colon after a word that says
 * what is listed (`… moties opnieuw aan te houden: 35925-32; 35925-29`), possibly after other ids
 * of the same list (`… af te voeren: 2017Z09721; 21501-08-692`); returns the end, or -1.
 */
export function parseCompactList(text: string, at: number, out: Citation[]): number {
  // The context is checked first, looking back a bounded way: a rejected list is not read forward
  // again from each of its items.
  if ((at > 0 && isWordChar(text.charCodeAt(at - 1))) || !hasListIntroduction(text, at)) return -1;
  const first = readCompact(text, at);
  if (first === null) return -1;
  const items: Array<[number, ParsedDossier]> = [[at, first]];
  let end = first.end;
  while (items.length < MAX_ITEMS) {
    const sep = skipSpaces(text, end, 2);
    if (text.charCodeAt(sep) !== 59) break;
    const next = skipGap(text, sep + 1);
    const item = readCompact(text, next);
    if (item === null) break;
    items.push([next, item]);
    end = item.end;
  }
  for (const [start, d] of items)
    out.push(makeCitation(text, compactParts(d, d.compactNumber ?? ''), start, d.end));
  return end;
}

/** How far back a committee decision list's `Zaak:` row may start above the paper that ends it. */
const MAX_ZAAK_BACK = 600;
/** Most line breaks between the `Zaak:` row's start and the paper. */
const MAX_ZAAK_LINES = 6;
/** The row above a paper alone on its line on tweedekamer.nl's pages (`Nummer` / `33308-13`). */
const METADATA_ROW = /^(?:Nummer|Motie)$/;

/** A bill's zaak row: `Zaak: Wetgeving - minister … - 22 mei 2006` (or `Initiatiefwetgeving`). */
const BILL_ZAAK = /^Zaak:[ \u00a0]*(?:Initiatief)?[Ww]etgeving[ \u00a0]+-/;

/**
 * A compact paper that ends its line in two places where the line says what it is: a committee
 * decision list's zaak (`Zaak: Brief regering - … - 25 oktober 2016` / `Tweede nota van wijziging -
 * 34552-16`: after ` - `, or alone on its line after a line ending in ` -`, at most a few lines
 * below a line starting `Zaak:`), and tweedekamer.nl's metadata rows (`Nummer` or `Motie` on the line
 * above, the paper alone on its line). A bill's zaak (`Zaak: Wetgeving - …`) ends in the dossier
 * alone (`… binnen de eigen gemeente - 30569`, `… - 34417-(R2068)`). Pushes and returns the end, or -1.
 */
export function parseLineEndCompact(text: string, at: number, out: Citation[]): number {
  if (at > 0 && isWordChar(text.charCodeAt(at - 1))) return -1;
  const d = parseDossier(text, at, 'weak');
  if (d === null) return -1;
  const after = skipSpaces(text, d.end, 4);
  if (after < text.length && !isLineBreak(text.charCodeAt(after))) return -1;
  if (d.compactNumber === null) {
    if (d.dossier.length !== 5) return -1;
    const row = zaakRowAbove(text, at);
    if (row < 0 || !BILL_ZAAK.test(text.slice(row, row + 40))) return -1;
    const parts = emptyParts('dossier', [dossierId(d.dossier, d.suffix)]);
    parts.dossier = d.dossier;
    parts.dossierSuffix = d.suffix;
    parts.rijkswet = d.rijkswet;
    out.push(makeCitation(text, parts, at, d.end));
    return d.end;
  }
  // A year after a dash reads as a case number's year (`12345-2016`), not a paper.
  if (d.suffix === null && /^(?:19|20)\d\d$/.test(d.compactNumber)) return -1;
  if (zaakRowAbove(text, at) < 0 && !followsMetadataRow(text, at)) return -1;
  out.push(makeCitation(text, compactParts(d, d.compactNumber), at, d.end));
  return d.end;
}

/**
 * Where the `Zaak:` row starts when ` - ` stands before `at` on its line (or `at` starts a line below
 * one ending in ` -`) and that row starts a few lines up; else -1.
 */
function zaakRowAbove(text: string, at: number): number {
  let k = at;
  while (k > at - 4 && isHorizontalSpace(text.charCodeAt(k - 1))) k--;
  if (k > 0 && isLineBreak(text.charCodeAt(k - 1))) {
    let e = k - 1;
    if (e > 0 && text.charCodeAt(e) === 10 && text.charCodeAt(e - 1) === 13) e--;
    while (e > k - 6 && isHorizontalSpace(text.charCodeAt(e - 1))) e--;
    if (!isDash(text.charCodeAt(e - 1)) || !isHorizontalSpace(text.charCodeAt(e - 2))) return -1;
  } else if (k === at || !isDash(text.charCodeAt(k - 1)) || !isHorizontalSpace(text.charCodeAt(k - 2))) {
    return -1;
  }
  const limit = Math.max(0, at - MAX_ZAAK_BACK);
  let i = k;
  for (let lines = 0; lines <= MAX_ZAAK_LINES; lines++) {
    let s = i;
    while (s > limit && !isLineBreak(text.charCodeAt(s - 1))) s--;
    if (s > 0 && !isLineBreak(text.charCodeAt(s - 1))) return -1;
    let t = s;
    while (t < i && isHorizontalSpace(text.charCodeAt(t))) t++;
    if (text.startsWith('Zaak:', t)) return t;
    if (s <= limit) return -1;
    i = s - 1;
  }
  return -1;
}

/** `at` alone at its line's start, under a row that is exactly `Nummer` or `Motie` (the two seen on the page). */
function followsMetadataRow(text: string, at: number): boolean {
  let k = at;
  while (k > at - 4 && isHorizontalSpace(text.charCodeAt(k - 1))) k--;
  if (k === 0 || !isLineBreak(text.charCodeAt(k - 1))) return false;
  let e = k - 1;
  if (e > 0 && text.charCodeAt(e) === 10 && text.charCodeAt(e - 1) === 13) e--;
  let s = e;
  const limit = Math.max(0, e - 30);
  while (s > limit && !isLineBreak(text.charCodeAt(s - 1))) s--;
  if (s === limit && s > 0) return false;
  return METADATA_ROW.test(text.slice(s, e).trim());
}

/** `amendement 36067 – 61` at `at` (the keyword); pushes and returns the end, or -1. */
export function parseKeywordCompact(text: string, at: number, out: Citation[]): number {
  if (!startsWord(text, at)) return -1;
  const j = matchWholeWord(text, at, 'amendement');
  if (j < 0 || !isHorizontalSpace(text.charCodeAt(j))) return -1;
  const d = parseDossier(text, skipSpaces(text, j, 2), 'weak');
  if (d === null) return -1;
  let number = d.compactNumber;
  let end = d.end;
  if (number === null) {
    const spaced = readSpacedPaper(text, d.end);
    if (spaced === null) return -1;
    number = text.slice(spaced.start, spaced.end);
    end = spaced.end;
  }
  out.push(makeCitation(text, compactParts(d, number), at, end));
  return end;
}

/** `ID: 36374-(R2187)-5` with the compact paper at `at`; pushes one citation from `ID` and returns the end, or -1. */
export function parseIdLine(text: string, at: number, out: Citation[]): number {
  let k = at;
  while (k > at - 2 && isHorizontalSpace(text.charCodeAt(k - 1))) k--;
  const label = k - 3;
  if (label < 0 || !text.startsWith('ID:', label) || !startsWord(text, label)) return -1;
  const d = readCompact(text, at);
  if (d === null) return -1;
  out.push(makeCitation(text, compactParts(d, d.compactNumber ?? ''), label, d.end));
  return d.end;
}

/**
 * After a dossier ending at `i`: ` -4` or ` – 61` (a paper number behind a spaced dash, as mirrors and
 * amendment lists print it); where the number starts and ends, or null.
 */
export function readSpacedPaper(text: string, i: number): { start: number; end: number } | null {
  const dash = skipSpaces(text, i, 2);
  if (!isDash(text.charCodeAt(dash))) return null;
  const start = skipSpaces(text, dash + 1, 2);
  if (!isDigit(text.charCodeAt(start))) return null;
  const end = readNumberToken(text, start, false);
  return end < 0 ? null : { start, end };
}

/** A compact paper (`35925-32`, `21501-08-692`, `35570-XIV-46`, `23908-(R1519)-131`) at `i`, or null. */
function readCompact(text: string, i: number): ParsedDossier | null {
  if (!isDigit(text.charCodeAt(i))) return null;
  const d = parseDossier(text, i, 'weak');
  return d === null || d.compactNumber === null ? null : d;
}

/** Most earlier items stepped over when looking for the list's introduction. */
const MAX_ITEMS_BACK = 12;
/** Longest earlier item stepped over (`21501-32-1188`, `2017Z09721`, `23908-(R1519)-131`). */
const MAX_ITEM_LENGTH = 24;
/** How far back on its line the introduction names what is listed. */
const MAX_INTRODUCTION = 300;
const LIST_WORDS = /\b(?:moties|motie|stukken|kamerstukken|amendementen|amendement)\b/i;

/** Whether a colon introducing motions or papers precedes `at`, over at most a few earlier items. */
export function hasListIntroduction(text: string, at: number): boolean {
  let k = skipBack(text, at);
  for (let items = 0; items < MAX_ITEMS_BACK && text.charCodeAt(k - 1) === 59; items++) {
    let start = k - 1;
    const limit = Math.max(0, k - 1 - MAX_ITEM_LENGTH);
    while (start > limit && isItemChar(text.charCodeAt(start - 1))) start--;
    if (start === k - 1) return false;
    k = skipBack(text, start);
  }
  if (text.charCodeAt(k - 1) !== 58) return false;
  let from = k - 1;
  const limit = Math.max(0, from - MAX_INTRODUCTION);
  while (from > limit && !isLineBreak(text.charCodeAt(from - 1))) from--;
  return LIST_WORDS.test(text.slice(from, k - 1));
}

/** Index of the first of the whitespace characters that end just before `i` (at most 8). */
function skipBack(text: string, i: number): number {
  let k = i;
  const limit = Math.max(0, i - 8);
  while (k > limit && (isHorizontalSpace(text.charCodeAt(k - 1)) || isLineBreak(text.charCodeAt(k - 1)))) k--;
  return k;
}

function isItemChar(c: number): boolean {
  return isDigit(c) || isUpper(c) || c === 45 || c === 40 || c === 41;
}

function compactParts(d: ParsedDossier, number: string): CitationParts {
  const parts = emptyParts('kamerstuk', [kamerstukId(d.dossier, d.suffix, number)]);
  parts.dossier = d.dossier;
  parts.dossierSuffix = d.suffix;
  parts.rijkswet = d.rijkswet;
  parts.numbers = [number];
  return parts;
}
