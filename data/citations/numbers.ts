/**
 * Paper numbers and pinpoints: `nr. 349`, `nr 327`, `nrs. 601, 603 en 605`, `nrs. 1–3` (expanded),
 * Eerste Kamer letters (`nr. F`, `AB`), and page pinpoints (`p. 7`, `blz. 134`, `pag. 4-5`,
 * `bladzijde 5 - 6`, `p. 12 en 13`).
 */
import { isDash, isDigit, isInvisibleJoiner, isLetter, isLower, isUpper, isWordChar } from './chars';
import { matchWholeWord, matchWord, skipGap, skipSpaces } from './gap';

/** `nr`/`nrs`/`nummer(s)` with its dot; `plural` allows a list. */
export interface NumberKeyword {
  plural: boolean;
  end: number;
}

/** Paper numbers as written (ranges expanded) and where the last one ended. */
export interface ParsedNumbers {
  numbers: string[];
  end: number;
}

/** A pinpoint (`7`, `4-5`, `12 en 13`) and where it ended. */
export interface ParsedPages {
  pages: string;
  end: number;
}

/** Lists stop here: a longer list is not a citation any more. */
const MAX_NUMBERS = 200;
/** Ranges wider than this are kept as their two endpoints instead of being expanded. */
const MAX_RANGE = 100;

const KEYWORDS: ReadonlyArray<readonly [string, boolean]> = [
  ['nummers', true],
  ['nummer', false],
  ['nrs', true],
  ['nr', false],
];

/** Matches `nr`, `nr.`, `nrs.`, `nummer(s)` at `i` (first letter in either case), or null. */
export function matchNumberKeyword(text: string, i: number): NumberKeyword | null {
  const c = text.charCodeAt(i) | 32;
  if (c !== 110) return null;
  // Index loop, not `for…of` with destructuring: see parseChamber.
  for (let w = 0; w < KEYWORDS.length; w++) {
    const keyword = KEYWORDS[w] as (typeof KEYWORDS)[number];
    let end = matchWord(text, i, keyword[0]);
    if (end < 0 || isLetter(text.charCodeAt(end))) continue;
    if (text.charCodeAt(end) === 46) end++;
    return { plural: keyword[1], end };
  }
  return null;
}

/**
 * `letter M` at `i` (the Eerste Kamer's own way of numbering its papers: `35925-VI, letter T`,
 * `(CLVI, letter M)`): the capitals and the index after them, or null.
 */
export function parseLetterNumber(text: string, i: number): ParsedNumbers | null {
  const word = matchWholeWord(text, i, 'letter');
  if (word < 0) return null;
  const j = skipSpaces(text, word, 2);
  if (!isUpper(text.charCodeAt(j))) return null;
  const end = readNumberToken(text, j, true);
  return end < 0 ? null : { numbers: [text.slice(j, end)], end };
}

/** Index after one paper number at `i`: `349`, `188b`, or Eerste Kamer capitals `F`/`AB`; else -1. */
export function readNumberToken(text: string, i: number, allowLetters: boolean): number {
  let j = i;
  while (j - i <= 5 && isDigit(text.charCodeAt(j))) j++;
  const n = j - i;
  if (n > 5) return -1;
  // `3\u00AD49` reads as 349 on screen: stopping at the soft hyphen would cite paper 3. Precision
  // wins: a number that goes on behind an invisible joiner is not read at all.
  if (isInvisibleJoiner(text.charCodeAt(j)) && isWordChar(text.charCodeAt(j + 1))) return -1;
  if (n > 0) {
    if (text.charCodeAt(i) === 48) return -1;
    if (isLower(text.charCodeAt(j)) && !isLetter(text.charCodeAt(j + 1))) return j + 1;
    return isWordChar(text.charCodeAt(j)) ? -1 : j;
  }
  if (!allowLetters) return -1;
  while (j - i <= 3 && isUpper(text.charCodeAt(j))) j++;
  // `AB-rapport` is a word, not Eerste Kamer paper AB.
  if (j === i || j - i > 3 || isWordChar(text.charCodeAt(j)) || isDash(text.charCodeAt(j))) return -1;
  return j;
}

/**
 * Parses the numbers after a keyword, starting at the first number (`i`). Singular keywords take
 * one number; plural ones a list joined by `,`, `en`, `&` with ranges (`1–3`, `1 t/m 3`).
 */
