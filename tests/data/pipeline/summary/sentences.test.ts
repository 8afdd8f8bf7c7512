import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../../data/pipeline/summary/sentences';

describe('splitSentences', () => {
  it.each([
    ['Eén. Twee.', ['Eén.', 'Twee.']],
    [
      'Zie Kamerstukken II, 2025/26, 34352, nr. 349. Daarna meer.',
      ['Zie Kamerstukken II, 2025/26, 34352, nr. 349.', 'Daarna meer.'],
    ],
    [
      'De motie Ceder c.s. verzoekt de regering. Klaar.',
      ['De motie Ceder c.s. verzoekt de regering.', 'Klaar.'],
    ],
    ['Getekend door J.N.J. Nobel vandaag. Einde.', ['Getekend door J.N.J. Nobel vandaag.', 'Einde.']],
    ['Zie p. 15 en nr. 3 van de reeks. Ja?', ['Zie p. 15 en nr. 3 van de reeks.', 'Ja?']],
    ['Gedeeld.\uE0004\uE001 Hieruit bleek het.', ['Gedeeld.\uE0004\uE001', 'Hieruit bleek het.']],
  ])('%s', (text, sentences) => {
    expect(splitSentences(text).map((s) => s.text)).toEqual(sentences);
  });
});
