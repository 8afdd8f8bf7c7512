import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { blocksOf } from '../../../data/db/block-packing';
import { importPack, removePack } from '../../../data/db/import-pack';
import { KamerlensDB, SCHEMA_VERSION } from '../../../data/db/kamerlens-db';
import { lookupDocuments } from '../../../data/db/lookup-documents';
import { edgesOf } from '../../../data/db/reference-edges';
import { V5_STORES, V6_STORES } from '../../fixtures/db/old-schemas';
import { seedLikeDataset } from '../../fixtures/db/seed-like';
import { snapshot, sourceOf, storedDocument, storedDocuments } from '../../fixtures/db/stored-records';
import { fixturePack } from '../../fixtures/opendata/fixture-packs';

const NAME = `kamerlens-upgrade-${process.pid}`;

/** The database exactly as schema version 1 declared it, filled the way a v1 import left it. */
async function createVersion1Database() {
  const v1 = new Dexie(NAME);
  v1.version(1).stores({
    documents: 'id, *ids, type, date, dossier',
    dossiers: 'id',
    meta: 'key',
    settings: 'key',
  });
  const dataset = seedLikeDataset();
  await v1.table('documents').bulkAdd(dataset.documents);
  await v1.table('dossiers').bulkAdd(dataset.dossiers);
  await v1.table('meta').put({ key: 'dataset', datasetVersion: dataset.datasetVersion });
  await v1.table('settings').bulkPut([
    { key: 'theme', value: 'dark' },
    { key: 'enabledSites', value: ['https://www.nu.nl/*'] },
  ]);
  const settings = await v1.table('settings').toArray();
  v1.close();
  return { settings };
}

afterEach(async () => {
  await Dexie.delete(NAME);
});

describe('upgrade from schema version 1', () => {
  it('keeps user settings and documents and adds annotations (the graph table, derived by v2, goes in v6)', async () => {
    const { settings } = await createVersion1Database();
    const db = new KamerlensDB(NAME);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await db.settings.toArray()).toEqual(settings);
    expect(await storedDocuments(db)).toHaveLength(5);
    expect(db.tables.map((table) => table.name)).not.toContain('references');
    const [entry] = await lookupDocuments(db, ['2025D51855']);
    expect(entry?.document?.id).toBe('kst-34352-349');
    await db.annotations.put({
      id: 'n1',
      created: '2026-01-01T00:00:00.000Z',
      modified: '2026-01-01T00:00:00.000Z',
      target: { source: 'https://www.nu.nl/a', selectors: [] },
      body: { note: 'x', tags: ['t'], linkedDocumentIds: ['kst-34352-349'] },
    });
    expect(await db.annotations.where('body.linkedDocumentIds').equals('kst-34352-349').count()).toBe(1);
    expect(await db.annotations.where('target.source').equals('https://www.nu.nl/a').count()).toBe(1);
    db.close();
  });

  it('opens an empty version 1 database without data to derive', async () => {
    const v1 = new Dexie(NAME);
    v1.version(1).stores({
      documents: 'id, *ids, type, date, dossier',
      dossiers: 'id',
      meta: 'key',
      settings: 'key',
    });
    await v1.open();
    v1.close();
    const db = new KamerlensDB(NAME);
    expect(await storedDocuments(db)).toHaveLength(0);
    expect(db.verno).toBe(SCHEMA_VERSION);
    db.close();
  });
});

describe('upgrade from schema version 2', () => {
  it('keeps the dataset and the notes, and then takes packs', async () => {
    const v2 = new Dexie(NAME);
    v2.version(1).stores({
      documents: 'id, *ids, type, date, dossier',
      dossiers: 'id',
      meta: 'key',
      settings: 'key',
    });
    v2.version(2).stores({
      documents: 'id, *ids',
      references: '++key, from, to',
      annotations: 'id, created, modified, target.source, *body.linkedDocumentIds, *body.tags',
    });
    const dataset = seedLikeDataset();
    await v2.table('documents').bulkAdd(dataset.documents);
    await v2.table('dossiers').bulkAdd(dataset.dossiers);
    await v2.table('references').bulkAdd(dataset.documents.flatMap(edgesOf));
    await v2.table('annotations').put(NOTE);
    const before = {
      documents: await v2.table('documents').orderBy('id').toArray(),
      dossiers: await v2.table('dossiers').orderBy('id').toArray(),
    };
    v2.close();

    const db = new KamerlensDB(NAME);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    const { documents, dossiers } = await snapshot(db);
    expect({ documents, dossiers }).toEqual(before);
    expect(await db.annotations.toArray()).toEqual([NOTE]);
    expect(await db.packs.count()).toBe(0);
    const pack = fixturePack('vergaderjaar-2023-2024');
    await importPack(db, pack, { bytes: 1, fileName: 'p' });
    expect(await storedDocuments(db)).toHaveLength(before.documents.length + pack.counts.documents);
    await removePack(db, pack.id);
    expect(await storedDocuments(db)).toEqual(before.documents);
    db.close();
  });
});

