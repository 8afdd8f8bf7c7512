/**
 * The header an official publication prints above its text: one or more dossier lines
 * (`34 700 Kabinetsformatie 2017`) and then the number line (`Nr. 19 BRIEF VAN DE INFORMATEUR`, or
 * an Eerste Kamer letter: `C MEMORIE VAN ANTWOORD`). A paper filed in several dossiers prints one
 * dossier line each and gets one id per dossier. The form needs its whole shape: a dossier line at a
 * line start whose title starts with a capital, and a number line followed by a title in capitals.
 * Papers from before 2009 print the dossier number alone on its line with the title on the next
 * (`31 501` / `Wijziging van de Wet milieubeheer …` / `nr. 4` / `ADVIES RAAD VAN STATE …`); copies
 * of the PDF text may put a blank line between each of these.
 */
import { isDigit, isHorizontalSpace, isLineBreak, isUpper } from './chars';
import { emptyParts, makeCitation } from './citation';
import { type ParsedDossier, parseDossier } from './dossier';
import { ROMAN_DOSSIER } from './identifiers';
import { kamerstukId } from './ids';
import type { Citation } from './types';

/** Most dossier lines above one number line. */
const MAX_DOSSIER_LINES = 4;
/** Longest dossier title line read (bill titles run to several hundred characters). */
const MAX_TITLE = 1500;
/** Most spaces between a dossier number and its title. */
const MAX_TITLE_INDENT = 6;
/** Most whitespace between the header's lines. */
const MAX_BLANK = 12;
/**
 * The number line: `Nr. 19` (TK) or capitals (EK), a footnote digit glued to the letters
 * (`AI1`, `H1`: the page is paper AI, H), then a title word in capitals on the same or next line.
 */
const NUMBER_LINE =
  /^(?:[Nn]r\.?[ \u00a0]?([1-9]\d{0,4}[a-z]?)|([A-Z]{1,3})\d{0,2})(?:[ \t\u00a0]{1,4}|[ \t\u00a0]{0,4}(?:\r?\n){1,2}[ \t\u00a0]{0,4})[A-Z]{3}/;

/** A header starting at the line start `at`; pushes one citation and returns its end, or -1. */
export function parsePublicationHeader(text: string, at: number, out: Citation[]): number {
  const dossiers: ParsedDossier[] = [];
  let j = at;
  while (dossiers.length < MAX_DOSSIER_LINES) {
    const line = readDossierLine(text, j);
    if (line === null) break;
    dossiers.push(line.dossier);
    j = skipBlank(text, lineEnd(text, line.titleAt));
    if (j < 0) return -1;
  }
  const first = dossiers[0];
  if (first === undefined) return -1;
  const m = NUMBER_LINE.exec(text.slice(j, j + 40));
  if (m === null) return -1;
  const number = m[1] ?? m[2] ?? '';
  // Roman dossiers are the Eerste Kamer's, whose papers carry letters.
  if (m[1] !== undefined && dossiers.some((d) => !isDigit(d.dossier.charCodeAt(0)))) return -1;
  const numberEnd = j + (m[1] !== undefined ? m[0].indexOf(number) + number.length : number.length);
  const parts = emptyParts(
    'kamerstuk',
    dossiers.map((d) => kamerstukId(d.dossier, d.suffix, number)),
  );
  parts.dossier = first.dossier;
  parts.dossierSuffix = first.suffix;
  parts.rijkswet = first.rijkswet;
  parts.numbers = [number];
  out.push(makeCitation(text, parts, at, numberEnd));
  return numberEnd;
}

/** A dossier line: the dossier and where its title starts (on the same line or the next). */
interface DossierLine {
  dossier: ParsedDossier;
  titleAt: number;
}

/**
 * `34 700 Kabinetsformatie…` at `i`: a grouped five-digit dossier, then a title starting with a
 * capital on the same line or alone on the next; or an Eerste Kamer roman dossier (`CXXIV Verslag van …`).
 */
function readDossierLine(text: string, i: number): DossierLine | null {
  if (isUpper(text.charCodeAt(i))) return readRomanDossierLine(text, i);
  if (
    !isDigit(text.charCodeAt(i)) ||
    !isDigit(text.charCodeAt(i + 1)) ||
    !isHorizontalSpace(text.charCodeAt(i + 2))
  )
    return null;
  const parsed = parseDossier(text, i, 'weak', true);
  if (parsed === null || parsed.compactNumber !== null) return null;
  const d = withoutTitleWord(text, parsed);
  // The title after one space, or after a few (PDF copies align it: `33 826    Mensenrechten`).
  let t = d.end;
  while (t < d.end + MAX_TITLE_INDENT && isHorizontalSpace(text.charCodeAt(t))) t++;
  if (t > d.end && isUpper(text.charCodeAt(t))) return { dossier: d, titleAt: t };
  // The older layout: nothing after the number, the title on the next line (or after one blank line).
  let k = d.end;
  while (k < d.end + 4 && isHorizontalSpace(text.charCodeAt(k))) k++;
  for (let breaks = 0; breaks < 2; breaks++) {
    if (text.charCodeAt(k) === 13) k++;
    if (text.charCodeAt(k) !== 10) return null;
    k++;
    if (isUpper(text.charCodeAt(k))) return { dossier: d, titleAt: k };
  }
  return null;
}

/**
 * `35 827 EU-voorstel: …`: capitals glued to more of a word (a dash, a colon, a letter) are the
 * title's first word, not a budget chapter or letter suffix (`36 600 XV Vaststelling …`).
 */
function withoutTitleWord(text: string, d: ParsedDossier): ParsedDossier {
  const suffix = d.suffix;
  if (suffix === null || d.rijkswet !== null || isDigit(suffix.charCodeAt(0))) return d;
  const after = text.charCodeAt(d.end);
  if (isHorizontalSpace(after) || isLineBreak(after) || Number.isNaN(after)) return d;
  const suffixStart = d.end - suffix.length;
  if (!isHorizontalSpace(text.charCodeAt(suffixStart - 1))) return d;
  return { ...d, suffix: null, end: suffixStart - 1 };
}

function readRomanDossierLine(text: string, i: number): DossierLine | null {
  const m = /^([CLXVI]{2,8})[ \u00a0][A-Z]/.exec(text.slice(i, i + 11));
  if (m === null || !ROMAN_DOSSIER.test(m[1] ?? '')) return null;
  const dossier = m[1] ?? '';
  const end = i + dossier.length;
  return { dossier: { dossier, suffix: null, rijkswet: null, compactNumber: null, end }, titleAt: end + 1 };
}

/** Index of the line break ending the line that contains `i` (bounded), or -1 when the line is too long. */
function lineEnd(text: string, i: number): number {
  const limit = Math.min(text.length, i + MAX_TITLE);
  for (let k = i; k < limit; k++) if (isLineBreak(text.charCodeAt(k))) return k;
  return -1;
}

/** Index after the line breaks and spaces at `i` (at least one line break), or -1. */
function skipBlank(text: string, i: number): number {
  if (i < 0) return -1;
  let k = i;
  const limit = Math.min(text.length, i + MAX_BLANK);
  while (k < limit && (isLineBreak(text.charCodeAt(k)) || isHorizontalSpace(text.charCodeAt(k)))) k++;
  return k;
}
