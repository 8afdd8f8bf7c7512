/**
 * Staging a search segment writes its postings in short transactions: a lookup's read waits for the
 * storage engine while any table is written (search-segments.ts, `PER_TRANSACTION`).
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { PostingsBlock } from '../../../data/db/postings-blocks';
import { stageSegment } from '../../../data/db/search-segments';
import { buildSegment } from '../../../data/search/segment';
import { makeDocument } from '../../fixtures/builders';
import { freshDB } from '../../fixtures/db/fresh-db';

/**
 * 1,200 documents whose titles share eight words (a row of its own each: over 1,024 postings) and
 * hold rarer ones (shared rows).
 */
const documents = Array.from({ length: 1200 }, (_, i) =>
  makeDocument({
    id: `kst-${40000 + i}-1`,
    title: `Windmolens stikstof woningbouw netcongestie jeugdzorg bekostiging zorgverzekeraars kinderopvang regel${i} artikel${i % 97}`,
    date: '2025-03-01',
  }),
);

describe('stageSegment', () => {
  it('writes at most 4 postings rows per transaction, and 16K postings where it writes several', async () => {
    const db = freshDB();
    const batches: PostingsBlock[][] = [];
    const bulkAdd = db.searchPostings.bulkAdd.bind(db.searchPostings);
    db.searchPostings.bulkAdd = ((rows: PostingsBlock[]) => {
      batches.push([...rows]);
      return bulkAdd(rows);
    }) as typeof db.searchPostings.bulkAdd;
    await stageSegment(db, buildSegment('vergaderjaar-2024-2025', documents));
    for (const batch of batches) {
      expect(batch.length).toBeLessThanOrEqual(4);
      const postings = batch.reduce((sum, block) => sum + block.passages.length, 0);
      if (batch.length > 1) expect(postings).toBeLessThanOrEqual(16_384);
    }
    expect(batches.length).toBeGreaterThan(1);
  });
});
