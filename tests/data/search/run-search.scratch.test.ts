import { describe, expect, it } from 'vitest';
import { docOfPassage } from '../../../data/search/doc-of-passage';
import { createSearcher } from '../../../data/search/run-search';
import { ScoreTable } from '../../../data/search/score-table';
import type { SearchableIndex } from '../../../data/search/searchable';

/** A stored-looking index of `docs` documents, three passages each; stem 0 (`alpha`) in a few. */
function largeIndex(docs: number): SearchableIndex {
  const passages = docs * 3;
  const hits = Uint32Array.from([5, 6, 900, 300_001, passages - 1]);
  return {
    docCount: docs,
    docFirstPassage: Uint32Array.from({ length: docs + 1 }, (_, d) => d * 3),
    passageLength: new Uint16Array(passages).fill(12),
    passageBoost: { codes: new Uint8Array(passages), values: Float32Array.from([1]) },
    avgPassageLength: 12,
    surfaces: ['alpha'],
    surfaceStem: Uint32Array.from([0]),
    stemId: (stem) => (stem === 'alpha' ? 0 : undefined),
    stemDf: Uint32Array.from([hits.length]),
    postingsOf: (stem) =>
      stem === 0
        ? { passages: hits, tfs: new Uint8Array(hits.length).fill(1), from: 0, to: hits.length }
        : undefined,
  };
}

describe('search scratch', () => {
  it('is sized to what a search touches, not to the documents and passages of the index', () => {
    const index = largeIndex(400_000);
    const before = process.memoryUsage().arrayBuffers;
    const searcher = createSearcher(index, { lazy: true });
    const outcome = searcher.search('alpha');
    const grown = process.memoryUsage().arrayBuffers - before;
    expect(Array.from(outcome.matched)).toEqual([1, 2, 300, 100_000, 399_999]);
    const found = outcome.top.map((hit) => [hit.doc, hit.passages.map((h) => h.passage)]);
    expect(found.sort((x, y) => Number(x[0]) - Number(y[0]))).toEqual([
      [1, [2]],
      [2, [0]],
      [300, [0]],
      [100_000, [1]],
      [399_999, [2]],
    ]);
    // A slot per passage and per document (1.2 million and 400,000 here) would be ≥ 16 MB, and 4
    // bytes a document (where each document's entry is) 1.6 MB: what is held is what the search
    // touched, its passages in order and with them their documents.
    expect(grown).toBeLessThan(1 << 20);
  });
});

describe('ScoreTable', () => {
  it('keeps keys in the order first touched, through growing and clearing', () => {
    const table = new ScoreTable();
    const keys = Array.from({ length: 5000 }, (_, i) => (i * 7919) % 100_003);
    for (const key of keys) {
      // The entry first: adding may grow the table, and with it its arrays.
      const e = table.entry(key);
      table.first[e] = key / 2;
    }
    expect(table.count).toBe(5000);
    expect(Array.from(table.keys.subarray(0, table.count))).toEqual(keys);
    expect(keys.every((key) => table.first[table.find(key)] === key / 2)).toBe(true);
    expect(table.find(100_004)).toBe(-1);
    table.clear();
    expect(table.find(keys[0] ?? 0)).toBe(-1);
    expect(table.entry(42)).toBe(0);
    expect(table.masks[0]).toBe(0);
    // A small search after a large one: the room of the large one is given back.
    table.clear();
    expect(table.keys.length).toBeLessThan(8192);
  });
});

describe('docOfPassage', () => {
  it('finds the document of every passage, documents without passages included', () => {
    const first = Uint32Array.from([0, 3, 3, 3, 40, 41, 41, 100, 101]);
    const docOf = docOfPassage(first);
    for (let d = 0; d + 1 < first.length; d++)
      for (let p = first[d] ?? 0; p < (first[d + 1] ?? 0); p++) expect(docOf(p)).toBe(d);
  });
});
