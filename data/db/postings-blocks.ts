/**
 * How a segment's postings are stored: in blocks, not a row per stem. At 100,000 documents a
 * segment has ~200,000 stems, most of them in one or two passages; IndexedDB costs about the same
 * per row whatever its size, so a row per stem made writing the postings the largest part of an
 * import (54 s of 100 in the profile, scripts/bench/import.ts). A stem in many passages keeps a row
 * of its own (a query reads only it); the others share a block chosen by a hash of the stem, a few
 * thousand postings each, so a query reads one small row per stem either way.
 */
import type { BuiltSegment, SearchSegment, SegmentPostings } from '../search/segment';
import { nextTask } from '../time-slices';
import type { Packed } from './segment-parts';

/** The layout version; segments stored before it (a row per stem) have no `stored` layout. */
const POSTINGS_FORMAT = 2;

/** A stem with at least this many postings gets a row of its own. */
const SOLO_POSTINGS = 1024;
/** Postings per shared block, about (a block of them is ~40 KB). */
const BLOCK_POSTINGS = 8192;

/** Where a segment's postings are stored (kept on its `SearchSegment` row). */
export interface PostingsLayout {
  format: typeof POSTINGS_FORMAT;
  /** The `segment` value of its postings rows: the segment id and the generation that wrote them. */
  key: string;
  /** Number of shared blocks. */
  blocks: number;
  /** Stems with at least this many postings have a row of their own. */
  solo: number;
}

/** A stored postings row: one stem (`stem` is the stem) or a shared block (`stem` is `\0` + its number). */
export interface PostingsBlock {
  stem: string;
  segment: string;
  /** The stems in the row, and where each one's postings end in `passages` / `tfs`. */
  stems: string[];
  ends: Uint32Array;
  passages: Uint32Array;
  tfs: Uint8Array;
}

/** FNV-1a over the UTF-16 code units: the same block for a stem wherever it is computed. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The layout for `postings`, stored under `key`. */
export function layoutOf(postings: readonly SegmentPostings[], key: string): PostingsLayout {
  let shared = 0;
  for (const row of postings) if (row.passages.length < SOLO_POSTINGS) shared += row.passages.length;
  return {
    format: POSTINGS_FORMAT,
    key,
    blocks: Math.max(1, Math.ceil(shared / BLOCK_POSTINGS)),
    solo: SOLO_POSTINGS,
  };
}

/** The row key (`stem` field) holding the postings of `stem`, which are `df` long. */
export function blockKeyOf(layout: PostingsLayout, stem: string, df: number): string {
  return df >= layout.solo ? stem : `\u0000${hashOf(stem) % layout.blocks}`;
}

/** Adds `row` to the group of the row `layout` stores it in. */
function addToGroup(
  groups: Map<string, SegmentPostings[]>,
  row: SegmentPostings,
  layout: PostingsLayout,
): void {
  const key = blockKeyOf(layout, row.stem, row.passages.length);
  const group = groups.get(key);
  if (group) group.push(row);
  else groups.set(key, [row]);
}

/** `postings` grouped by the row `layout` stores them in (row key, then that row's stems). */
function groupsOf(
  postings: readonly SegmentPostings[],
  layout: PostingsLayout,
): [string, SegmentPostings[]][] {
  const groups = new Map<string, SegmentPostings[]>();
  for (const row of postings) addToGroup(groups, row, layout);
  return [...groups];
}

/**
 * `groupsOf`, yielding to the event loop every few thousand stems: at 300,000 documents a segment
 * has 600,000 stems, and grouping them at once was a task of 0.25 s under load (CPU profile of the
 * panel bench's import), which every lookup meanwhile waited for.
 */
export async function groupsInTasks(
  postings: readonly SegmentPostings[],
  layout: PostingsLayout,
): Promise<[string, SegmentPostings[]][]> {
  const groups = new Map<string, SegmentPostings[]>();
  for (let i = 0; i < postings.length; i++) {
    addToGroup(groups, postings[i] as SegmentPostings, layout);
    if (i % 16_384 === 16_383) await nextTask();
  }
  return [...groups];
}

