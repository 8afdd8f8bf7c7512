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

  it('an older header: the dossier number alone on its line, the title below, then `nr. N`', () => {
    const text =
      '31 501\nWijziging van de Wet milieubeheer\n\nnr. 4\nADVIES RAAD VAN STATE EN NADER RAPPORT1';
    const [c] = findCitations(text);
    expect(c?.ids).toEqual(['kst-31501-4']);
    expect(c?.raw).toBe('31 501\nWijziging van de Wet milieubeheer\n\nnr. 4');
    // The title line must start with a capital and the number line needs its title in capitals.
    expect(ids('31 501\nwijziging\n\nnr. 4\nADVIES')).toEqual([]);
    expect(ids('31 501\nWijziging\n\nnr. 4\nadvies van de Raad')).toEqual([]);
    expect(ids('Postbus\n20 018\nDen Haag')).toEqual([]);
  });

  it('a metadata table rendered with `|` between its cells', () => {
    const [paper] = findCitations('Tweede Kamer der Staten-Generaal | 2020-2021 | 34352 nr. 213 |');
    expect(paper).toMatchObject({ ids: ['kst-34352-213'], chamber: 'TK', vergaderjaar: '2020-2021' });
    expect(paper?.raw).toBe('Tweede Kamer der Staten-Generaal | 2020-2021 | 34352 nr. 213');
    expect(ids('Eerste Kamer der Staten-Generaal | 2009-2010 | 32123-VI nr. I |')).toEqual([
      ['kst-32123-VI-I'],
    ]);
    expect(ids('Tweede Kamer der Staten-Generaal | 2021-2022 | nr. 12, item 7 |')).toEqual([
      ['h-tk-20212022-12-7'],
    ]);
    // One `|` per gap: a row of empty cells is no row.
    expect(ids('Tweede Kamer der Staten-Generaal | | 2020-2021 | | 34352 nr. 213 |')).toEqual([]);
  });

  it('a motion number with a numbered sub-dossier in brackets', () => {
    const [c] = findCitations('Zij krijgt nr. 526 (21501-20).');
    expect(c?.ids).toEqual(['kst-21501-20-526']);
    expect(c).toMatchObject({ dossier: '21501', dossierSuffix: '20', numbers: ['526'] });
  });

  it('a bracketed paper may end with its session year', () => {
    const [c] = findCitations(
      'de motie-Beckerman c.s. (32820, nr. 258, vergaderjaar 2017-2018) is aangenomen',
    );
    expect(c).toMatchObject({ ids: ['kst-32820-258'], vergaderjaar: '2017-2018' });
    expect(c?.raw).toBe('32820, nr. 258, vergaderjaar 2017-2018');
    expect(ids('(32820, nr. 258, vergaderjaar 2017-2019)')).toEqual([]);
  });

  it('after a label with a session year, a paper number may follow the dossier without `nr.`', () => {
    const [c] = findCitations('Kamerstukken II 2005/06, 30320, 3, p. 7-8, p. 11.');
    expect(c).toMatchObject({ ids: ['kst-30320-3'], chamber: 'TK', vergaderjaar: '2005-2006', pages: '7-8' });
    expect(ids('(Kamerstukken II 2005/06, 30320, 3)')).toEqual([['kst-30320-3']]);
    // Without a session year, without a pinpoint or end, or with a year-like number: the dossier only.
    expect(ids('Kamerstukken 30320, 3, p. 7')).toEqual([['dossier-30320']]);
    expect(ids('Kamerstukken II 2005/06, 30320, 3 en 4')).toEqual([['dossier-30320']]);
    expect(ids('Kamerstukken II 2012/13, 33680, 2013, p. 5')).toEqual([['dossier-33680']]);
    expect(ids('Kamerstukken II 2005/06, 30320, 12,5 mln')).toEqual([['dossier-30320']]);
  });

  it('a paper named by `motie`/`amendement` or by the monitor’s `Kenmerk` row before its dossier', () => {
    const [motion] = findCitations(
      'Deze motie deed ons denken aan de motie 31070, nr. 18, die in 2007 is ingediend.',
    );
    expect(motion?.ids).toEqual(['kst-31070-18']);
    expect(motion?.raw).toBe('motie 31070, nr. 18');
    const [row] = findCitations('Nummer KST132611\nKenmerk 28331, nr. I\nVan Staten-Generaal (SG)');
    expect(row?.ids).toEqual(['kst-28331-I']);
    expect(row?.raw).toBe('28331, nr. I');
    // The glued number above the row is read only where it is exactly `KST`, dossier and paper.
    expect(ids('Nummer | KST357463 |\nKenmerk | 35746, nr. 3 |')).toEqual([['kst-35746-3'], ['kst-35746-3']]);
    // `Kenmerk` starts its row; letters as paper numbers only there.
    expect(ids('Ons Kenmerk 28331, nr. I')).toEqual([]);
    expect(ids('de motie 31070, nr. B')).toEqual([]);
  });

  it('a plenary record by session and meeting in brackets, only after `vergadering`', () => {
    const [c] = findCitations(
      'Verslag van de vergadering van 16 mei 2023 (2022/2023 nr. 31)\n\nAanvang: 17.56 uur',
    );
    expect(c).toMatchObject({ ids: ['h-20222023-31'], chamber: null, vergaderjaar: '2022-2023' });
    expect(c?.raw).toBe('2022/2023 nr. 31');
    expect(ids('Plenair verslag, 5e vergadering (2023/2024 nr. 05)')).toEqual([['h-20232024-5']]);
    expect(ids('In 2023 (2022/2023 nr. 31) was het druk.')).toEqual([]);
  });

  it('Eerste Kamer papers numbered `letter M`, also in its own roman dossiers', () => {
    expect(ids('Kamerstukken I 2019/20, 35300, letter C')).toEqual([['kst-35300-C']]);
    expect(ids('de motie (35925-VI, letter T) is aangehouden')).toEqual([['kst-35925-VI-T']]);
    const [own] = findCitations('de motie-Mei Li Vos c.s. over een digitaal quorum (CLVI, letter M);');
    expect(own).toMatchObject({ ids: ['kst-CLVI-M'], chamber: 'EK' });
    expect(own?.raw).toBe('CLVI, letter M');
    // Below a hundred a roman numeral may be a budget chapter.
    expect(ids('de letter van de wet (XV, letter A)')).toEqual([]);
  });

  it('the English twin of the monitor: `Reference 35526, nr. 60`; a header with blank lines between its lines', () => {
    expect(ids('Nummer KST3552660\nReference 35526, nr. 60\nCommission(s) Justitie')).toEqual([
      ['kst-35526-60'],
      ['kst-35526-60'],
    ]);
    expect(ids('35 526\n\nTijdelijke bepalingen\n\nNr. 60\n\nVERSLAG VAN EEN SCHRIFTELIJK OVERLEG')).toEqual([
      ['kst-35526-60'],
    ]);
    expect(ids('35 526\n\n\nTijdelijke bepalingen\n\nNr. 60\n\nVERSLAG')).toEqual([]);
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
  it('a header whose dossier is followed by a few spaces, or by a title word in capitals', () => {
    expect(
      ids(
        'x\n33 826    Mensenrechten in Nederland\n\n33 992 (R2034) Rijkswet\n\nC1    BRIEF VAN DE MINISTER',
      ),
    ).toEqual([['kst-33826-C', 'kst-33992-C']]);
    expect(
      ids(
        '35 827 EU-voorstel: Strategie voor de rechten van het kind1\n\nC VERSLAG VAN EEN SCHRIFTELIJK OVERLEG',
      ),
    ).toEqual([['kst-35827-C']]);
    // A budget chapter after the dossier stays the suffix.
    expect(ids('x\n36 600 XV Vaststelling van de begroting\nNr. 5 MOTIE')).toEqual([['kst-36600-XV-5']]);
    expect(ids('x\n33 826    Mensenrechten in Nederland\n\nDe brief')).toEqual([]);
  });

  it('a renumbered motion in brackets, and a renumbered Eerste Kamer letter: the current one', () => {
    expect(ids('In stemming komt de gewijzigde motie-Van Tongeren (33400-A, nr. 45, was nr. 42).')).toEqual([
      ['kst-33400-A-45'],
    ]);
    expect(
      ids('de gewijzigde motie-Gerbrandy c.s. over de verhuurderheffing (35300, letter M, was letter B).'),
    ).toEqual([['kst-35300-M']]);
    expect(ids('(35200, nr. 21, was het)')).toEqual([]);
  });

  it('the monitor’s line and row for a paper filed in two dossiers', () => {
    expect(
      ids(
        'Deze brief is onder nr. C toegevoegd aan dossier 33826 - Nationaal actieplan mensenrechten in Nederland en wetsvoorstel 33992 (R2034) - Goedkeuring van het Verdrag',
      ),
    ).toEqual([['kst-33826-C'], ['kst-33992-C']]);
    expect(ids('Kenmerk 33826; 33992, nr. C')).toEqual([['kst-33826-C', 'kst-33992-C']]);
    // Several dossiers only in a metadata row.
    expect(ids('de motie 31070; 31071, nr. 5')).toEqual([]);
  });

  it('the monitor’s glued number only where it is exactly the Kenmerk row’s dossier and paper', () => {
    expect(ids('Nummer KST31865156\nKenmerk 31865, nr. 156\nCommissie(s) Financiën (FIN)')).toEqual([
      ['kst-31865-156'],
      ['kst-31865-156'],
    ]);
    expect(ids('Nummer KST35099D\nKenmerk 35099, nr. D')).toEqual([['kst-35099-D'], ['kst-35099-D']]);
    // Older serials, another paper, a row with two dossiers: the glued number is not read.
    expect(ids('Nummer KST358331\nKenmerk 28331, nr. 5')).toEqual([['kst-28331-5']]);
    expect(ids('Nummer KST1145521\nKenmerk 33826; 33992, nr. C')).toEqual([['kst-33826-C', 'kst-33992-C']]);
  });

  it('openkamer’s `Dossier:` row and the mirrors’ sub-dossier paper `21501 08-928`', () => {
    expect(ids('2012-12-19\nDossier: 33400-VIII\nIndiener(s): Mona Keijzer (CDA)')).toEqual([
      ['dossier-33400-VIII'],
    ]);
    expect(ids('Dossier: Vaststelling van de begrotingsstaten')).toEqual([]);
    expect(ids('Het dossier: 33400 euro')).toEqual([]);
    expect(ids('Onderdeel van kamerstukdossier 21501 08-928 Milieuraad.')).toEqual([['kst-21501-08-928']]);
    // A month and a year is no sub-dossier and paper.
    expect(ids('Onderdeel van kamerstukdossier 35498 12-2020 tot')).toEqual([['dossier-35498']]);
  });

  it('a paper listed after a colon that introduces motions, in the `dossier, nr. N` form', () => {
    expect(
      ids(
        'Op verzoek van het lid Jasper van Dijk stel ik voor de volgende door hem ingediende motie opnieuw aan te houden: 29544, nr. 959.',
      ),
    ).toEqual([['kst-29544-959']]);
    expect(ids('Ik stel voor: 29544, nr. 959.')).toEqual([]);
  });

  it('the file name in an older paper’s PDF footer', () => {
    const [c] = findCitations('KST106054 0607tkkst30928-6 ISSN 0921 - 7371 Sdu Uitgevers');
    expect(c).toMatchObject({ ids: ['kst-30928-6'], raw: '0607tkkst30928-6', vergaderjaar: '2006-2007' });
    expect(ids('9899ekkst26123-C')).toEqual([['kst-26123-C']]);
    // The short years must follow each other; the name must stand on its own.
    expect(ids('0608tkkst30928-6')).toEqual([]);
    expect(ids('x0607tkkst30928-6')).toEqual([]);
  });

  it('a committee decision list’s zaak ends in its paper; tweedekamer.nl’s `Nummer` and `Motie` rows', () => {
    const zaak =
      'Zaak: Nota van wijziging - staatssecretaris van Financiën, E.D. Wiebes - 25 oktober\n2016\nTweede nota van wijziging - 34552-16\nBesluit: Betrekken bij de verdere behandeling.';
    const [c] = findCitations(zaak);
    expect(c).toMatchObject({ ids: ['kst-34552-16'], raw: '34552-16' });
    // Alone on its line under a line ending in ` -`; a rijkswet number and a budget chapter.
    expect(
      ids('Zaak: Brief regering - minister - 18 maart 2009\nElektronisch inzamelen -\n30372-32'),
    ).toEqual([['kst-30372-32']]);
    expect(ids('Zaak: Verdrag - minister - 19 oktober 2016\nVerdrag - 34579-(R2076)-1')).toEqual([
      ['kst-34579-1'],
    ]);
    expect(ids('Zaak: Rapport - 7 oktober 2016\nhet\nMinisterie van BZK - 34550-VII-6\n')).toEqual([
      ['kst-34550-VII-6'],
    ]);
    expect(ids('Motie\nNummer\n33308-13\nPublicatiedatum')).toEqual([['kst-33308-13']]);
    expect(ids('Besluit: Aangenomen.\nMotie\n33308-17\n10 februari 2015')).toEqual([['kst-33308-17']]);
    // Without the zaak row, not at the line's end, too far below it, or a year: not read.
    expect(ids('Tweede nota van wijziging - 34552-16')).toEqual([]);
    expect(ids('Zaak: Brief - 2016\nNota - 34552-16 en verder')).toEqual([]);
    expect(ids(`Zaak: Brief\n${'regel\n'.repeat(7)}Nota - 34552-16`)).toEqual([]);
    expect(ids('Zaak: Rechtbank - vonnis - 12345-2016')).toEqual([]);
    expect(ids('Nummer\n34552-16 euro')).toEqual([]);
  });

  it('bills listed after `wetsvoorstellen`, one dossier each; the Eerste Kamer serial `EK 87` before the paper', () => {
    const found = findCitations(
      'De commissie verzoekt de wetsvoorstellen 31815, 31816,\n31817 en 31840 te behandelen.',
    );
    expect(found.map((c) => c.ids)).toEqual([
      ['dossier-31815'],
      ['dossier-31816'],
      ['dossier-31817'],
      ['dossier-31840'],
    ]);
    expect(found[0]?.raw).toBe('wetsvoorstellen 31815');
    expect(ids('de wetsvoorstellen 2019 en 2020')).toEqual([]);
    expect(ids('de wetsvoorstellen 123456 en 30372')).toEqual([]);
    expect(ids('Toetsingskader (Kamerstukken I 1999/2000, 25 900, EK 87, nr. 87b, blz. 5–7).')).toEqual([
      ['kst-25900-87b'],
    ]);
    // The serial without a paper after it is no paper letter `EK`.
    expect(ids('Kamerstukken I 1999/2000, 25 900, EK 87.')).toEqual([['dossier-25900']]);
  });

  it('a bill’s zaak ends in its dossier; a changed motion names the paper it replaces; a remark after a bracketed paper', () => {
    expect(
      ids('Zaak: Wetgeving - minister - 22 mei 2006\nWijziging van de Kieswet - 30569\nBesluit: Aanmelden'),
    ).toEqual([['dossier-30569']]);
    expect(
      ids('Zaak: Initiatiefwetgeving - Tweede Kamerlid - 2005\nWet raadgevend referendum) - 30372'),
    ).toEqual([['dossier-30372']]);
    expect(ids('Zaak: Wetgeving - minister - 2016\nVerdrag (Trb. 2009, 217) - 34417-(R2068)')).toEqual([
      ['dossier-34417'],
    ]);
    // A dossier alone needs a bill's zaak; a paper does not.
    expect(ids('Zaak: Brief regering - minister - 2016\nBedrag - 25000')).toEqual([]);
    expect(ids('Zaak: Wetgeving - minister - 2016\nBedrag - 2500')).toEqual([]);
    const [c] = findCitations(
      'Gewijzigde motie van het lid Verhoeven (t.v.v. 33 308, nr. 14) over voldoende wegen',
    );
    expect(c).toMatchObject({ ids: ['kst-33308-14'], raw: '33 308, nr. 14' });
    expect(ids('(t.v.v. de motie van het lid Van Dijk)')).toEqual([]);
    expect(ids('de toekomstplannen (24557, nr. 139; behandeld in AO op\n2 juni 2016) heeft')).toEqual([
      ['kst-24557-139'],
    ]);
    expect(ids('(24557, nr. 139; 24557, nr. 140)')).toEqual([]);
    expect(ids('(24557, nr. 139; zie (bijlage))')).toEqual([]);
  });

  it('an older rijkswet number with a space (`(R 1735)`) belongs to the dossier, not after it', () => {
    const [c] = findCitations('Kamerstukken II 2002/03, 28 836 (R 1735), nr. 3, blz. 1–2');
    expect(c).toMatchObject({ ids: ['kst-28836-3'], rijkswet: 'R1735' });
    expect(ids('Kamerstukken II 2002/03, 28 836 (R 17), nr. 3')).toEqual([['dossier-28836']]);
  });

  it('several papers of one dossier after a plural word: `moties 30420, nrs 100 en 101`', () => {
    const [c] = findCitations('Voortgang uitvoering moties 30420, nrs 100 en 101 over de samenstelling');
    expect(c).toMatchObject({ ids: ['kst-30420-100', 'kst-30420-101'], raw: 'moties 30420, nrs 100 en 101' });
    expect(ids('de amendementen 36067, nrs. 61 en 62')).toEqual([['kst-36067-61', 'kst-36067-62']]);
    expect(ids('de moties 2019, nrs 1 en 2')).toEqual([]);
    expect(ids('de promoties 30420, nrs 100 en 101')).toEqual([]);
  });

  it('a bill in brackets at the end of a title wrapped over two or three lines', () => {
    expect(
      ids(
        'Agendapunt: Brieven i.v.m. wetsvoorstel Wet fiscale\nmaatregelen rijksmonumenten en scholing (34556), onderdeel',
      ),
    ).toEqual([['dossier-34556']]);
    expect(
      ids(
        'Agendapunt: Wetsvoorstel Goedkeuring Verdrag -\nCaymaneilanden inzake de uitwisseling\nbelastingen (34417 (R2068))',
      ),
    ).toEqual([['dossier-34417']]);
    // A sentence or clause ended above, a blank line, or the word too far up: not a wrapped title.
    expect(ids('Het wetsvoorstel is aangenomen.\nDe kosten bedragen (34556) euro')).toEqual([]);
    expect(ids('Over het wetsvoorstel\nwerd lang gesproken\n\n(34556)')).toEqual([]);
    expect(ids('een motie\nover\nde\nkosten (34556)')).toEqual([]);
  });

  it('a compact paper broken after its second dash by a PDF line end', () => {
    const [c] = findCitations(
      'Zaak: Brief regering - 14 oktober 2016\nOntwerpbegrotingsplan - 21501-07-\n1400\nBesluit:',
    );
    expect(c).toMatchObject({ ids: ['kst-21501-07-1400'], raw: '21501-07-\n1400' });
    expect(ids('Kamerstuk 21501-07-\r\n1400')).toEqual([['kst-21501-07-1400']]);
    // Only a bare line break: a space or a second break leaves the sub-dossier alone.
    expect(ids('Kamerstuk 21501-07-\n 1400')).toEqual([['dossier-21501-07']]);
    expect(ids('Kamerstuk 21501-07-\n\n1400')).toEqual([['dossier-21501-07']]);
  });

  it('a roman chamber glued to the session year (`Kamerstukken II1995/96`)', () => {
    const [c] = findCitations('2 Kamerstukken II1995/96, 24 513, nr. 3, p. 19 (MvT).');
    expect(c).toMatchObject({ ids: ['kst-24513-3'], chamber: 'TK', vergaderjaar: '1995-1996' });
    expect(ids('Kamerstukken I2014/15, 33802, C')).toEqual([['kst-33802-C']]);
    // Only a whole session year may follow the numeral.
    expect(ids('Kamerstukken II1995, 24 513, nr. 3')).toEqual([]);
    expect(ids('Kamerstukken II19, 24 513')).toEqual([]);
  });
});
