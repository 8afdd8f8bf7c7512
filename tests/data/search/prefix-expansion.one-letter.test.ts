import { describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../../data/search/build-index';
import { createExpander, PREFIX_BUDGET } from '../../../data/search/prefix-expansion';
import { createCorpus } from '../../../scripts/bench/_search-corpus';
import { FIXTURE_DOCUMENTS } from '../../fixtures/sidepanel/sample-documents';

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
