/**
 * Footnote marks inside cleaned text. Both extraction styles put a mark where the footnote number
 * stood (`[footnoteRef:4]`, or digits glued to a word in PDF text); the mark is a pair of
 * private-use characters around the footnote number, so it survives line joining and sentence
 * splitting and is removed before any text leaves the pipeline.
 */

const OPEN = '\uE000';
const CLOSE = '\uE001';

/** The mark for footnote `number`. */
export function footnoteMark(number: string): string {
  return `${OPEN}${number}${CLOSE}`;
}

/** Every mark in `text` with its footnote number and position. */
export function marksIn(text: string): { number: string; index: number; length: number }[] {
  const found: { number: string; index: number; length: number }[] = [];
  for (const match of text.matchAll(/\uE000([^\uE001]*)\uE001/g)) {
    found.push({ number: match[1] as string, index: match.index, length: match[0].length });
  }
  return found;
}

/** `text` without footnote marks (and the spaces before them), spaces collapsed. */
export function stripMarks(text: string): string {
  return text
    .replace(/ *\uE000[^\uE001]*\uE001/g, '')
    .replace(/ {2,}/g, ' ')
    .trim();
}
