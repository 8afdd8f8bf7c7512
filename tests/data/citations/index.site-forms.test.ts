/**
 * The forms the parliamentary sites print (headers, metadata rows, lists, links), pinned field by
 * field: spans, ids and the inferred chamber. Real text for each form is in real-snippets.test.ts;
 * these cases fix the edges of each rule.
 */
import { describe, expect, it } from 'vitest';
import { findCitations, formatCitation } from '../../../data/citations';

const ids = (text: string) => findCitations(text).map((c) => c.ids);

describe('site forms', () => {
  it('a header spans from the dossier line to the paper number, one id per dossier line', () => {
    const text = 'Kamerstuk\n31 066 Belastingdienst\n\n35 112 Wijziging\n\nNr. 444 LIJST VAN VRAGEN';
    const [c] = findCitations(text);
    expect(c?.ids).toEqual(['kst-31066-444', 'kst-35112-444']);
    expect(c?.raw).toBe('31 066 Belastingdienst\n\n35 112 Wijziging\n\nNr. 444');
  });

  it('an Eerste Kamer letter with a footnote digit is the letter; a roman dossier takes letters only', () => {
    expect(ids('35 979 Wijziging\n\nH1 BRIEF VAN DE MINISTER')).toEqual([['kst-35979-H']]);
    expect(ids('CXXIV Verslag van de commissie\n\nG BRIEF VAN DE VOORZITTER')).toEqual([['kst-CXXIV-G']]);
    expect(ids('CXXIV Verslag van de commissie\n\nNr. 7 BRIEF VAN DE VOORZITTER')).toEqual([]);
  });

  it('a metadata row gives a paper or a plenary item with the chamber', () => {
    const [paper] = findCitations('Tweede Kamer der Staten-Generaal2016-201734700 nr. 19');
    expect(paper).toMatchObject({ ids: ['kst-34700-19'], chamber: 'TK', vergaderjaar: '2016-2017' });
    expect(ids('Eerste Kamer der Staten-Generaal2019-2020nr. 31, item 8')).toEqual([['h-ek-20192020-31-8']]);
  });

  it('a plenary heading takes its session year from the date, never from a September date', () => {
    expect(ids('Tweede Kamer, 14e vergadering, woensdag 25 oktober 2017')).toEqual([['h-tk-20172018-14']]);
    expect(ids('Tweede Kamer, 98e vergadering\nDonderdag 6 juli 2023')).toEqual([['h-tk-20222023-98']]);
    expect(ids('Tweede Kamer, 2e vergadering, woensdag 18 september 2024')).toEqual([]);
  });

  it('a compact list needs an introduction naming motions or papers', () => {
    expect(ids('de volgende moties aan te houden: 35925-32; 21501-08-692.')).toEqual([
      ['kst-35925-32'],
      ['kst-21501-08-692'],
    ]);
    expect(ids('de volgende nummers: 35925-32; 21501-08-692.')).toEqual([]);
    expect(ids('af te voeren stukken: 2017Z09721; 23908-(R1519)-131.')).toEqual([
      ['2017Z09721'],
      ['kst-23908-131'],
    ]);
  });

  it('a renumbered motion cites its current number', () => {
    const [c] = findCitations('Zij krijgt nr. 348, was nr. 347 (32317).');
    expect(c?.ids).toEqual(['kst-32317-348']);
    expect(c?.raw).toBe('nr. 348, was nr. 347 (32317)');
  });

  it('the line under a paper: added to a dossier or bill under a number', () => {
    const [c] = findCitations('Deze brief is onder nr. 57 toegevoegd aan dossier 31234.');
    expect(c?.ids).toEqual(['kst-31234-57']);
    expect(c?.raw).toBe('nr. 57 toegevoegd aan dossier 31234');
  });

  it('the mirrors: a dash touching the number is the paper, a spaced range is not', () => {
    expect(ids('Onderdeel van kamerstukdossier 35498 -4 Wijziging')).toEqual([['kst-35498-4']]);
    expect(ids('Onderdeel van kamerstukdossier 35498 – 2020 tot 2024')).toEqual([['dossier-35498']]);
    expect(ids('(amendement 36067 – 61)')).toEqual([['kst-36067-61']]);
  });

  it('links: both registry numbers, bills, plenary records, openkamer.org, ids in any case', () => {
    expect(ids('https://www.tweedekamer.nl/kamerstukken/detail?id=2022Z11568&did=2022D23672')).toEqual([
      ['2022D23672', '2022Z11568'],
    ]);
    expect(ids('tweedekamer.nl/kamerstukken/wetsvoorstellen/detail?cfg=x&qry=wetsvoorstel%3A36742')).toEqual([
      ['dossier-36742'],
    ]);
    expect(ids('https://www.openkamer.org/dossier/36374/')).toEqual([['dossier-36374']]);
    expect(ids('https://zoek.officielebekendmakingen.nl/kst-36600-xv-12.html')).toEqual([
      ['kst-36600-XV-12'],
    ]);
  });

  it('an Aanhangsel without a chamber is read as the Tweede Kamer’s, flagged, the other reading kept', () => {
    const [c] = findCitations('Aanhangsel Handelingen, vergaderjaar 2024–2025, nr. 1028');
    expect(c).toMatchObject({
      chamber: 'TK',
      chamberInferred: true,
      ids: ['ah-tk-20242025-1028'],
      alternativeIds: ['ah-ek-20242025-1028'],
    });
    // The citation as written: the inferred chamber is not put into the text.
    expect(formatCitation(c as NonNullable<typeof c>)).toBe('Aanhangsel Handelingen 2024/25, nr. 1028');
    expect(findCitations('Aanhangsel Handelingen II 2024/25, nr. 520')[0]?.chamberInferred).toBeUndefined();
  });

  it('one paper in two dossiers joined by a comma after a label', () => {
    expect(ids('Kamerstuk 31728, 30914, nr. 5')).toEqual([['kst-31728-5', 'kst-30914-5']]);
    expect(ids('Kamerstukken 31728, 30914')).toEqual([['dossier-31728']]);
  });
});
