/**
 * Dutch-aware tokenizing for search: words with their offsets in the original text, folded
 * (lower case, diacritics removed) so `Ä`, `ä` and `a` are one letter.
 *
 * Compounds written with a hyphen (`re-integratie`, with ASCII or non-breaking hyphen) give their
 * parts and the joined form, so `reintegratie`, `re-integratie` and `integratie` all find them.
 */

/** One word of a text: the folded form and where it sits (UTF-16 offsets). */
export interface Token {
  term: string;
  start: number;
  end: number;
}

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const WORD_CHAR = /[\p{L}\p{N}]/u;
/** Hyphens that join compound parts: ASCII, U+2010 hyphen, U+2011 non-breaking hyphen. */
const HYPHENS = new Set([0x2d, 0x2010, 0x2011]);

/** Lower-cases and strips diacritics (`Één` → `een`, `ß` stays `ß`: no Dutch word needs it). */
export function foldText(text: string): string {
  const lower = text.toLowerCase();
  // Fast path: plain ASCII needs no decomposition (the common case in Dutch text).
  for (let i = 0; i < lower.length; i++) {
    if (lower.charCodeAt(i) > 0x7f) return lower.normalize('NFD').replace(COMBINING_MARKS, '');
  }
  return lower;
}

function isWordChar(code: number, text: string, index: number): boolean {
  if (code < 0x80) {
    return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39);
  }
  return WORD_CHAR.test(text[index] ?? '');
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** Calls `emit` for every token of `text`, in order; avoids building arrays in the index builder. */
export function forEachToken(text: string, emit: (term: string, start: number, end: number) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    while (i < n && !isWordChar(text.charCodeAt(i), text, i)) i++;
    if (i >= n) break;
    const compoundStart = i;
    let parts = 0;
    let joined = '';
    for (;;) {
      const start = i;
      while (i < n) {
        const code = text.charCodeAt(i);
        if (isWordChar(code, text, i)) i++;
        // Keep digit groups together: 52.000, 1,5 — one number, not two.
        else if (
          (code === 0x2e || code === 0x2c) &&
          isDigit(text.charCodeAt(i - 1)) &&
          isDigit(text.charCodeAt(i + 1))
        )
          i++;
        else break;
      }
      const term = foldText(text.slice(start, i));
      emit(term, start, i);
      parts++;
      joined += term;
      if (i + 1 < n && HYPHENS.has(text.charCodeAt(i)) && isWordChar(text.charCodeAt(i + 1), text, i + 1)) {
        i++;
        continue;
      }
      break;
    }
    if (parts > 1) emit(joined, compoundStart, i);
  }
}

/** All tokens of `text` (parts and joined forms of hyphenated compounds). */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  forEachToken(text, (term, start, end) => {
    tokens.push({ term, start, end });
  });
  return tokens;
}

/**
 * Tokens of a search query: like `tokenize`, but a hyphenated compound counts once, joined
 * (the user typing `re-integratie` means the compound, not the words `re` and `integratie`).
 */
export function tokenizeQuery(query: string): Token[] {
  const tokens: Token[] = [];
  forEachToken(query, (term, start, end) => {
    // A joined form spans its parts: drop the parts it covers.
    while (tokens.length > 0 && (tokens[tokens.length - 1]?.start ?? -1) >= start) tokens.pop();
    tokens.push({ term, start, end });
  });
  return tokens;
}
