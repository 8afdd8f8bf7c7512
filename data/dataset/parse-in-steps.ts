/**
 * `JSON.parse` of a large object, in steps. A pack of 19,000 documents is 38 MB of JSON, which
 * `JSON.parse` reads in one task of 0.28 s on a quiet machine and more than a second under load
 * (`npm run bench -- packs`, in the extension's service worker): every lookup of the background
 * waited for it. Here a scan that follows strings and nesting finds the elements of the object's
 * top-level arrays (a pack's documents and dossiers), which are parsed one by one, and the rest (the
 * object with those arrays empty) is parsed apart; both yield to the event loop every few hundred
 * kilobytes.
 *
 * The result is what `JSON.parse(text)` gives, and a text it refuses is refused with a
 * `SyntaxError`: the object with its arrays empty and each element are JSON exactly when the whole
 * is, since putting valid values into an empty array keeps a text valid and the pieces together are
 * the whole. Anything the scan does not expect (a text that is not an object, unbalanced brackets
 * or quotes, a key twice) is handed to `JSON.parse` whole.
 */
import { nextTask } from '../time-slices';

/** Characters scanned, and characters of elements parsed, between two yields. */
const CHARS_PER_TASK = 512 * 1024;
/** The scan's time per step at most, in ms, checked every `SCAN_CHECK` characters. */
const STEP_MS = 8;
const SCAN_CHECK = 4096;

/** A top-level array of the object: where its key's text is, where it opens and closes, its elements' spans. */
interface TopArray {
  key: string;
  open: number;
  close: number;
  elements: [number, number][];
}

const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const COLON = 58;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

const isSpace = (code: number) => code === 32 || code === 10 || code === 13 || code === 9;

/**
 * A text held as the pieces it was read in (a pack's text as it came out of the unzipping, a
 * 38 MB text in pieces of ~64 KB): joining them into one string is a task of 50–200 ms in the
 * extension's service worker under load (`KAMERLENS_PACKS_CPUPROFILE=1 npm run bench -- packs`),
 * and only the slices that are parsed are ever needed whole.
 */
class Pieces {
  /** Where each piece starts in the whole. */
  private readonly starts: number[] = [];
  readonly length: number;

  constructor(readonly parts: readonly string[]) {
    let at = 0;
    for (const part of parts) {
      this.starts.push(at);
      at += part.length;
    }
    this.length = at;
  }

  /** The whole's characters from `start` to `end`, as `String.prototype.slice` gives them. */
  slice(start: number, end = this.length): string {
    if (end <= start) return '';
    let piece = this.pieceAt(start);
    let offset = start - (this.starts[piece] ?? 0);
    const out: string[] = [];
    for (let left = end - start; left > 0 && piece < this.parts.length; piece++, offset = 0) {
      const part = this.parts[piece] ?? '';
      const taken = part.slice(offset, offset + left);
      out.push(taken);
      left -= taken.length;
    }
    return out.length === 1 ? (out[0] ?? '') : out.join('');
  }

  /** The index of the piece holding character `at` (binary search; empty pieces skipped). */
  private pieceAt(at: number): number {
    let low = 0;
    let high = this.parts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.starts[middle] ?? 0) <= at) low = middle;
      else high = middle - 1;
    }
    while (low < this.parts.length - 1 && (this.parts[low]?.length ?? 0) === 0) low++;
    return low;
  }
}

