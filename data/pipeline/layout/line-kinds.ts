/** Small predicates on single lines that both layout readers use to decide where paragraphs end. */

import { isQaHeaderLine } from '../record/qa-headers';
import { stripMarks } from './markers';

const BULLET = /^[•·▪◦‣\-–]\s/;
const LIST_ITEM = /^(?:\d{1,2}[.)]|\(\d{1,2}\))\s+\S/;
const NUMBERED_HEADING = /^(?:[IVX]{1,5}|\d{1,2})\.\s+\p{Lu}/u;

/** A bulleted line (`•`, `·`, `–` …). */
function isBullet(text: string): boolean {
  return BULLET.test(text.trim());
}

/** A numbered list item (`1.`, `2)`, `(3)`). Letters are left out: `p. 15` may start a wrapped line. */
function isListItem(text: string): boolean {
  return LIST_ITEM.test(text.trim());
}

/** A line that must start its own paragraph. */
export function startsBlock(text: string): boolean {
  return isBullet(text) || isListItem(text) || isQaHeaderLine(text);
}

/**
 * The line ends a sentence (or introduces a list): closing punctuation, maybe followed by a quote or
 * bracket. `digitsMayFollow` allows a PDF footnote number glued after the stop (`aandacht.7`).
 */
export function endsSentence(text: string, digitsMayFollow = false): boolean {
  const t = stripMarks(text).trimEnd();
  const pattern = digitsMayFollow ? /[.?!:;]["'’”»)\]]?\d{0,2}$/ : /[.?!:;]["'’”»)\]]?$/;
  return pattern.test(t);
}

/**
 * A heading: short, starts with a capital (or `I.` / `2.` numbering), no closing punctuation,
 * and what follows starts a new sentence (or nothing follows).
 */
export function looksLikeHeading(text: string, next: string | null): boolean {
  const t = stripMarks(text).trim();
  if (t === '' || startsBlockButNotHeading(t)) return false;
  const numbered = NUMBERED_HEADING.test(t);
  if (!numbered && !/^\p{Lu}/u.test(t)) return false;
  if (/[.,;:?!]$/.test(t)) return false;
  const words = t.split(/\s+/).length;
  if (numbered ? t.length > 160 : t.length > 90 || words > 12) return false;
  if (next === null) return true;
  const n = next.trim();
  return n === '' || /^[\p{Lu}\d•·▪‘'"“«(]/u.test(n) || isQaHeaderLine(n);
}

function startsBlockButNotHeading(t: string): boolean {
  return isBullet(t) || isQaHeaderLine(t) || (isListItem(t) && !NUMBERED_HEADING.test(t));
}

/** `I. Spoor 1: …` / `3. Mensen met …`: the heading's numbering label, or null. */
export function headingLabel(text: string): string | null {
  const match = /^([IVX]{1,5}|\d{1,2})\.\s/.exec(text.trim());
  return match ? (match[1] as string) : null;
}
