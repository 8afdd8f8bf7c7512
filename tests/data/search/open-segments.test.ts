/**
 * The stored search index (segments opened with postings read on demand) against today's in-memory
 * search: the same documents, in the same order, with the same scores and passages, on the seed
 * dataset and the side panel fixtures, whether the documents sit in one segment or several.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocumentRecord } from '../../../data/dataset/types';
import { buildDataset } from '../../../data/pipeline/build';
import { buildSearchIndex } from '../../../data/search/build-index';
import { catalogId, newestFirst } from '../../../data/search/catalog';
import { openSegments, type ReadPostings } from '../../../data/search/open-segments';
import { createSearcher } from '../../../data/search/run-search';
import { buildSegment, type SegmentPostings } from '../../../data/search/segment';
import { stemDutch } from '../../../data/search/stem';
import { FIXTURE_DOCUMENTS } from '../../fixtures/sidepanel/sample-documents';

function opened(groups: DocumentRecord[][], cachedPostings?: number) {
  const built = groups.map((docs, i) => buildSegment(`s${i}`, docs));
  const rows = new Map<string, SegmentPostings>();
  for (const { postings } of built) for (const row of postings) rows.set(`${row.stem}|${row.segment}`, row);
  const reads: number[] = [];
  const read: ReadPostings = async (keys) => {
    reads.push(keys.length);
    return keys.map(([stem, segment]) => rows.get(`${stem}|${segment}`));
  };
  return {
    index: openSegments(
      built.map((b) => b.catalog),
      built.map((b) => b.segment),
      read,
      cachedPostings,
    ),
    reads,
  };
}

function inMemory(docs: DocumentRecord[]) {
  const library = docs.filter((d) => !d.stub).sort(newestFirst);
  const index = buildSearchIndex(library);
  return { index, searcher: createSearcher(index) };
}

const QUERIES = [
  'loonkostensubsidie',
  'loonkost',
  'financiële middelen',
  'de kort vvd',
  'gemeenten ',
  'loonkostensubsidie xyzzy ',
  're-integratie',
  'a',
  'mi',
  'minister van',
  'xyzzy',
  '!!!',
  'de het een',
  'x'.repeat(10_000),
  '.*(a|b)+$',
];

let seed: DocumentRecord[];
beforeAll(() => {
  seed = buildDataset().dataset.documents;
});

async function expectSameAsInMemory(
  docs: DocumentRecord[],
  groups: DocumentRecord[][],
  cachedPostings?: number,
) {
  const memory = inMemory(docs);
  const { index } = opened(groups, cachedPostings);
  expect(index.catalog.count).toBe(memory.index.docs.length);
  let found = 0;
  for (const query of QUERIES) {
    const expected = memory.searcher.search(query, { passagesPerDoc: 3 });
    const actual = await index.search(query, { passagesPerDoc: 3 });
    const idsOf = (top: typeof expected.top, id: (d: number) => string | undefined) =>
      top.map((hit) => ({ id: id(hit.doc), score: hit.score.toFixed(4), passages: hit.passages }));
    expect(
      idsOf(actual.top, (d) => catalogId(index.catalog, d)),
      query,
    ).toEqual(idsOf(expected.top, (d) => memory.index.docs[d]?.id));
    expect(actual.total, query).toBe(expected.total);
    expect(actual.complete, query).toBe(expected.complete);
    if (actual.top.length > 0) found++;
  }
  // The comparison means something only where there are results to compare.
  expect(found).toBeGreaterThanOrEqual(6);
}

describe('stored search index', () => {
  it('finds what the in-memory index finds on the side panel fixtures, ranked alike', async () => {
    await expectSameAsInMemory(FIXTURE_DOCUMENTS, [FIXTURE_DOCUMENTS]);
  });

  it('finds what the in-memory index finds on the seed dataset', async () => {
    expect(seed.filter((d) => !d.stub).length).toBeGreaterThan(3);
    await expectSameAsInMemory(seed, [seed]);
  });

  it('several segments answer as one holding all their documents', async () => {
    const thirds = [0, 1, 2].map((k) => seed.filter((_, i) => i % 3 === k));
    await expectSameAsInMemory(seed, thirds);
  });

  it('with room for a single posting, every search still ranks as in memory (older stems make way)', async () => {
    await expectSameAsInMemory(seed, [seed], 1);
    await expectSameAsInMemory(
      seed,
      [seed.filter((_, i) => i % 2 === 0), seed.filter((_, i) => i % 2 === 1)],
      1,
    );
  });

  it('past its bound the cache lets the least recently used stems go, not those searched again', async () => {
    const { postings } = buildSegment('s0', seed);
    const df = (word: string) => postings.find((row) => row.stem === stemDutch(word))?.passages.length ?? 0;
    const [a, b, c] = ['participatiewet', 'gemeenten', 'bijstand'];
    // Room for a and b; c makes one of them go, and fits beside a.
    expect(df(c)).toBeGreaterThan(0);
    expect(df(c)).toBeLessThanOrEqual(df(b));
    const { index, reads } = opened([seed], df(a) + df(b));
    await index.search(`${a} `);
    await index.search(`${b} `);
    await index.search(`${a} `);
    const before = reads.length;
    await index.search(`${c} `);
    await index.search(`${a} `);
    // c was read; a, searched more recently than b, stayed.
    expect(reads.length).toBe(before + 1);
  });

  it('reads only the postings of the stems a query needs, and keeps them for the next keystroke', async () => {
    const { index, reads } = opened([seed]);
    await index.search('loonkostensubsidie');
    expect(reads).toEqual([1]);
    await index.search('loonkostensubsidie ');
    expect(reads).toEqual([1]);
  });

  it('the catalog lists documents newest first', () => {
    const { index } = opened([seed.slice(0, 20), seed.slice(20)]);
    const ids = Array.from({ length: index.catalog.count }, (_, d) => catalogId(index.catalog, d));
    expect(ids).toEqual(
      seed
        .filter((d) => !d.stub)
        .sort(newestFirst)
        .map((d) => d.id),
    );
  });
});