/** The top-level arrays of the object in `text`, or null when the text is not one the scan follows. */
async function scanTopArrays(text: Pieces): Promise<TopArray[] | null> {
  const arrays: TopArray[] = [];
  let started = false;
  let depth = 0;
  let inString = false;
  // The character after a backslash in a string (it may be the next piece's first).
  let escaped = false;
  let stringStart = 0;
  // The last string closed at depth 1 (a key, when a colon follows) and the key of the value next.
  let lastString: [number, number] | null = null;
  let key: string | null = null;
  let current: TopArray | null = null;
  const keys = new Set<string>();
  let elementStart = -1;
  let sinceYield = 0;
  let stepStart = performance.now();
  let base = 0;
  for (const part of text.parts) {
    for (let j = 0; j < part.length; j++) {
      // A yield after CHARS_PER_TASK characters, or sooner when they take longer than STEP_MS: the
      // first packs are scanned by code not yet optimized (packs bench, service worker: 70 ms of the
      // scan in a stall of 176 ms while the first pack was read; in another run the longest
      // stalls, 178–197 ms, were all while the first three packs were read).
      if (
        ++sinceYield % SCAN_CHECK === 0 &&
        (sinceYield >= CHARS_PER_TASK || performance.now() - stepStart >= STEP_MS)
      ) {
        sinceYield = 0;
        await nextTask();
        stepStart = performance.now();
      }
      const i = base + j;
      const code = part.charCodeAt(j);
      if (!started) {
        if (isSpace(code)) continue;
        if (code !== OPEN_BRACE) return null;
        started = true;
      }
      if (inString) {
        if (escaped) escaped = false;
        else if (code === BACKSLASH) escaped = true;
        else if (code === QUOTE) {
          inString = false;
          if (depth === 1) lastString = [stringStart, i + 1];
        }
        continue;
      }
      if (code === QUOTE) {
        inString = true;
        stringStart = i;
        if (depth === 2 && current && elementStart < 0) elementStart = i;
        continue;
      }
      if (isSpace(code)) continue;
      if (depth === 2 && current && elementStart < 0 && code !== COMMA && code !== CLOSE_BRACKET)
        elementStart = i;
      if (code === OPEN_BRACE || code === OPEN_BRACKET) {
        if (depth === 1 && code === OPEN_BRACKET && key !== null) {
          current = { key, open: i, close: -1, elements: [] };
          elementStart = -1;
        }
        depth++;
      } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
        depth--;
        if (depth === 1 && current) {
          // After a comma an element must follow: `[1,]` keeps an empty one, which JSON.parse refuses.
          if (elementStart >= 0 || current.elements.length > 0)
            current.elements.push([elementStart < 0 ? i : elementStart, i]);
          current.close = i;
          arrays.push(current);
          current = null;
        }
        if (depth < 0) return null;
      } else if (code === COMMA && depth === 2 && current) {
        current.elements.push([elementStart < 0 ? i : elementStart, i]);
        elementStart = -1;
      } else if (code === COLON && depth === 1 && lastString) {
        key = JSON.parse(text.slice(lastString[0], lastString[1])) as string;
        // A key twice: JSON.parse keeps the last value, whatever it is; leave that to it.
        if (keys.has(key)) return null;
        keys.add(key);
        lastString = null;
        continue;
      }
      // A comma between members ends the value the key was for.
      if (depth === 1 && code === COMMA) key = null;
    }
    base += part.length;
  }
  if (!started || inString || depth !== 0) return null;
  return arrays;
}

/**
 * `JSON.parse` of `text` (or of its pieces joined), in steps when it is an object; throws
 * `SyntaxError` where `JSON.parse` would.
 */
export async function parseJsonInSteps(text: string | readonly string[]): Promise<unknown> {
  const pieces = new Pieces(typeof text === 'string' ? [text] : text);
  const arrays = await scanTopArrays(pieces);
  if (!arrays || arrays.length === 0) return JSON.parse(pieces.slice(0));
  // The object with its top-level arrays emptied.
  const outside: string[] = [];
  let from = 0;
  for (const array of arrays) {
    outside.push(pieces.slice(from, array.open + 1));
    from = array.close;
  }
  outside.push(pieces.slice(from));
  const object = JSON.parse(outside.join('')) as Record<string, unknown>;
  let sinceYield = 0;
  for (const array of arrays) {
    const values: unknown[] = [];
    for (const [start, end] of array.elements) {
      values.push(JSON.parse(pieces.slice(start, end)));
      sinceYield += end - start;
      if (sinceYield >= CHARS_PER_TASK) {
        sinceYield = 0;
        await nextTask();
      }
    }
    // As JSON.parse makes it: an own property, even for `__proto__`; of a key twice, the last.
    Object.defineProperty(object, array.key, {
      value: values,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return object;
}
