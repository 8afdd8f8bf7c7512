import { describe, expect, it } from 'vitest';
import {
  createTermMatcher,
  emptyQueryReason,
  MAX_QUERY_TERMS,
  parseQuery,
} from '../../../data/search/query-terms';

describe('parseQuery', () => {
  it.each([
    ['loonkost', [['loonkost', true]]],
    ['loonkost ', [['loonkost', false]]],
    [
      'de gemeenten van',
      [
        ['gemeenten', false],
        ['van', true],
      ],
    ],
    ['de gemeenten van ', [['gemeenten', false]]],
    ['  ', []],
  ] as const)('%j', (query, expected) => {
    expect(parseQuery(query).map((t) => [t.term, t.prefix])).toEqual(expected);
  });

  it('matches inflections and, for the typed prefix, completions', () => {
    const matches = createTermMatcher(parseQuery('gemeenten loonk'));
    expect(['gemeente', 'gemeentes', 'loonkostensubsidie', 'de', 'werk'].map(matches)).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
  });

  it('a pasted text of thousands of words keeps its first distinct terms, stop words left out', () => {
    const words = Array.from({ length: 3000 }, (_, i) => `woord${i}`);
    const pasted = words.flatMap((word) => ['de', word, word]).join(' ');
    expect(pasted.length).toBeGreaterThan(10_000);
    expect(parseQuery(pasted).map((t) => [t.term, t.prefix])).toEqual(
      words.slice(0, MAX_QUERY_TERMS).map((word) => [word, false]),
    );
  });

  it.each([
    ['!!! ?? …', 'no-words'],
    ['^.*$', 'no-words'],
    ['', 'no-words'],
    ['de het van ', 'stop-words'],
    ['De  HET ', 'stop-words'],
  ] as const)('a query without terms, %j, says why: %s', (query, reason) => {
    expect(parseQuery(query)).toEqual([]);
    expect(emptyQueryReason(query)).toBe(reason);
  });
});
