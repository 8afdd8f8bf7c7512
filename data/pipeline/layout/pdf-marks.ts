/**
 * Footnote numbers in PDF text are plain digits glued to the word or stop before them
 * (`aandacht.7`, `Rikkers-Oosterkamp33`, even `mei 202412` for footnote 12 after a year).
 * Knowing each footnote's number and page, find where its digits stand in the body.
 */

const BEFORE_MARK = /[\p{L})?!:;’'”»%]/u;

/**
 * Offset of footnote `number`'s digits in `text` between `from` and `to`, or -1. Digits glued to a
 * letter or closing punctuation win; digits glued to a year (`202412`) or to a stop after a digit
 * (`2024.12`) only count when nothing better is in range; a decimal comma (`6,9`) never does.
 */
export function findPdfMark(text: string, number: string, from: number, to: number): number {
  let weak = -1;
  for (
    let at = text.indexOf(number, from);
    at !== -1 && at + number.length <= to;
    at = text.indexOf(number, at + 1)
  ) {
    if (/\d/.test(text[at + number.length] ?? '')) continue;
    const before = text[at - 1] ?? ' ';
    if (BEFORE_MARK.test(before)) return at;
    if (before === '.' || before === ',') {
      if (!/\d/.test(text[at - 2] ?? '')) return at;
      // "2024.12": a year ending a sentence, then the mark. "6,9" is a decimal, never a mark.
      if (before === '.' && weak === -1) weak = at;
    } else if (
      /\d/.test(before) &&
      weak === -1 &&
      /(?:^|[^\d])(?:19|20)\d\d$/.test(text.slice(Math.max(0, at - 5), at))
    ) {
      weak = at;
    }
  }
  return weak;
}
