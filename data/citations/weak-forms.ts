/**
 * References without a label, accepted only where the form itself is evidence:
 * bare brackets `(35200, nr. 21)`, motion style `nr. 123 (36700-XVI)`, a dossier in brackets after a
 * motion/amendment/bill (`… motie … (36582)`), and `dossier 36582` / `wetsvoorstel 36582`.
 * Dossier numbers here must look like real ones (five digits, issued so far), because a bare
 * five-digit number is usually something else.
 */

import { isLetter, isLineBreak } from './chars';
import { emptyParts, makeCitation } from './citation';
import { parseDossier } from './dossier';
import { matchWholeWord, matchWord, skipGap, skipSpaces, startsWord } from './gap';
import { kamerstukId } from './ids';
import { matchNumberKeyword, readNumberToken } from './numbers';
import { parseStukTail, type StukRules } from './stuk-tail';
import type { Citation } from './types';

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

/** How far back (same line) a motion context word may stand before `(36582)`. */
const MOTION_CONTEXT = 160;
const MOTION_WORDS =
  /\b(?:motie|moties|amendement|amendementen|wetsvoorstel|voorstel van wet|nota van wijziging)\b/i;

/** `(35200, nr. 21)` or, in motion context, `(36582)` at the bracket `at`; pushes and returns the end, or -1. */
export function parseBracketForm(text: string, at: number, out: Citation[]): number {
  const inner = skipSpaces(text, at + 1, 2);
  const withNumber = parseStukTail(text, inner, null, null, BRACKET_RULES);
  if (withNumber !== null) {
    if (text.charCodeAt(skipGap(text, withNumber.end)) !== 41) return -1;
    out.push(makeCitation(text, withNumber.parts, inner, withNumber.end));
    return withNumber.end;
  }
  const dossierOnly = parseStukTail(text, inner, null, null, DOSSIER_BRACKET_RULES);
  if (dossierOnly === null || dossierOnly.parts.kind !== 'dossier') return -1;
  if (text.charCodeAt(skipSpaces(text, dossierOnly.end, 2)) !== 41) return -1;
  if (!hasMotionContext(text, at)) return -1;
  out.push(makeCitation(text, dossierOnly.parts, inner, dossierOnly.end));
  return dossierOnly.end;
}

/** `nr. 123 (36700-XVI)`: a motion or amendment number with its dossier in brackets. */
export function parseMotionNumber(text: string, at: number, out: Citation[]): number {
  if (!startsWord(text, at)) return -1;
  const keyword = matchNumberKeyword(text, at);
  if (keyword === null || keyword.plural) return -1;
  const numberStart = skipGap(text, keyword.end);
  const numberEnd = readNumberToken(text, numberStart, false);
  if (numberEnd < 0) return -1;
  const open = skipSpaces(text, numberEnd, 2);
  if (text.charCodeAt(open) !== 40) return -1;
  const d = parseDossier(text, skipSpaces(text, open + 1, 1), 'weak');
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

/** `dossier 36582`, `Kamerdossier 36 600-XV`, `dossiernummer 36582`, `wetsvoorstel (36582)`, optionally `, nr. N`. */
export function parseDossierKeyword(text: string, at: number, out: Citation[]): number {
  const keywordEnd = matchKeyword(text, at);
  if (keywordEnd < 0) return -1;
  let j = skipGap(text, keywordEnd);
  const bracket = text.charCodeAt(j) === 40;
  if (bracket) j = skipSpaces(text, j + 1, 1);
  const body = parseStukTail(text, j, null, null, KEYWORD_RULES);
  if (body === null) return -1;
  let end = body.end;
  if (bracket) {
    const close = skipSpaces(text, end, 1);
    if (text.charCodeAt(close) !== 41) return -1;
    end = close + 1;
  }
  const start = startsWord(text, at) ? at : at - 5;
  out.push(makeCitation(text, body.parts, start, end));
  return end;
}

/** The keyword at `at` (`dossier`, `dossiernummer`, `dossiernr.`, `wetsvoorstel`), index after it, or -1. */
function matchKeyword(text: string, at: number): number {
  const c = text.charCodeAt(at) | 32;
  if (c === 119) return startsWord(text, at) ? matchWholeWord(text, at, 'wetsvoorstel') : -1;
  // `Kamerdossier` is one word; any other letter before `dossier` makes it another word (`subdossier`).
  if (
    !startsWord(text, at) &&
    !(at >= 5 && text.startsWith('amer', at - 4) && (text.charCodeAt(at - 5) | 32) === 107)
  ) {
    return -1;
  }
  const end = matchWord(text, at, 'dossier');
  if (end < 0) return -1;
  for (const tail of ['nummer', 'nr']) {
    const tailEnd = matchWholeWord(text, end, tail);
    if (tailEnd > 0) return text.charCodeAt(tailEnd) === 46 ? tailEnd + 1 : tailEnd;
  }
  return isLetter(text.charCodeAt(end)) ? -1 : end;
}

/** A motion context word on the same line, shortly before `at`. */
function hasMotionContext(text: string, at: number): boolean {
  let from = at;
  const limit = Math.max(0, at - MOTION_CONTEXT);
  while (from > limit && !isLineBreak(text.charCodeAt(from - 1))) from--;
  return MOTION_WORDS.test(text.slice(from, at));
}