/** One stored row: the postings `rows` under row key `key`. */
function blockOf(key: string, rows: readonly SegmentPostings[], layout: PostingsLayout): PostingsBlock {
  const size = rows.reduce((sum, row) => sum + row.passages.length, 0);
  const passages = new Uint32Array(size);
  const tfs = new Uint8Array(size);
  const ends = new Uint32Array(rows.length);
  let at = 0;
  rows.forEach((row, i) => {
    passages.set(row.passages, at);
    tfs.set(row.tfs, at);
    at += row.passages.length;
    ends[i] = at;
  });
  return { stem: key, segment: layout.key, stems: rows.map((row) => row.stem), ends, passages, tfs };
}

/** `postings` as the rows `layout` stores them. */
export function packBlocks(postings: readonly SegmentPostings[], layout: PostingsLayout): PostingsBlock[] {
  return groupsOf(postings, layout).map(([key, rows]) => blockOf(key, rows, layout));
}

/**
 * The rows of `groups` (from `groupsInTasks`) in batches of at most `batch` rows and about
 * `postings` postings (a row alone may hold more), each batch built only when the one before is
 * written. By count alone, a batch of the segment's largest stems (a row each, up to a posting per
 * passage) was one task of 0.15-0.18 s at 300,000 documents, building and copying them.
 */
export function* blocksInBatches(
  groups: readonly [string, SegmentPostings[]][],
  layout: PostingsLayout,
  limits: { rows: number; postings: number },
): Generator<PostingsBlock[], void, void> {
  let batch: PostingsBlock[] = [];
  let size = 0;
  for (const [key, rows] of groups) {
    const block = blockOf(key, rows, layout);
    if (batch.length > 0 && (batch.length >= limits.rows || size + block.passages.length > limits.postings)) {
      yield batch;
      batch = [];
      size = 0;
    }
    batch.push(block);
    size += block.passages.length;
  }
  if (batch.length > 0) yield batch;
}

/** The postings of `stem` in `block` (views, no copy), or undefined when the block has none. */
export function postingsIn(
  block: PostingsBlock,
  stem: string,
): { passages: Uint32Array; tfs: Uint8Array } | undefined {
  const i = block.stems.indexOf(stem);
  if (i < 0) return undefined;
  const from = i === 0 ? 0 : (block.ends[i - 1] ?? 0);
  const to = block.ends[i] ?? from;
  return { passages: block.passages.subarray(from, to), tfs: block.tfs.subarray(from, to) };
}

/**
 * A segment row as stored: the segment, where its postings are, and the version of the pack (or
 * bundled dataset) it was built from. A row without `stored` or `version` was written by an older
 * build.
 */
export type StoredSegment = SearchSegment & { stored?: PostingsLayout; version?: string };

/** A segment row as stored now: its large fields in parts (segment-parts.ts), or in it (older builds). */
export type SegmentRow = StoredSegment | Packed<StoredSegment>;

/** A segment whose postings are written and whose rows wait for `flipSegment`. */
export interface StagedSegment {
  head: BuiltSegment['head'];
  catalog: BuiltSegment['catalog'];
  segment: SegmentRow;
}

/** A key no other generation has (time, then randomness). */
function newGeneration(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

/** The rows `built` is stored as, its postings under a new generation's key. */
export function storedRowsOf(built: BuiltSegment): { staged: StagedSegment; blocks: PostingsBlock[] } {
  const staged = stagedRowsOf(built);
  return { staged, blocks: packBlocks(built.postings, staged.segment.stored as PostingsLayout) };
}

/**
 * The segment rows of `built` (from `version` of its source, when known), with the layout of its
 * postings under a new generation's key.
 */
export function stagedRowsOf(built: BuiltSegment, version?: string): StagedSegment {
  const layout = layoutOf(built.postings, `${built.segment.id}\u0001${newGeneration()}`);
  const segment: StoredSegment = { ...built.segment, stored: layout, ...(version ? { version } : {}) };
  return { head: built.head, catalog: built.catalog, segment };
}
