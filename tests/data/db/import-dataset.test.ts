import { describe, expect, it } from 'vitest';
import type { AnnotationRecord } from '../../../data/annotations/model';
import { datasetInfo } from '../../../data/db/dataset-info';
import { importDataset } from '../../../data/db/import-dataset';
import type { KamerlensDB } from '../../../data/db/kamerlens-db';
import { makeDataset, makeDocument } from '../../fixtures/builders';
import { freshDB } from '../../fixtures/db/fresh-db';
import { seedLikeDataset } from '../../fixtures/db/seed-like';
import { snapshot, storedDocument, storedDocuments } from '../../fixtures/db/stored-records';

const NOTE: AnnotationRecord = {
  id: 'note-1',
  created: '2026-01-02T10:00:00.000Z',
  modified: '2026-01-03T11:00:00.000Z',
  target: {
    source: 'https://www.nu.nl/artikel',
    selectors: [
      { type: 'TextQuoteSelector', exact: 'Participatiewet', prefix: 'de ', suffix: ' in' },
      { type: 'TextPositionSelector', start: 10, end: 25 },
    ],
  },
  body: { note: 'Zie de brief.', tags: ['bijstand'], linkedDocumentIds: ['kst-34352-349'] },
};

/** A valid full document. */
function document(id: string, ids = [id]) {
  return makeDocument({ id, ids, source: `${id}.txt` });
}

async function snapshotUserTables(db: KamerlensDB) {
  return { settings: await db.settings.toArray(), annotations: await db.annotations.toArray() };
}

