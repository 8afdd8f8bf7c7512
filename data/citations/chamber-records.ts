/**
 * What the chambers' own sites print at the top of a record, after the chamber's name:
 * the publication metadata table (`Tweede Kamer der Staten-Generaal2016-201734700 nr. 19`,
 * `… 2019-2020nr. 31, item 8`: table cells run together in text, or stand between `|` when the
 * table is rendered as text: `… | 2020-2021 | 34352 nr. 213 |`), the plenary report heading
 * (`Tweede Kamer, 14e vergadering, woensdag 25 oktober 2017`; the session year follows from the
 * date), and the Eerste Kamer's `Parlementair jaar 2014/2015, 33e vergadering`.
 */
import { isDigit, isLetter } from './chars';
import { type CitationParts, emptyParts, makeCitation } from './citation';
import { parseDossier } from './dossier';
import { matchWholeWord, skipSpaces } from './gap';
import { handelingenId, kamerstukId } from './ids';
import { MONTHS } from './months';
import { matchNumberKeyword, readNumberToken } from './numbers';
import type { Chamber, Citation } from './types';

/** `14e vergadering` (the meeting's number in the session). */
const MEETING = /^([1-9]\d{0,2})e vergadering/;
/** `, woensdag 25 oktober 2017` / `\nDonderdag 6 juli 2023` after the meeting number. */
const MEETING_DATE =
  /^[,\s]{1,4}(?:(?:[Mm]aan|[Dd]ins|[Ww]oens|[Dd]onder|[Vv]rij|[Zz]ater|[Zz]on)dag[ \u00a0])?([1-3]?\d)[ \u00a0]([a-z]{3,9})[ \u00a0](\d{4})/;

/**
 * After a chamber's name ending at `i` (`Tweede Kamer`): a metadata table row or a plenary report
 * heading; pushes one citation from `start` and returns its end, or -1.
 */
export function parseChamberRecord(
  text: string,
  start: number,
  i: number,
  chamber: Chamber,
  out: Citation[],
): number {
  let j = skipSpaces(text, i, 2);
  const sg = matchWholeWord(text, j, 'der');
  if (sg > 0 && text.startsWith('Staten-Generaal', skipSpaces(text, sg, 2))) {
    return parseMetadataRow(text, start, skipSpaces(text, sg, 2) + 15, chamber, out);
  }
  if (text.charCodeAt(j) === 44) j = skipSpaces(text, j + 1, 2);
  return parseMeetingHeading(text, start, j, chamber, null, out);
}

/** `Parlementair jaar 2014/2015, 33e vergadering` at `at`: an Eerste Kamer plenary record. */
export function parseParliamentaryYear(text: string, at: number, out: Citation[]): number {
  // A heading glued to the line before it (`… 2 juni 2015Parlementair jaar`) still counts.
  if (at > 0 && isLetter(text.charCodeAt(at - 1))) return -1;
  const m = /^Parlementair\sjaar\s(\d{4})\/(\d{4}),\s/.exec(text.slice(at, at + 30));
  if (m === null || Number(m[2]) !== Number(m[1]) + 1) return -1;
  return parseMeetingHeading(text, at, at + m[0].length, 'EK', `${m[1]}-${m[2]}`, out);
}

/** The metadata row after `Staten-Generaal` (ending at `i`): year glued to `nr. N, item I` or to `dossier nr. N`. */
function parseMetadataRow(text: string, start: number, i: number, chamber: Chamber, out: Citation[]): number {
  const j = skipCellGap(text, i);
  const y = /^(\d{4})-(\d{4})/.exec(text.slice(j, j + 9));
  if (y === null || Number(y[2]) !== Number(y[1]) + 1) return -1;
  const year = `${y[1]}-${y[2]}`;
  const k = skipCellGap(text, j + 9);
  const keyword = matchNumberKeyword(text, k);
  if (keyword !== null && !keyword.plural) {
    const nrStart = skipSpaces(text, keyword.end, 2);
    const nrEnd = readNumberToken(text, nrStart, false);
    if (nrEnd < 0 || !isDigit(text.charCodeAt(nrStart))) return -1;
    const nr = text.slice(nrStart, nrEnd);
    let end = nrEnd;
    let item: string | null = null;
    const afterComma = text.charCodeAt(end) === 44 ? skipSpaces(text, end + 1, 2) : -1;
    const itemWord = afterComma > 0 ? matchWholeWord(text, afterComma, 'item') : -1;
    if (itemWord > 0) {
      const itemStart = skipSpaces(text, itemWord, 2);
      const itemEnd = readNumberToken(text, itemStart, false);
      if (itemEnd > 0) {
        item = text.slice(itemStart, itemEnd);
        end = itemEnd;
      }
    }
    const parts = recordParts(chamber, year, nr, item);
    out.push(makeCitation(text, parts, start, end));
    return end;
  }
  const d = parseDossier(text, k, 'label');
  if (d === null || d.compactNumber !== null) return -1;
  const nrKeyword = matchNumberKeyword(text, skipSpaces(text, d.end, 2));
  if (nrKeyword === null || nrKeyword.plural) return -1;
  const nrStart = skipSpaces(text, nrKeyword.end, 2);
  const nrEnd = readNumberToken(text, nrStart, true);
  if (nrEnd < 0) return -1;
  const nr = text.slice(nrStart, nrEnd);
  const parts = emptyParts('kamerstuk', [kamerstukId(d.dossier, d.suffix, nr)]);
  parts.chamber = chamber;
  parts.vergaderjaar = year;
  parts.dossier = d.dossier;
  parts.dossierSuffix = d.suffix;
  parts.rijkswet = d.rijkswet;
  parts.numbers = [nr];
  out.push(makeCitation(text, parts, start, nrEnd));
  return nrEnd;
}

/** Index after the spaces between two table cells, with at most one `|` among them. */
function skipCellGap(text: string, i: number): number {
  const j = skipSpaces(text, i, 4);
  return text.charCodeAt(j) === 124 ? skipSpaces(text, j + 1, 4) : j;
}

/**
 * `14e vergadering` at `i`, then (without a known year) the meeting's date. A date in September is
 * not used: the session year turns on the third Tuesday of September, so the year is not certain.
 */
function parseMeetingHeading(
  text: string,
  start: number,
  i: number,
  chamber: Chamber,
  knownYear: string | null,
  out: Citation[],
): number {
  const m = MEETING.exec(text.slice(i, i + 20));
  if (m === null) return -1;
  const nr = m[1] ?? '';
  let end = i + m[0].length;
  let year = knownYear;
  if (year === null) {
    const at = end;
    const date = MEETING_DATE.exec(text.slice(at, at + 40));
    if (date === null) return -1;
    const month = MONTHS.indexOf((date[2] ?? '') as (typeof MONTHS)[number]) + 1;
    const calendarYear = Number(date[3]);
    if (month === 0 || month === 9 || Number(date[1]) === 0) return -1;
    year = month >= 10 ? `${calendarYear}-${calendarYear + 1}` : `${calendarYear - 1}-${calendarYear}`;
    end = at + date[0].length;
  }
  out.push(makeCitation(text, recordParts(chamber, year, nr, null), start, end));
  return end;
}

function recordParts(chamber: Chamber, year: string, nr: string, item: string | null): CitationParts {
  const parts = emptyParts('handelingen', [handelingenId(chamber, year, nr, item)]);
  parts.chamber = chamber;
  parts.vergaderjaar = year;
  parts.numbers = [nr];
  parts.item = item;
  return parts;
}
