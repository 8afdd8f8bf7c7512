/**
 * Character classes the parsers use, on UTF-16 code units (no regex, no allocation).
 * Web and PDF text put non-breaking, thin and zero-width spaces, soft hyphens and assorted dashes
 * inside references; these helpers are the single place that knows them.
 */

/** `0`–`9`. */
export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** ASCII `A`–`Z`. */
export function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

/** ASCII `a`–`z`. */
export function isLower(c: number): boolean {
  return c >= 97 && c <= 122;
}

/** A letter, including Latin letters with diacritics (`ë`, `ş`): a word goes on. */
export function isLetter(c: number): boolean {
  const lower = c | 32;
  if (lower >= 97 && lower <= 122) return true;
  return c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7;
}

/** Letter or digit: a token goes on. */
export function isWordChar(c: number): boolean {
  return isDigit(c) || isLetter(c);
}

/** Space within a line: space, tab, no-break, thin, narrow no-break, figure and zero-width spaces. */
export function isHorizontalSpace(c: number): boolean {
  return (
    c === 32 ||
    c === 9 ||
    c === 0xa0 ||
    (c >= 0x2000 && c <= 0x200b) ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * What the regex class `\s` matches, on one code unit: ECMAScript's WhiteSpace and LineTerminator
 * (tab, line feed, vertical tab, form feed, carriage return, space, no-break space, U+1680,
 * U+2000–U+200A, line and paragraph separators, U+202F, U+205F, U+3000, BOM). Unlike
 * `isHorizontalSpace`, no zero-width space (U+200B).
 */
export function isRegexSpace(c: number): boolean {
  return (
    (c >= 9 && c <= 13) ||
    c === 32 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Line feed, carriage return, form feed (PDF page break), vertical tab, Unicode line separators. */
export function isLineBreak(c: number): boolean {
  return c === 10 || c === 13 || c === 12 || c === 11 || c === 0x85 || c === 0x2028 || c === 0x2029;
}

/** Hyphen-minus and the Unicode dashes people and word processors put in ranges and years. */
export function isDash(c: number): boolean {
  return c === 45 || (c >= 0x2010 && c <= 0x2015) || c === 0x2212 || c === 0xfe63 || c === 0xff0d;
}

/** The soft hyphen (U+00AD): invisible, may sit anywhere inside a word. */
export const SOFT_HYPHEN = 0xad;

/** Invisible characters that keep a word (or number) going: soft hyphen, ZWNJ, ZWJ, word joiner. */
export function isInvisibleJoiner(c: number): boolean {
  return c === SOFT_HYPHEN || c === 0x200c || c === 0x200d || c === 0x2060;
}
