import { beforeEach, describe, expect, it } from 'vitest';
import { importDataset } from '../../../data/db/import-dataset';
import type { KamerlensDB } from '../../../data/db/kamerlens-db';
import { lookupDocuments } from '../../../data/db/lookup-documents';
import { freshDB } from '../../fixtures/db/fresh-db';
import { seedLikeDataset } from '../../fixtures/db/seed-like';
import { replaceStoredDocument, storedDocument } from '../../fixtures/db/stored-records';

let db: KamerlensDB;
beforeEach(async () => {
  db = freshDB();
  const outcome = await importDataset(db, seedLikeDataset());
  expect(outcome.status).toBe('imported');
});

const PARTICIPATIEWET = 'Uitvoering en evaluatie Participatiewet';
const SZW_BUDGET =
  'Vaststelling van de begrotingsstaten van het Ministerie van Sociale Zaken en Werkgelegenheid (XV) voor het jaar 2025';

describe('lookupDocuments: one id at a time', () => {
  it.each([
    // id asked for, document id expected (null: not found), dossier title expected
    ['kst-34352-349', 'kst-34352-349', PARTICIPATIEWET],
    ['2025D51855', 'kst-34352-349', PARTICIPATIEWET],
    ['2024Z15690', 'ah-tk-20242025-520', null],
    ['2024D43182', 'ah-tk-20242025-520', null],
    ['local-000_5b0e6dc1a4e276c7', 'local-000_5b0e6dc1a4e276c7', null],
    ['kst-36600-XV-85', 'kst-36600-XV-85', SZW_BUDGET],
    // not in the dataset, but the dossier is known from the id
    ['kst-34352-1', null, PARTICIPATIEWET],
    ['kst-36600-XV-86', null, SZW_BUDGET],
    ['dossier-34352', null, PARTICIPATIEWET],
    ['kst-99999-1', null, null],
    ['2099Z00001', null, null],
    // malformed
    ['', null, null],
    ['kst 34352 349', null, null],
    ['<script>', null, null],
    ['x'.repeat(101), null, null],
    ['-leading-dash', null, null],
  ])('%s → %s', async (id, documentId, dossierTitle) => {
    const [entry] = await lookupDocuments(db, [id]);
    expect(entry?.id).toBe(id);
    expect(entry?.document?.id ?? null).toBe(documentId);
    expect(entry?.dossierTitle).toBe(dossierTitle);
  });
});

describe('lookupDocuments: batches', () => {
  it('answers in input order, with duplicates repeated and unknowns null', async () => {
    const ids = ['2024Z15690', 'nope-1', 'kst-34352-349', '2024Z15690', 'kst-34352-330', ''];
    const entries = await lookupDocuments(db, ids);
    expect(entries.map((entry) => entry.id)).toEqual(ids);
    expect(entries.map((entry) => entry.document?.id ?? null)).toEqual([
      'ah-tk-20242025-520',
      null,
      'kst-34352-349',
      'ah-tk-20242025-520',
      'kst-34352-330',
      null,
    ]);
  });

  it('returns an empty list for an empty batch', async () => {
    expect(await lookupDocuments(db, [])).toEqual([]);
  });

  it('never throws on values a forged message could carry', async () => {
    const forged = [null, 42, {}, ['kst-34352-349'], undefined] as unknown as string[];
    const entries = await lookupDocuments(db, forged);
    expect(entries.every((entry) => entry.document === null)).toBe(true);
  });

  it('prefers a full document over a stub that claims the same alias', async () => {
    // The validator refuses such a dataset; the lookup still must not pick the poorer record if a
    // database ever holds one (e.g. written by an older version).
    const stub = await storedDocument(db, 'kst-36600-XV-85');
    if (!stub) throw new Error('fixture changed');
    await replaceStoredDocument(db, { ...stub, ids: [...stub.ids, '2024D50204'] });
    const [entry] = await lookupDocuments(db, ['2024D50204']);
    expect(entry?.document?.id).toBe('kst-34352-330');
    const [byKey] = await lookupDocuments(db, ['kst-36600-XV-85']);
    expect(byKey?.document?.id).toBe('kst-36600-XV-85');
  });

  it('returns the whole stored record', async () => {
    const [entry] = await lookupDocuments(db, ['kst-34352-349']);
    const expected = seedLikeDataset().documents.find((document) => document.id === 'kst-34352-349');
    expect(entry?.document).toEqual(expected);
  });
});
