/**
 * References without a label, accepted only where the form itself is evidence:
 * bare brackets `(35200, nr. 21)`, motion style `nr. 123 (36700-XVI)`, a dossier in brackets after a
 * motion/amendment/bill (`… motie … (36582)`), and `dossier 36582` / `wetsvoorstel 36582`.
 * Dossier numbers here must look like real ones (five digits, issued so far), because a bare
 * five-digit number is usually something else.
 */

import { isDash, isDigit, isHorizontalSpace, isLetter, isLineBreak } from './chars';
import { type CitationParts, emptyParts, makeCitation } from './citation';
import { readSpacedPaper } from './compact-list';
import { type ParsedDossier, parseDossier } from './dossier';
import { matchWholeWord, matchWord, skipGap, skipSpaces, startsWord } from './gap';
import { ROMAN_DOSSIER } from './identifiers';
import { dossierId, handelingenId, kamerstukId } from './ids';
import { parseNamedPaper, parseNamedPapers } from './named-paper';
import { matchNumberKeyword, readNumberToken } from './numbers';
import { type ParsedStuk, parseStukTail, type StukRules } from './stuk-tail';
import type { Citation } from './types';
import { type ParsedVergaderjaar, parseVergaderjaar } from './vergaderjaar';

const BRACKET_RULES: StukRules = {
  strength: 'weak',
  requireNumbers: true,
  requireYear: false,
  allowYear: true,
};
const DOSSIER_BRACKET_RULES: StukRules = {
  strength: 'weak',
  requireNumbers: false,
  requireYear: false,
  allowYear: false,
};
const KEYWORD_RULES: StukRules = {
  strength: 'weak',
  requireNumbers: false,
  requireYear: false,
  allowYear: false,
  dossierNamed: true,
};

/** How far back (same line) `vergadering` may stand before `(2022/2023 nr. 31)`. */
const MEETING_CONTEXT = 80;
/** How far back (same line) a context word may stand before `(36582)`: bill titles run long. */
const MOTION_CONTEXT = 400;
/** How far back a list's introduction (`de volgende wetsvoorstellen …:`) may stand, over at most `LIST_LINES` lines. */
const LIST_CONTEXT = 1200;
const LIST_LINES = 8;
const MOTION_WORDS =
  /\b(?:motie|moties|amendement|amendementen|wetsvoorstel|wetsvoorstellen|voorstel van wet|nota van wijziging)\b/i;
/** A law named by its title (`Wet vereenvoudiging … (35498)`): the capital matters, `wet` alone is too common. */
const LAW_WORD = /\bWet[ \u00a0][a-z]/;

/** `(35200, nr. 21)` or, in motion context, `(36582)` at the bracket `at`; pushes and returns the end, or -1. */
export function parseBracketForm(text: string, at: number, out: Citation[]): number {
  // `(t.v.v. 33 308, nr. 14)`: a changed motion's title names the paper it replaces.
  const replaces = text.startsWith('t.v.v.', at + 1);
  const inner = skipSpaces(text, replaces ? at + 7 : at + 1, 2);
  if (replaces && !isDigit(text.charCodeAt(inner))) return -1;
  const own = parseRomanLetter(text, inner, out);
  if (own > 0) return own;
  const record = parseMeetingBracket(text, at, inner, out);
  if (record > 0) return record;
  const withNumber = parseStukTail(text, inner, null, null, BRACKET_RULES);
  if (withNumber !== null) {
    // A renumbered motion keeps its current number: `(33400-A, nr. 45, was nr. 42)`.
    const numberEnd = afterFormerNumber(text, withNumber.end);
    const year = trailingYear(text, numberEnd);
    const end = year?.end ?? numberEnd;
    if (text.charCodeAt(skipGap(text, end)) !== 41 && !isRemarkAfter(text, end)) return -1;
    if (year !== null) withNumber.parts.vergaderjaar ??= year.value;
    out.push(makeCitation(text, withNumber.parts, inner, end));
    return end;
  }
  const dossierOnly = parseStukTail(text, inner, null, null, DOSSIER_BRACKET_RULES);
  if (dossierOnly === null || dossierOnly.parts.kind !== 'dossier') return -1;
  if (text.charCodeAt(skipSpaces(text, dossierOnly.end, 2)) !== 41) return -1;
  if (!hasMotionContext(text, at)) return -1;
  out.push(makeCitation(text, dossierOnly.parts, inner, dossierOnly.end));
  return dossierOnly.end;
}

