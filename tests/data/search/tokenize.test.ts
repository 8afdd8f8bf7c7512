import { describe, expect, it } from 'vitest';
import { foldText, tokenize, tokenizeQuery } from '../../../data/search/tokenize';

describe('foldText', () => {
  it.each([
    ['Één', 'een'],
    ['financiële', 'financiele'],
    ['enquêtes', 'enquetes'],
    ['cliënten', 'clienten'],
    ['PARTICIPATIEWET', 'participatiewet'],
  ])('%s → %s', (input, folded) => {
    expect(foldText(input)).toBe(folded);
  });
});

describe('tokenize', () => {
  it('gives folded words with offsets into the original text', () => {
    const text = 'Eén cliënt, twee enquêtes.';
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.term)).toEqual(['een', 'client', 'twee', 'enquetes']);
    for (const t of tokens) expect(foldText(text.slice(t.start, t.end))).toBe(t.term);
  });

  it.each([
    ['re-integratie', ['re', 'integratie', 'reintegratie']],
    ['re\u2011integratie', ['re', 'integratie', 'reintegratie']],
    ['52.000 mensen', ['52.000', 'mensen']],
    ['woord - los', ['woord', 'los']],
    ['2024Z15690', ['2024z15690']],
  ])('%s', (text, terms) => {
    expect(tokenize(text).map((t) => t.term)).toEqual(terms);
  });

  it('queries keep a hyphenated compound as one joined term', () => {
    expect(tokenizeQuery('re-integratie gemeenten').map((t) => t.term)).toEqual([
      'reintegratie',
      'gemeenten',
    ]);
  });
});
