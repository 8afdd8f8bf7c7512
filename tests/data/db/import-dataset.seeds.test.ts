/** The real seed dataset, built in-process by the pipeline, through import, lookup and "cited by". */
import { beforeAll, describe, expect, it } from 'vitest';
import type { DatasetFile } from '../../../data/dataset/types';
import { datasetInfo } from '../../../data/db/dataset-info';
import { importDataset } from '../../../data/db/import-dataset';
import type { KamerlensDB } from '../../../data/db/kamerlens-db';
import { lookupDocuments } from '../../../data/db/lookup-documents';
import { buildDataset } from '../../../data/pipeline/build';
import { freshDB } from '../../fixtures/db/fresh-db';
import { storedDocument, storedDocuments } from '../../fixtures/db/stored-records';

let dataset: DatasetFile;
beforeAll(() => {
  dataset = buildDataset().dataset;
});

let db: KamerlensDB;
const importSeed = async () => {
  db = freshDB();
  const outcome = await importDataset(db, dataset);
  expect(outcome.status).toBe('imported');
};

describe('the seed dataset in the database', () => {
  it('imports every record and edge the file holds', async () => {
    await importSeed();
    const edges = dataset.documents.reduce(
      (sum, document) => sum + document.references.reduce((n, reference) => n + reference.ids.length, 0),
      0,
    );
    const { dataset: meta } = await datasetInfo(db);
    expect(meta?.counts).toEqual({
      documents: dataset.documents.filter((document) => !document.stub).length,
      stubs: dataset.documents.filter((document) => document.stub).length,
      references: edges,
      dossiers: dataset.dossiers.length,
    });
    expect(await storedDocuments(db)).toHaveLength(dataset.documents.length);
  });

  // Identities from the seed manifest (public records): any alias finds the same document.
  it.each([
    ['ah-tk-20242025-520', 'ah-tk-20242025-520'],
    ['2024D43182', 'ah-tk-20242025-520'],
    ['2024Z15690', 'ah-tk-20242025-520'],
    ['kst-34352-330', 'kst-34352-330'],
    ['2024D50204', 'kst-34352-330'],
    ['kst-34352-349', 'kst-34352-349'],
    ['2025D51855', 'kst-34352-349'],
  ])('%s resolves to %s with the dossier title where it has one', async (id, expected) => {
    await importSeed();
    const [entry] = await lookupDocuments(db, [id]);
    expect(entry?.document?.id).toBe(expected);
    expect(entry?.document?.stub).toBe(false);
    if (expected.startsWith('kst-34352'))
      expect(entry?.dossierTitle).toBe('Uitvoering en evaluatie Participatiewet');
  });

  it('stores every stub with the documents citing it, each stored and naming it among its references', async () => {
    await importSeed();
    for (const stub of dataset.documents.filter((document) => document.stub)) {
      const stored = await storedDocument(db, stub.id);
      expect(stored?.citedBy.length, stub.id).toBeGreaterThan(0);
      for (const place of stored?.citedBy ?? []) {
        const citing = await storedDocument(db, place.documentId);
        const cited = citing?.references.flatMap((reference) => reference.ids) ?? [];
        expect(cited, `${place.documentId} → ${stub.id}`).toContain(stub.id);
      }
    }
  });
});
