/**
 * Kamerstuk and dossier references introduced by a label: `Kamerstukken II 2025/26, 34352, nr. 349`,
 * `Kamerstuk 34 352, nr. 340`, `Kamerst. II …`, `TK 34 352, nr 327`, `Tweede Kamer, vergaderjaar
 * 2019–2020, 35 300 XV, nr. 2`; and `; 36 582, nr. 2` continuing under the same label.
 */

import { parseChamber } from './chamber';
import { parseChamberRecord } from './chamber-records';
import { makeCitation } from './citation';
import { matchWholeWord, matchWord, skipGap, startsWord } from './gap';
import { parsePublicationHeader } from './headers';
import { type ParsedStuk, parseStukTail, type StukRules, skipSeparator } from './stuk-tail';
import type { Chamber, Citation } from './types';
import { parseVergaderjaar } from './vergaderjaar';

const LABEL_RULES: StukRules = {
  strength: 'label',
  requireNumbers: false,
  requireYear: false,
  allowYear: true,
};
const CHAMBER_LABEL_RULES: StukRules = {
  strength: 'label',
  requireNumbers: true,
  requireYear: false,
  allowYear: true,
};
const CHAMBER_WORDS_RULES: StukRules = {
  strength: 'label',
  requireNumbers: true,
  requireYear: true,
  allowYear: true,
};
const CONTINUATION_RULES: StukRules = {
  strength: 'label',
  requireNumbers: true,
  requireYear: false,
  allowYear: true,
};

/** At most this many `;`-separated references follow one label. */
const MAX_CONTINUATIONS = 20;

/** `Kamerstuk(ken) [chamber] …` at `at`; pushes citations and returns the end, or -1. */
export function parseKamerstukLabel(text: string, at: number, out: Citation[]): number {
  if (!startsWord(text, at)) return -1;
  let labelEnd = matchWholeWord(text, at, 'kamerstukken');
  if (labelEnd < 0) labelEnd = matchWholeWord(text, at, 'kamerstuk');
  if (labelEnd < 0) {
    const abbreviated = matchWord(text, at, 'kamerst');
    if (abbreviated < 0 || text.charCodeAt(abbreviated) !== 46) return -1;
    labelEnd = abbreviated + 1;
  }
  let j = labelEnd;
  let chamber: Chamber | null = null;
  const afterLabel = skipGap(text, labelEnd);
  const parsedChamber = parseChamber(text, afterLabel);
  if (parsedChamber !== null) {
    // `1`, `2`, `11` are chambers only when a session year follows; otherwise they are not ours.
    if (
      !parsedChamber.digitsOnly ||
      parseVergaderjaar(text, skipSeparator(text, parsedChamber.end)) !== null
    ) {
      chamber = parsedChamber.chamber;
      j = parsedChamber.end;
    }
  }
  // A page heading `Kamerstuk` above a publication header: the header is the reference.
  if (startsHeaderLine(text, j)) return -1;
  const body = parseStukTail(text, j, chamber, null, LABEL_RULES);
  if (body === null) return -1;
  return emitWithContinuations(text, at, body, chamber, out);
}

/** Whether a publication header starts on the line after `i` (only a line break and spaces between). */
function startsHeaderLine(text: string, i: number): boolean {
  const k = skipGap(text, i);
  if (k === i || !text.slice(i, k).includes('\n')) return false;
  return parsePublicationHeader(text, k, []) > 0;
}

/** `TK 34 352, nr 327`, `T.K.`, `EK`, `E.K.`, `Tweede Kamer, vergaderjaar …, 35 300 XV, nr. 2` at `at`. */
export function parseChamberLabel(text: string, at: number, out: Citation[]): number {
  if (!startsWord(text, at)) return -1;
  const parsed = parseChamber(text, at);
  if (parsed === null || parsed.digitsOnly) return -1;
  const words = parsed.end - at > 4;
  if (words) {
    const record = parseChamberRecord(text, at, parsed.end, parsed.chamber, out);
    if (record > 0) return record;
  }
  const body = parseStukTail(
    text,
    parsed.end,
    parsed.chamber,
    null,
    words ? CHAMBER_WORDS_RULES : CHAMBER_LABEL_RULES,
  );
  if (body === null) return -1;
  return emitWithContinuations(text, at, body, parsed.chamber, out);
}

/** Pushes the first reference and any `; <year,> dossier, nr. N` continuing it; returns the last end. */
function emitWithContinuations(
  text: string,
  start: number,
  first: ParsedStuk,
  chamber: Chamber | null,
  out: Citation[],
): number {
  out.push(makeCitation(text, first.parts, start, first.end));
  let end = first.end;
  let year = first.parts.vergaderjaar;
  for (let round = 0; round < MAX_CONTINUATIONS; round++) {
    const k = skipGap(text, end);
    if (text.charCodeAt(k) !== 59) break;
    const next = skipGap(text, k + 1);
    const body = parseStukTail(text, next, chamber, year, CONTINUATION_RULES);
    if (body === null) break;
    out.push(makeCitation(text, body.parts, next, body.end));
    year = body.parts.vergaderjaar;
    end = body.end;
  }
  return end;
}
