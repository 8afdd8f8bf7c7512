import { describe, expect, it } from 'vitest';
import { mergeTerm, PassageRun, type TermSource } from '../../../data/search/merge-term';

/** A run of `[passage, mask, score]` entries (ascending passages). */
function runOf(entries: [number, number, number][]): PassageRun {
  const run = new PassageRun();
  run.reserve(entries.length);
  entries.forEach(([p, mask, score], e) => {
    run.keys[e] = p;
    run.masks[e] = mask;
    run.scores[e] = score;
  });
  run.count = entries.length;
  return run;
}

function entriesOf(run: PassageRun): [number, number, number][] {
  return Array.from({ length: run.count }, (_, e) => [
    run.keys[e] as number,
    run.masks[e] as number,
    run.scores[e] as number,
  ]);
}

function source(passages: number[], idf: number): TermSource {
  return {
    passages: Uint32Array.from(passages),
    tfs: new Uint8Array(passages.length).fill(1),
    from: 0,
    to: passages.length,
    idf,
  };
}

/** A posting scores its source's idf here (tf and passage do not count). */
const scoreIsIdf = (_p: number, _tf: number, idf: number) => idf;

describe('mergeTerm', () => {
  it('merges a term into the run in passage order: new passages added, shared ones summed, the rest kept', () => {
    const from = runOf([
      [2, 1, 1],
      [5, 1, 2],
      [9, 1, 4],
    ]);
    const to = new PassageRun();
    mergeTerm(from, to, [source([1, 5, 7], 0.5)], 2, scoreIsIdf);
    expect(entriesOf(to)).toEqual([
      [1, 2, 0.5],
      [2, 1, 1],
      [5, 3, 2.5],
      [7, 2, 0.5],
      [9, 1, 4],
    ]);
    // `from` is read only.
    expect(entriesOf(from)).toEqual([
      [2, 1, 1],
      [5, 1, 2],
      [9, 1, 4],
    ]);
  });

  it('counts the best of several stems of one term in a passage once', () => {
    const to = new PassageRun();
    mergeTerm(
      runOf([[4, 1, 1]]),
      to,
      [source([4, 6], 0.25), source([3, 4, 6], 0.75), source([4], 0.5)],
      2,
      scoreIsIdf,
    );
    expect(entriesOf(to)).toEqual([
      [3, 2, 0.75],
      [4, 3, 1.75],
      [6, 2, 0.75],
    ]);
  });

  it('reads each source from `from` to `to` only, with many sources and empty ones', () => {
    const sources = Array.from({ length: 40 }, (_, s) => ({
      ...source([0, s, 100 + s, 1000], 1 + s),
      from: 1,
      to: s % 5 === 0 ? 1 : 3,
    }));
    const to = new PassageRun();
    mergeTerm(new PassageRun(), to, sources, 1, scoreIsIdf);
    const expected = sources
      .filter((s) => s.to > s.from)
      .flatMap((s) => [
        [s.idf - 1, 1, s.idf],
        [100 + s.idf - 1, 1, s.idf],
      ])
      .sort((a, b) => (a[0] as number) - (b[0] as number));
    expect(entriesOf(to)).toEqual(expected);
  });
});
