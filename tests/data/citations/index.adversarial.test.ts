/**
 * 1 MB hostile inputs must finish (linear time) and give the right answer. The assertions are on
 * results; the generous timeout turns a quadratic blow-up into a failure, not a timing claim.
 */
import { describe, expect, it } from 'vitest';
import { findCitations } from '../../../data/citations';

const MB = 1 << 20;
const fill = (unit: string) => unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);
const TAIL = ' Kamerstukken II 2023/24, 34 352, nr. 306';

/** Junk that must yield nothing, followed by one real reference that must still be found. */
const JUNK: Array<[string, string]> = [
  ['a long digit run', fill('1')],
  ['nr. nr. nr.', fill('nr. ')],
  ['Kamerstukken with no number', fill('Kamerstukken ')],
  ['Kamerstukken II, × 50k', 'Kamerstukken II, '.repeat(50_000)],
  ['repeated separators', fill(', ')],
  ['repeated dashes', fill('-–')],
  ['brackets with digits', fill('(1')],
  ['zaak-like prefixes', fill('2024Z')],
  ['identifier prefixes', fill('kst-1')],
  ['ah-tk- prefixes', fill('ah-tk-')],
  ['Handelingen without number', fill('Handelingen II 2024/25, ')],
  ['session years', fill('2023/24, ')],
  ['hyphenated labels', fill('Kamer-\n')],
  ['Aanhangsel van de', fill('Aanhangsel van de ')],
  ['dossier keywords', fill('dossier ')],
  ['host names', fill('tweedekamer.nl/')],
  ['one endless URL', `https://www.tweedekamer.nl/${fill('a')}`],
  ['whitespace after a label', `Kamerstukken${fill(' ')}`],
  ['line breaks and furniture', fill('\nPagina 1 van 2\n')],
  ['nested brackets', fill('((((')],
  ['no-break spaces', fill('\u00a0')],
  ['header dossier lines without a number line', fill('\n34 700 Kabinetsformatie ')],
  ['header lines and number lines without a title', fill('\n34 700 K\nNr. 19 ')],
  ['roman header lines', fill('\nCXXIV Verslag\n')],
  ['one endless title line', `\n34 700 K${fill('a')}`],
  ['compact papers without a list', fill('35925-32 ')],
  ['list separators', fill('35925-;')],
  ['compact papers after a colon, no list word', fill('zie: 35925-32; ')],
  ['metadata rows', fill('Tweede Kamer der Staten-Generaal2016-')],
  ['meeting numbers', fill('Tweede Kamer, 14e vergadering, ')],
  ['parliamentary years', fill('Parlementair jaar 2014/2015, ')],
  ['amendment keywords', fill('amendement 36067 ')],
  ['mirror keywords', fill('kamerstukdossier 3549 -')],
  ['list introductions', fill('wetsvoorstellen:\n(48196)\n')],
  ['renumbered motions', fill('nr. 348, was nr. ')],
  ['openkamer paths', fill('openkamer.org/kamerstuk/(R2187)')],
  ['older header dossier lines', fill('\n34 700\nKabinetsformatie\n')],
  ['older header lines without a title', fill('\n34 700\nK\nnr. 19 ')],
  ['piped metadata cells', fill('Tweede Kamer der Staten-Generaal | 2016-2017 | ')],
  ['bracketed papers with a trailing year word', fill('(35200, nr. 21, vergaderjaar ')],
  ['bare numbers after a labelled year, no label', fill('II 2005/06, 30320, 3, p. 7 ')],
  ['keyword and dossier before nr.', fill('motie 31070, nr. ')],
  ['Kenmerk rows without a number', fill('\nKenmerk | 35746, nr. ')],
  ['meeting brackets without a number', fill('vergadering (2022/2023 nr. ')],
  ['roman dossiers with a letter word', fill('(CLVI, letter ')],
  ['header lines with blank lines, no title', fill('\n35 526\n\nT\n\nNr. 60\n\n')],
  ['glued monitor numbers over Kenmerk rows without a number', fill('Nummer KST3586\nKenmerk 35746, nr. ')],
  ['Kenmerk rows listing dossiers', fill('\nKenmerk 33826; 33992; ')],
  ['renumbered letters without a letter', fill('(35300, letter M, was letter ')],
  [
    'added-to lines with a second keyword and no dossier',
    fill('onder nr. C toegevoegd aan dossier - en wetsvoorstel '),
  ],
  ['dossier rows', fill('\nDossier: ')],
  ['mirror lines with a sub-dossier and no paper', fill('kamerstukdossier 40000 08-')],
  ['PDF file names without a paper', fill('0607tkkst3')],
  ['indented header lines', fill('\n33 826    M')],
  ['listed papers after a colon without a list word', fill('zie: 29544, nr. ')],
  ['decision-list paper lines without a zaak row', fill(' - 34552-15\n')],
  ['zaak rows over year-like papers', fill('Zaak: x - 34552-2016\n')],
  ['metadata rows over words', fill('Nummer\nMotie\n')],
  ['bill lists of years', fill('wetsvoorstellen 2019, 2020 en ')],
  ['bill zaak rows over amounts', fill('Zaak: Brief - 2016\nBedrag - 25000\n')],
  ['replaced-motion brackets without a paper', fill('(t.v.v. 33 308, ')],
  ['spaced rijkswet brackets without a digit', fill('(R (R 1')],
  ['plural keywords without a number list', fill('moties 30420, nrs ')],
  ['wrapped lines without a bill word', fill('titel\nvervolg (1234')],
  ['compact papers broken at a line end without a number', fill('Zaak: - 21501-07-\n-')],
  ['glued chambers without a session year', fill('Kamerstukken II1995/9')],
  ['bracketed papers with an open remark', fill('(24557, nr. 139; behandeld ')],
];

