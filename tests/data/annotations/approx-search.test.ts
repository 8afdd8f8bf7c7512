import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findApprox, preparePattern, scanEnds } from '../../../data/annotations/approx-search';
import { editDistance } from '../../../data/annotations/edit-distance';

/** Reference: Sellers' DP, the fewest edits of `pattern` against any substring ending at each position. */
function naiveEndErrors(text: string, pattern: string): number[] {
  let column = Array.from({ length: pattern.length + 1 }, (_, i) => i);
  const ends: number[] = [];
  for (let j = 0; j < text.length; j++) {
    const next = [0];
    for (let i = 1; i <= pattern.length; i++) {
      const cost = pattern[i - 1] === text[j] ? 0 : 1;
      next.push(
        Math.min((column[i - 1] as number) + cost, (column[i] as number) + 1, (next[i - 1] as number) + 1),
      );
    }
    column = next;
    ends.push(column[pattern.length] as number);
  }
  return ends;
}

function scannedEnds(text: string, pattern: string, k: number): Map<number, number> {
  const found = new Map<number, number>();
  scanEnds(text, preparePattern(pattern), k, 0, text.length, (end, errors) => found.set(end, errors));
  return found;
}

// Small alphabets make near-matches frequent, so the cut-off logic is exercised.
const smallText = (max: number) =>
  fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', 'é'), maxLength: max });
const patternOf = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', 'é'), minLength: min, maxLength: max });

describe('scanEnds (Myers, blocks with cut-off)', () => {
  it('reports exactly the ends the plain DP finds within k, with the same error counts', () => {
    fc.assert(
      fc.property(smallText(300), patternOf(1, 100), fc.nat(40), (text, pattern, k) => {
        const expected = new Map<number, number>();
        naiveEndErrors(text, pattern).forEach((errors, j) => {
          if (errors <= k) expected.set(j + 1, errors);
        });
        expect(scannedEnds(text, pattern, k)).toEqual(expected);
      }),
      { numRuns: 400 },
    );
  });

  it('handles patterns spanning many blocks (up to 200 characters)', () => {
    fc.assert(
      fc.property(smallText(600), patternOf(60, 200), fc.integer({ min: 0, max: 80 }), (text, pattern, k) => {
        const expected = new Map<number, number>();
        naiveEndErrors(text, pattern).forEach((errors, j) => {
          if (errors <= k) expected.set(j + 1, errors);
        });
        expect(scannedEnds(text, pattern, k)).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });

  it('matches the DP where blocks switch on and off: edited copies of the pattern in foreign noise', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.string({ unit: fc.constantFrom('x', 'y'), maxLength: 150 }),
            fc.array(fc.nat(), { maxLength: 12 }),
          ),
        ),
        patternOf(33, 160),
        fc.integer({ min: 0, max: 60 }),
        (pieces, pattern, k) => {
          let text = '';
          for (const [noise, edits] of pieces) {
            let copy = pattern;
            for (const at of edits)
              copy = `${copy.slice(0, at % copy.length)}x${copy.slice((at % copy.length) + 1)}`;
            text += noise + copy;
          }
          const expected = new Map<number, number>();
          naiveEndErrors(text, pattern).forEach((errors, j) => {
            if (errors <= k) expected.set(j + 1, errors);
          });
          expect(scannedEnds(text, pattern, k)).toEqual(expected);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('findApprox', () => {
  it('finds an exact occurrence at k = 0, at its place', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 200 }),
        fc.string({ minLength: 1, maxLength: 70 }),
        fc.string({ maxLength: 200 }),
        (before, pattern, after) => {
          const text = before + pattern + after;
          const matches = findApprox(text, pattern, 0);
          expect(matches).toContainEqual({
            start: before.length,
            end: before.length + pattern.length,
            errors: 0,
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('every match is within its reported distance, which never exceeds k', () => {
    fc.assert(
      fc.property(smallText(300), patternOf(1, 80), fc.nat(30), (text, pattern, k) => {
        for (const match of findApprox(text, pattern, k)) {
          expect(match.errors).toBeLessThanOrEqual(k);
          expect(editDistance(pattern, text.slice(match.start, match.end))).toBe(match.errors);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('finds a copy with d edits when k ≥ d', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('x', 'y'), maxLength: 200 }),
        patternOf(20, 120),
        fc.array(fc.nat(), { maxLength: 6 }),
        (noise, pattern, edits) => {
          let copy = pattern;
          for (const at of edits)
            copy = `${copy.slice(0, at % copy.length)}z${copy.slice((at % copy.length) + 1)}`;
          const text = noise + copy + noise;
          const d = editDistance(pattern, copy);
          const matches = findApprox(text, pattern, d);
          expect(
            matches.some(
              (m) => m.errors <= d && m.start < noise.length + copy.length && m.end > noise.length,
            ),
          ).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('reports exactly the local minima of the error count along each run of ends', () => {
    fc.assert(
      fc.property(smallText(200), patternOf(1, 40), fc.nat(12), (text, pattern, k) => {
        const errors = naiveEndErrors(text, pattern);
        const at = (end: number) =>
          end >= 1 && end <= text.length ? (errors[end - 1] as number) : Number.POSITIVE_INFINITY;
        const expected: number[] = [];
        for (let end = 1; end <= text.length; end++) {
          const e = at(end);
          if (e > k) continue;
          // Walk the flat stretch both ways; a minimum when both sides rise (or leave the run).
          let left = end - 1;
          while (at(left) === e) left--;
          let right = end + 1;
          while (at(right) === e) right++;
          if (at(left) > e && at(right) > e) expected.push(end);
        }
        expect(findApprox(text, pattern, k).map((m) => m.end)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('respects the from/to window', () => {
    const text = 'motie aangenomen; motie verworpen; motie aangenomen';
    const matches = findApprox(text, 'motie aangenomen', 0, 10);
    expect(matches).toEqual([{ start: 35, end: 51, errors: 0 }]);
  });
});
