import { describe, expect, it } from 'vitest';
import { stemDutch } from '../../../data/search/stem';
import { foldText } from '../../../data/search/tokenize';

const stem = (word: string) => stemDutch(foldText(word));

describe('stemDutch: inflected forms share a stem', () => {
  it.each([
    ['gemeenten', 'gemeente'],
    ['gemeentes', 'gemeente'],
    ['vragen', 'vraag'],
    ['mogelijkheden', 'mogelijkheid'],
    ['werkgevers', 'werkgever'],
    ['uitkeringen', 'uitkering'],
    ['brieven', 'brief'],
    ['huizen', 'huis'],
    ['grote', 'groot'],
    ['jaren', 'jaar'],
    ['kosten', 'kost'],
    ['gesprekken', 'gesprek'],
    ['regels', 'regel'],
    ['situaties', 'situatie'],
    ['beschikbare', 'beschikbaar'],
    ['loonkostensubsidies', 'loonkostensubsidie'],
    ['Financiële', 'financiele'],
    ['processen', 'proces'],
  ])('%s ~ %s', (a, b) => {
    expect(stem(a)).toBe(stem(b));
  });
});

describe('stemDutch: different words stay apart', () => {
  it.each([
    ['gemeente', 'gemeenschap'],
    ['werk', 'werkgever'],
    ['grens', 'gren'],
    ['vraag', 'vrij'],
  ])('%s ≠ %s', (a, b) => {
    expect(stem(a)).not.toBe(stem(b));
  });
});

describe('stemDutch: leaves alone', () => {
  it.each(['de', 'wet', '2024z15690', '34352', 'idee'])('%s', (word) => {
    expect(stemDutch(word)).toBe(word);
  });
});
