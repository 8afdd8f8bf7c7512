import { describe, expect, it } from 'vitest';
import { scanPage, seenReferences } from './scanner-helpers';

describe('page scanner: an official-publication header split over elements', () => {
  it('marks the number line with the paper the dossier line above names', async () => {
    await scanPage(
      '<div class="stuk"><div class="dossier">31 234</div><div class="titel">Wijziging van de Wet langdurige zorg</div>' +
        '<div class="nummer">Nr. 57</div><div>BRIEF VAN DE MINISTER VAN VOLKSGEZONDHEID, WELZIJN EN SPORT</div>' +
        '<p>Aan de Voorzitter van de Tweede Kamer der Staten-Generaal</p></div>',
    );
    expect(seenReferences()).toEqual([{ ids: 'kst-31234-57', kind: 'kamerstuk', pieces: ['Nr. 57'] }]);
  });

  it('reads dossier and title in one element, and a number line with its title', async () => {
    await scanPage(
      '<header><p class="dossiernummer">34 352 Uitvoering en evaluatie Participatiewet</p>' +
        '<p class="stuknummer">Nr. 349 BRIEF VAN DE STAATSSECRETARIS VAN SOCIALE ZAKEN EN WERKGELEGENHEID</p></header>',
    );
    expect(seenReferences()).toEqual([{ ids: 'kst-34352-349', kind: 'kamerstuk', pieces: ['Nr. 349'] }]);
  });

  it('gives one id per dossier when the paper is filed in two', async () => {
    await scanPage(
      '<div><p>32 043 Toekomst pensioenstelsel</p><p>34 304 Tegemoetkomingen in de loonkosten van specifieke groepen</p>' +
        '<p>Nr. 12 BRIEF VAN DE MINISTER VAN SOCIALE ZAKEN EN WERKGELEGENHEID</p></div>',
    );
    expect(seenReferences().map((r) => [r.ids, r.pieces])).toEqual([
      ['kst-32043-12 kst-34304-12', ['Nr. 12']],
    ]);
  });

  it.each([
    ['a numbered list item', '<ol><li>Stap 12345 Begin hier</li><li>Nr. 5 OPMERKING over de stap</li></ol>'],
    [
      'table cells',
      '<table><tr><td>34 352 Participatiewet</td></tr><tr><td>Nr. 349 BRIEF VAN DE MINISTER</td></tr></table>',
    ],
    ['a number line with no dossier above', '<div><p>Inleiding van het rapport</p><p>Nr. 57 BRIEF</p></div>'],
    ['a paragraph starting with Nr.', '<div><p>31 234 Wijziging</p><p>Nr. 57 is niet bekend.</p></div>'],
    [
      'a dossier line that is not just above',
      '<div><p>31 234 Wijziging</p><section><p>x</p></section><p>Nr. 57 BRIEF</p></div>',
    ],
  ])('leaves %s alone', async (_, html) => {
    await scanPage(html);
    expect(seenReferences()).toEqual([]);
  });

  it('does not join a labelled reference above into the number line (only a dossier line starts a header)', async () => {
    await scanPage('<div><p>Kamerstuk 34 352,</p><p id="nr">Nr. 349 BRIEF VAN DE MINISTER</p></div>');
    expect(document.querySelector('#nr kamerlens-ref')).toBeNull();
    expect(seenReferences().map((r) => r.ids)).toEqual(['dossier-34352']);
  });
});