describe('adversarial 1 MB inputs', () => {
  it.each(JUNK)(
    '%s: nothing found, and the reference after it still is',
    (_name, junk) => {
      const found = findCitations(junk + TAIL);
      expect(found.map((c) => c.ids)).toEqual([['kst-34352-306']]);
      expect(found[0]?.start).toBe(junk.length + 1);
    },
    60_000,
  );

  it('a list of 250k numbers stops at a bounded length', () => {
    const text = `Kamerstukken 34352, nrs. ${fill('1, ')}`;
    const found = findCitations(text);
    expect(found).toHaveLength(1);
    expect(found[0]?.numbers).toHaveLength(200);
  }, 60_000);

  it('a dossier chain stops after a few dossiers', () => {
    const found = findCitations(`Kamerstukken ${fill('36 100 B en ')}`);
    expect(found).toHaveLength(1);
    expect(found[0]?.ids).toEqual([
      'dossier-36100-B',
      'dossier-36100-B',
      'dossier-36100-B',
      'dossier-36100-B',
    ]);
  }, 60_000);

  it('reads the dossier before each of 30k Eerste Kamer serials without a paper', () => {
    const unit = 'Kamerstukken I 25 900, EK 87, ';
    const count = Math.floor(MB / unit.length);
    const found = findCitations(unit.repeat(count));
    expect(found).toHaveLength(count);
    expect(new Set(found.map((c) => c.ids.join(' ')))).toEqual(new Set(['dossier-25900']));
  }, 60_000);

  it('finds every one of 70k motion-context dossiers', () => {
    const unit = 'motie (36582)\n';
    const count = Math.floor(MB / unit.length);
    const found = findCitations(unit.repeat(count));
    expect(found).toHaveLength(count);
  }, 60_000);

  it('finds every one of 25k dense references', () => {
    const unit = 'Kamerstuk 34 352, nr. 340; ';
    const count = 25_000;
    const found = findCitations(unit.repeat(count));
    // `; ` between them makes each a continuation of the previous label: one citation per unit all the same.
    expect(found.flatMap((c) => c.ids)).toHaveLength(count);
  }, 60_000);

  it('a compact list of 100k items stops at a bounded length', () => {
    const found = findCitations(`Moties aan te houden: ${'35925-32; '.repeat(100_000)}`);
    expect(found).toHaveLength(200);
    expect(found[199]?.ids).toEqual(['kst-35925-32']);
  }, 60_000);

  it('finds every one of 25k papers numbered without `nr.` after a labelled year', () => {
    const unit = 'Kamerstukken II 2005/06, 30320, 3, p. 7. ';
    const count = Math.floor(MB / unit.length);
    const found = findCitations(unit.repeat(count));
    expect(found).toHaveLength(count);
    expect(found[count - 1]?.ids).toEqual(['kst-30320-3']);
  }, 60_000);

  it('finds every one of 40k papers named by `motie` before the dossier', () => {
    const unit = 'de motie 31070, nr. 18; ';
    const count = Math.floor(MB / unit.length);
    const found = findCitations(unit.repeat(count));
    expect(found).toHaveLength(count);
  }, 60_000);

  it('finds every one of 20k publication headers', () => {
    const count = 20_000;
    const found = findCitations(
      '\n34 700 Kabinetsformatie 2017\n\nNr. 19 BRIEF VAN DE INFORMATEUR'.repeat(count),
    );
    expect(found).toHaveLength(count);
  }, 60_000);
});
