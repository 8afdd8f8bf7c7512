/**
 * Bounded approximate string matching: where does `pattern` occur in `text` with at most `k`
 * edits? Myers' bit-parallel algorithm (J. ACM 46(3), 1999) over 32-row blocks with Ukkonen's
 * cut-off, so only the blocks whose cells can still be ≤ k are computed: O(n·⌈k/32⌉) on typical
 * text instead of O(n·m). Written for Kamerlens from the papers; tested against a plain DP.
 *
 * Columns are text positions, rows pattern positions. For each block the vertical differences
 * between consecutive rows are kept as two bit vectors (plus: +1, minus: −1).
 */

/** `text.slice(start, end)` is within `errors` edits of the pattern. */
export interface ApproxMatch {
  start: number;
  end: number;
  errors: number;
}

const WORD = 32;

/** A pattern prepared for scanning: per character, one match mask per block. */
export interface PreparedPattern {
  pattern: string;
  blocks: number;
  /** Row of `masks` for char codes below 256 (−1: not in the pattern). */
  latin: Int32Array;
  /** Row of `masks` for other char codes. */
  other: Map<number, number>;
  /** `masks[row * blocks + b]`: bit r set when pattern[32b + r] is that row's character. */
  masks: Int32Array;
}

/** Build the per-character match masks of `pattern` (non-empty). */
export function preparePattern(pattern: string): PreparedPattern {
  const blocks = Math.ceil(pattern.length / WORD);
  const latin = new Int32Array(256).fill(-1);
  const other = new Map<number, number>();
  const rowsByCode: number[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const code = pattern.charCodeAt(i);
    if (code < 256 ? latin[code] === -1 : !other.has(code)) {
      if (code < 256) latin[code] = rowsByCode.length;
      else other.set(code, rowsByCode.length);
      rowsByCode.push(code);
    }
  }
  const masks = new Int32Array(rowsByCode.length * blocks);
  for (let i = 0; i < pattern.length; i++) {
    const code = pattern.charCodeAt(i);
    const row = code < 256 ? (latin[code] as number) : (other.get(code) as number);
    const index = row * blocks + Math.floor(i / WORD);
    masks[index] = (masks[index] as number) | (1 << (i % WORD));
  }
  return { pattern, blocks, latin, other, masks };
}

/** Called for every text position `end` (exclusive) where some match ends with `errors` ≤ k. */
export type EndCallback = (end: number, errors: number) => void;

/**
 * Scan `text[from, to)` for ends of approximate occurrences. With `anchoredStart`, every match must
 * start exactly at `from` (used to find where a match found backwards begins); otherwise a match
 * may start anywhere.
 */
export function scanEnds(
  text: string,
  prepared: PreparedPattern,
  k: number,
  from: number,
  to: number,
  onEnd: EndCallback,
  anchoredStart = false,
): void {
  if (prepared.blocks === 1) scanOneBlock(text, prepared, k, from, to, onEnd, anchoredStart);
  else scanBlocks(text, prepared, k, from, to, onEnd, anchoredStart);
}

/** Patterns of at most 32 characters: one word, all state in locals (the hot path). */
function scanOneBlock(
  text: string,
  prepared: PreparedPattern,
  k: number,
  from: number,
  to: number,
  onEnd: EndCallback,
  anchoredStart: boolean,
): void {
  const { latin, other, masks } = prepared;
  const m = prepared.pattern.length;
  const high = 1 << (m - 1);
  let pv = -1;
  let mv = 0;
  let score = m;
  const topIn = anchoredStart ? 1 : 0;
  for (let j = from; j < to; j++) {
    const code = text.charCodeAt(j);
    const row = code < 256 ? (latin[code] as number) : (other.get(code) ?? -1);
    const eq = row < 0 ? 0 : (masks[row] as number);
    const xv = eq | mv;
    const xh = ((((eq & pv) + pv) | 0) ^ pv) | eq;
    let ph = mv | ~(xh | pv);
    let mh = pv & xh;
    if ((ph & high) !== 0) score++;
    else if ((mh & high) !== 0) score--;
    // Row 0 is all zeros (match anywhere) or 0, 1, 2, … (anchored start: a +1 enters from above).
    ph = (ph << 1) | topIn;
    mh <<= 1;
    pv = mh | ~(xv | ph);
    mv = ph & xv;
    if (score <= k) onEnd(j + 1, score);
  }
}

