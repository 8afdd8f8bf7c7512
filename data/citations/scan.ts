/**
 * The scan: one cheap anchor regex finds the few places where a reference can start (a label,
 * an identifier, a bracket with a digit, `nr`, a host name), and a bounded hand-written parser
 * runs at each. Nothing is copied or normalized up front, so reference-free text costs only the
 * anchor search; every parser reads a bounded window, so the whole scan is linear.
 */
import { makeCitation } from './citation';
import { parseAanhangselLabel, parseHandelingenLabel } from './handelingen';
import { type ParsedIdentifier, parseOfficialId, parseRegistryNumber } from './identifiers';
import { parseChamberLabel, parseKamerstukLabel } from './kamerstuk';
import type { Citation } from './types';
import { parseUrl } from './urls';
import { parseBracketForm, parseDossierKeyword, parseMotionNumber } from './weak-forms';

/**
 * Where a reference may start. One group per parser; every alternative is a short literal or a
 * bounded class sequence, so the regex cannot backtrack badly.
 */
const ANCHOR =
  /([Kk]amer[s\-\u00ad])|([Hh]and[.e\-\u00ad])|([Aa]an[h\-\u00ad])|(\b(?:T\.?K|E\.?K)\b|Tweede\sKamer|Eerste\sKamer)|\b(kst-|ah-|h-[tev]|kv-)|(\d{4}[ZD]\d)|\b([Nn]rs?)\b|(\()\s?\d|(dossier|Dossier|[Ww]etsvoorstel)|(officielebekendmakingen\.nl|tweedekamer\.nl|overheid\.nl)/g;

/** Every reference in `text`, in order, not overlapping. */
export function scanCitations(text: string): Citation[] {
  const out: Citation[] = [];
  if (typeof text !== 'string' || text.length === 0) return out;
  const anchor = new RegExp(ANCHOR.source, 'g');
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
    } else if (m[10] !== undefined) {
      const url = at < urlSeenUntil ? null : parseUrl(text, at, m[10].length);
      if (url !== null && url.parts === null) urlSeenUntil = url.end;
      if (url?.parts) {
        out.push(makeCitation(text, url.parts, url.start, url.end));
        end = url.end;
      }
    } else {
      end = dispatch(text, at, m, out);
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

/** Runs the parser for the anchor's group (hosts are handled by the scan); pushes citations, returns the end or -1. */
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
  return -1;
}

function pushParsed(text: string, at: number, parsed: ParsedIdentifier | null, out: Citation[]): number {
  if (parsed === null) return -1;
  out.push(makeCitation(text, parsed.parts, at, parsed.end));
  return parsed.end;
}
