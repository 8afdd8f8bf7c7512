/**
 * The normalized page text that annotation selectors point into (pure string functions; the
 * content script feeds them the page's text nodes, see entrypoints/content/annotate/text-model.ts).
 *
 * Definition: the data of the Text nodes under `document.body`, in document order, skipping
 * everything inside script, style, noscript, template, textarea and Kamerlens' own UI hosts; then
 * - every run of white space (the characters of JavaScript's `\s`, so also no-break and thin
 *   spaces), also across node boundaries, becomes one space U+0020;
 * - white space at the very start of the text is dropped;
 * - soft hyphens (U+00AD) and zero-width spaces (U+200B) are dropped.
 * Offsets (TextPositionSelector) are UTF-16 code units into that string. Collapsing white space
 * keeps notes anchored when a site only re-indents its HTML or swaps spaces for no-break spaces.
 */

/** True for the characters JavaScript's `\s` matches. */
function isSpaceCode(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Characters that never reach the model: soft hyphen, zero-width space. */
function isDroppedCode(code: number): boolean {
  return code === 0xad || code === 0x200b;
}

/** Characters that make a chunk need work: white space other than single spaces, dropped characters. */
const NEEDS_WORK = /[\t\n\v\f\r\u00a0\u00ad\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]| {2}/;

/**
 * Normalize one chunk of raw text. `afterSpace` says whether the model text so far ends in a space
 * (or is empty), so white space at the start of this chunk is absorbed. The result is a flat
 * string (pieces joined, not concatenated one by one): ropes make every later `charCodeAt` slow.
 */
export function normalizeChunk(raw: string, afterSpace: boolean): string {
  // Most text nodes of a page need nothing: one native regex test instead of a loop in JS.
  if (!NEEDS_WORK.test(raw) && !(afterSpace && raw.charCodeAt(0) === 0x20)) return raw;
  const pieces: string[] = [];
  let pendingSpace = afterSpace;
  let runStart = 0;
  // Copy runs of ordinary characters in one slice each; only the special characters are looked at.
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    const space = isSpaceCode(code);
    if (!space && !isDroppedCode(code)) continue;
    if (i > runStart) {
      pieces.push(raw.slice(runStart, i));
      pendingSpace = false;
    }
    runStart = i + 1;
    if (space && !pendingSpace) {
      pieces.push(' ');
      pendingSpace = true;
    }
  }
  if (raw.length > runStart) pieces.push(raw.slice(runStart));
  return pieces.join('');
}

/** Normalize a whole string as if it were the only text on the page. */
export function normalizeText(raw: string): string {
  return normalizeChunk(raw, true);
}

/** Whether the model text ends in a space after appending `normalized` to text that `afterSpace`. */
export function endsAfterSpace(normalized: string, afterSpace: boolean): boolean {
  return normalized.length === 0 ? afterSpace : normalized.charCodeAt(normalized.length - 1) === 0x20;
}

/** Number of model characters produced by `raw.slice(0, rawOffset)`. */
export function modelOffsetOf(raw: string, rawOffset: number, afterSpace: boolean): number {
  let produced = 0;
  let pendingSpace = afterSpace;
  for (let i = 0; i < rawOffset && i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    if (isDroppedCode(code)) continue;
    if (isSpaceCode(code)) {
      if (!pendingSpace) produced++;
      pendingSpace = true;
    } else {
      produced++;
      pendingSpace = false;
    }
  }
  return produced;
}

/**
 * Raw offset in `raw` where model character `modelOffset` comes from; `raw.length` when the chunk
 * produces no more than `modelOffset` characters. For a collapsed space: its first raw character.
 */
export function rawStartOf(raw: string, modelOffset: number, afterSpace: boolean): number {
  let produced = 0;
  let pendingSpace = afterSpace;
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    if (isDroppedCode(code)) continue;
    const space = isSpaceCode(code);
    if (space && pendingSpace) continue;
    if (produced === modelOffset) return i;
    produced++;
    pendingSpace = space;
  }
  return raw.length;
}

/** Raw offset just after the raw character that produced model character `modelOffset - 1`. */
export function rawEndOf(raw: string, modelOffset: number, afterSpace: boolean): number {
  if (modelOffset <= 0) return 0;
  return Math.min(raw.length, rawStartOf(raw, modelOffset - 1, afterSpace) + 1);
}
