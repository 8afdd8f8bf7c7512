/**
 * A paper named by a word before its dossier, without brackets: `de motie 31070, nr. 18`,
 * `amendement 36067, nr. 61`, and the metadata row of the parliamentary monitor sites
 * (`Kenmerk 28331, nr. I`, `Kenmerk | 35746, nr. 3 |`; `Reference 35526, nr. 60` on the English twin). Read from the `nr.` anchor by looking a few
 * characters back, so the scan needs no new anchor. The dossier must look like a real one (five
 * digits, issued so far): `Kenmerk 2024-0000933473` and other reference numbers do not pass.
 */
import { isLineBreak } from './chars';
import { type CitationParts, emptyParts, makeCitation } from './citation';
import { hasListIntroduction } from './compact-list';
import { type ParsedDossier, parseDossier } from './dossier';
import { skipSpaces } from './gap';
import { kamerstukId } from './ids';
import { parseNumberList, readNumberToken } from './numbers';
import type { Citation } from './types';

/** How far before `nr.` the keyword may stand (`Kenmerk | 35746-XIII, `). */
const LOOK_BACK = 64;
/**
 * The keyword, the dossier (with an optional suffix) and the comma just before `nr.`; a row may
 * name up to four dossiers of one paper (`Kenmerk 33826; 33992, nr. C`).
 */
const NAMED_BEFORE =
  /(?:^|[^A-Za-z\u00c0-\u024f-])([Mm]otie|[Aa]mendement|Kenmerk|Reference)[ \u00a0]{1,2}(?:\|[ \u00a0]{1,2})?((?:\d{5}(?:-[A-Z]{1,5}|-\d{1,2})?;[ \u00a0]?){0,3}\d{5}(?:-[A-Z]{1,5}|-\d{1,2})?),[ \u00a0]?$/;

/**
 * At the `nr.` keyword `at` (ending at `keywordEnd`): the paper it numbers when a keyword and a
 * dossier stand right before it. Pushes the citation (from the keyword, or from the dossier in a
 * `Kenmerk`/`Reference` row) and returns its end, or -1.
 */
export function parseNamedPaper(text: string, at: number, keywordEnd: number, out: Citation[]): number {
  const from = Math.max(0, at - LOOK_BACK);
  const m = NAMED_BEFORE.exec(text.slice(from, at));
  if (m === null) return parseListedPaper(text, at, keywordEnd, out);
  const keyword = m[1] ?? '';
  const dossierText = m[2] ?? '';
  const keywordOffset = m[0].indexOf(keyword);
  const keywordAt = from + m.index + keywordOffset;
  const dossierAt = from + m.index + m[0].indexOf(dossierText, keywordOffset + keyword.length);
  const row = keyword === 'Kenmerk' || keyword === 'Reference';
  if (row && !startsRow(text, keywordAt)) return -1;
  const dossiers: ParsedDossier[] = [];
  let k = dossierAt;
  for (const item of dossierText.split(';')) {
    k = skipSpaces(text, k, 1);
    const d = parseDossier(text, k, 'weak', true);
    if (d === null || d.compactNumber !== null || d.end !== k + item.trimStart().length) return -1;
    dossiers.push(d);
    k = d.end + 1;
  }
  // Several dossiers only in a metadata row: `motie 31070; 31071, nr. 5` is not a form anyone prints.
  const d = dossiers[0];
  if (d === undefined || (dossiers.length > 1 && !row)) return -1;
  const numberStart = skipSpaces(text, keywordEnd, 2);
  const numberEnd = readNumberToken(text, numberStart, row);
  if (numberEnd < 0) return -1;
  const number = text.slice(numberStart, numberEnd);
  const parts = emptyParts(
    'kamerstuk',
    dossiers.map((x) => kamerstukId(x.dossier, x.suffix, number)),
  );
  parts.dossier = d.dossier;
  parts.dossierSuffix = d.suffix;
  parts.numbers = [number];
  if (row && dossiers.length === 1 && d.suffix === null)
    pushGluedNumber(text, keywordAt, d.dossier + number, parts, out);
  out.push(makeCitation(text, parts, row ? dossierAt : keywordAt, numberEnd));
  return numberEnd;
}

/**
 * The monitor sites print the paper's number glued on the row above the `Kenmerk` row (`Nummer
 * KST31865156` over `Kenmerk 31865, nr. 156`). Older numbers there are internal serials (`KST132611`
 * over `Kenmerk 28331, nr. I`), so the digits cannot be split on their own: the glued number is read
 * only when it is exactly `KST`, the row's dossier and its paper number.
 */
