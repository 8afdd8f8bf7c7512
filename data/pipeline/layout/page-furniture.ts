/**
 * Running page furniture of PDF letters: the `Datum` / `Onze referentie` / `Pagina 11 van 14` column
 * that repeats on every page and lands in the middle of sentences when the text is extracted.
 */
import type { SourceLine } from './layout-types';

const FURNITURE = [
  /^Datum$/,
  /^Onze referentie(?:\s+\S+)?$/,
  /^Uw referentie(?:\s+\S+)?$/,
  /^Kenmerk(?:\s+\S+)?$/,
  /^Pagina \d+ van \d+$/,
];
const REFERENCE_NUMBER = /^\d{4}-\d{6,}$/;

/** A furniture line (without the reference number that may follow `Onze referentie`). */
export function isFurniture(text: string): boolean {
  const t = text.trim();
  return FURNITURE.some((pattern) => pattern.test(t));
}

/**
 * Drop furniture lines, and a bare reference number right after a reference label. A dropped line
 * that opened a page (PDF text starts pages with one space) hands that page start to the next line.
 */
export function dropFurniture(lines: SourceLine[]): SourceLine[] {
  const kept: SourceLine[] = [];
  let afterLabel = false;
  let pageStart = false;
  for (const line of lines) {
    const t = line.text.trim();
    const dropped = isFurniture(t) || (afterLabel && REFERENCE_NUMBER.test(t));
    if (dropped) {
      afterLabel = /referentie$|^Kenmerk$/.test(t);
      pageStart ||= line.pageStart === true || /^ \S/.test(line.text);
      continue;
    }
    if (t !== '') afterLabel = false;
    if (pageStart && t !== '') {
      kept.push({ ...line, pageStart: true });
      pageStart = false;
    } else kept.push(line);
  }
  return kept;
}
