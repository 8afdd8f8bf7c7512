import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortInSteps } from '../../../data/search/sort-in-steps';
import { runToEnd } from '../../../data/time-slices';

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
