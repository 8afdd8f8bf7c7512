import { describe, expect, it } from 'vitest';
import { expanderSteps } from '../../../data/search/prefix-expansion';
import { runToEnd } from '../../../data/time-slices';

/** A vocabulary of `count` stems, one surface each (`w0000000` …), stem `s` in `s % 7 + 1` passages. */
function vocabulary(count: number) {
  const words = Array.from({ length: count }, (_, s) => `w${String(s).padStart(7, '0')}`);
  return {
    surfaces: words,
    surfaceStem: Uint32Array.from(words.keys()),
    stemId: (stem: string) =>
      /^w\d{7}$/.test(stem) && Number(stem.slice(1)) < count ? Number(stem.slice(1)) : undefined,
    stemDf: Uint32Array.from({ length: count }, (_, s) => (s % 7) + 1),
  };
}

describe('prefix expansion scratch', () => {
  it('is sized to the surfaces a prefix covers, not a slot per stem of the index', () => {
    const index = vocabulary(500_000);
    const before = process.memoryUsage().arrayBuffers;
    const expand = runToEnd(expanderSteps(index, { lazy: true }));
    const completions = expand({ term: 'w000012', stem: 'w000012', prefix: true, stopword: false });
    const grown = process.memoryUsage().arrayBuffers - before;
    // The ten stems w0000120 … w0000129, most passages first (`s % 7 + 1`), then by id.
    expect(completions.map((c) => c.stem)).toEqual([125, 124, 123, 122, 129, 121, 128, 120, 127, 126]);
    // Two 4-byte slots per stem (500,000 here) would be 4 MB.
    expect(grown).toBeLessThan(1 << 20);
  });

  it('counts the most frequent completion of three letters or more even past the budget', () => {
    // One word in more passages than any prefix's budget, one rare word beside it.
    const surfaces = ['participatiewet', 'participatiewetten'];
    const expand = runToEnd(
      expanderSteps(
        {
          surfaces,
          surfaceStem: Uint32Array.of(0, 1),
          stemId: (stem: string) => (surfaces.includes(stem) ? surfaces.indexOf(stem) : undefined),
          stemDf: Uint32Array.of(70_353, 200),
        },
        { lazy: true },
      ),
    );
    const stems = (term: string) =>
      expand({ term, stem: term, prefix: true, stopword: false }).map((c) => c.stem);
    expect(stems('participatiewe')).toEqual([0, 1]);
    expect(stems('par')).toEqual([0, 1]);
    // Two letters: the budget holds (their completions are precomputed for the whole vocabulary).
    expect(stems('pa')).toEqual([1]);
  });
});
