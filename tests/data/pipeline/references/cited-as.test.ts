import { describe, expect, it } from 'vitest';
import { citedAsBefore } from '../../../../data/pipeline/references/cited-as';

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
