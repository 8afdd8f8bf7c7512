/**
 * Plenary records and answers to written questions: `Handelingen II 2024/25, nr. 112, item 5`,
 * `Handelingen II 2008/09, nr. 57, p. 4410`, `Hand. II …`, `Aanhangsel Handelingen II 2024/25, nr. 520`,
 * `Aanhangsel Handelingen, vergaderjaar 2025-2026, nr. 1181`, `Aanhangsel van de Handelingen …`.
 * A session year and a number are required: without them no id can be formed.
 */

import { parseChamber } from './chamber';
import { isDigit, isRegexSpace } from './chars';
import { type CitationParts, emptyParts, makeCitation } from './citation';
import { matchWholeWord, matchWord, skipGap, startsWord } from './gap';
import { aanhangselId, handelingenId } from './ids';
import { matchNumberKeyword, parsePinpoint, readNumberToken } from './numbers';
import { skipSeparator } from './stuk-tail';
import type { Chamber, Citation } from './types';
import { parseVergaderjaar } from './vergaderjaar';

/** `Handelingen …` or `Hand. …` at `at`; pushes the citation and returns its end, or -1. */
export function parseHandelingenLabel(text: string, at: number, out: Citation[]): number {
  if (!startsWord(text, at)) return -1;
  const full = matchWholeWord(text, at, 'handelingen');
  const labelEnd = full > 0 ? full : matchAbbreviation(text, at, 'hand');
  if (labelEnd < 0) return -1;
  return parseRecord(text, at, labelEnd, 'handelingen', full < 0, out);
}

/** `Aanhangsel [van de|bij de] Handelingen …` or `Aanh. Hand. …` at `at`. */
export function parseAanhangselLabel(text: string, at: number, out: Citation[]): number {
  if (!startsWord(text, at)) return -1;
  const full = matchWholeWord(text, at, 'aanhangsel');
  const word = full > 0 ? full : matchAbbreviation(text, at, 'aanh');
  if (word < 0) return -1;
  let j = skipGap(text, word);
  for (let k = 0; k < JOINERS.length; k++) {
    const end = matchJoiner(text, j, JOINERS[k] as readonly string[]);
    if (end > 0) {
      j = skipGap(text, end);
      break;
    }
  }
  const handelingen = matchWholeWord(text, j, 'handelingen');
  const labelEnd = handelingen > 0 ? handelingen : matchAbbreviation(text, j, 'hand');
  if (labelEnd < 0) return -1;
  return parseRecord(text, at, labelEnd, 'aanhangsel', handelingen < 0, out);
}

/** The body after the label: `[chamber] [,] year, nr. N[, item I][, p. P]`. */
function parseRecord(
  text: string,
  start: number,
  labelEnd: number,
  kind: 'handelingen' | 'aanhangsel',
  abbreviated: boolean,
  out: Citation[],
): number {
  let j = skipGap(text, labelEnd);
  let chamber: Chamber | null = null;
  const parsedChamber = parseChamber(text, j);
  if (parsedChamber !== null) {
    const year = parseVergaderjaar(text, skipSeparator(text, parsedChamber.end));
    if (!parsedChamber.digitsOnly || year !== null) {
      chamber = parsedChamber.chamber;
      j = parsedChamber.end;
    }
  }
  // `Hand.` alone is too common a word; the abbreviation needs the chamber to count.
  if (abbreviated && chamber === null) return -1;
  const year = parseVergaderjaar(text, skipSeparator(text, j));
  if (year === null) return -1;
  const k = skipSeparator(text, year.end);
  const keyword = matchNumberKeyword(text, k);
  const numberStart = keyword === null ? k : skipGap(text, keyword.end);
  const numberEnd = readNumberToken(text, numberStart, false);
  if (numberEnd < 0 || keyword?.plural || !isDigit(text.charCodeAt(numberStart))) return -1;
  const nr = text.slice(numberStart, numberEnd);
  let end = numberEnd;
  let item: string | null = null;
  if (kind === 'handelingen') {
    const m = skipSeparator(text, end);
    const itemWord = matchWholeWord(text, m, 'item');
    if (itemWord > 0) {
      const itemStart = skipGap(text, itemWord);
      const itemEnd = readNumberToken(text, itemStart, false);
      if (itemEnd > 0) {
        item = text.slice(itemStart, itemEnd);
        end = itemEnd;
      }
    }
  }
  // Without `nr.` a bare number is only accepted when an item follows (`2024/25, 112, item 5`).
  if (keyword === null && item === null) return -1;
  const parts: CitationParts = emptyParts(
    kind,
    kind === 'handelingen'
      ? [handelingenId(chamber, year.value, nr, item)]
      : [aanhangselId(chamber, year.value, nr)],
  );
  parts.chamber = chamber;
  if (kind === 'aanhangsel' && chamber === null) inferTweedeKamer(parts, year.value, nr);
  parts.vergaderjaar = year.value;
  parts.numbers = [nr];
  parts.item = item;
  const pinpoint = parsePinpoint(text, end);
  if (pinpoint !== null) {
    parts.pages = pinpoint.pages;
    end = pinpoint.end;
  }
  out.push(makeCitation(text, parts, start, end));
  return end;
}

/** `Hand.` / `Aanh.`: the abbreviation must carry its dot. */
function matchAbbreviation(text: string, i: number, word: string): number {
  const end = matchWord(text, i, word);
  return end > 0 && text.charCodeAt(end) === 46 ? end + 1 : -1;
}

/**
 * `van de`, `bij de`, `der`, `tot de` between `Aanhangsel` and `Handelingen`, split into words once
 * (not per reference: see parseChamber on what a page's first pass costs).
 */
const JOINERS: ReadonlyArray<readonly string[]> = [['van', 'de'], ['bij', 'de'], ['der'], ['tot', 'de']];

/** `van de` (as its words) with any whitespace between the words. */
function matchJoiner(text: string, i: number, words: readonly string[]): number {
  let j = i;
  for (let w = 0; w < words.length; w++) {
    const word = words[w] as string;
    const end = matchWholeWord(text, j, word);
    if (end < 0 || text.charCodeAt(j) !== word.charCodeAt(0)) return -1;
    j = skipGap(text, end);
  }
  // Report the end of the last word, not the gap after it.
  let back = j;
  while (back > i && isRegexSpace(text.charCodeAt(back - 1))) back--;
  return back;
}

/**
 * Answers to written questions without a chamber are almost always the Tweede Kamer's (the Eerste
 * Kamer's questions are few): read them as `ah-tk-…`, flag the inference, keep the `ah-ek-…` reading.
 */
function inferTweedeKamer(parts: CitationParts, vergaderjaar: string, nr: string): void {
  parts.chamber = 'TK';
  parts.ids = [aanhangselId('TK', vergaderjaar, nr)];
  parts.chamberInferred = true;
  parts.alternativeIds = [aanhangselId('EK', vergaderjaar, nr)];
}
