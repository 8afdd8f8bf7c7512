/**
 * A search's passages as a run sorted by passage, and one query term merged into it: the term's
 * postings (each stem's ascending) and the run so far are walked together in passage order, so
 * every read and write moves forward through memory. A hash from passage to entry did the same
 * with a random access per posting: at 300,000 documents a keystroke touches up to ~80,000
 * passages, and that hashing (and again by document) made the search 1.25–1.5× the CPU of dense
 * per-passage arrays, which cost 13.7 MB (score-table.ts).
 */

/** Entries a run holds before it first grows. */
const MIN_ENTRIES = 1024;

/**
 * The room scratch arrays holding `held` entries should have for `entries`: null when they fit
 * and hold less than eight times what is needed, else the power of two (at least 1,024) that
 * fits. The rest is given back: a common word's hundred thousand passages are not held after it.
 */
export function roomFor(entries: number, held: number): number | null {
  let room = MIN_ENTRIES;
  while (room < entries) room *= 2;
  return held >= room && held < 8 * room ? null : room;
}

/** Passages in ascending order, each with its term mask and score; `count` entries are valid. */
export class PassageRun {
  count = 0;
  keys = new Uint32Array(MIN_ENTRIES);
  masks = new Uint16Array(MIN_ENTRIES);
  scores = new Float32Array(MIN_ENTRIES);

  /**
   * Room for `entries` (`roomFor`), contents not kept (a run is always written whole).
   */
  reserve(entries: number): void {
    const room = roomFor(entries, this.keys.length);
    if (room === null) return;
    this.keys = new Uint32Array(room);
    this.masks = new Uint16Array(room);
    this.scores = new Float32Array(room);
  }

  /** A copy holding just the valid entries (to keep across searches). */
  copy(): PassageRun {
    const run = new PassageRun();
    run.count = this.count;
    run.keys = this.keys.slice(0, this.count);
    run.masks = this.masks.slice(0, this.count);
    run.scores = this.scores.slice(0, this.count);
    return run;
  }

  /** This run's entries written into `to` (which may then be changed without touching this one). */
  copyInto(to: PassageRun): void {
    to.reserve(this.count);
    to.keys.set(this.keys.subarray(0, this.count));
    to.masks.set(this.masks.subarray(0, this.count));
    to.scores.set(this.scores.subarray(0, this.count));
    to.count = this.count;
  }

  /** The first entry at or after passage `p`. */
  lowerBound(p: number): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.keys[mid] as number) < p) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** The postings of one stem a term expands to (`passages[from … to - 1]`, ascending), with its idf. */
export interface TermSource {
  passages: Uint32Array;
  tfs: Uint8Array;
  from: number;
  to: number;
  /** The stem's idf times its completion weight and (K1 + 1): a posting scores `idf·boost·tf / (tf + norm)`. */
  idf: number;
}

/** A posting's score: passage `p`, term frequency `tf`, the source's `idf`. */
export type PostingScore = (p: number, tf: number, idf: number) => number;

/**
 * `from` with one more term (`termBit`) merged in, written to `to` (not `from`). Several stems of
 * one term in a passage count once, the best of them: kept as the running sum did before, source by
 * source in the order given, each step rounded to 32 bits, so the scores are the same to the bit.
 */
export function mergeTerm(
  from: PassageRun,
  to: PassageRun,
  sources: readonly TermSource[],
  termBit: number,
  scoreOf: PostingScore,
): void {
  let room = from.count;
  for (const source of sources) room += source.to - source.from;
  to.reserve(room);
  const { keys: fromKeys, masks: fromMasks, scores: fromScores, count: fromCount } = from;
  const { keys, masks, scores } = to;
  // The sources by their next passage (ties to the earlier source), as a binary min-heap.
  const k = sources.length;
  const at = new Int32Array(k);
  const next = new Float64Array(k);
  const heap = new Int32Array(k);
  let size = 0;
  const before = (a: number, b: number) => {
    const pa = next[a] as number;
    const pb = next[b] as number;
    return pa < pb || (pa === pb && a < b);
  };
  const siftDown = (i: number) => {
    const s = heap[i] as number;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      if (child + 1 < size && before(heap[child + 1] as number, heap[child] as number)) child++;
      const c = heap[child] as number;
      if (!before(c, s)) break;
      heap[i] = c;
      i = child;
    }
    heap[i] = s;
  };
  for (let s = 0; s < k; s++) {
    const source = sources[s] as TermSource;
    if (source.from >= source.to) continue;
    at[s] = source.from;
    next[s] = source.passages[source.from] as number;
    heap[size++] = s;
  }
  for (let i = (size >> 1) - 1; i >= 0; i--) siftDown(i);

  let i = 0;
  let n = 0;
  while (size > 0) {
    const p = next[heap[0] as number] as number;
    // Passages of the run so far that this term does not have: as they were.
    while (i < fromCount && (fromKeys[i] as number) < p) {
      keys[n] = fromKeys[i] as number;
      masks[n] = fromMasks[i] as number;
      scores[n] = fromScores[i] as number;
      n++;
      i++;
    }
    let score = 0;
    let mask = termBit;
    if (i < fromCount && fromKeys[i] === p) {
      score = fromScores[i] as number;
      mask |= fromMasks[i] as number;
      i++;
    }
    let best = 0;
    do {
      const s = heap[0] as number;
      const source = sources[s] as TermSource;
      const j = at[s] as number;
      const value = scoreOf(p, source.tfs[j] ?? 1, source.idf);
      if (value > best) {
        score = Math.fround(score + value - best);
        best = Math.fround(value);
      }
      if (j + 1 < source.to) {
        at[s] = j + 1;
        next[s] = source.passages[j + 1] as number;
      } else heap[0] = heap[--size] as number;
      if (size > 0) siftDown(0);
    } while (size > 0 && next[heap[0] as number] === p);
    keys[n] = p;
    masks[n] = mask;
    scores[n] = score;
    n++;
  }
  for (; i < fromCount; i++, n++) {
    keys[n] = fromKeys[i] as number;
    masks[n] = fromMasks[i] as number;
    scores[n] = fromScores[i] as number;
  }
  to.count = n;
}