function pushGluedNumber(
  text: string,
  rowAt: number,
  glued: string,
  parts: CitationParts,
  out: Citation[],
): void {
  let lineStart = rowAt;
  while (lineStart > 0 && rowAt - lineStart < 4 && !isLineBreak(text.charCodeAt(lineStart - 1))) lineStart--;
  let previousEnd = lineStart - 1;
  if (previousEnd > 0 && text.charCodeAt(previousEnd - 1) === 13) previousEnd--;
  if (previousEnd <= 0) return;
  let previousStart = previousEnd;
  const limit = Math.max(0, previousEnd - GLUED_ROW);
  while (previousStart > limit && !isLineBreak(text.charCodeAt(previousStart - 1))) previousStart--;
  const m = /^[ \u00a0|]{0,4}Nummer[ \u00a0|]{1,4}KST(\w{1,12})[ \u00a0|]{0,4}$/.exec(
    text.slice(previousStart, previousEnd),
  );
  if (m === null || m[1] !== glued) return;
  const at = previousStart + m[0].indexOf('KST');
  out.push(makeCitation(text, { ...parts }, at, at + 3 + glued.length));
}

/** Longest `Nummer | KST… |` row looked at. */
const GLUED_ROW = 48;

/** Whether `i` starts a line or a table cell (only spaces and one `|` between). */
function startsRow(text: string, i: number): boolean {
  let k = i;
  while (k > 0 && i - k < 4 && (text.charCodeAt(k - 1) === 32 || text.charCodeAt(k - 1) === 160)) k--;
  return k === 0 || isLineBreak(text.charCodeAt(k - 1)) || text.charCodeAt(k - 1) === 124;
}

/** A dossier right after a list's colon or separator, just before `nr.` (`… aan te houden: 29544, `). */
const LISTED_BEFORE = /[:;][ \u00a0]{1,2}(\d{5}(?:-[A-Z]{1,5}|-\d{1,2})?),[ \u00a0]?$/;

/**
 * `Ik stel voor de volgende … motie opnieuw aan te houden: 29544, nr. 959.`: a paper listed after a
 * colon whose line says that motions or papers are listed (the introduction the compact lists need).
 */
function parseListedPaper(text: string, at: number, keywordEnd: number, out: Citation[]): number {
  const from = Math.max(0, at - LOOK_BACK);
  const m = LISTED_BEFORE.exec(text.slice(from, at));
  const dossierText = m?.[1];
  if (m === null || dossierText === undefined) return -1;
  const dossierAt = from + m.index + m[0].indexOf(dossierText);
  if (!hasListIntroduction(text, dossierAt)) return -1;
  const d = parseDossier(text, dossierAt, 'weak', true);
  if (d === null || d.compactNumber !== null || d.end !== dossierAt + dossierText.length) return -1;
  const numberStart = skipSpaces(text, keywordEnd, 2);
  const numberEnd = readNumberToken(text, numberStart, false);
  if (numberEnd < 0) return -1;
  const number = text.slice(numberStart, numberEnd);
  const parts = emptyParts('kamerstuk', [kamerstukId(d.dossier, d.suffix, number)]);
  parts.dossier = d.dossier;
  parts.dossierSuffix = d.suffix;
  parts.numbers = [number];
  out.push(makeCitation(text, parts, dossierAt, numberEnd));
  return numberEnd;
}

/** The plural keyword and one dossier just before `nrs` (`moties 30420, `, `amendementen 36067, `). */
const NAMED_LIST_BEFORE =
  /(?:^|[^A-Za-z\u00c0-\u024f-])([Mm]oties|[Aa]mendementen)[ \u00a0]{1,2}(\d{5}(?:-[A-Z]{1,5}|-\d{1,2})?),[ \u00a0]?$/;

/**
 * At a plural `nrs` keyword `at` (ending at `keywordEnd`): `moties 30420, nrs 100 en 101`, several
 * papers of one dossier named by a plural word before it. Pushes one citation from the word and
 * returns its end, or -1.
 */
export function parseNamedPapers(text: string, at: number, keywordEnd: number, out: Citation[]): number {
  const from = Math.max(0, at - LOOK_BACK);
  const m = NAMED_LIST_BEFORE.exec(text.slice(from, at));
  const keyword = m?.[1];
  const dossierText = m?.[2];
  if (m === null || keyword === undefined || dossierText === undefined) return -1;
  const keywordOffset = m[0].indexOf(keyword);
  const keywordAt = from + m.index + keywordOffset;
  const dossierAt = from + m.index + m[0].indexOf(dossierText, keywordOffset + keyword.length);
  const d = parseDossier(text, dossierAt, 'weak', true);
  if (d === null || d.compactNumber !== null || d.end !== dossierAt + dossierText.length) return -1;
  const list = parseNumberList(text, skipSpaces(text, keywordEnd, 2), true, false);
  if (list === null) return -1;
  const parts = emptyParts(
    'kamerstuk',
    list.numbers.map((n) => kamerstukId(d.dossier, d.suffix, n)),
  );
  parts.dossier = d.dossier;
  parts.dossierSuffix = d.suffix;
  parts.numbers = list.numbers;
  out.push(makeCitation(text, parts, keywordAt, list.end));
  return list.end;
}
