/**
 * Official identifiers written in text or links: `kst-34352-349`, `kst-36600-XV-12`,
 * `kst-21501-32-1699`, `ah-tk-20242025-520`, `ah-1260001` (numeric, kept whole), `h-tk-20242025-112-5`,
 * `kv-tk-2024Z15690`, with an optional version suffix `-n1`; and Tweede Kamer registry numbers
 * `2024Z15690` (zaak) and `2024D43182` (document).
 */

import { isDigit, isLower, isUpper, isWordChar } from './chars';
import { type CitationParts, emptyParts } from './citation';
import { aanhangselId, handelingenId, kamerstukId } from './ids';
import type { Chamber } from './types';
import { expandCompactVergaderjaar } from './vergaderjaar';

/** Parts of an identifier and the index after it (version suffix included). */
export interface ParsedIdentifier {
  parts: CitationParts;
  end: number;
}

/** A roman-numeral dossier of the Eerste Kamer (`CXXIV`), up to CCCXCIX. */
export const ROMAN_DOSSIER = /^C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;

/** Most segments an identifier has (`kst-21501-32-1699-n1`). */
const MAX_SEGMENTS = 6;

/** Parses an official identifier (`kst-`, `ah-`, `h-`, `kv-`) at `at`, or null. */
export function parseOfficialId(text: string, at: number): ParsedIdentifier | null {
  if (at > 0 && isWordChar(text.charCodeAt(at - 1))) return null;
  const { segments, end } = readSegments(text, at);
  const version = segments.length > 1 && /^n\d{1,2}$/.test(segments[segments.length - 1] ?? '');
  const core = version ? segments.slice(0, -1) : segments;
  const prefix = core[0];
  let parts: CitationParts | null = null;
  if (prefix === 'kst') parts = kamerstukParts(core);
  else if (prefix === 'ah') parts = aanhangselParts(core);
  else if (prefix === 'h') parts = handelingenParts(core);
  else if (prefix === 'kv') parts = kamervragenParts(core);
  return parts === null ? null : { parts, end };
}

/** Parses a zaak or document number (`2024Z15690`, `2024D43182`) at `at`, or null. */
export function parseRegistryNumber(text: string, at: number): ParsedIdentifier | null {
  const end = registryNumberEnd(text, at);
  if (end < 0) return null;
  const id = text.slice(at, end);
  return { parts: registryParts(id), end };
}

/**
 * The file name older papers print in their PDF footer (`KST106054 0607tkkst30928-6 ISSN …`): the
 * session's two short years, the chamber, `kst`, the dossier and the paper; or null. The short
 * years must follow each other (`0607`), which an amount or a phone number does not do by chance.
 */
export function parsePaperFileName(text: string, at: number): ParsedIdentifier | null {
  if (at > 0 && isWordChar(text.charCodeAt(at - 1))) return null;
  const m = /^(\d\d)(\d\d)(?:tk|ek)kst([1-9]\d{4})-([1-9]\d{0,4}[a-z]?|[A-Z]{1,3})(?![\w-])/.exec(
    text.slice(at, at + 32),
  );
  if (m === null) return null;
  const first = Number(m[1]);
  if (Number(m[2]) !== (first + 1) % 100) return null;
  const dossier = m[3] ?? '';
  const number = m[4] ?? '';
  const parts = emptyParts('kamerstuk', [kamerstukId(dossier, null, number)]);
  const century = first >= 45 ? 1900 : 2000;
  parts.vergaderjaar = expandCompactVergaderjaar(`${century + first}${century + first + 1}`);
  parts.dossier = dossier;
  parts.numbers = [number];
  return { parts, end: at + m[0].length };
}

/** Index after a well-formed `YYYY[ZD]NNNNN` at `at` standing on its own, else -1. */
export function registryNumberEnd(text: string, at: number): number {
  if (at > 0 && isWordChar(text.charCodeAt(at - 1))) return -1;
  for (let k = 0; k < 4; k++) if (!isDigit(text.charCodeAt(at + k))) return -1;
  const century = text.charCodeAt(at) === 49 ? text.charCodeAt(at + 1) === 57 : text.charCodeAt(at) === 50;
  const letter = text.charCodeAt(at + 4);
  if (!century || (letter !== 90 && letter !== 68)) return -1;
  for (let k = 5; k < 10; k++) if (!isDigit(text.charCodeAt(at + k))) return -1;
  return isWordChar(text.charCodeAt(at + 10)) ? -1 : at + 10;
}

/** Parts of a zaak (`Z`) or document (`D`) id. */
export function registryParts(id: string): CitationParts {
  return emptyParts(id.charCodeAt(4) === 90 ? 'zaak' : 'document', [id]);
}

