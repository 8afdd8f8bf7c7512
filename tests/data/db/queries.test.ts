import { beforeEach, describe, expect, it } from 'vitest';
import { citedBy } from '../../../data/db/cited-by';
import { dossierTitle, getDocument, listDocuments, listDossiers } from '../../../data/db/documents';
import { importDataset } from '../../../data/db/import-dataset';
import type { KamerlensDB } from '../../../data/db/kamerlens-db';
import { getSetting, putSetting } from '../../../data/db/settings';
import { freshDB } from '../../fixtures/db/fresh-db';
import { seedLikeDataset } from '../../fixtures/db/seed-like';

let db: KamerlensDB;
beforeEach(async () => {
  db = freshDB();
  await importDataset(db, seedLikeDataset());
});

describe('queries for the side panel', () => {
  it('lists full documents newest first, stubs on request', async () => {
    expect((await listDocuments(db)).map((document) => document.id)).toEqual([
      'local-000_5b0e6dc1a4e276c7',
      'kst-34352-349',
      'kst-34352-330',
      'ah-tk-20242025-520',
    ]);
    const withStubs = await listDocuments(db, { includeStubs: true });
    expect(withStubs.at(-1)?.id).toBe('kst-36600-XV-85');
  });

  it.each([
    ['kst-34352-330', 'kst-34352-330'],
    ['2024Z21268', 'kst-34352-330'],
    ['kst-1-1', null],
    ['not an id!', null],
  ])('getDocument(%s) → %s', async (id, expected) => {
    expect((await getDocument(db, id))?.id ?? null).toBe(expected);
  });

  it('reads dossiers', async () => {
    expect((await listDossiers(db)).map((dossier) => dossier.id)).toEqual(['34352', '36600-XV']);
    expect(await dossierTitle(db, '34352')).toBe('Uitvoering en evaluatie Participatiewet');
    expect(await dossierTitle(db, '1')).toBeNull();
  });

  it('finds every citing place under any alias, newest citing document first', async () => {
    const viaAlias = await citedBy(db, '2024D50204');
    expect(viaAlias).toEqual([
      {
        from: 'kst-34352-349',
        to: 'kst-34352-330',
        qa: null,
        section: 'Inleiding',
        footnote: null,
        context: 'Zoals gemeld in de voortgangsbrief (Kamerstukken II 2024/25, 34 352, nr. 330).',
        raw: 'Kamerstukken II 2024/25, 34 352, nr. 330',
        citedAs: 'voortgangsbrief',
        fromTitle: 'Monitoringsbrief Participatiewet 2025',
        fromDate: '2025-12-12',
        fromType: 'brief',
      },
      expect.objectContaining({ from: 'ah-tk-20242025-520', qa: '4' }),
    ]);
    expect(await citedBy(db, 'kst-34352-330')).toEqual(viaAlias);
  });

  it('finds citing places of an id that has no record at all', async () => {
    expect((await citedBy(db, 'kst-36600-XV-86')).map((place) => place.footnote)).toEqual(['3']);
    expect(await citedBy(db, 'kst-99999-1')).toEqual([]);
    expect(await citedBy(db, '<bad>')).toEqual([]);
  });

  it('stores settings as given', async () => {
    expect(await getSetting(db, 'theme', 'light')).toBe('light');
    await putSetting(db, 'theme', { mode: 'dark', contrast: [1, 2] });
    expect(await getSetting(db, 'theme', null)).toEqual({ mode: 'dark', contrast: [1, 2] });
  });
});
