/** The citation graph: stubs aggregate every citing place; ids in the dataset resolve to full records. */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentRecord } from '../../../../data/dataset/types';
import { buildDataset } from '../../../../data/pipeline/build';
import { recordById, seedBuild } from '../../../fixtures/seed-build';

const MINI = resolve('tests/fixtures/documents/mini');

describe('stubs of the seed dataset', () => {
  it.each([
    ['kst-34352-306', ['ah-tk-20242025-520', 'kst-34352-330', 'kst-34352-330']],
    ['kst-34352-327', ['ah-tk-20242025-520', 'kst-34352-349']],
    ['kst-33566-109', ['ah-tk-20242025-520', 'kst-34352-330']],
    ['kst-34352-340', ['local-000_5b0e6dc1a4e276c7', 'local-000_5b0e6dc1a4e276c7']],
    ['kst-26448-742', ['ah-tk-20242025-520', 'ah-tk-20242025-520']],
  ])('%s lists every citing place', (id, citing) => {
    const stub = recordById(id);
    expect(stub.stub).toBe(true);
    expect(stub.citedBy.map((c) => c.documentId)).toEqual(citing);
  });
  it('a stub carries its parsed identity, dossier title, citation and official URL', () => {
    expect(recordById('kst-36600-XV-69')).toMatchObject({
      type: 'kamerstuk',
      source: null,
      chamber: 'TK',
      vergaderjaar: '2024-2025',
      dossier: '36600',
      dossierSuffix: 'XV',
      dossierTitle:
        'Vaststelling van de begrotingsstaten van het Ministerie van Sociale Zaken en Werkgelegenheid (XV) voor het jaar 2025',
      citation: 'Kamerstukken II 2024/25, 36600 XV, nr. 69',
      officialUrl: 'https://zoek.officielebekendmakingen.nl/kst-36600-XV-69.html',
    });
  });
  it('a stub cited without a year stays without one; unknown dossier titles stay null', () => {
    expect(recordById('kst-34352-340')).toMatchObject({
      vergaderjaar: null,
      dossierTitle: 'Uitvoering en evaluatie Participatiewet',
    });
    expect(recordById('kst-36200-XV-37').dossierTitle).toBeNull();
  });
  it('a citing place says where it stands and what the text calls the paper', () => {
    const [place] = recordById('kst-36600-XV-86').citedBy;
    expect(place).toEqual({
      documentId: 'kst-34352-330',
      qa: null,
      context: expect.stringMatching(/^De motie Ceder c\.s\. verzoekt de regering/),
      raw: 'Kamerstukken II, 2024/25, 36 600 XV, nr. 86',
      citedAs: 'motie Ceder c.s.',
      location: { section: 'Proces herziening Participatiewet', footnote: '34' },
    });
  });
  it('every reference has a target per id, and citedBy mirrors references exactly', () => {
    const { documents } = seedBuild().dataset;
    const byId = new Map(documents.map((d) => [d.id, d]));
    const edges: string[] = [];
    for (const d of documents) {
      for (const ref of d.references) {
        expect(ref.targets).toHaveLength(ref.ids.length);
        for (const target of ref.targets ?? []) {
          expect(byId.has(target)).toBe(true);
          edges.push(`${d.id}>${target}>${ref.raw}`);
        }
      }
    }
    const back = documents.flatMap((d) => d.citedBy.map((c) => `${c.documentId}>${d.id}>${c.raw}`));
    expect(back.sort()).toEqual(edges.sort());
  });
  it('stubs come after the full documents, sorted by id', () => {
    const { documents } = seedBuild().dataset;
    const firstStub = documents.findIndex((d) => d.stub);
    expect(documents.slice(firstStub).every((d) => d.stub)).toBe(true);
    const ids = documents.slice(firstStub).map((d) => d.id);
    expect(ids).toEqual([...ids].sort());
    expect(ids).toHaveLength(31);
  });
});

describe('aliases (fixture sources)', () => {
  const { dataset } = buildDataset({ sourcesDir: MINI });
  const byId = (id: string) => dataset.documents.find((d) => d.id === id) as DocumentRecord;
  it('a reference to any id of a full record resolves to it, not to a stub', () => {
    const letter = byId('kst-34352-400');
    expect(letter.references.map((r) => [r.ids, r.targets])).toEqual([
      [['kst-34352-306'], ['kst-34352-306']],
      [['ah-tk-20242025-999'], ['ah-tk-20242025-999']],
      [['2024D99999'], ['ah-tk-20242025-999']],
    ]);
    expect(dataset.documents.filter((d) => d.stub).map((d) => d.id)).toEqual(['kst-34352-306']);
    expect(byId('ah-tk-20242025-999').citedBy.map((c) => c.raw)).toEqual([
      'Aanhangsel Handelingen II 2024/25, nr. 999',
      '2024D99999',
    ]);
  });
  it('a stub cited with disagreeing years keeps the year unknown', () => {
    expect(byId('kst-34352-306')).toMatchObject({
      vergaderjaar: null,
      chamber: 'TK',
      citation: 'Kamerstukken II, 34352, nr. 306',
    });
    expect(byId('kst-34352-306').citedBy.map((c) => c.documentId)).toEqual([
      'kst-34352-400',
      'ah-tk-20242025-999',
      'ah-tk-20242025-999',
    ]);
  });
});
