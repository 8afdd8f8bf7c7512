/**
 * The scan: one cheap anchor regex finds the few places where a reference can start (a label,
 * an identifier, a bracket with a digit, `nr`, a host name), and a bounded hand-written parser
 * runs at each. Nothing is copied or normalized up front, so reference-free text costs only the
 * anchor search; every parser reads a bounded window, so the whole scan is linear.
 *
 * A page pays mostly for the first pass. The page scanner calls this once per text block (a
 * paragraph, a few hundred characters to a few kB), and per call that costs no more than one big
 * string: on the 10 MB bench corpora cut into 200–2,000-character blocks, per block ran 0.9–1.4× the
 * single string's MB/s (`scripts/bench/recognizer.ts`). But a page scans its text once, in a fresh
 * script context, so the parsers run unoptimized and V8 optimizes them meanwhile: on the scanner
 * bench's 1 MB page, the first pass in a fresh Node process took ~10 ms of main-thread CPU and
 * ~16 ms of process CPU (with the optimizing compiler's threads) against 3.7 ms for a warm pass.
 * Hence the parsers avoid what is cheap only once optimized: `for…of` and array destructuring
 * (the iterator protocol), arrays and regexes made per call.
 */

import { parseParliamentaryYear } from './chamber-records';
import { isDigit } from './chars';
import { makeCitation } from './citation';
import { parseCompactList, parseIdLine, parseKeywordCompact, parseLineEndCompact } from './compact-list';
import { parseAanhangselLabel, parseHandelingenLabel } from './handelingen';
import { parsePublicationHeader } from './headers';
import {
  type ParsedIdentifier,
  parseOfficialId,
  parsePaperFileName,
  parseRegistryNumber,
} from './identifiers';
import { parseChamberLabel, parseKamerstukLabel } from './kamerstuk';
import type { Citation } from './types';
import { parseUrl } from './urls';
import { parseBracketForm, parseDossierKeyword, parseMotionNumber } from './weak-forms';

/**
 * Where a reference may start. Every alternative is a short literal or a bounded class sequence,
 * so the regex cannot backtrack badly; no capture groups (a match array per hit would cost more
 * than reading the anchor's first two characters, which tell the alternatives apart). Alternatives
 * that share a first character are merged (`[Aa](?:an…|mendement…)`, `\d{4}(?:[ZD]…|\d-…)`): each new
 * first character widens what the engine must stop at, and reference-free text pays for it.
 */