/** How far along its line a remark after the paper may run before the bracket closes. */
const MAX_REMARK = 120;

/**
 * `; behandeld in AO op 2 juni 2016)` at `i`: a remark in lower case after the paper, closed on the
 * same line (`(24557, nr. 139; behandeld in AO op\n2 juni 2016)` wraps, so a line break may stand
 * in it once), with no other bracket in between.
 */
function isRemarkAfter(text: string, i: number): boolean {
  const semi = skipSpaces(text, i, 1);
  if (text.charCodeAt(semi) !== 59) return false;
  const word = skipSpaces(text, semi + 1, 2);
  const c = text.charCodeAt(word);
  if (!(c >= 97 && c <= 122) || word === semi + 1) return false;
  const limit = Math.min(text.length, word + MAX_REMARK);
  let breaks = 0;
  for (let k = word; k < limit; k++) {
    const d = text.charCodeAt(k);
    if (d === 41) return true;
    if (d === 40) return false;
    if (isLineBreak(d) && ++breaks > 1) return false;
  }
  return false;
}

/**
 * `(CLVI, letter M)`: a paper of one of the Eerste Kamer's own (roman) dossiers, numbered above a
 * hundred (`(XV, letter A)` could be a budget chapter); the end, or -1.
 */
function parseRomanLetter(text: string, inner: number, out: Citation[]): number {
  const m = /^(C[CLXVI]{1,7}),[ \u00a0]?letter[ \u00a0]([A-Z]{1,3})\)/.exec(text.slice(inner, inner + 24));
  const dossier = m?.[1] ?? '';
  const letter = m?.[2] ?? '';
  if (m === null || !ROMAN_DOSSIER.test(dossier)) return -1;
  const parts = emptyParts('kamerstuk', [kamerstukId(dossier, null, letter)]);
  parts.chamber = 'EK';
  parts.dossier = dossier;
  parts.numbers = [letter];
  const end = inner + m[0].length - 1;
  out.push(makeCitation(text, parts, inner, end));
  return end;
}

/**
 * `Verslag van de vergadering van 16 mei 2023 (2022/2023 nr. 31)`: a plenary record by session and
 * meeting number, only after the word `vergadering` on the same line. The chamber is not stated.
 */
function parseMeetingBracket(text: string, at: number, inner: number, out: Citation[]): number {
  const year = parseVergaderjaar(text, inner);
  if (year === null) return -1;
  const keyword = matchNumberKeyword(text, skipSpaces(text, year.end, 2));
  if (keyword === null || keyword.plural) return -1;
  let nrStart = skipSpaces(text, keyword.end, 2);
  // The sites pad the meeting number: `(2023/2024 nr. 05)`.
  if (text.charCodeAt(nrStart) === 48) nrStart++;
  const nrEnd = readNumberToken(text, nrStart, false);
  if (nrEnd < 0 || text.charCodeAt(nrEnd) !== 41) return -1;
  let from = at;
  while (from > 0 && at - from < MEETING_CONTEXT && !isLineBreak(text.charCodeAt(from - 1))) from--;
  if (!/\bvergadering\b/.test(text.slice(from, at))) return -1;
  const nr = text.slice(nrStart, nrEnd);
  const parts = emptyParts('handelingen', [handelingenId(null, year.value, nr, null)]);
  parts.vergaderjaar = year.value;
  parts.numbers = [nr];
  out.push(makeCitation(text, parts, inner, nrEnd));
  return nrEnd;
}