describe('upgrade from schema version 5', () => {
  it('drops the graph edges’ table and keeps the other tables’ rows; an import v5 left unfinished is undone', async () => {
    const v5 = new Dexie(NAME);
    v5.version(5).stores(V5_STORES);
    const dataset = seedLikeDataset();
    const [kept, ...others] = dataset.documents;
    if (!kept) throw new Error('empty fixture');
    await v5.table('documents').bulkAdd(others);
    await v5.table('references').bulkAdd(others.flatMap(edgesOf));
    await v5.table('dossiers').bulkAdd(dataset.dossiers);
    await v5.table('meta').put({ key: 'dataset', datasetVersion: dataset.datasetVersion });
    await v5.table('settings').put({ key: 'theme', value: 'dark' });
    await v5.table('annotations').put(NOTE);
    await v5.table('searchHeads').put({ id: 'bundled', head: { total: 4 } });
    await v5.table('searchPostings').put({ stem: 'werk', segment: 'bundled', stems: ['werk'] });
    // A v5 import stopped after its first chunk wrote `kept` (new) and replaced another row's title.
    const [replaced] = others;
    if (!replaced) throw new Error('empty fixture');
    await v5.table('documents').bulkPut([kept, { ...replaced, title: 'half-way' }]);
    await v5.table('importUndo').add({
      source: 'bundled',
      table: 'documents',
      ids: [kept.id, replaced.id],
      before: [undefined, replaced],
      edges: edgesOf(replaced).map((edge, key) => ({ ...edge, key })),
    });
    const tables = ['settings', 'annotations', 'searchHeads', 'searchPostings'];
    const before: Record<string, unknown[]> = {};
    for (const name of tables) before[name] = await v5.table(name).toArray();
    v5.close();

    const db = new KamerlensDB(NAME);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(db.backendDB().objectStoreNames.contains('references')).toBe(false);
    for (const name of tables) expect(await db.table(name).toArray(), name).toEqual(before[name]);
    expect(await db.meta.get('dataset')).toEqual({ key: 'dataset', datasetVersion: dataset.datasetVersion });
    // The rows as they were before the unfinished import, now in blocks; the row tables are gone.
    expect(await storedDocuments(db)).toEqual([...others].sort((a, b) => (a.id < b.id ? -1 : 1)));
    expect((await snapshot(db)).dossiers).toEqual(dataset.dossiers);
    for (const gone of ['documents', 'dossiers', 'importUndo'])
      expect(db.backendDB().objectStoreNames.contains(gone), gone).toBe(false);
    db.close();
  });
});

describe('upgrade from schema version 6', () => {
  it('moves every source’s rows into its blocks: pack rows, shared rows and displaced stubs read as before', async () => {
    const v6 = new Dexie(NAME);
    v6.version(6).stores(V6_STORES);
    const dataset = seedLikeDataset();
    const stub = dataset.documents.find((d) => d.stub);
    const full = dataset.documents.filter((d) => !d.stub);
    if (!stub) throw new Error('fixture has no stub');
    const fromPack = { ...stub, stub: false, title: 'Uit het pakket', source: 'pack.json' };
    await v6.table('documents').bulkAdd([
      ...full,
      // A pack's row over a bundled stub, and a pack's own row two packs share.
      { ...fromPack, packs: ['p-a'], displaced: stub },
      { ...fromPack, id: 'kst-1-1', ids: ['kst-1-1'], packs: ['p-a', 'p-b'] },
    ]);
    await v6
      .table('dossiers')
      .bulkAdd([...dataset.dossiers, { id: '99999', title: 'Gedeeld dossier', packs: ['p-a', 'p-b'] }]);
    await v6.table('meta').put({ key: 'dataset', datasetVersion: dataset.datasetVersion });
    await v6.table('packs').bulkAdd([
      { id: 'p-a', importedAt: '2026-01-01T00:00:00.000Z' },
      { id: 'p-b', importedAt: '2026-01-02T00:00:00.000Z' },
    ]);
    v6.close();

    const db = new KamerlensDB(NAME);
    await db.open();
    expect(await storedDocument(db, stub.id)).toEqual(fromPack);
    expect(await sourceOf(db, stub.id)).toBe('p-a');
    // Of two packs, the one imported last wins.
    expect(await sourceOf(db, 'kst-1-1')).toBe('p-b');
    expect((await snapshot(db)).dossiers.map((d) => d.id)).toEqual([
      ...dataset.dossiers.map((d) => d.id),
      '99999',
    ]);
    await removePack(db, 'p-a');
    expect(await storedDocument(db, stub.id)).toEqual(stub);
    expect(await sourceOf(db, 'kst-1-1')).toBe('p-b');
    await removePack(db, 'p-b');
    expect(await storedDocument(db, 'kst-1-1')).toBeUndefined();
    expect((await snapshot(db)).dossiers).toEqual(dataset.dossiers);
    db.close();
  });
});

const NOTE = {
  id: 'n2',
  created: '2026-01-01T00:00:00.000Z',
  modified: '2026-01-01T00:00:00.000Z',
  target: { source: 'https://www.nu.nl/b', selectors: [] },
  body: { note: 'y', tags: [], linkedDocumentIds: ['kst-34352-349'] },
};

describe('change broadcasts', () => {
  it('writes announce no change set to the origin (Dexie Observability is off; nothing uses liveQuery)', async () => {
    const heard: unknown[] = [];
    const listen = (parts: unknown) => heard.push(parts);
    Dexie.on('storagemutated', listen);
    const db = new KamerlensDB(`${NAME}-quiet`);
    try {
      await db.open();
      // A plain Dexie database on the same engine does announce its writes: the listener works.
      const plain = new Dexie(`${NAME}-plain`);
      plain.version(1).stores({ rows: 'id' });
      const before = heard.length;
      await plain.table('rows').put({ id: 'a' });
      expect(heard.length).toBeGreaterThan(before);
      heard.length = 0;
      await db.transaction('rw', db.documentBlocks, () =>
        db.documentBlocks.bulkPut(blocksOf('bundled', 1, seedLikeDataset().documents)),
      );
      expect(heard).toEqual([]);
      plain.close();
      await plain.delete();
    } finally {
      Dexie.on('storagemutated').unsubscribe(listen);
      db.close();
      await db.delete();
    }
  });
});
