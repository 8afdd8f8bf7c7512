import { describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../../data/search/build-index';
import { createExpander, PREFIX_BUDGET } from '../../../data/search/prefix-expansion';
import { parseQuery } from '../../../data/search/query-terms';
import { makeDocument } from '../../fixtures/builders';

// Word i occurs in i+1 passages, so document frequency grows with the number.
const WORDS = Array.from({ length: 40 }, (_, i) => `gaten${String.fromCharCode(97 + (i % 26))}${i}`);
// And one word in 25,000 passages: more than a one- or two-letter prefix may bring in.
const docs = [
  ...Array.from({ length: 40 }, (_, d) =>
    makeDocument({ id: `x-${d}`, title: WORDS.filter((_, i) => i >= 39 - d).join(' ') }),
  ),
  ...Array.from({ length: 25_000 }, (_, d) => makeDocument({ id: `x${d}`, title: 'gaaf' })),
];
const index = buildSearchIndex(docs);
const expand = createExpander(index);
const stemName = new Map([...index.stemIds].map(([stem, id]) => [id, stem]));
const df = (stem: number) => (index.stemOffsets[stem + 1] ?? 0) - (index.stemOffsets[stem] ?? 0);
const expansions = (query: string) => {
  const term = parseQuery(query)[0];
  if (!term) throw new Error('no term');
  return expand(term);
};

describe('prefix expansion', () => {
  it('a finished word is only its own stem', () => {
    expect(expansions('gatena0 ').map((e) => stemName.get(e.stem))).toEqual(['gatena0']);
  });

  it('a prefix being typed adds completions, most frequent first, weighted below the word itself', () => {
    const found = expansions('gaten');
    expect(found).toHaveLength(40);
    const dfs = found.map((e) => df(e.stem));
    expect(dfs).toEqual([...dfs].sort((a, b) => b - a));
    for (const e of found) expect(e.weight).toBeLessThan(1);
  });

  it.each([
    ['g', 1],
    ['ga', 2],
    ['gat', 3],
  ])('%s: completions stay within the budget for its length, the rare ones still in', (prefix, length) => {
    const found = expansions(prefix);
    const total = found.reduce((sum, e) => sum + df(e.stem), 0);
    expect(total).toBeLessThanOrEqual(PREFIX_BUDGET[length] ?? 0);
    expect(found.map((e) => stemName.get(e.stem))).not.toContain('gaaf');
    expect(found).toHaveLength(40);
  });

  it('a longer prefix may bring in the frequent word', () => {
    expect(expansions('gaa').map((e) => stemName.get(e.stem))).toEqual(['gaaf'.replace('aa', 'a')]);
  });

  it('a prefix nothing starts with expands to nothing', () => {
    expect(expansions('xq')).toEqual([]);
    expect(expansions('xqz')).toEqual([]);
  });
});
