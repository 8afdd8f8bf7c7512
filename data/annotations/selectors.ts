/** Creating W3C selectors for a span of the normalized page text (see page-text.ts). */
import type { TextPositionSelector, TextQuoteSelector } from './model';

/** Characters of context kept before and after the quote. */
const CONTEXT_LENGTH = 32;

/** The selectors that describe one span of the page text. */
export interface SpanSelectors {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** Shrink `[start, end)` so it neither starts nor ends with a space (selections often include one). */
export function trimSpan(text: string, start: number, end: number): [number, number] {
  let from = Math.max(0, start);
  let to = Math.min(text.length, end);
  while (from < to && text.charCodeAt(from) === 0x20) from++;
  while (to > from && text.charCodeAt(to - 1) === 0x20) to--;
  return [from, to];
}

/** Quote (exact + up to 32 characters of prefix and suffix) and position of `text[start, end)`. */
export function describeSpan(text: string, start: number, end: number): SpanSelectors {
  let prefixStart = Math.max(0, start - CONTEXT_LENGTH);
  // Never cut a surrogate pair in half: a lone surrogate cannot be stored as valid JSON text.
  if (prefixStart > 0 && isHighSurrogate(text.charCodeAt(prefixStart - 1))) prefixStart--;
  let suffixEnd = Math.min(text.length, end + CONTEXT_LENGTH);
  if (suffixEnd < text.length && isHighSurrogate(text.charCodeAt(suffixEnd - 1))) suffixEnd++;
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(prefixStart, start),
      suffix: text.slice(end, suffixEnd),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}
