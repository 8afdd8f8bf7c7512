import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTopK } from '../../../data/search/select-top';

/** The top-k over `candidates` as a search offers them. */
function selectTop(candidates: number[], score: (d: number) => number, limit: number): number[] {
  const top = createTopK(limit);
  for (const d of candidates) top.offer(d, score(d));
  return top.take().map((entry) => entry.doc);
}

/** The reference: sort everything, best score first, ties to the lower index. */
function sorted(candidates: number[], scores: number[], limit: number): number[] {
  return [...candidates].sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || a - b).slice(0, limit);
}

describe('createTopK', () => {
  it.each([
    [[0, 1, 2, 3], [1, 5, 3, 5], 2, [1, 3]],
    [[3, 2, 1, 0], [1, 5, 3, 5], 3, [1, 3, 2]],
    [[0, 1], [1, 2], 5, [1, 0]],
    [[0, 1], [1, 2], 0, []],
    [[], [], 3, []],
  ])('%j scored %j, limit %i → %j', (candidates, scores, limit, expected) => {
    expect(selectTop(candidates, (d) => scores[d] ?? 0, limit)).toEqual(expected);
  });

  it('equals sorting everything', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 200 }),
        fc.integer({ min: 0, max: 30 }),
        (scores, limit) => {
          const candidates = scores.map((_, i) => i);
          expect(selectTop(candidates, (d) => scores[d] ?? 0, limit)).toEqual(
            sorted(candidates, scores, limit),
          );
        },
      ),
    );
  });

  it('starts empty again after take, for the next search', () => {
    const top = createTopK(2);
    top.offer(4, 1);
    top.offer(5, 9);
    top.offer(6, 3);
    expect(top.take()).toEqual([
      { doc: 5, score: 9 },
      { doc: 6, score: 3 },
    ]);
    top.offer(1, 0.5);
    expect(top.take()).toEqual([{ doc: 1, score: 0.5 }]);
  });
});
