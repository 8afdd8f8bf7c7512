/**
 * A segment is built in steps that never sort everything in one call: its documents come out in
 * the library's order (`newestFirst`) and its stem order is `sortedOrder`'s, as a one-call sort
 * would give them, over more items than one sorted run.
 */
import { describe, expect, it } from 'vitest';
import { catalogId, newestFirst } from '../../../data/search/catalog';
import { sortedOrder } from '../../../data/search/packed-words';
import { buildSegment, splitList } from '../../../data/search/segment';
import { createCorpus } from '../../../scripts/bench/_search-corpus';

describe('a segment built in steps', () => {
  // Many share a date (the corpus repeats dates), so the id decides between them.
  const documents = createCorpus(11).documents(5000);
  const built = buildSegment('s', documents);

  it('lists its documents newest first, as one sort would', () => {
    const expected = [...documents].sort(newestFirst).map((d) => d.id);
    const catalog = built.catalog.catalog;
    expect(Array.from({ length: catalog.count }, (_, d) => catalogId(catalog, d))).toEqual(expected);
  });

  it('orders its stems as sortedOrder does', () => {
    const stems = splitList(built.segment.stems);
    expect(stems.length).toBeGreaterThan(2048 * 2);
    expect(Array.from(built.segment.stemOrder)).toEqual(Array.from(sortedOrder(stems)));
  });
});