/** `, vergaderjaar 2017-2018` after a bracketed paper (`(32820, nr. 258, vergaderjaar 2017-2018)`), or null. */
function trailingYear(text: string, i: number): ParsedVergaderjaar | null {
  const comma = skipSpaces(text, i, 1);
  if (text.charCodeAt(comma) !== 44) return null;
  const k = skipSpaces(text, comma + 1, 2);
  if (matchWholeWord(text, k, 'vergaderjaar') < 0 && matchWholeWord(text, k, 'zitting') < 0) return null;
  return parseVergaderjaar(text, k);
}

/** `nr. 123 (36700-XVI)`: a motion or amendment number with its dossier in brackets. */
export function parseMotionNumber(text: string, at: number, out: Citation[]): number {
  if (!startsWord(text, at)) return -1;
  const keyword = matchNumberKeyword(text, at);
  if (keyword === null) return -1;
  if (keyword.plural) return parseNamedPapers(text, at, keyword.end, out);
  const numberStart = skipGap(text, keyword.end);
  const added = parseAddedTo(text, at, numberStart, out);
  if (added > 0) return added;
  const named = parseNamedPaper(text, at, keyword.end, out);
  if (named > 0) return named;
  const numberEnd = readNumberToken(text, numberStart, false);
  if (numberEnd < 0) return -1;
  const open = skipSpaces(text, afterFormerNumber(text, numberEnd), 2);
  if (text.charCodeAt(open) !== 40) return -1;
  // The brackets hold a dossier only, so a dash-number is a sub-dossier (`nr. 526 (21501-20)`).
  const d = parseDossier(text, skipSpaces(text, open + 1, 1), 'weak', true);
  if (d === null || d.compactNumber !== null) return -1;
  const close = skipSpaces(text, d.end, 1);
  if (text.charCodeAt(close) !== 41) return -1;
  const number = text.slice(numberStart, numberEnd);
  const parts = emptyParts('kamerstuk', [kamerstukId(d.dossier, d.suffix, number)]);
  parts.dossier = d.dossier;
  parts.dossierSuffix = d.suffix;
  parts.rijkswet = d.rijkswet;
  parts.numbers = [number];
  out.push(makeCitation(text, parts, at, close + 1));
  return close + 1;
}

/**
 * `onder nr. D toegevoegd aan wetsvoorstel 35099 (R2114)`, `onder nr. 57 toegevoegd aan dossier
 * 31234` (the sites' line under a paper): the paper, from `nr.` to the dossier; the end, or -1.
 */
function parseAddedTo(text: string, at: number, numberStart: number, out: Citation[]): number {
  const numberEnd = readNumberToken(text, numberStart, true);
  if (numberEnd < 0) return -1;
  let j = matchWholeWord(text, skipSpaces(text, numberEnd, 2), 'toegevoegd');
  if (j > 0) j = matchWholeWord(text, skipSpaces(text, j, 2), 'aan');
  if (j < 0) return -1;
  const keywordAt = skipSpaces(text, j, 2);
  const keywordEnd = matchKeyword(text, keywordAt);
  if (keywordEnd < 0) return -1;
  const d = parseDossier(text, skipSpaces(text, keywordEnd, 2), 'weak', true);
  if (d === null || d.compactNumber !== null) return -1;
  const number = text.slice(numberStart, numberEnd);
  out.push(makeCitation(text, addedParts(d, number), at, d.end));
  // A paper filed in two dossiers: `… aan dossier 33826 - <title> en wetsvoorstel 33992 (R2034)`.
  const second = secondDossierOnLine(text, d.end);
  if (second === null) return d.end;
  out.push(makeCitation(text, addedParts(second.dossier, number), second.start, second.dossier.end));
  return second.dossier.end;
}

/** How far along its line the second dossier of `toegevoegd aan dossier … en wetsvoorstel …` may stand. */
const SECOND_DOSSIER_WINDOW = 400;