/** `kst-<dossier>[-<suffix>]-<number>`. */
export function kamerstukParts(segments: string[]): CitationParts | null {
  // `kst-20002001-26976-175a`: older ids carry the session year before the dossier.
  const core =
    segments.length >= 4 && expandCompactVergaderjaar(segments[1] ?? '') !== null
      ? [segments[0] ?? '', ...segments.slice(2)]
      : segments;
  if (core.length < 3 || core.length > 4) return null;
  // Links write Eerste Kamer letters, budget chapters and roman dossiers in either case (`kst-35429-b.html`).
  const dossier = upperIfLetters(core[1] ?? '');
  const number = upperIfLetters(core[core.length - 1] ?? '');
  const suffix = core.length === 4 ? upperIfLetters(core[2] ?? '') : null;
  // The Eerste Kamer's own dossiers are roman numerals (`kst-CXXIV-G`) and take letters only.
  const roman =
    core.length === 3 && dossier.length >= 2 && ROMAN_DOSSIER.test(dossier) && /^[A-Z]{1,3}$/.test(number);
  if (!roman && !/^[1-9]\d{0,5}$/.test(dossier)) return null;
  if (!/^(?:[1-9]\d{0,4}[a-z]?|[A-Z]{1,3})$/.test(number)) return null;
  if (suffix !== null && !/^(?:[A-Z]{1,5}|\d{1,4})$/.test(suffix)) return null;
  const parts = emptyParts('kamerstuk', [kamerstukId(dossier, suffix, number)]);
  parts.dossier = dossier;
  parts.dossierSuffix = suffix;
  parts.numbers = [number];
  return parts;
}

/** `b` → `B`, `xv` → `XV`; anything with a digit unchanged (`188b`). */
function upperIfLetters(segment: string): string {
  return /^[a-z]{1,5}$/.test(segment) ? segment.toUpperCase() : segment;
}

/** `ah-<chamber>-<yyyyyyyy>-<nr>`, or the numeric `ah-1260001` kept whole. */
export function aanhangselParts(core: string[]): CitationParts | null {
  if (core.length === 2 && /^\d{5,10}$/.test(core[1] ?? ''))
    return emptyParts('aanhangsel', [core.join('-')]);
  const record = recordFields(core, 4);
  if (record === null) return null;
  const parts = emptyParts('aanhangsel', [aanhangselId(record.chamber, record.vergaderjaar, record.nr)]);
  parts.chamber = record.chamber;
  parts.vergaderjaar = record.vergaderjaar;
  parts.numbers = [record.nr];
  return parts;
}

/** `h-<chamber>-<yyyyyyyy>-<nr>[-<item>]`. */
export function handelingenParts(core: string[]): CitationParts | null {
  const record = recordFields(core, 5);
  if (record === null) return null;
  const parts = emptyParts('handelingen', [
    handelingenId(record.chamber, record.vergaderjaar, record.nr, record.item),
  ]);
  parts.chamber = record.chamber;
  parts.vergaderjaar = record.vergaderjaar;
  parts.numbers = [record.nr];
  parts.item = record.item;
  return parts;
}

/** `kv-tk-2024Z15690`: written questions, identified by their zaak number. */
function kamervragenParts(core: string[]): CitationParts | null {
  const chamber = chamberOf(core[1] ?? '');
  const zaak = core[2] ?? '';
  if (
    core.length !== 3 ||
    chamber === null ||
    registryNumberEnd(zaak, 0) !== 10 ||
    zaak.charCodeAt(4) !== 90
  ) {
    return null;
  }
  const parts = registryParts(zaak);
  parts.chamber = chamber;
  return parts;
}

interface RecordFields {
  chamber: Chamber | null;
  vergaderjaar: string;
  nr: string;
  item: string | null;
}

/**
 * `<prefix>-[<chamber>-]<yyyyyyyy>-<nr>[-<item>]`; `maxLength` allows the item.
 * The chamberless form is what the recognizer writes when the text names no chamber.
 */
function recordFields(core: string[], maxLength: number): RecordFields | null {
  const chamber = chamberOf(core[1] ?? '');
  const rest = chamber === null ? core.slice(1) : core.slice(2);
  const limit = maxLength - 2;
  if (rest.length < 2 || rest.length > limit) return null;
  const vergaderjaar = expandCompactVergaderjaar(rest[0] ?? '');
  const nr = rest[1] ?? '';
  const item = rest[2] ?? null;
  if (vergaderjaar === null || !/^[1-9]\d{0,4}$/.test(nr)) return null;
  if (item !== null && !/^[1-9]\d{0,3}$/.test(item)) return null;
  return { chamber, vergaderjaar, nr, item };
}

function chamberOf(segment: string): Chamber | null {
  return segment === 'tk' ? 'TK' : segment === 'ek' ? 'EK' : segment === 'vv' ? 'VV' : null;
}

/** Splits `a-b-c` at `at` into segments of letters and digits; stops at anything else. */
function readSegments(text: string, at: number): { segments: string[]; end: number } {
  const segments: string[] = [];
  let j = at;
  let end = at;
  while (segments.length < MAX_SEGMENTS) {
    const s = j;
    while (
      j - s < 12 &&
      (isDigit(text.charCodeAt(j)) || isLower(text.charCodeAt(j)) || isUpper(text.charCodeAt(j)))
    )
      j++;
    if (j === s || isWordChar(text.charCodeAt(j))) break;
    segments.push(text.slice(s, j));
    end = j;
    if (text.charCodeAt(j) !== 45) break;
    j++;
  }
  return { segments, end };
}
