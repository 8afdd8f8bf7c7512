/** Every written form of a reference the recognizer accepts, with the fields it must yield. */
import { describe, expect, it } from 'vitest';
import { type Citation, findCitations } from '../../../data/citations';

type Expected = Partial<Citation>;
const kst = (text: string, ...expected: Expected[]): [string, Expected[]] => [text, expected];

const TK = { chamber: 'TK' } as const;
const EK = { chamber: 'EK' } as const;

const CASES: Array<[string, Expected[]]> = [
  // Full official style and its relaxed forms.
  kst('Kamerstukken II 2023/24, 34 352, nr. 306', {
    kind: 'kamerstuk',
    ...TK,
    vergaderjaar: '2023-2024',
    dossier: '34352',
    dossierSuffix: null,
    rijkswet: null,
    numbers: ['306'],
    item: null,
    pages: null,
    ids: ['kst-34352-306'],
    raw: 'Kamerstukken II 2023/24, 34 352, nr. 306',
    start: 0,
  }),
  kst('Kamerstukken II, 2025/26, 34352, nr. 349', {
    ...TK,
    vergaderjaar: '2025-2026',
    ids: ['kst-34352-349'],
  }),
  kst('Kamerstuk 34 352, nr. 340', {
    chamber: null,
    vergaderjaar: null,
    dossier: '34352',
    ids: ['kst-34352-340'],
  }),
  kst('TK 34 352, nr 327', { ...TK, vergaderjaar: null, ids: ['kst-34352-327'], raw: 'TK 34 352, nr 327' }),
  kst('T.K. 34 352, nr. 327', { ...TK, ids: ['kst-34352-327'] }),
  kst('(TK\n33 566, nr. 109)', { ...TK, ids: ['kst-33566-109'], raw: 'TK\n33 566, nr. 109' }),
  kst('Kamerstukken II, 2023–2024, 26 448 nr. 742', { vergaderjaar: '2023-2024', ids: ['kst-26448-742'] }),
  kst('Kamerst. II 2005/06, 30 300, nr. 3', { ...TK, ids: ['kst-30300-3'] }),
  kst('Kamerstukken Tweede Kamer 2005/06, 30 300, nr. 3', { ...TK, ids: ['kst-30300-3'] }),
  kst('Tweede Kamer, vergaderjaar 2019–2020, 35 300 XV, nr. 2', {
    ...TK,
    vergaderjaar: '2019-2020',
    dossierSuffix: 'XV',
    ids: ['kst-35300-XV-2'],
  }),
  // Eerste Kamer letters.
  kst('Kamerstukken I, 2025/2026, 36582 nr. F', { ...EK, numbers: ['F'], ids: ['kst-36582-F'] }),
  kst('Kamerstukken I 2025/26, 36582, F.', {
    ...EK,
    ids: ['kst-36582-F'],
    raw: 'Kamerstukken I 2025/26, 36582, F',
  }),
  kst('Kamerstukken I 2024/25, 36 600 XV, A', { ...EK, dossierSuffix: 'XV', ids: ['kst-36600-XV-A'] }),
  kst('E.K. 2025/26, 36582, AB', { ...EK, ids: ['kst-36582-AB'] }),
  // A capital word after the comma is not an Eerste Kamer letter.
  kst('Kamerstuk 34 352, AB-rapport volgt.', {
    kind: 'dossier',
    ids: ['dossier-34352'],
    raw: 'Kamerstuk 34 352',
  }),
  kst('Kamerstukken Eerste Kamer 2025/26, 36582, F en G', {
    ...EK,
    numbers: ['F', 'G'],
    ids: ['kst-36582-F', 'kst-36582-G'],
  }),
  // Budget chapters, sub-dossiers, letters.
  kst('Kamerstuk 36 600 XV, nr. 85', { dossier: '36600', dossierSuffix: 'XV', ids: ['kst-36600-XV-85'] }),
  kst('Kamerstuk 36 200-XV, nr. 37', { dossierSuffix: 'XV', ids: ['kst-36200-XV-37'] }),
  kst('Kamerstukken II 2008/09, 21501-32, nr. 300', {
    dossier: '21501',
    dossierSuffix: '32',
    ids: ['kst-21501-32-300'],
  }),
  kst('Kamerstukken II 2024/25, 36 600 B, nr. 3', { dossierSuffix: 'B', ids: ['kst-36600-B-3'] }),
  // Rijkswet numbers are kept apart from the id.
  kst('Kamerstukken II 2019/20, 35 212 (R2101), nr. 5', {
    dossier: '35212',
    rijkswet: 'R2101',
    ids: ['kst-35212-5'],
  }),
  // Compact forms.
  kst('Kamerstuk 34352-349', { dossier: '34352', numbers: ['349'], ids: ['kst-34352-349'] }),
  kst('Kamerstuk 21501-32-1699', { dossierSuffix: '32', numbers: ['1699'], ids: ['kst-21501-32-1699'] }),
  kst('Kamerstukken II, 2024/25, 36651-21.', { ...TK, vergaderjaar: '2024-2025', ids: ['kst-36651-21'] }),
  // Several numbers, ranges, continuations.
  kst('Kamerstukken II, 17 050, nrs. 601, 603 en 605', {
    ...TK,
    numbers: ['601', '603', '605'],
    ids: ['kst-17050-601', 'kst-17050-603', 'kst-17050-605'],
  }),
  kst('Kamerstukken II 2019/20, 35 300, nrs. 1–3', {
    numbers: ['1', '2', '3'],
    ids: ['kst-35300-1', 'kst-35300-2', 'kst-35300-3'],
  }),
  kst('Kamerstukken II 2019/20, 35 300, nrs. 7 t/m 9', { numbers: ['7', '8', '9'] }),
  kst('Kamerstukken II 2019/20, 35 300, nr. 4, p. 9-10; nr. 8', {
    numbers: ['4', '8'],
    pages: '9-10',
    ids: ['kst-35300-4', 'kst-35300-8'],
  }),
  kst(
    'Kamerstukken II 2015/16, 34 352, nr. 1; 2016/17, 34 352, nr. 20',
    { ids: ['kst-34352-1'] },
    {
      ...TK,
      vergaderjaar: '2016-2017',
      ids: ['kst-34352-20'],
      raw: '2016/17, 34 352, nr. 20',
    },
  ),
  // One paper in two dossiers.
  kst('Kamerstukken 36 100 B en 36 100 C, nr. 4', {
    dossier: '36100',
    dossierSuffix: 'B',
    ids: ['kst-36100-B-4', 'kst-36100-C-4'],
  }),
  // Pinpoints: kept in `pages` and inside `raw`.
  kst('Kamerstukken II 2019/20, 35 300, nr. 4, p. 7.', {
    pages: '7',
    raw: 'Kamerstukken II 2019/20, 35 300, nr. 4, p. 7',
  }),
  kst('Kamerstuk 35 300, nr. 4, p. 12 en 13', { pages: '12 en 13' }),
  kst('Kamerstuk 35 300, nr. 4, blz. 134', { pages: '134' }),
  kst('Kamerstuk 35 300, nr. 4, pag. 4-5', { pages: '4-5' }),
  kst('Kamerstuk 35 300, nr. 4, bladzijde 5 - 6', { pages: '5-6' }),
  kst('Kamerstuk 35 300, nr. 4, pp. 3–4', { pages: '3-4' }),
  kst('Kamerstuk 35 300, nr. 4 (bijlage IV)', { pages: null, raw: 'Kamerstuk 35 300, nr. 4' }),
  // PDF text: line breaks, hyphenation, page furniture, glued footnote digits.
  kst('(Kamerstukken II, 2023–2024,\n26 448, nr. 742)', {
    ids: ['kst-26448-742'],
    raw: 'Kamerstukken II, 2023–2024,\n26 448, nr. 742',
  }),
  kst('Kamer-\nstukken II 2023/24, 34 352, nr. 306', { ...TK, ids: ['kst-34352-306'] }),
  kst('Kamerstuk-\nken II 2023/24, 34 352, nr. 306', { ...TK, ids: ['kst-34352-306'] }),
  kst('Kamerstukken II, 2023/24,\n\nPagina 3 van 14\n\n34 352, nr. 306', { ids: ['kst-34352-306'] }),
  kst('Kamerstukken II, 2023/24,\f\nDatum\n\nOnze referentie\n2024-0000933473\n34 352, nr. 306', {
    ids: ['kst-34352-306'],
  }),
  kst('15Kamerstukken II 2023/24, 34 352, nr. 306', {
    raw: 'Kamerstukken II 2023/24, 34 352, nr. 306',
    start: 2,
    dossier: '34352',
    numbers: ['306'],
  }),
  kst('3Kamerstuk 34352-349.', { start: 1, ids: ['kst-34352-349'] }),
  // Web text: no-break and thin spaces, soft hyphens.
  kst('Kamerstukken\u00a0II,\u00a02023/24,\u200934\u2009352,\u00a0nr.\u00a0306', {
    ...TK,
    dossier: '34352',
    ids: ['kst-34352-306'],
  }),
  kst('Kamerstuk 34\u202f352, nr.\u00a0349', { ids: ['kst-34352-349'] }),
  kst('Kamer\u00adstukken II 2023/24, 34 352, nr. 306', { ids: ['kst-34352-306'] }),
  kst('Kamerstukken II 2023/24, 34 352, nr. 306\u00ad.', { ids: ['kst-34352-306'] }),
  // A soft hyphen or joiner inside a number shows as one number (`3\u00ad49` reads 349): the number
  // is not read rather than cut short to paper 3; the dossier before it still stands.
  kst('Kamerstuk 34 352, nr. 3\u00ad49', { kind: 'dossier', ids: ['dossier-34352'] }),
  kst('Kamerstuk 34352-3\u00ad49', { kind: 'dossier', ids: ['dossier-34352'] }),
  kst('Kamerstukken II 2024/25, 34 352, nrs. 35\u206049 en 350', { kind: 'dossier', ids: ['dossier-34352'] }),
  kst('Kamerstuk 3435\u00ad2, nr. 349'),
  // OCR reads `II` as `11`.
  kst('Kamerstukken 11 2023/24, 34 352, nr. 306', { ...TK, ids: ['kst-34352-306'] }),
  // Motion style and bare brackets.
  kst('de motie-Van Kent, nr. 123 (36700-XVI), is aangenomen', {
    kind: 'kamerstuk',
    dossierSuffix: 'XVI',
    ids: ['kst-36700-XVI-123'],
    raw: 'nr. 123 (36700-XVI)',
  }),
  kst('zoals eerder gemeld (35200, nr. 21).', { ids: ['kst-35200-21'], raw: '35200, nr. 21' }),
  kst('(36 700 XVI, nr. 12)', { ids: ['kst-36700-XVI-12'] }),
  // Dossiers.
  kst('Kamerstukken 36582', { kind: 'dossier', dossier: '36582', numbers: [], ids: ['dossier-36582'] }),
  kst('Kamerstukken II 2024/25, 36 600 XV', { kind: 'dossier', ...TK, ids: ['dossier-36600-XV'] }),
  kst('dossier 36582', { kind: 'dossier', ids: ['dossier-36582'] }),
  kst('Kamerdossier 36 600-XV', {
    kind: 'dossier',
    ids: ['dossier-36600-XV'],
    raw: 'Kamerdossier 36 600-XV',
  }),
  kst('het wetsvoorstel 36582 is aangenomen', {
    kind: 'dossier',
    ids: ['dossier-36582'],
    raw: 'wetsvoorstel 36582',
  }),
  kst('het wetsvoorstel (36582)', { kind: 'dossier', ids: ['dossier-36582'], raw: 'wetsvoorstel (36582)' }),
  kst('De motie van het lid Ceder c.s. over bestaanszekerheid (36582)', {
    kind: 'dossier',
    ids: ['dossier-36582'],
    raw: '36582',
  }),
  kst('dossier 34352, nr. 349', { kind: 'kamerstuk', ids: ['kst-34352-349'] }),
  // After `Kamerstukken` a dash-number alone is the paper (seed 003: `36651-21`); after `dossier` a sub-dossier.
  kst('Kamerstukken 21501-32', { kind: 'kamerstuk', ids: ['kst-21501-32'] }),
  kst('dossier 21501-32', { kind: 'dossier', dossierSuffix: '32', ids: ['dossier-21501-32'] }),
  kst('dossier 21501-32, nr. 1703', { kind: 'kamerstuk', ids: ['kst-21501-32-1703'] }),
  kst('Kamerstuk 21 501-32, nr. 1703', { dossier: '21501', dossierSuffix: '32', ids: ['kst-21501-32-1703'] }),
  // Handelingen and Aanhangsel.
  kst('Handelingen II 2024/25, nr. 112, item 5', {
    kind: 'handelingen',
    ...TK,
    vergaderjaar: '2024-2025',
    numbers: ['112'],
    item: '5',
    ids: ['h-tk-20242025-112-5'],
  }),
  kst('Handelingen II 2024/25, nr. 112', { item: null, ids: ['h-tk-20242025-112'] }),
  kst('Handelingen II 2008/09, nr. 57, p. 4410', {
    numbers: ['57'],
    pages: '4410',
    ids: ['h-tk-20082009-57'],
  }),
  kst('Handelingen I 2023/24, nr. 20, item 7', { ...EK, ids: ['h-ek-20232024-20-7'] }),
  kst('Handelingen I-II 2023/24, nr. 1, item 2', { chamber: 'VV', ids: ['h-vv-20232024-1-2'] }),
  kst('Handelingen Verenigde Vergadering 2023/24, nr. 1', { chamber: 'VV', ids: ['h-vv-20232024-1'] }),
  kst('Hand. II 2010/11, nr. 5, item 12', { ids: ['h-tk-20102011-5-12'] }),
  kst('Handelingen 2024/25, nr. 112, item 5', { chamber: null, ids: ['h-20242025-112-5'] }),
  kst('Aanhangsel Handelingen II 2024/25, nr. 520', {
    kind: 'aanhangsel',
    ...TK,
    vergaderjaar: '2024-2025',
    numbers: ['520'],
    ids: ['ah-tk-20242025-520'],
  }),
  kst('Zie ook Aanhangsel Handelingen, vergaderjaar 2025-2026, nr. 1181', {
    kind: 'aanhangsel',
    chamber: 'TK',
    chamberInferred: true,
    alternativeIds: ['ah-ek-20252026-1181'],
    vergaderjaar: '2025-2026',
    ids: ['ah-tk-20252026-1181'],
    raw: 'Aanhangsel Handelingen, vergaderjaar 2025-2026, nr. 1181',
  }),
  kst('Aanhangsel van de Handelingen II 2024/25, nr. 520', { ids: ['ah-tk-20242025-520'] }),
  kst('Aanhangsel Handelingen I 2024/25, nr. 12', { ids: ['ah-ek-20242025-12'] }),
  kst('Aanh. Hand. II 2024/25, nr. 520', { ids: ['ah-tk-20242025-520'] }),
  // Official identifiers in text.
  kst('kst-34352-349', { kind: 'kamerstuk', dossier: '34352', numbers: ['349'], ids: ['kst-34352-349'] }),
  kst('kst-36600-XV-12', { dossierSuffix: 'XV', ids: ['kst-36600-XV-12'] }),
  kst('kst-21501-32-1699', { dossierSuffix: '32', ids: ['kst-21501-32-1699'] }),
  kst('kst-36582-F', { numbers: ['F'], ids: ['kst-36582-F'] }),
  kst('kst-34352-349-n1', { raw: 'kst-34352-349-n1', ids: ['kst-34352-349'] }),
  kst('ah-tk-20242025-520', {
    kind: 'aanhangsel',
    ...TK,
    vergaderjaar: '2024-2025',
    ids: ['ah-tk-20242025-520'],
  }),
  kst('ah-tk-20242025-520-n1.', { ids: ['ah-tk-20242025-520'], raw: 'ah-tk-20242025-520-n1' }),
  kst('ah-1260001', {
    kind: 'aanhangsel',
    chamber: null,
    vergaderjaar: null,
    numbers: [],
    ids: ['ah-1260001'],
  }),
  kst('h-tk-20242025-112-5', { kind: 'handelingen', item: '5', ids: ['h-tk-20242025-112-5'] }),
  kst('kv-tk-2024Z15690', { kind: 'zaak', ...TK, ids: ['2024Z15690'] }),
  kst('2024Z15690', { kind: 'zaak', chamber: null, ids: ['2024Z15690'] }),
  kst('(document 2024D43182)', { kind: 'document', ids: ['2024D43182'], raw: '2024D43182' }),
  kst('[7:  December 2025, 2025Z19505]', { kind: 'zaak', ids: ['2025Z19505'] }),
  // URLs: the whole link is the reference.
  kst('Zie https://zoek.officielebekendmakingen.nl/kst-34352-349.html.', {
    kind: 'kamerstuk',
    ids: ['kst-34352-349'],
    raw: 'https://zoek.officielebekendmakingen.nl/kst-34352-349.html',
  }),
  kst('zoek.officielebekendmakingen.nl/ah-tk-20242025-520.html', {
    kind: 'aanhangsel',
    ids: ['ah-tk-20242025-520'],
  }),
  kst('https://zoek.officielebekendmakingen.nl/dossier/36582', { kind: 'dossier', ids: ['dossier-36582'] }),
  kst(
    'https://repository.overheid.nl/frbr/officielepublicaties/kst/34352/kst-34352-349/1/pdf/kst-34352-349.pdf',
    {
      ids: ['kst-34352-349'],
    },
  ),
  kst('www.tweedekamer.nl/kamerstukken/brieven_regering/detail?id=2025Z25012&did=2025D51855', {
    kind: 'document',
    ids: ['2025D51855', '2025Z25012'],
  }),
  kst('(https://www.tweedekamer.nl/kamerstukken/kamervragen/detail?id=2024Z15690&did=2024D43182)', {
    kind: 'document',
    ids: ['2024D43182', '2024Z15690'],
    raw: 'https://www.tweedekamer.nl/kamerstukken/kamervragen/detail?id=2024Z15690&did=2024D43182',
  }),
  kst('https://www.tweedekamer.nl/kamerstukken/detail?id=2024Z15690', { kind: 'zaak', ids: ['2024Z15690'] }),
  kst('https://www.tweedekamer.nl/kamerstukken/plenaire_verslagen/detail/2024-2025/112]', {
    kind: 'handelingen',
    ...TK,
    vergaderjaar: '2024-2025',
    numbers: ['112'],
    ids: ['h-tk-20242025-112'],
  }),
  // Session years in every written form.
  kst('Kamerstukken II 2025/2026, 36582, nr. 1', { vergaderjaar: '2025-2026' }),
  kst('Kamerstukken II 2025-2026, 36582, nr. 1', { vergaderjaar: '2025-2026' }),
  kst('Kamerstukken II 2025–2026, 36582, nr. 1', { vergaderjaar: '2025-2026' }),
  kst('Kamerstukken II 1999/00, 26 800, nr. 3', { vergaderjaar: '1999-2000' }),
  kst('Kamerstukken II, vergaderjaar 2025/26, 36582, nr. 1', { vergaderjaar: '2025-2026' }),
  kst('Kamerstukken II, zitting 1999-2000, 26 800, nr. 3', { vergaderjaar: '1999-2000' }),
  // Chambers in every written form.
  kst('Kamerstukken VV 2023/24, 36582, nr. 1', { chamber: 'VV' }),
  kst('Kamerstukken 2 2023/24, 36582, nr. 1', { chamber: 'TK' }),
  kst('Kamerstukken 1 2023/24, 36582, F', { chamber: 'EK' }),
  kst('Kamerstukken EK 2023/24, 36582, F', { chamber: 'EK' }),
];