/** ` en wetsvoorstel 33992` / ` en dossier 33992` later on the line from `i`: where it starts and the dossier, or null. */
function secondDossierOnLine(text: string, i: number): { start: number; dossier: ParsedDossier } | null {
  let end = i;
  const limit = Math.min(text.length, i + SECOND_DOSSIER_WINDOW);
  while (end < limit && !isLineBreak(text.charCodeAt(end))) end++;
  const m = /[ \u00a0]en[ \u00a0](?:dossier|wetsvoorstel)[ \u00a0](?=\d)/.exec(text.slice(i, end));
  if (m === null) return null;
  const start = i + m.index + 4;
  const d = parseDossier(text, i + m.index + m[0].length, 'weak', true);
  return d === null || d.compactNumber !== null ? null : { start, dossier: d };
}

function addedParts(d: ParsedDossier, number: string): CitationParts {
  const parts = emptyParts('kamerstuk', [kamerstukId(d.dossier, d.suffix, number)]);
  parts.dossier = d.dossier;
  parts.dossierSuffix = d.suffix;
  parts.rijkswet = d.rijkswet;
  parts.numbers = [number];
  return parts;
}

/**
 * `, was nr. 347` after a renumbered motion's current number (`, was letter B` after an Eerste
 * Kamer letter): the index after it, else `i`.
 */
function afterFormerNumber(text: string, i: number): number {
  if (text.charCodeAt(i) !== 44) return i;
  const was = matchWholeWord(text, skipSpaces(text, i + 1, 2), 'was');
  if (was < 0) return i;
  const letter = /^[ \u00a0]{1,2}letter[ \u00a0]{1,2}[A-Z]{1,3}(?![A-Za-z0-9])/.exec(
    text.slice(was, was + 16),
  );
  if (letter !== null) return was + letter[0].length;
  const keyword = matchNumberKeyword(text, skipSpaces(text, was, 2));
  if (keyword === null || keyword.plural) return i;
  const end = readNumberToken(text, skipSpaces(text, keyword.end, 2), false);
  return end < 0 ? i : end;
}

/** `dossier 36582`, `Kamerdossier 36 600-XV`, `dossiernummer 36582`, `wetsvoorstel (36582)`, optionally `, nr. N`. */
export function parseDossierKeyword(text: string, at: number, out: Citation[]): number {
  const list = parseBillList(text, at, out);
  if (list > 0) return list;
  const keywordEnd = matchKeyword(text, at);
  if (keywordEnd < 0) return -1;
  let j = skipGap(text, keywordEnd);
  // openkamer.org's metadata row `Dossier: 33400-VIII` (a row label, so only at a line start).
  if (text.charCodeAt(keywordEnd) === 58 && startsLine(text, at)) j = skipSpaces(text, keywordEnd + 1, 2);
  const bracket = text.charCodeAt(j) === 40;
  if (bracket) j = skipSpaces(text, j + 1, 1);
  const body = parseStukTail(text, j, null, null, KEYWORD_RULES);
  if (body === null) return -1;
  // `kamerstukdossier 35498 -4` (the open mirrors' metadata line): paper 4 of the dossier.
  const spaced = !bracket && isMirrorKeyword(text, at) ? readSpacedPaperOf(text, body) : null;
  if (spaced !== null) {
    out.push(makeCitation(text, spaced.parts, at - 9, spaced.end));
    return spaced.end;
  }
  let end = body.end;
  if (bracket) {
    const close = skipSpaces(text, end, 1);
    if (text.charCodeAt(close) !== 41) return -1;
    end = close + 1;
  }
  const start = startsWord(text, at) ? at : isMirrorKeyword(text, at) ? at - 9 : at - 5;
  out.push(makeCitation(text, body.parts, start, end));
  return end;
}

/** Most bills read after one `wetsvoorstellen`. */
const MAX_BILLS = 20;

