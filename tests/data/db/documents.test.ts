import { beforeEach, describe, expect, it } from 'vitest';
import { listDocuments, listDossiers } from '../../../data/db/documents';
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

  it('reads dossiers', async () => {
    const dossiers = await listDossiers(db);
    expect(dossiers.map((dossier) => dossier.id)).toEqual(['34352', '36600-XV']);
    expect(dossiers[0]?.title).toBe('Uitvoering en evaluatie Participatiewet');
  });
});