/** Longer patterns: 32-row blocks, computing only those that can still hold a cell ≤ k. */
function scanBlocks(
  text: string,
  prepared: PreparedPattern,
  k: number,
  from: number,
  to: number,
  onEnd: EndCallback,
  anchoredStart: boolean,
): void {
  const { blocks, latin, other, masks } = prepared;
  const m = prepared.pattern.length;
  const lastRows = m - WORD * (blocks - 1);
  const plus = new Int32Array(blocks).fill(-1);
  const minus = new Int32Array(blocks);
  const rows = new Int32Array(blocks).fill(WORD);
  rows[blocks - 1] = lastRows;
  const highBits = new Int32Array(blocks).fill(1 << 31);
  highBits[blocks - 1] = 1 << (lastRows - 1);
  // Value of each block's bottom cell in the current column (column 0: D[i][0] = i).
  const bottom = new Int32Array(blocks);
  for (let b = 0; b < blocks; b++) bottom[b] = Math.min(m, WORD * (b + 1));
  const topIn = anchoredStart ? 1 : 0;

  // Last active block: below it every cell is known to exceed k.
  let last = Math.min(blocks - 1, Math.floor(k / WORD));
  for (let j = from; j < to; j++) {
    const code = text.charCodeAt(j);
    const row = code < 256 ? (latin[code] as number) : (other.get(code) ?? -1);
    const base = row * blocks;
    let h = topIn;
    let previousBottom = 0;
    let b = 0;
    for (;;) {
      // One column step of block b (Myers 1999, Fig. 9), h: horizontal difference entering it.
      const pv = plus[b] as number;
      const mv = minus[b] as number;
      let eq = row < 0 ? 0 : (masks[base + b] as number);
      const xv = eq | mv;
      if (h < 0) eq |= 1;
      const xh = ((((eq & pv) + pv) | 0) ^ pv) | eq;
      let ph = mv | ~(xh | pv);
      let mh = pv & xh;
      const high = highBits[b] as number;
      const out = (ph & high) !== 0 ? 1 : (mh & high) !== 0 ? -1 : 0;
      ph <<= 1;
      mh <<= 1;
      if (h < 0) mh |= 1;
      else if (h > 0) ph |= 1;
      plus[b] = mh | ~(xv | ph);
      minus[b] = ph & xv;
      h = out;
      if (b < last) {
        bottom[b] = (bottom[b] as number) + out;
        b++;
        continue;
      }
      // b is the last active block.
      if (b > last) {
        // Just brought in (below): its previous column was the pessimistic "+1 per row".
        previousBottom += rows[b] as number;
        bottom[b] = previousBottom + out;
        last = b;
      } else {
        previousBottom = bottom[b] as number;
        bottom[b] = previousBottom + out;
      }
      // A cell of the next block can reach ≤ k only through this block's bottom cell, in this
      // column or the previous one: then bring it in, starting from "+1 per row".
      if (b < blocks - 1 && Math.min(previousBottom, bottom[b] as number) <= k) {
        b++;
        plus[b] = -1;
        minus[b] = 0;
        continue; // b > last now: the branch above finishes bringing it in
      }
      break;
    }
    // Drop trailing blocks whose smallest possible cell (bottom − rows + 1) exceeds k.
    while (last > 0 && (bottom[last] as number) >= k + (rows[last] as number)) last--;
    if (last === blocks - 1 && (bottom[last] as number) <= k) onEnd(j + 1, bottom[last] as number);
  }
}

function reversed(s: string): string {
  let out = '';
  for (let i = s.length - 1; i >= 0; i--) out += s[i];
  return out;
}

/**
 * Approximate occurrences of `pattern` in `text[from, to)` with at most `k` edits: every end
 * position whose error count is a local minimum (all ends of a minimal flat stretch: `a` occurs
 * twice in `aa`), with
 * its start found by matching the reversed pattern backwards from that end. Not only the best end
 * of a run: after an insertion the best-scoring end is often a truncated match, while the true end
 * has a few more errors but the right context after it. Results are in text order.
 */
export function findApprox(
  text: string,
  pattern: string,
  k: number,
  from = 0,
  to = text.length,
  prepared: PreparedPattern = preparePattern(pattern),
): ApproxMatch[] {
  if (pattern.length === 0 || k < 0) return [];
  const ends: { end: number; errors: number }[] = [];
  let previousEnd = -2;
  let previousErrors = 0;
  // Whether the count rose since the last recorded end, and where the current flat stretch of
  // recorded ends begins: if the count falls below it, that stretch was a slope, not a minimum.
  let roseSinceRecord = true;
  let plateauFrom = 0;
  scanEnds(text, prepared, k, from, to, (end, errors) => {
    if (end !== previousEnd + 1 || (errors < previousErrors && roseSinceRecord)) {
      plateauFrom = ends.length;
      ends.push({ end, errors });
      roseSinceRecord = false;
    } else if (errors < previousErrors) {
      ends.length = plateauFrom;
      ends.push({ end, errors });
    } else if (errors === previousErrors) {
      if (!roseSinceRecord) ends.push({ end, errors });
    } else {
      roseSinceRecord = true;
    }
    previousEnd = end;
    previousErrors = errors;
  });
  const backwards = preparePattern(reversed(pattern));
  return ends.map(({ end, errors }) => ({ start: startOf(text, backwards, errors, from, end), end, errors }));
}

/** Start of the best alignment of the (reversed) pattern ending at `end` with `errors` edits. */
function startOf(
  text: string,
  backwards: PreparedPattern,
  errors: number,
  from: number,
  end: number,
): number {
  const windowStart = Math.max(from, end - backwards.pattern.length - errors);
  const window = reversed(text.slice(windowStart, end));
  const m = backwards.pattern.length;
  let best = -1;
  let bestErrors = Number.POSITIVE_INFINITY;
  scanEnds(
    window,
    backwards,
    errors,
    0,
    window.length,
    (length, found) => {
      // Fewest errors first; among equals the length closest to the pattern's.
      if (found < bestErrors || (found === bestErrors && Math.abs(length - m) < Math.abs(best - m))) {
        best = length;
        bestErrors = found;
      }
    },
    true,
  );
  return best < 0 ? end - m : end - best;
}
