/**
 * The parliamentary session year (vergaderjaar, September to September): `2025/26`, `2025/2026`,
 * `2025-2026`, `2025–2026`, `1999/00`, optionally after `vergaderjaar` or `zitting`.
 * Normalized to `2025-2026`; the two years must follow each other, so `2018/2001` (an EU act)
 * or `2019-2021` never pass as a session year.
 */
import { isDash, isDigit, isWordChar } from './chars';
import { matchWholeWord, skipGap, skipSpaces } from './gap';

/** A parsed session year and where it ended. */
export interface ParsedVergaderjaar {
  /** Normalized `2025-2026`. */
  value: string;
  end: number;
}

/** Parses a session year at `i` (after an optional `vergaderjaar`/`zitting` prefix), or null. */
export function parseVergaderjaar(text: string, i: number): ParsedVergaderjaar | null {
  let j = i;
  const prefixEnd = matchPrefix(text, j);
  if (prefixEnd > j) j = skipGap(text, prefixEnd);
  const first = readYear(text, j, 4);
  if (first < 0 || first < 1800 || first > 2199) return null;
  j = skipSpaces(text, j + 4, 2);
  const sep = text.charCodeAt(j);
  if (sep !== 47 && !isDash(sep)) return null;
  j = skipSpaces(text, j + 1, 2);
  const second = first + 1;
  if (readYear(text, j, 4) === second && !isWordChar(text.charCodeAt(j + 4))) {
    return { value: `${first}-${second}`, end: j + 4 };
  }
  if (readYear(text, j, 2) === second % 100 && !isWordChar(text.charCodeAt(j + 2))) {
    return { value: `${first}-${second}`, end: j + 2 };
  }
  return null;
}

/** `2025-2026` → `2025/26`, the official citation form. */
export function formatVergaderjaar(value: string): string {
  return `${value.slice(0, 4)}/${value.slice(7, 9)}`;
}

/** `2025-2026` → `20252026`, the form inside official identifiers. */
export function compactVergaderjaar(value: string): string {
  return value.slice(0, 4) + value.slice(5, 9);
}

/** `20252026` → `2025-2026` when the years follow each other, else null. */
export function expandCompactVergaderjaar(compact: string): string | null {
  if (compact.length !== 8) return null;
  const first = Number(compact.slice(0, 4));
  const second = Number(compact.slice(4));
  if (!/^\d{8}$/.test(compact) || second !== first + 1) return null;
  return `${first}-${second}`;
}

/** Index after `vergaderjaar` / `zitting` at `i`, else `i`. */
function matchPrefix(text: string, i: number): number {
  const c = text.charCodeAt(i) | 32;
  if (c === 118) {
    const end = matchWholeWord(text, i, 'vergaderjaar');
    if (end > 0) return end;
  } else if (c === 122) {
    const end = matchWholeWord(text, i, 'zitting');
    if (end > 0) return end;
  }
  return i;
}

/** The number formed by exactly `n` digits at `i` (no digit before or after), else -1. */
function readYear(text: string, i: number, n: number): number {
  if (i > 0 && isDigit(text.charCodeAt(i - 1))) return -1;
  let value = 0;
  for (let k = 0; k < n; k++) {
    const c = text.charCodeAt(i + k);
    if (!isDigit(c)) return -1;
    value = value * 10 + (c - 48);
  }
  if (isDigit(text.charCodeAt(i + n))) return -1;
  return value;
}
