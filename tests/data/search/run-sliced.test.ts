import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSearchIndex, searchIndexSteps } from '../../../data/search/build-index';
import { createExpander, PREFIX_BUDGET } from '../../../data/search/prefix-expansion';
import { createSearcher, searcherSteps } from '../../../data/search/run-search';
import { runSliced, runToEnd, type SlicedWork, withinProgress } from '../../../data/search/run-sliced';
import { sortInSteps } from '../../../data/search/sort-in-steps';
import { createCorpus } from '../../../scripts/bench/_search-corpus';
import { FIXTURE_DOCUMENTS } from '../../fixtures/sidepanel/sample-documents';

/** `steps` steps of 1 ms each on a fake clock, reporting i/steps; returns 'done'. */
function* clockedWork(clock: { t: number }, steps: number): SlicedWork<string> {
  for (let i = 1; i <= steps; i++) {
    clock.t += 1;
    yield i / steps;
  }
  return 'done';
}

describe('runSliced', () => {
  it('runs steps until the budget is spent, yields between slices, and completes', async () => {
    const clock = { t: 0 };
    let yields = 0;
    const progress: number[] = [];
    const { value, stats } = await runSliced(clockedWork(clock, 20), {
      budgetMs: 4,
      now: () => clock.t,
      yieldTask: async () => {
        yields++;
      },
      onProgress: (f) => progress.push(f),
    });
    expect(value).toBe('done');
    // 20 steps of 1 ms in slices of 4 ms: 5 full slices, then one that only sees the end.
    expect(stats.slices).toBe(6);
    expect(yields).toBe(5);
    expect(stats.longestSliceMs).toBe(4);
    expect(progress).toEqual([0.2, 0.4, 0.6, 0.8, 1, 1]);
  });

  it('gives the event loop a turn between slices (a timer set meanwhile runs before the end)', async () => {
    const clock = { t: 0 };
    const order: string[] = [];
    setTimeout(() => order.push('timer'), 0);
    const run = runSliced(clockedWork(clock, 10), { budgetMs: 2, now: () => clock.t }).then(() =>
      order.push('done'),
    );
    await run;
    expect(order).toEqual(['timer', 'done']);
  });

  it('stops at a slice boundary when aborted', async () => {
    const clock = { t: 0 };
    const stop = new AbortController();
    let steps = 0;
    function* counted(): SlicedWork<void> {
      for (;;) {
        steps++;
        clock.t += 1;
        yield;
      }
    }
    const run = runSliced(counted(), { budgetMs: 3, now: () => clock.t, signal: stop.signal });
    stop.abort(new Error('closed'));
    await expect(run).rejects.toThrow('closed');
    expect(steps).toBe(3);
  });

  it('withinProgress maps a phase onto its share', () => {
    const clock = { t: 0 };
    const seen: (number | undefined)[] = [];
    const work = withinProgress(clockedWork(clock, 4), 0.5, 1);
    for (let step = work.next(); !step.done; step = work.next()) seen.push(step.value);
    expect(seen).toEqual([0.625, 0.75, 0.875, 1]);
  });
});

describe('sortInSteps', () => {
  it('orders like Array.prototype.sort, across runs and merges', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 6 }), { maxLength: 9000 }), (items) => {
        expect(runToEnd(sortInSteps([...items]))).toEqual([...items].sort());
      }),
      { numRuns: 8 },
    );
  });
});

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

describe('one-letter prefix table (walked in frequency order instead of sorted)', () => {
  it('matches the plain definition: completions by df, then id, within the budget, best weight', () => {
    const index = buildSearchIndex([...FIXTURE_DOCUMENTS, ...createCorpus(11).documents(300)]);
    const expand = createExpander(index);
    const df = (stem: number) => (index.stemOffsets[stem + 1] ?? 0) - (index.stemOffsets[stem] ?? 0);
    const letters = new Set(index.surfaces.map((s) => s[0] ?? ''));
    expect(letters.size).toBeGreaterThan(10);
    for (const letter of letters) {
      const best = new Map<number, number>();
      index.surfaces.forEach((surface, i) => {
        if (!surface.startsWith(letter)) return;
        const stem = index.surfaceStem[i] ?? 0;
        best.set(stem, Math.max(best.get(stem) ?? 0, Math.fround(0.5 + 0.4 / surface.length)));
      });
      let budget = PREFIX_BUDGET[1] ?? 0;
      const expected = [...best.keys()]
        .sort((a, b) => df(b) - df(a) || a - b)
        .flatMap((stem) => {
          if (df(stem) > budget) return [];
          budget -= df(stem);
          return [{ stem, weight: best.get(stem) }];
        });
      // A stop word as the term: no exact stem, so the answer is the table entry itself.
      expect(expand({ term: letter, stem: letter, prefix: true, stopword: true }), letter).toEqual(expected);
    }
  });
});
