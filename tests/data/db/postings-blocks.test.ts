/**
 * Postings stored in blocks: every stem's postings come back exactly from the row its layout names,
 * stems in many passages have a row of their own, and a segment has far fewer rows than stems.
 */
import { describe, expect, it } from 'vitest';
import {
  blockKeyOf,
  blocksInBatches,
  groupsInTasks,
  layoutOf,
  packBlocks,
  postingsIn,
  storedRowsOf,
} from '../../../data/db/postings-blocks';
import { buildSegment, type SegmentPostings } from '../../../data/search/segment';
import { seedLikeDataset } from '../../fixtures/db/seed-like';

/** `count` postings of `stem`: passages 0, 3, 6, … with term frequencies cycling 1…7. */
function postingsOfStem(stem: string, count: number): SegmentPostings {
  return {
    stem,
    segment: 's',
    passages: Uint32Array.from({ length: count }, (_, i) => i * 3),
    tfs: Uint8Array.from({ length: count }, (_, i) => 1 + (i % 7)),
  };
}

describe('postings blocks', () => {
  const postings = [
    postingsOfStem('brief', 5000),
    postingsOfStem('minister', 1024),
    ...Array.from({ length: 3000 }, (_, i) => postingsOfStem(`woord${i}`, 1 + (i % 9))),
  ];
  const layout = layoutOf(postings, 's\u0001g1');
  const blocks = packBlocks(postings, layout);

  it('gives each stem back exactly, from the row its layout names', () => {
    const byKey = new Map(blocks.map((block) => [block.stem, block]));
    for (const row of postings) {
      const block = byKey.get(blockKeyOf(layout, row.stem, row.passages.length));
      expect(block?.segment).toBe('s\u0001g1');
      const found = block ? postingsIn(block, row.stem) : undefined;
      expect(found && Array.from(found.passages), row.stem).toEqual(Array.from(row.passages));
      expect(found && Array.from(found.tfs), row.stem).toEqual(Array.from(row.tfs));
    }
  });

  it('keeps a row per stem in many passages and shares blocks among the rest', () => {
    expect(blocks.find((block) => block.stem === 'brief')?.stems).toEqual(['brief']);
    expect(blocks.find((block) => block.stem === 'minister')?.stems).toEqual(['minister']);
    const shared = postings.slice(2).reduce((sum, row) => sum + row.passages.length, 0);
    expect(layout.blocks).toBe(Math.ceil(shared / 8192));
    expect(blocks).toHaveLength(2 + layout.blocks);
    expect(postingsIn(blocks[0] as (typeof blocks)[number], 'afwezig')).toBeUndefined();
  });

  it('stores the seed dataset in far fewer rows than it has stems, each generation under its own key', () => {
    const built = buildSegment('bundled', seedLikeDataset().documents);
    const first = storedRowsOf(built);
    const second = storedRowsOf(built);
    expect(first.blocks.length).toBeLessThan(built.postings.length / 20);
    expect(first.blocks.reduce((sum, block) => sum + block.passages.length, 0)).toBe(
      built.postings.reduce((sum, row) => sum + row.passages.length, 0),
    );
    expect(first.staged.segment.stored?.key).not.toBe(second.staged.segment.stored?.key);
    expect(first.staged.segment.stored?.key.startsWith('bundled\u0001')).toBe(true);
  });

  it('writes the same rows in batches bounded by rows and postings (a larger row alone)', async () => {
    const groups = await groupsInTasks(postings, layout);
    const batches = [...blocksInBatches(groups, layout, { rows: 3, postings: 2048 })];
    expect(batches.flat()).toEqual(blocks);
    for (const batch of batches) {
      expect(batch.length).toBeLessThanOrEqual(3);
      const size = batch.reduce((sum, block) => sum + block.passages.length, 0);
      if (batch.length > 1) expect(size).toBeLessThanOrEqual(2048);
    }
    // The 5,000 postings of `brief` exceed the bound: they make a batch of their own.
    expect(batches.find((batch) => batch.some((block) => block.stem === 'brief'))).toHaveLength(1);
  });
});
