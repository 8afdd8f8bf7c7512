/**
 * The scan: one cheap anchor regex finds the few places where a reference can start (a label,
 * an identifier, a bracket with a digit, `nr`, a host name), and a bounded hand-written parser
 * runs at each. Nothing is copied or normalized up front, so reference-free text costs only the
 * anchor search; every parser reads a bounded window, so the whole scan is linear.
 */
import { makeCitation } from './citation';
import { parseAanhangselLabel, parseHandelingenLabel } from './handelingen';
import { parseOfficialId, parseRegistryNumber } from './identifiers';
import { parseChamberLabel, parseKamerstukLabel } from './kamerstuk';
import type { Citation } from './types';
import { parseUrl } from './urls';
import { parseBracketForm, parseDossierKeyword, parseMotionNumber } from './weak-forms';

/**
 * Where a reference may start. One group per parser; every alternative is a short literal or a
 * bounded class sequence, so the regex cannot backtrack badly.
 */
const ANCHOR =
  /([Kk]amer[s-])|([Hh]and[.e-])|([Aa]an[h-])|(\b(?:T\.?K|E\.?K)\b|Tweede\sKamer|Eerste\sKamer)|\b(kst-|ah-|h-[tev]|kv-)|(\d{4}[ZD]\d)|\b([Nn]rs?)\b|(\()\s?\d|(dossier|Dossier|[Ww]etsvoorstel)|(officielebekendmakingen\.nl|tweedekamer\.nl|overheid\.nl)/g;

/** Every reference in `text`, in order, not overlapping. */
export function scanCitations(text: string): Citation[] {
  const out: Citation[] = [];
  if (typeof text !== 'string' || text.length === 0) return out;
  const anchor = new RegExp(ANCHOR.source, 'g');
  let lastEnd = 0;
  let m: RegExpExecArray | null = anchor.exec(text);
  while (m !== null) {
    const at = m.index;
    const before = out.length;
    const end = at >= lastEnd ? dispatch(text, at, m, out) : -1;
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

/** Runs the parser for the anchor's group; pushes citations and returns the end, or -1. */
function dispatch(text: string, at: number, m: RegExpExecArray, out: Citation[]): number {
  if (m[1] !== undefined) return parseKamerstukLabel(text, at, out);
  if (m[2] !== undefined) return parseHandelingenLabel(text, at, out);
  if (m[3] !== undefined) return parseAanhangselLabel(text, at, out);
  if (m[4] !== undefined) return parseChamberLabel(text, at, out);
  if (m[5] !== undefined) return pushParsed(text, at, parseOfficialId(text, at), out);
  if (m[6] !== undefined) return pushParsed(text, at, parseRegistryNumber(text, at), out);
  if (m[7] !== undefined) return parseMotionNumber(text, at, out);
  if (m[8] !== undefined) return parseBracketForm(text, at, out);
  if (m[9] !== undefined) return parseDossierKeyword(text, at, out);
  const host = m[10];
  if (host === undefined) return -1;
  const url = parseUrl(text, at, host.length);
  if (url === null) return -1;
  out.push(makeCitation(text, url.parts, url.start, url.end));
  return url.end;
}

function pushParsed(
  text: string,
  at: number,
  parsed: { parts: import('./citation').CitationParts; end: number } | null,
  out: Citation[],
): number {
  if (parsed === null) return -1;
  out.push(makeCitation(text, parsed.parts, at, parsed.end));
  return parsed.end;
}
