/**
 * Highlighted snippets: the part of a passage where the query matched, cut at word boundaries,
 * as segments the UI renders (`mark: true` for matched words). No HTML is built here.
 */
import { tokenize } from './tokenize';

/** A piece of text; `mark` when it matched the query. */
export interface Segment {
  text: string;
  mark: boolean;
}

/** Character ranges of the words in `text` that `matches` accepts, merged and in order. */
export function matchRanges(text: string, matches: (word: string) => boolean): [number, number][] {
  const ranges: [number, number][] = [];
  for (const token of tokenize(text)) {
    if (!matches(token.term)) continue;
    const last = ranges[ranges.length - 1];
    // A joined compound overlaps the parts before it: merge instead of nesting marks.
    if (last && token.start <= last[1]) {
      last[0] = Math.min(last[0], token.start);
      last[1] = Math.max(last[1], token.end);
      while (ranges.length > 1 && (ranges[ranges.length - 2]?.[1] ?? -1) >= last[0]) {
        const prev = ranges[ranges.length - 2];
        ranges.pop();
        if (prev) prev[1] = Math.max(prev[1], last[1]);
      }
    } else {
      ranges.push([token.start, token.end]);
    }
  }
  return ranges;
}

/** `text` split into segments at `ranges` (as returned by `matchRanges`). */
export function segmentsOf(text: string, ranges: [number, number][], from = 0, to = text.length): Segment[] {
  const segments: Segment[] = [];
  let at = from;
  for (const [start, end] of ranges) {
    if (end <= from || start >= to) continue;
    const s = Math.max(start, from);
    const e = Math.min(end, to);
    if (s > at) segments.push({ text: text.slice(at, s), mark: false });
    segments.push({ text: text.slice(s, e), mark: true });
    at = e;
  }
  if (at < to) segments.push({ text: text.slice(at, to), mark: false });
  return segments;
}

function windowStart(ranges: [number, number][], maxLength: number): number {
  // The window that holds the most matches, starting at one of them.
  let bestStart = ranges[0]?.[0] ?? 0;
  let bestCount = 0;
  for (let i = 0; i < ranges.length; i++) {
    const start = ranges[i]?.[0] ?? 0;
    let count = 0;
    for (let j = i; j < ranges.length && (ranges[j]?.[1] ?? 0) <= start + maxLength; j++) count++;
    if (count > bestCount) {
      bestCount = count;
      bestStart = start;
    }
  }
  return bestStart;
}

/** A snippet of at most about `maxLength` characters around the densest matches, with `…` where cut. */
export function snippetOf(text: string, matches: (word: string) => boolean, maxLength = 200): Segment[] {
  const clean = text.replace(/\s+/g, ' ').trim();
  const ranges = matchRanges(clean, matches);
  if (clean.length <= maxLength) return segmentsOf(clean, ranges);
  // Some context before the first match, cut at a space so no word is broken.
  let from = Math.max(0, windowStart(ranges, maxLength) - Math.floor(maxLength / 4));
  if (from > 0) from = clean.indexOf(' ', from) + 1 || from;
  let to = Math.min(clean.length, from + maxLength);
  if (to < clean.length) to = clean.lastIndexOf(' ', to) > from ? clean.lastIndexOf(' ', to) : to;
  const segments = segmentsOf(clean, ranges, from, to);
  if (from > 0) segments.unshift({ text: '… ', mark: false });
  if (to < clean.length) segments.push({ text: ' …', mark: false });
  return segments;
}
