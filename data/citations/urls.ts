/**
 * Links to parliamentary documents, recognized as one reference spanning the whole URL:
 * `zoek.officielebekendmakingen.nl/kst-34352-349.html` (any official identifier in the path,
 * also `/dossier/36582`), `repository.overheid.nl/…/kst-34352-349/…`, and tweedekamer.nl pages:
 * `…/detail?id=2024Z15690&did=2024D43182` (the document, else the zaak) and
 * `…/plenaire_verslagen/detail/2024-2025/112` (a plenary record of the Tweede Kamer).
 */

import { isDigit, isWordChar } from './chars';
import { type CitationParts, emptyParts } from './citation';
import { parseDossier } from './dossier';
import { parseOfficialId, registryNumberEnd, registryParts } from './identifiers';
import { dossierId, handelingenId, kamerstukId } from './ids';
import { expandCompactVergaderjaar } from './vergaderjaar';

/** A URL around a host anchor: its span, and its parts when it points at a parliamentary document. */
export interface ParsedUrl {
  parts: CitationParts | null;
  start: number;
  end: number;
}

const MAX_URL_PREFIX = 300;
/** `(R2187)` inside a path (openkamer.org writes the rijkswet number into its URLs): brackets that stay in the URL. */
const RIJKSWET_IN_PATH = /^\(R\d{4}\)/;
const MAX_URL = 2048;

/**
 * Parses the URL around the host name found at `hostAt` (`hostLength` long); null when the host is
 * not the real host (`rijksoverheid.nl`). A URL of that host pointing elsewhere has `parts: null`,
 * so the scan can skip the rest of it in one step.
 */
export function parseUrl(text: string, hostAt: number, hostLength: number): ParsedUrl | null {
  const before = text.charCodeAt(hostAt - 1);
  if (hostAt > 0 && before !== 46 && before !== 47 && isUrlChar(before)) return null;
  const hostEnd = hostAt + hostLength;
  const after = text.charCodeAt(hostEnd);
  if (after !== 47 && after !== 58) return null;
  const start = urlStart(text, hostAt);
  const end = urlEnd(text, hostEnd);
  const host = text.slice(hostAt, hostEnd);
  const path = text.slice(hostEnd, end);
  const parts =
    host === 'tweedekamer.nl'
      ? tweedeKamerParts(path)
      : host === 'openkamer.org'
        ? openKamerParts(path)
        : publicationParts(path);
  return { parts, start, end };
}

/** openkamer.org: `/kamerstuk/36374-(R2187)/5/` (a paper) and `/dossier/36582/` (a dossier). */
function openKamerParts(path: string): CitationParts | null {
  const m =
    /^\/(kamerstuk|dossier)\/([1-9]\d{3,5}(?:-[A-Z]{1,5}|-\d{1,4})?)(?:-\(R\d{3,5}\))?\/(?:([1-9]\d{0,4}[a-z]?|[A-Z]{1,3})\/?)?$/.exec(
      path,
    );
  if (m === null) return null;
  const [dossier = '', suffix = null] = (m[2] ?? '').split('-');
  if (m[1] === 'dossier') {
    if (m[3] !== undefined) return null;
    const parts = emptyParts('dossier', [dossierId(dossier, suffix)]);
    parts.dossier = dossier;
    parts.dossierSuffix = suffix;
    return parts;
  }
  if (m[3] === undefined) return null;
  const parts = emptyParts('kamerstuk', [kamerstukId(dossier, suffix, m[3])]);
  parts.dossier = dossier;
  parts.dossierSuffix = suffix;
  parts.numbers = [m[3]];
  return parts;
}

/** First official identifier after a `/` in the path, or `/dossier/<number>`. */
function publicationParts(path: string): CitationParts | null {
  let slash = path.indexOf('/');
  while (slash >= 0) {
    const at = slash + 1;
    const id = parseOfficialId(path, at);
    if (id !== null && !isWordChar(path.charCodeAt(id.end))) return id.parts;
    if (path.startsWith('dossier/', at)) {
      const d = parseDossier(path, at + 8, 'label');
      if (d !== null && d.compactNumber === null && !isWordChar(path.charCodeAt(d.end))) {
        const parts = emptyParts('dossier', [dossierId(d.dossier, d.suffix)]);
        parts.dossier = d.dossier;
        parts.dossierSuffix = d.suffix;
        return parts;
      }
    }
    slash = path.indexOf('/', at);
  }
  return null;
}