describe('importDataset', () => {
  it('imports documents, dossiers and metadata, reporting progress up to 1', async () => {
    const db = freshDB();
    const fractions: number[] = [];
    const outcome = await importDataset(db, seedLikeDataset(), {
      onProgress: (f) => fractions.push(f),
      chunkSize: 2,
    });
    expect(outcome).toEqual({
      status: 'imported',
      datasetVersion: 'v1-test',
      counts: { documents: 4, stubs: 1, references: 4, dossiers: 2 },
    });
    expect(await storedDocuments(db)).toHaveLength(5);
    // The graph travels inside the records (v6 keeps no table of edges).
    expect(await storedDocument(db, 'kst-34352-330')).toEqual(
      seedLikeDataset().documents.find((document) => document.id === 'kst-34352-330'),
    );
    expect((await snapshot(db)).dossiers).toHaveLength(2);
    expect(fractions[0]).toBe(0);
    expect(fractions.at(-1)).toBe(1);
    expect(fractions.length).toBeGreaterThan(3);
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
    const info = await datasetInfo(db);
    expect(info.dataset?.datasetVersion).toBe('v1-test');
    expect(info.importStatus).toMatchObject({ state: 'done', error: null });
  });

  it('skips a dataset whose version is already stored', async () => {
    const db = freshDB();
    await importDataset(db, seedLikeDataset());
    await db.documentBlocks.clear(); // a skip must not rewrite anything
    expect(await importDataset(db, seedLikeDataset())).toEqual({
      status: 'skipped',
      datasetVersion: 'v1-test',
    });
    expect(await storedDocument(db, 'kst-34352-330')).toBeUndefined();
    expect((await importDataset(db, seedLikeDataset(), { force: true })).status).toBe('imported');
    expect(await storedDocument(db, 'kst-34352-330')).toBeDefined();
  });

  it('re-imports a changed dataset, replacing bundled data and leaving user tables byte-identical', async () => {
    const db = freshDB();
    await importDataset(db, seedLikeDataset('v1'));
    await db.settings.bulkPut([
      { key: 'theme', value: 'dark' },
      { key: 'sites', value: { enabled: ['https://www.nu.nl/*'], nested: [1, null, 'x'] } },
    ]);
    await db.annotations.put(NOTE);
    const before = structuredClone(await snapshotUserTables(db));

    const next = makeDataset(
      'v2',
      [makeDocument({ id: 'kst-36582-F', title: 'Nieuw', source: 'x.txt' })],
      [{ id: '36582', title: 'P' }],
    );
    expect(await importDataset(db, next)).toMatchObject({ status: 'imported' });

    expect(await snapshotUserTables(db)).toEqual(before);
    const stored = await snapshot(db);
    expect(stored.documents.map((d) => d.id)).toEqual(['kst-36582-F']);
    expect(stored.dossiers.map((d) => d.id)).toEqual(['36582']);
    // The previous version's blocks went.
    expect(await db.documentBlocks.count()).toBe(1);
    expect((await datasetInfo(db)).dataset?.datasetVersion).toBe('v2');
  });

  // What the pipeline's validator (data/dataset/validate.ts) refuses, and what the DB itself refuses.
  const invalid: [string, unknown, RegExp][] = [
    ['not an object', 'dataset', /dataset: must be an object/],
    ['an array', [], /dataset: must be an object/],
    ['wrong schema version', { ...seedLikeDataset('bad'), schemaVersion: 99 }, /schemaVersion: must be 1/],
    ['without a version', { ...seedLikeDataset('bad'), datasetVersion: '' }, /datasetVersion/],
    ['without documents', { ...seedLikeDataset('bad'), documents: {} }, /documents: must be a list/],
    ['a document without id', makeDataset('bad', [{ ...document('x'), id: '' }]), /documents\[0\]\.id/],
    [
      'a duplicate id',
      makeDataset('bad', [document('kst-1-1'), document('kst-1-1')]),
      /duplicate id kst-1-1/,
    ],
    [
      'an alias on two records',
      makeDataset('bad', [document('a', ['a', 'z']), document('b', ['b', 'z'])]),
      /id z also/,
    ],
    [
      'ids not strings',
      makeDataset('bad', [document('a', [1 as unknown as string])]),
      /ids: must be a list of strings/,
    ],
    [
      'a dossier without title',
      makeDataset('bad', [], [{ id: '1' } as { id: string; title: string }]),
      /dossiers\[0\]/,
    ],
    // Valid for the schema, refused by IndexedDB inside the transaction (dossier ids are keys).
    [
      'a duplicate dossier',
      makeDataset(
        'bad',
        [],
        [
          { id: '1', title: 'a' },
          { id: '1', title: 'b' },
        ],
      ),
      /Import failed/,
    ],
  ];

  it.each(invalid)(
    'does not import a dataset that is %s; previous data stays, error is stored',
    async (_l, json, error) => {
      const db = freshDB();
      await importDataset(db, seedLikeDataset());
      const documentsBefore = await storedDocuments(db);
      const outcome = await importDataset(db, json);
      expect(outcome.status).toBe('failed');
      if (outcome.status === 'failed') expect(outcome.error).toMatch(error);
      expect(await storedDocuments(db)).toEqual(documentsBefore);
      const info = await datasetInfo(db);
      expect(info.dataset?.datasetVersion).toBe('v1-test');
      expect(info.importStatus?.state).toBe('failed');
      expect(info.importStatus?.error).toMatch(error);
    },
  );

  it('rolls back everything when a write fails half-way', async () => {
    const db = freshDB();
    await importDataset(db, seedLikeDataset());
    const blocks = await db.documentBlocks.count();
    // A document that cannot be stored (a BigInt has no JSON) fails the import after earlier chunks
    // were written.
    const broken = seedLikeDataset('v-broken');
    (broken.documents[3] as unknown as { summary: unknown }).summary = 1n;
    const outcome = await importDataset(db, broken, { chunkSize: 1 });
    expect(outcome.status).toBe('failed');
    expect((await datasetInfo(db)).dataset?.datasetVersion).toBe('v1-test');
    expect(await db.documentBlocks.count()).toBe(blocks);
    expect(await storedDocuments(db)).toEqual(
      seedLikeDataset().documents.sort((a, b) => (a.id < b.id ? -1 : 1)),
    );
  });
});
