/**
 * Many words in one string (each followed by `\n`) with their start offsets: how the stored index
 * keeps its vocabulary in memory. Hundreds of thousands of separate strings (and a Map over them)
 * would cost tens of megabytes and a long open; one string and a typed array cost what the text is.
 */
import type { WordList } from './searchable';

/** `joined` (a `\n`-terminated list) as a word list; `starts` holds each word's offset, then the end. */
export function packedWords(joined: string, starts: Uint32Array): WordList {
  const length = Math.max(0, starts.length - 1);
  return {
    length,
    at: (i) => (i >= 0 && i < length ? joined.slice(starts[i] ?? 0, (starts[i + 1] ?? 1) - 1) : undefined),
  };
}

/** Positions of `words` in sorted order (by UTF-16 code units, as `Array.prototype.sort`). */
export function sortedOrder(words: readonly string[]): Uint32Array {
  const order = Uint32Array.from(words.keys());
  return order.sort((a, b) => {
    const x = words[a] ?? '';
    const y = words[b] ?? '';
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

/** Finds a word by binary search over `order` (positions in sorted order); its position, or undefined. */
export function findWord(words: WordList, order: Uint32Array, word: string): number | undefined {
  let lo = 0;
  let hi = order.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const at = order[mid] ?? 0;
    const candidate = words.at(at) ?? '';
    if (candidate === word) return at;
    if (candidate < word) lo = mid + 1;
    else hi = mid;
  }
  return undefined;
}
