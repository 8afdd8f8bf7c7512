/**
 * Seeds for the whole-text search: an index of the page's 8-grams sampled every 8 characters,
 * built once per page text and shared by every note. A quote that survives somewhere with few
 * edits still shares many exact 8-grams with the text there; votes per diagonal (text position −
 * quote position) point at the few windows worth verifying with the bit-parallel matcher, instead
 * of scanning a megabyte per note. Lossy by design for heavily edited quotes: those are orphans
 * (kept and listed), never deleted.
 */
import type { SlicedWork } from '../time-slices';

/** Gram length and sampling step: disjoint grams, so an edit spoils at most two and each character is read once. */
const GRAM = 8;
const STEP = 8;
/** Grams occurring more often than this (" van de ") say nothing about where a quote is. */
const MAX_GRAM_OCCURRENCES = 64;
/** Diagonals are voted on in bins of this width (edits shift the diagonal a little). */
const BIN = 32;
/** Text positions indexed per slice of the build. */
const BUILD_SLICE = 256 * 1024;

/** The sampled 8-gram index of one text. */
export interface GramIndex {
  text: string;
  mask: number;
  /** First entry per bucket (−1: none); entry e is text position e × STEP. */
  heads: Int32Array;
  next: Int32Array;
  /** Full hash per entry, to skip bucket neighbours without comparing text. */
  hashes: Int32Array;
  /** Entries per bucket. */
  counts: Int32Array;
}

function gramHash(s: string, at: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = at; i < at + GRAM; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h;
}

/** Index entries `[from, to)`: a plain function, as V8 optimizes loops inside generators poorly. */
function indexEntries(index: GramIndex, from: number, to: number): void {
  const { text, mask, heads, next, hashes, counts } = index;
  for (let e = from; e < to; e++) {
    const at = e * STEP;
    let h = 0x811c9dc5 | 0;
    for (let i = at; i < at + GRAM; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
    const bucket = h & mask;
    hashes[e] = h;
    next[e] = heads[bucket] as number;
    heads[bucket] = e;
    counts[bucket] = (counts[bucket] as number) + 1;
  }
}

/** Build the index of `text` in slices, yielding between them. */
export function* buildGramIndex(text: string): SlicedWork<GramIndex> {
  const entries = Math.max(0, Math.floor((text.length - GRAM) / STEP) + 1);
  let size = 1024;
  while (size < entries * 2) size *= 2;
  const index: GramIndex = {
    text,
    mask: size - 1,
    heads: new Int32Array(size).fill(-1),
    next: new Int32Array(entries),
    hashes: new Int32Array(entries),
    counts: new Int32Array(size),
  };
  const perSlice = Math.floor(BUILD_SLICE / STEP);
  for (let from = 0; from < entries; from += perSlice) {
    indexEntries(index, from, Math.min(entries, from + perSlice));
    yield;
  }
  return index;
}

/** A region of the text to verify. */
export interface SeedWindow {
  from: number;
  to: number;
  votes: number;
}

/**
 * The `limit` regions where `pattern` (with up to `maxErrors` edits) most likely occurs, best
 * first; each wide enough to hold the whole match.
 */
export function seedWindows(
  index: GramIndex,
  pattern: string,
  maxErrors: number,
  limit: number,
): SeedWindow[] {
  const votes = new Map<number, number>();
  for (let i = 0; i + GRAM <= pattern.length; i++) {
    const h = gramHash(pattern, i);
    const bucket = h & index.mask;
    if ((index.counts[bucket] as number) > MAX_GRAM_OCCURRENCES) continue;
    for (let e = index.heads[bucket] as number; e >= 0; e = index.next[e] as number) {
      if (index.hashes[e] !== h) continue;
      const bin = Math.floor((e * STEP - i) / BIN);
      votes.set(bin, (votes.get(bin) ?? 0) + 1);
    }
  }
  // A diagonal near a bin edge splits its votes: count each bin with its neighbours.
  const ranked = [...votes.keys()]
    .map((bin) => ({
      bin,
      votes: (votes.get(bin - 1) ?? 0) + (votes.get(bin) ?? 0) + (votes.get(bin + 1) ?? 0),
    }))
    .sort((a, b) => b.votes - a.votes || a.bin - b.bin);
  const windows: SeedWindow[] = [];
  for (const { bin, votes: count } of ranked) {
    if (windows.length >= limit) break;
    const from = Math.max(0, (bin - 1) * BIN - maxErrors);
    const to = Math.min(index.text.length, (bin + 2) * BIN + pattern.length + maxErrors);
    if (windows.some((w) => from < w.to && to > w.from)) continue;
    windows.push({ from, to, votes: count });
  }
  return windows;
}
