import { describe, expect, it } from 'vitest';
import { buildSearchIndex, searchIndexSteps } from '../../../data/search/build-index';
import { createSearcher, searcherSteps } from '../../../data/search/run-search';
import { runSliced } from '../../../data/time-slices';
import { createCorpus } from '../../../scripts/bench/_search-corpus';
import { FIXTURE_DOCUMENTS } from '../../fixtures/sidepanel/sample-documents';

const QUERIES = [
  'loonkostensubsidie',
  'loonk',
  'gemeenten ',
  'de kort vvd',
  'sociale zek',
  'financiële',
  'a',
  'xyzzy',
];

describe('the index built in slices is the one-shot index', () => {
  const corpus = [...FIXTURE_DOCUMENTS, ...createCorpus(7).documents(400)];

  it('same arrays and the same results for a set of queries', async () => {
    const oneShot = buildSearchIndex(corpus);
    // Budget 0: one step per slice, the most interleaving there can be.
    const microtask = () => Promise.resolve();
    const sliced = await runSliced(searchIndexSteps(corpus), { budgetMs: 0, yieldTask: microtask });
    expect(sliced.stats.slices).toBeGreaterThan(corpus.length);
    expect(sliced.value).toEqual(oneShot);
    // More surfaces than one sort run: the merge path is exercised.
    expect(oneShot.surfaces.length).toBeGreaterThan(4096);
    const expected = createSearcher(oneShot);
    const searcher = (await runSliced(searcherSteps(sliced.value), { budgetMs: 0, yieldTask: microtask }))
      .value;
    for (const query of QUERIES) {
      const a = searcher.search(query);
      const b = expected.search(query);
      expect(a.top, query).toEqual(b.top);
      expect(a.total, query).toBe(b.total);
    }
    expect(expected.search('loonkostensubsidie').total).toBeGreaterThan(0);
  });
});
