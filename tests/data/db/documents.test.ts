import { beforeEach, describe, expect, it } from 'vitest';
import { dossierTitle, getDocument, listDocuments, listDossiers } from '../../../data/db/documents';
import { importDataset } from '../../../data/db/import-dataset';
import type { KamerlensDB } from '../../../data/db/kamerlens-db';
import { freshDB } from '../../fixtures/db/fresh-db';
import { seedLikeDataset } from '../../fixtures/db/seed-like';

let db: KamerlensDB;
beforeEach(async () => {
  db = freshDB();
  await importDataset(db, seedLikeDataset());
});

describe('documents and dossiers', () => {
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
});