/**
 * tweedekamer.nl: `did=` (document) and `id=` (zaak), both when both are there, in either order;
 * a bill page (`qry=wetsvoorstel%3A36742`); or a plenary record (`…/detail/2024-2025/112`,
 * `…/detail?vj=2017-2018&nr=14`).
 */
function tweedeKamerParts(path: string): CitationParts | null {
  const did = queryRegistryNumber(path, 'did=', 68);
  const id = queryRegistryNumber(path, 'id=', 90);
  if (did !== null) {
    const parts = registryParts(did);
    if (id !== null) parts.ids = [did, id];
    return parts;
  }
  if (id !== null) return registryParts(id);
  const bill = /[?&]qry=wetsvoorstel(?::|%3[Aa])([1-9]\d{4})(?![\w-])/.exec(path);
  if (bill !== null) {
    const parts = emptyParts('dossier', [dossierId(bill[1] ?? '', null)]);
    parts.dossier = bill[1] ?? '';
    return parts;
  }
  const marker = '/plenaire_verslagen/detail';
  const at = path.indexOf(marker);
  if (at < 0) return null;
  const tail = path.slice(at + marker.length, at + marker.length + 40);
  const m =
    /^\/(\d{4})-(\d{4})\/(\d{1,4})(?![\w-])/.exec(tail) ??
    /^\?vj=(\d{4})-(\d{4})&nr=(\d{1,4})(?![\w-])/.exec(tail);
  const vergaderjaar = m === null ? null : expandCompactVergaderjaar(`${m[1]}${m[2]}`);
  if (m === null || vergaderjaar === null || m[3]?.charCodeAt(0) === 48) return null;
  const nr = m[3] ?? '';
  const parts = emptyParts('handelingen', [handelingenId('TK', vergaderjaar, nr, null)]);
  parts.chamber = 'TK';
  parts.vergaderjaar = vergaderjaar;
  parts.numbers = [nr];
  return parts;
}

/** The value of query parameter `name` (`did=`) when it is a registry number with `letter` (`D`/`Z`). */
function queryRegistryNumber(path: string, name: string, letter: number): string | null {
  let at = path.indexOf(name);
  while (at >= 0) {
    const lead = path.charCodeAt(at - 1);
    const valueAt = at + name.length;
    if (
      (lead === 63 || lead === 38) &&
      registryNumberEnd(path, valueAt) > 0 &&
      path.charCodeAt(valueAt + 4) === letter
    ) {
      return path.slice(valueAt, valueAt + 10);
    }
    at = path.indexOf(name, at + 1);
  }
  return null;
}

/** Where the URL containing `hostAt` starts: at `http`, `www.` or the host's first label. */
function urlStart(text: string, hostAt: number): number {
  let s = hostAt;
  const limit = Math.max(0, hostAt - MAX_URL_PREFIX);
  while (s > limit && isUrlChar(text.charCodeAt(s - 1))) s--;
  const prefix = text.slice(s, hostAt);
  const scheme = Math.max(prefix.lastIndexOf('http://'), prefix.lastIndexOf('https://'));
  if (scheme >= 0) return s + scheme;
  const www = prefix.lastIndexOf('www.');
  if (www >= 0) return s + www;
  // A bare host: start after the last character that cannot be part of a host name.
  let h = hostAt;
  while (h > s && isHostChar(text.charCodeAt(h - 1))) h--;
  return h;
}

/** Where the URL starting before `i` ends: trailing sentence punctuation is not part of it. */
function urlEnd(text: string, i: number): number {
  let e = i;
  const limit = Math.min(text.length, i + MAX_URL);
  while (e < limit) {
    if (isUrlChar(text.charCodeAt(e))) e++;
    else if (text.charCodeAt(e) === 40 && RIJKSWET_IN_PATH.test(text.slice(e, e + 8))) e += 7;
    else break;
  }
  while (e > i && isTrailingPunctuation(text.charCodeAt(e - 1))) e--;
  return e;
}

/** Printable ASCII that may appear in a URL as people paste it; brackets and quotes end it. */
function isUrlChar(c: number): boolean {
  if (c <= 32 || c >= 127) return false;
  return (
    c !== 34 &&
    c !== 39 &&
    c !== 40 &&
    c !== 41 &&
    c !== 60 &&
    c !== 62 &&
    c !== 91 &&
    c !== 93 &&
    c !== 96 &&
    c !== 123 &&
    c !== 124 &&
    c !== 125 &&
    c !== 92
  );
}

function isHostChar(c: number): boolean {
  return isDigit(c) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 45 || c === 46;
}

function isTrailingPunctuation(c: number): boolean {
  return c === 46 || c === 44 || c === 59 || c === 58 || c === 33 || c === 63;
}