export function parseNumberList(
  text: string,
  i: number,
  plural: boolean,
  allowLetters = true,
): ParsedNumbers | null {
  let end = readNumberToken(text, i, allowLetters);
  if (end < 0) return null;
  const numbers = [text.slice(i, end)];
  if (!plural) return { numbers, end };
  while (numbers.length < MAX_NUMBERS) {
    const rangeEnd = readRangeTail(text, end, numbers);
    if (rangeEnd > 0) {
      end = rangeEnd;
      continue;
    }
    const next = afterListSeparator(text, end);
    if (next < 0) break;
    const tokenEnd = readNumberToken(text, next, allowLetters);
    if (tokenEnd < 0) break;
    numbers.push(text.slice(next, tokenEnd));
    end = tokenEnd;
  }
  return { numbers, end };
}

/** `–3` or ` t/m 3` after a number: expands the range into `numbers`; index after it, or -1. */
function readRangeTail(text: string, i: number, numbers: string[]): number {
  const from = numbers[numbers.length - 1] ?? '';
  if (!isDigitString(from)) return -1;
  let j = skipSpaces(text, i, 2);
  const c = text.charCodeAt(j);
  if (isDash(c)) j++;
  else if (c === 116 && text.startsWith('t/m', j)) j += 3;
  else if (c === 116 && text.startsWith('tot en met', j)) j += 10;
  else return -1;
  j = skipSpaces(text, j, 2);
  const toEnd = readNumberToken(text, j, false);
  if (toEnd < 0) return -1;
  const to = text.slice(j, toEnd);
  if (!isDigitString(to)) return -1;
  const a = Number(from);
  const b = Number(to);
  if (b <= a) return -1;
  if (b - a > MAX_RANGE) numbers.push(to);
  else for (let n = a + 1; n <= b && numbers.length < MAX_NUMBERS; n++) numbers.push(String(n));
  return toEnd;
}

/** After a list separator (`,` / `en` / `&`) following `i`: the index of the next token, or -1. */
function afterListSeparator(text: string, i: number): number {
  const j = skipGap(text, i);
  const c = text.charCodeAt(j);
  let k = -1;
  if (c === 44 || c === 38) k = j + 1;
  else if (c === 101) k = matchWholeWord(text, j, 'en');
  if (k < 0) return -1;
  return skipGap(text, k);
}

const PAGE_WORDS = ['bladzijden', 'bladzijde', "pagina's", 'pagina', 'bladz', 'pag', 'blz', 'pp', 'p'];

/** A pinpoint after `i` (`, p. 7`, ` blz. 134`); the comma before it is optional. */
export function parsePinpoint(text: string, i: number): ParsedPages | null {
  let j = skipGap(text, i);
  if (text.charCodeAt(j) === 44) j = skipGap(text, j + 1);
  const c = text.charCodeAt(j) | 32;
  if (c !== 98 && c !== 112) return null;
  let k = -1;
  for (let w = 0; w < PAGE_WORDS.length; w++) {
    k = matchWholeWord(text, j, PAGE_WORDS[w] as string);
    if (k > 0) break;
  }
  if (k < 0) return null;
  if (text.charCodeAt(k) === 46) k++;
  k = skipGap(text, k);
  const firstEnd = readPageNumber(text, k);
  if (firstEnd < 0) return null;
  const first = text.slice(k, firstEnd);
  let m = skipSpaces(text, firstEnd, 2);
  const d = text.charCodeAt(m);
  let joiner = '';
  if (isDash(d)) {
    joiner = '-';
    m++;
  } else if (d === 116 && text.startsWith('t/m', m)) {
    joiner = '-';
    m += 3;
  } else if (d === 101 && matchWholeWord(text, m, 'en') > 0) {
    joiner = ' en ';
    m += 2;
  }
  if (joiner !== '') {
    const secondStart = skipSpaces(text, m, 2);
    const secondEnd = readPageNumber(text, secondStart);
    if (secondEnd > 0) return { pages: first + joiner + text.slice(secondStart, secondEnd), end: secondEnd };
  }
  return { pages: first, end: firstEnd };
}

/** Index after 1–5 digits at `i` that end the token, else -1. */
function readPageNumber(text: string, i: number): number {
  let j = i;
  while (j - i <= 5 && isDigit(text.charCodeAt(j))) j++;
  const n = j - i;
  if (n === 0 || n > 5 || isWordChar(text.charCodeAt(j))) return -1;
  return j;
}

function isDigitString(s: string): boolean {
  if (s.length === 0) return false;
  for (let k = 0; k < s.length; k++) if (!isDigit(s.charCodeAt(k))) return false;
  return true;
}