describe('findCitations: written forms', () => {
  it.each(CASES)('%j', (text, expected) => {
    const found = findCitations(text);
    expect(found).toHaveLength(expected.length);
    expected.forEach((fields, k) => {
      expect(found[k]).toMatchObject(fields);
      const c = found[k] as Citation;
      expect(text.slice(c.start, c.end)).toBe(c.raw);
    });
  });

  it('keeps field order and every documented field', () => {
    const [c] = findCitations('Kamerstukken II 2023/24, 34 352, nr. 306');
    expect(Object.keys(c ?? {})).toEqual([
      'kind',
      'chamber',
      'vergaderjaar',
      'dossier',
      'dossierSuffix',
      'rijkswet',
      'numbers',
      'item',
      'pages',
      'ids',
      'raw',
      'start',
      'end',
    ]);
  });

  it('finds several references in running text, in order', () => {
    const text =
      'Zie Kamerstuk 34 352, nr. 340 en de brief (Kamerstukken II, 2023–2024, 26 448 nr. 742); vgl. 2024Z15690 en Handelingen II 2024/25, nr. 112, item 5.';
    expect(findCitations(text).map((c) => c.ids.join(' '))).toEqual([
      'kst-34352-340',
      'kst-26448-742',
      '2024Z15690',
      'h-tk-20242025-112-5',
    ]);
  });
});