/**
 * `de wetsvoorstellen 31815, 31816, 31817 en 31840` at `at`: one dossier per bill, the first with the
 * keyword. Only five-digit dossiers as issued so far (the weak reading), none with a paper number.
 */
function parseBillList(text: string, at: number, out: Citation[]): number {
  if ((text.charCodeAt(at) | 32) !== 119 || !startsWord(text, at)) return -1;
  const keywordEnd = matchWholeWord(text, at, 'wetsvoorstellen');
  if (keywordEnd < 0 || !isHorizontalSpace(text.charCodeAt(keywordEnd))) return -1;
  const before = out.length;
  let j = skipGap(text, keywordEnd);
  let end = -1;
  for (let n = 0; n < MAX_BILLS; n++) {
    const d = parseDossier(text, j, 'weak');
    if (d === null || d.compactNumber !== null || d.dossier.length !== 5 || isDigit(text.charCodeAt(d.end)))
      break;
    const parts = emptyParts('dossier', [dossierId(d.dossier, d.suffix)]);
    parts.dossier = d.dossier;
    parts.dossierSuffix = d.suffix;
    parts.rijkswet = d.rijkswet;
    out.push(makeCitation(text, parts, n === 0 ? at : j, d.end));
    end = d.end;
    let k = skipSpaces(text, end, 2);
    if (text.charCodeAt(k) === 44) k = skipGap(text, k + 1);
    else {
      const afterEn = matchWholeWord(text, k, 'en');
      if (afterEn < 0) break;
      k = skipGap(text, afterEn);
    }
    if (!isDigit(text.charCodeAt(k))) break;
    j = k;
  }
  if (end < 0) out.length = before;
  return end;
}

/** The keyword at `at` (`dossier`, `dossiernummer`, `dossiernr.`, `wetsvoorstel`), index after it, or -1. */
function matchKeyword(text: string, at: number): number {
  const c = text.charCodeAt(at) | 32;
  if (c === 119) return startsWord(text, at) ? matchWholeWord(text, at, 'wetsvoorstel') : -1;
  // `Kamerdossier` and `kamerstukdossier` are one word; any other letter before `dossier` makes it
  // another word (`subdossier`).
  if (!startsWord(text, at) && !isKamerDossier(text, at) && !isMirrorKeyword(text, at)) return -1;
  const end = matchWord(text, at, 'dossier');
  if (end < 0) return -1;
  for (const tail of ['nummer', 'nr']) {
    const tailEnd = matchWholeWord(text, end, tail);
    if (tailEnd > 0) return text.charCodeAt(tailEnd) === 46 ? tailEnd + 1 : tailEnd;
  }
  return isLetter(text.charCodeAt(end)) ? -1 : end;
}

/**
 * A context word on the same line shortly before `at`, or an earlier line ending in `:` that
 * introduces a list of bills (`Ik stel voor de volgende wetsvoorstellen … toe te voegen:`).
 */
function hasMotionContext(text: string, at: number): boolean {
  let from = at;
  const limit = Math.max(0, at - MOTION_CONTEXT);
  while (from > limit && !isLineBreak(text.charCodeAt(from - 1))) from--;
  const line = text.slice(from, at);
  if (MOTION_WORDS.test(line) || LAW_WORD.test(line)) return true;
  if (wrappedTitleNamesBill(text, from, limit)) return true;
  let end = from - 1;
  const listLimit = Math.max(0, at - LIST_CONTEXT);
  for (let lines = 0; lines < LIST_LINES && end > listLimit; lines++) {
    let start = end;
    while (start > listLimit && !isLineBreak(text.charCodeAt(start - 1))) start--;
    const previous = text.slice(start, end).trimEnd();
    if (previous.endsWith(':')) return MOTION_WORDS.test(previous);
    end = start - 1;
  }
  return false;
}

/** Lines a wrapped title may run over above the bracket (PDF text breaks a bill's title). */
const WRAPPED_LINES = 2;

