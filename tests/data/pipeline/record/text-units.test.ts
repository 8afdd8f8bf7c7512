/** Small readers: sentences, question/answer headers, dates, people, cited-as labels, short questions. */
import { describe, expect, it } from 'vitest';
import { dateAfter, firstDate } from '../../../../data/pipeline/record/dutch-dates';
import { parseMembers, parseOfficeHolders } from '../../../../data/pipeline/record/people';
import {
  expandNumbers,
  matchAnswerHeader,
  matchNumberedQuestion,
  matchQuestionHeader,
} from '../../../../data/pipeline/record/qa-headers';
import { questionShort } from '../../../../data/pipeline/record/question-short';
import { citedAsBefore } from '../../../../data/pipeline/references/cited-as';
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

describe('question and answer headers', () => {
  it.each([
    ['Vraag 1', '1', ''],
    ['Vraag 12 ', '12', ''],
    ['Vraag 3: Bent u bekend?', '3', 'Bent u bekend?'],
    ['Vraag 3 Bent u bekend?', null, null],
    ['Vragen van het lid De Kort', null, null],
  ])('question %s', (text, number, rest) => {
    const match = matchQuestionHeader(text);
    expect(match ? [match.number, match.rest] : [null, null]).toEqual([number, rest]);
  });
  it.each([
    ['Antwoord 1', ['1'], ''],
    ['Antwoord vraag 1:', ['1'], ''],
    ['Antwoord vraag 3, 4 en 5:', ['3', '4', '5'], ''],
    ['Antwoord op vraag 2', ['2'], ''],
    ['Antwoorden op vragen 6 t/m 8', ['6', '7', '8'], ''],
    ['Antwoord vraag 1: Ja.', ['1'], 'Ja.'],
    ['Antwoord van minister Aartsen', null, null],
  ])('answer %s', (text, numbers, rest) => {
    const match = matchAnswerHeader(text);
    expect(match ? [match.numbers, match.rest] : [null, null]).toEqual([numbers, rest]);
  });
  it('numbered questions must ask something', () => {
    expect(matchNumberedQuestion('2. Deelt u de mening? Zo nee, waarom niet?')?.number).toBe('2');
    expect(matchNumberedQuestion('1. Er bestaat een mismatch')).toBeNull();
    expect(expandNumbers('3-5')).toEqual(['3', '4', '5']);
  });
});

describe('dates', () => {
  it('reads Dutch dates as ISO', () => {
    expect(dateAfter('(ontvangen  31 maart 2026)', 'ontvangen')).toBe('2026-03-31');
    expect(dateAfter('(ingezonden 11 oktober\n2024)', 'ingezonden')).toBe('2024-10-11');
    expect(firstDate('uit Trouw van dinsdag 10 februari 2026?')).toBe('2026-02-10');
    expect(firstDate('op 31 februari 2026')).toBeNull();
  });
});

describe('people', () => {
  it('office holders with and without a printed name', () => {
    expect(
      parseOfficeHolders(
        'Staatssecretaris Nobel (Sociale Zaken en Werkgelegenheid), mede namens de Minister van Sociale Zaken en Werkgelegenheid',
      ),
    ).toEqual([
      { name: 'Nobel', role: 'staatssecretaris', portfolio: 'Sociale Zaken en Werkgelegenheid', party: null },
      {
        name: 'Minister van Sociale Zaken en Werkgelegenheid',
        role: 'minister',
        portfolio: 'Sociale Zaken en Werkgelegenheid',
        party: null,
      },
    ]);
  });
  it('members with their party', () => {
    expect(parseMembers('De Kort (VVD) en Pouw-Verweij (JA21)')).toEqual([
      { name: 'De Kort', role: 'lid', portfolio: null, party: 'VVD' },
      { name: 'Pouw-Verweij', role: 'lid', portfolio: null, party: 'JA21' },
    ]);
  });
});

describe('citedAsBefore', () => {
  const doc = 'het programma Participatiewet in balans en nogmaals Participatiewet in balans';
  it.each([
    [
      'In de Monitoringsbrief Participatiewet van 15 oktober 2024',
      'Monitoringsbrief Participatiewet van 15 oktober 2024',
    ],
    [
      'dat met de Kamerbrief monitoring Participatiewet 2025 met uw Kamer is gedeeld.',
      'Kamerbrief monitoring Participatiewet 2025',
    ],
    [
      'In de ‘Voortgangsbrief sociaal ontwikkelbedrijven en beschut werk’',
      'Voortgangsbrief sociaal ontwikkelbedrijven en beschut werk',
    ],
    ['naar aanleiding van een motie van het lid Van Kent c.s.', 'motie van het lid Van Kent c.s.'],
    [
      'met het programmaplan Participatiewet in balans geïnformeerd over de aanpak',
      'programmaplan Participatiewet in balans',
    ],
    [
      'de motie Yeşilgöz-Zegerius en Bontenbal aangenomen waarin de regering wordt verzocht',
      'motie Yeşilgöz-Zegerius en Bontenbal',
    ],
    ['dat als bijlage is opgenomen bij Stand van de Uitvoering', 'Stand van de Uitvoering'],
    ['De Raad van State', 'Raad van State'],
    ['De vorige monitoringsbrief dateert van oktober 2024.', null],
    ['Het kabinet start daarom met drie doelen', null],
    ['In 2024 heeft de Tweede Kamer', null],
  ])('%s', (before, label) => {
    expect(citedAsBefore(before, doc)).toBe(label);
  });
});

describe('questionShort', () => {
  it('takes the first question sentence and shortens at a word', () => {
    expect(
      questionShort(
        'Eén van de conclusies is dat het niet werkt. Was u al bekend met deze knelpunten? Zo ja, hoe lang?',
      ),
    ).toBe('Was u al bekend met deze knelpunten?');
    const long = questionShort(`Bent u bekend met ${'het zeer lange bericht '.repeat(10)}?`);
    expect(long.length).toBeLessThanOrEqual(140);
    expect(long.endsWith('…')).toBe(true);
  });
});
