import { describe, expect, it } from 'vitest';
import { createTermMatcher, parseQuery } from '../../../data/search/query-terms';

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
});
