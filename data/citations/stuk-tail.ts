/**
 * The body shared by every Kamerstuk form, after its label: `[, ][vergaderjaar,] dossier[ en dossier]
 * [,] nr. N… [, p. X][; nr. M]`. Returns the parts and the end of the last token read; the caller
 * decides what evidence (label, brackets, motion context) makes it a reference.
 */

import { isDigit, isHorizontalSpace, isLineBreak, isUpper } from './chars';
import { type CitationParts, emptyParts } from './citation';
import { type DossierStrength, mayStandAlone, type ParsedDossier, parseDossier } from './dossier';
import { matchWholeWord, skipGap } from './gap';
import { dossierId, kamerstukId } from './ids';
import {
  matchNumberKeyword,
  parseLetterNumber,
  parseNumberList,
  parsePinpoint,
  readNumberToken,
} from './numbers';
import type { Chamber } from './types';
import { parseVergaderjaar } from './vergaderjaar';

/** What the label (or the form) demands of the body. */
export interface StukRules {
  strength: DossierStrength;
  /** A paper number must follow (TK/EK labels, brackets, motions). */
  requireNumbers: boolean;
  /** A session year must precede the dossier (`Tweede Kamer, vergaderjaar …`). */
  requireYear: boolean;
  /** A session year may precede the dossier. */
  allowYear: boolean;
  /** The text said `dossier`: a dash-number after it is a sub-dossier (`21501-32`). */
  dossierNamed?: boolean;
}

/** A parsed body: the citation parts and the index after its last token. */
export interface ParsedStuk {
  parts: CitationParts;
  end: number;
}

/** At most this many dossiers share one paper (`36 100 B en 36 100 C, nr. 4`). */
const MAX_DOSSIERS = 4;

/** Parses the body at `i`, inheriting `chamber` and `vergaderjaar` from the label; null when it is not one. */
export function parseStukTail(
  text: string,
  i: number,
  chamber: Chamber | null,
  vergaderjaar: string | null,
  rules: StukRules,
): ParsedStuk | null {
  let j = skipSeparator(text, i);
  let year = vergaderjaar;
  const parsedYear = rules.allowYear ? parseVergaderjaar(text, j) : null;
  if (parsedYear !== null) {
    year = parsedYear.value;
    j = skipSeparator(text, parsedYear.end);
  } else if (rules.requireYear) {
    return null;
  }
  const first = parseDossier(text, j, rules.strength, rules.dossierNamed);
  if (first === null) return null;
  const dossiers = [first];
  let end = first.end;
  let numbers: string[] = [];
  if (first.compactNumber !== null) {
    numbers = [first.compactNumber];
  } else {
    end = readMoreDossiers(text, dossiers, rules.strength);
    const bare = rules.strength === 'label' && year !== null && dossiers.length === 1;
    const parsed = readNumbers(text, end) ?? (bare ? readBareNumber(text, end) : null);
    if (parsed !== null) {
      numbers = parsed.numbers;
      end = parsed.end;
    }
  }
  if (numbers.length === 0) {
    if (rules.requireNumbers || !dossiers.every(mayStandAlone)) return null;
    const parts = emptyParts(
      'dossier',
      dossiers.map((d) => dossierId(d.dossier, d.suffix)),
    );
    fillDossierFields(parts, chamber, year, first);
    return { parts, end };
  }
  let pages: string | null = null;
  const pinpoint = parsePinpoint(text, end);
  if (pinpoint !== null) {
    pages = pinpoint.pages;
    end = pinpoint.end;
  }
  end = readContinuation(text, end, numbers);
  const ids: string[] = [];
  // Index loops, not `for…of`: this runs for every paper reference (see parseChamber).
  for (let a = 0; a < dossiers.length; a++) {
    const d = dossiers[a] as ParsedDossier;
    for (let b = 0; b < numbers.length; b++) ids.push(kamerstukId(d.dossier, d.suffix, numbers[b] as string));
  }
  const parts = emptyParts('kamerstuk', ids);
  fillDossierFields(parts, chamber, year, first);
  parts.numbers = numbers;
  parts.pages = pages;
  return { parts, end };
}

/** Index after whitespace, one optional comma, and whitespace. */
export function skipSeparator(text: string, i: number): number {
  const j = skipGap(text, i);
  return text.charCodeAt(j) === 44 ? skipGap(text, j + 1) : j;
}

function fillDossierFields(
  parts: CitationParts,
  chamber: Chamber | null,
  year: string | null,
  d: ParsedDossier,
) {
  parts.chamber = chamber;
  parts.vergaderjaar = year;
  parts.dossier = d.dossier;
  parts.dossierSuffix = d.suffix;
  parts.rijkswet = d.rijkswet;
}