const ANCHOR =
  /[Kk]amer[s\-\u00ad]|[Hh]and[.e\-\u00ad]|[Aa](?:an[h\-\u00ad]|mendement\s\d)|\b(?:T\.?K|E\.?K)\b|Tweede\sKamer|Eerste\sKamer|\b(?:kst-|ah-|h-[tev]|kv-)|\d{4}(?:[ZD]\d|\d-[\dA-Z(]|\d[\r\n]|\d$|[te]kkst\d)|\b[Nn]rs?\b|\((?:\s?\d|C[CLXVI]{1,7},|t\.v\.v\.\s?\d)|dossier|Dossier|[Ww]etsvoorstel|o(?:fficielebekendmakingen\.nl|penkamer\.org)|tweedekamer\.nl|overheid\.nl|(?:^|\n)(?:\d\d[ \u00a0]\d{3}[ \u00a0\r\n-]|[CLXVI]{2,8}[ \u00a0][A-Z])|Parlementair\sjaar/g;

/** Every reference in `text`, in order, not overlapping. */
export function scanCitations(text: string): Citation[] {
  const out: Citation[] = [];
  if (typeof text !== 'string' || text.length === 0) return out;
  // Reused across calls (the page scanner calls this per text block); the scan is synchronous and
  // never re-entered, so resetting `lastIndex` here is enough.
  const anchor = ANCHOR;
  anchor.lastIndex = 0;
  let lastEnd = 0;
  // End of the last URL of a known host that pointed elsewhere: its other host anchors are skipped.
  let urlSeenUntil = -1;
  let m: RegExpExecArray | null = anchor.exec(text);
  while (m !== null) {
    const at = m.index;
    const before = out.length;
    let end = -1;
    if (at < lastEnd) {
      // An anchor inside the previous reference (a URL's host starts after the URL).
    } else if (isHostAnchor(text, at)) {
      const url = at < urlSeenUntil ? null : parseUrl(text, at, m[0].length);
      if (url !== null && url.parts === null) urlSeenUntil = url.end;
      if (url?.parts) {
        out.push(makeCitation(text, url.parts, url.start, url.end));
        end = url.end;
      }
    } else {
      end = dispatch(text, at, out);
    }
    if (end > 0 && (out[before]?.start ?? -1) >= lastEnd) {
      lastEnd = end;
      anchor.lastIndex = end;
    } else {
      out.length = before;
      anchor.lastIndex = at + 1;
    }
    m = anchor.exec(text);
  }
  return out;
}

/** `officielebekendmakingen.nl`, `tweedekamer.nl`, `overheid.nl`, `openkamer.org`: the only anchors starting with `o`/`t`. */
function isHostAnchor(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return c === 111 || c === 116;
}

/** Runs the parser the anchor at `at` calls for; pushes citations and returns the end, or -1. */
function dispatch(text: string, at: number, out: Citation[]): number {
  const c = text.charCodeAt(at);
  const next = text.charCodeAt(at + 1);
  switch (c) {
    case 75: // K
      return parseKamerstukLabel(text, at, out);
    case 107: // k: `kamer…`, `kst-`, `kv-`
      return next === 97
        ? parseKamerstukLabel(text, at, out)
        : pushParsed(text, at, parseOfficialId(text, at), out);
    case 72: // H
      return parseHandelingenLabel(text, at, out);
    case 104: // h: `hand…`, `h-tk-`
      return next === 97
        ? parseHandelingenLabel(text, at, out)
        : pushParsed(text, at, parseOfficialId(text, at), out);
    case 65: // A: `Aanh…`, `Amendement 36067 – 61`
      return next === 109 ? parseKeywordCompact(text, at, out) : parseAanhangselLabel(text, at, out);
    case 97: // a: `aanh…`, `ah-`, `amendement …`
      if (next === 109) return parseKeywordCompact(text, at, out);
      return next === 97
        ? parseAanhangselLabel(text, at, out)
        : pushParsed(text, at, parseOfficialId(text, at), out);
    case 80: // P: `Parlementair jaar …`
      return parseParliamentaryYear(text, at, out);
    case 10: // a line break before a publication header's dossier line
      return parsePublicationHeader(text, at + 1, out);
    case 84: // T
    case 69: // E
      return parseChamberLabel(text, at, out);
    case 78: // N
    case 110: // n
      return parseMotionNumber(text, at, out);
    case 40: // (
      return parseBracketForm(text, at, out);
    case 68: // D
    case 100: // d
    case 87: // W
    case 119: // w
      return parseDossierKeyword(text, at, out);
    default:
      if (isDigit(c)) return dispatchDigit(text, at, out);
      // `CXXIV Verslag …` (a roman dossier header) at the very start of the text.
      return at === 0 ? parsePublicationHeader(text, 0, out) : -1;
  }
}

/** A registry number, an older paper's PDF file name, a publication header at the very start, openkamer's `ID:` line, a compact paper ending a decision list's zaak or under a metadata row, or a list of compact papers. */
function dispatchDigit(text: string, at: number, out: Citation[]): number {
  const registry = pushParsed(text, at, parseRegistryNumber(text, at), out);
  if (registry > 0) return registry;
  const fileName = pushParsed(text, at, parsePaperFileName(text, at), out);
  if (fileName > 0) return fileName;
  if (at === 0) {
    const header = parsePublicationHeader(text, 0, out);
    if (header > 0) return header;
  }
  const idLine = parseIdLine(text, at, out);
  if (idLine > 0) return idLine;
  const lineEnd = parseLineEndCompact(text, at, out);
  return lineEnd > 0 ? lineEnd : parseCompactList(text, at, out);
}

function pushParsed(text: string, at: number, parsed: ParsedIdentifier | null, out: Citation[]): number {
  if (parsed === null) return -1;
  out.push(makeCitation(text, parsed.parts, at, parsed.end));
  return parsed.end;
}