/**
 * Whether the line starting at `lineStart` continues a title from the one or two lines above it
 * (none of them ends a sentence or a clause: `.`, `;`, `:`, `!`, `?`) and those lines name a bill,
 * motion or law (`… i.v.m. wetsvoorstel Wet fiscale` / `maatregelen … (34556)`); within `limit`.
 */
function wrappedTitleNamesBill(text: string, lineStart: number, limit: number): boolean {
  let end = lineStart - 1;
  for (let lines = 0; lines < WRAPPED_LINES && end > limit; lines++) {
    let start = end;
    while (start > limit && !isLineBreak(text.charCodeAt(start - 1))) start--;
    if (start > 0 && !isLineBreak(text.charCodeAt(start - 1))) return false;
    const previous = text.slice(start, end).trimEnd();
    if (previous === '' || /[.;:!?]$/.test(previous)) return false;
    if (MOTION_WORDS.test(previous) || LAW_WORD.test(previous)) return true;
    end = start - 1;
  }
  return false;
}

/** Whether only a line break (or nothing) stands before `at`. */
function startsLine(text: string, at: number): boolean {
  return at === 0 || isLineBreak(text.charCodeAt(at - 1));
}

/** `Kamerdossier`: `dossier` at `at` after `Kamer`/`kamer` at the start of a word. */
function isKamerDossier(text: string, at: number): boolean {
  return (
    at >= 5 &&
    text.startsWith('amer', at - 4) &&
    (text.charCodeAt(at - 5) | 32) === 107 &&
    startsWord(text, at - 5)
  );
}

/** `kamerstukdossier`: `dossier` at `at` after `kamerstuk` at the start of a word. */
function isMirrorKeyword(text: string, at: number): boolean {
  return (
    at >= 9 &&
    text.startsWith('amerstuk', at - 8) &&
    (text.charCodeAt(at - 9) | 32) === 107 &&
    startsWord(text, at - 9)
  );
}

/**
 * A dossier body followed by a spaced paper number (` -4`), or by a sub-dossier and paper
 * (`21501 08-928`, how the mirrors print paper 928 of 21501-08): the paper's parts and end, or null.
 */
function readSpacedPaperOf(text: string, body: ParsedStuk): { parts: CitationParts; end: number } | null {
  if (body.parts.kind !== 'dossier' || body.parts.dossier === null) return null;
  const sub = body.parts.dossierSuffix === null ? readSubDossierPaper(text, body.end) : null;
  if (sub !== null) {
    const parts: CitationParts = {
      ...body.parts,
      kind: 'kamerstuk',
      dossierSuffix: sub.suffix,
      numbers: [sub.number],
      ids: [kamerstukId(body.parts.dossier, sub.suffix, sub.number)],
    };
    return { parts, end: sub.end };
  }
  // The mirrors print ` -4`: the dash touches the number (` – 2020` is a range of years).
  const spaced = readSpacedPaper(text, body.end);
  if (spaced === null || !isDash(text.charCodeAt(spaced.start - 1))) return null;
  const number = text.slice(spaced.start, spaced.end);
  const parts: CitationParts = {
    ...body.parts,
    kind: 'kamerstuk',
    numbers: [number],
    ids: [kamerstukId(body.parts.dossier, body.parts.dossierSuffix, number)],
  };
  return { parts, end: spaced.end };
}

/** ` 08-928` at `i`: one space, a one- or two-digit sub-dossier, a hyphen and the paper number; or null. */
function readSubDossierPaper(
  text: string,
  i: number,
): { suffix: string; number: string; end: number } | null {
  const m = /^[ \u00a0](\d{1,2})-([1-9]\d{0,4})(?![\w-])/.exec(text.slice(i, i + 12));
  if (m === null) return null;
  const suffix = m[1] ?? '';
  const number = m[2] ?? '';
  // `12-2020` is a month and a year.
  if (Number(suffix) <= 12 && /^(?:19|20)\d\d$/.test(number)) return null;
  return { suffix, number, end: i + m[0].length };
}