/** `… en 36 100 C`: further dossiers sharing the paper; returns the end of the last one. */
function readMoreDossiers(text: string, dossiers: ParsedDossier[], strength: DossierStrength): number {
  let end = dossiers[0]?.end ?? 0;
  while (dossiers.length < MAX_DOSSIERS) {
    const k = skipGap(text, end);
    // `31728, 30914, nr. 5`: after a label, a comma may join dossiers when the paper number follows.
    const comma = strength === 'label' && text.charCodeAt(k) === 44;
    const afterEn = comma ? k + 1 : matchWholeWord(text, k, 'en');
    if (afterEn < 0 || (!comma && text.charCodeAt(k) !== 101)) break;
    const next = parseDossier(text, skipGap(text, afterEn), strength);
    if (next === null || next.compactNumber !== null) break;
    if (comma && (next.dossier.length !== 5 || readNumbers(text, next.end) === null)) break;
    dossiers.push(next);
    end = next.end;
  }
  return end;
}

/** `, nr. 349`, ` nrs. 601, 603 en 605`, or an Eerste Kamer letter after a comma (`, F`, `, letter F`). */
function readNumbers(text: string, i: number): { numbers: string[]; end: number } | null {
  let k = skipGap(text, i);
  const comma = text.charCodeAt(k) === 44;
  if (comma) k = skipEerstekamerSerial(text, skipGap(text, k + 1));
  if (k < 0) return null;
  const keyword = matchNumberKeyword(text, k);
  if (keyword !== null) return parseNumberList(text, skipGap(text, keyword.end), keyword.plural);
  if (comma && isUpper(text.charCodeAt(k))) return parseNumberList(text, k, true);
  return comma ? parseLetterNumber(text, k) : null;
}

/**
 * `EK 87, ` at `i` (the Eerste Kamer's own serial, printed between the dossier and the paper in
 * older citations: `25 900, EK 87, nr. 87b`): where the paper number starts after it; -1 for the
 * serial without a paper after it (`EK` is then no paper letter); else `i`.
 */
function skipEerstekamerSerial(text: string, i: number): number {
  if (!text.startsWith('EK', i) || !isHorizontalSpace(text.charCodeAt(i + 2))) return i;
  const digits = i + 3;
  const end = readNumberToken(text, digits, false);
  if (end < 0 || end - digits > 4 || !/^\d+$/.test(text.slice(digits, end))) return i;
  return text.charCodeAt(end) === 44 ? skipGap(text, end + 1) : -1;
}

/**
 * `Kamerstukken II 2005/06, 30320, 3, p. 7-8`: a Tweede Kamer paper number after a comma without
 * `nr.`, read only after a label with a session year and only where a pinpoint or the end of the
 * reference (`.`, `;`, `)`) follows; a year-like number is not a paper (`…, 33680, 2013, p. 5`).
 */
function readBareNumber(text: string, i: number): { numbers: string[]; end: number } | null {
  const comma = skipGap(text, i);
  if (text.charCodeAt(comma) !== 44) return null;
  const k = skipGap(text, comma + 1);
  if (!isDigit(text.charCodeAt(k))) return null;
  const end = readNumberToken(text, k, false);
  if (end < 0 || end - k > 4) return null;
  const number = text.slice(k, end);
  if (/^(?:19|20)\d\d$/.test(number)) return null;
  if (parsePinpoint(text, end) === null && !endsReference(text, end)) return null;
  return { numbers: [number], end };
}

/** `.`, `;` or `)` at `i`, then a space, a line break or the end of the text. */
function endsReference(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c !== 46 && c !== 59 && c !== 41) return false;
  const next = text.charCodeAt(i + 1);
  return i + 1 >= text.length || isHorizontalSpace(next) || isLineBreak(next) || next === 41;
}

/** `; nr. 8` or ` en nr. 8` after a reference: more papers of the same dossier. */
function readContinuation(text: string, i: number, numbers: string[]): number {
  let end = i;
  for (let round = 0; round < 20; round++) {
    const k = skipGap(text, end);
    let next = -1;
    if (text.charCodeAt(k) === 59) next = skipGap(text, k + 1);
    else if (text.charCodeAt(k) === 101) {
      const afterEn = matchWholeWord(text, k, 'en');
      if (afterEn > 0) next = skipGap(text, afterEn);
    }
    if (next < 0) break;
    const keyword = matchNumberKeyword(text, next);
    if (keyword === null) break;
    const more = parseNumberList(text, skipGap(text, keyword.end), keyword.plural);
    if (more === null) break;
    numbers.push(...more.numbers);
    end = more.end;
    const pinpoint = parsePinpoint(text, end);
    if (pinpoint !== null) end = pinpoint.end;
  }
  return end;
}
