import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { importPack, removePack } from '../../../data/db/import-pack';
import { KamerlensDB, SCHEMA_VERSION } from '../../../data/db/kamerlens-db';
import { lookupDocuments } from '../../../data/db/lookup-documents';
import { edgesOf } from '../../../data/db/reference-edges';
import { seedLikeDataset } from '../../fixtures/db/seed-like';
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
  it('keeps user settings and documents, derives the reference graph and adds annotations', async () => {
    const { settings } = await createVersion1Database();
    const db = new KamerlensDB(NAME);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await db.settings.toArray()).toEqual(settings);
    expect(await db.documents.count()).toBe(5);
    expect(await db.references.count()).toBe(4);
    const edges = await db.references.where('to').equals('kst-34352-330').sortBy('from');
    expect(edges.map((edge) => [edge.from, edge.qa, edge.section]).reverse()).toEqual([
      ['kst-34352-349', null, 'Inleiding'],
      ['ah-tk-20242025-520', '4', null],
    ]);
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
    expect(await db.references.count()).toBe(0);
    db.close();
  });
});

describe('upgrade from schema version 2', () => {
  it('keeps the dataset, the graph and the notes, and then takes packs', async () => {
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
      documents: await v2.table('documents').toArray(),
      references: await v2.table('references').toArray(),
      dossiers: await v2.table('dossiers').toArray(),
    };
    v2.close();

    const db = new KamerlensDB(NAME);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect({
      documents: await db.documents.toArray(),
      references: await db.references.toArray(),
      dossiers: await db.dossiers.toArray(),
    }).toEqual(before);
    expect(await db.annotations.toArray()).toEqual([NOTE]);
    expect(await db.packs.count()).toBe(0);
    const pack = fixturePack('vergaderjaar-2023-2024');
    await importPack(db, pack, { bytes: 1, fileName: 'p' });
    expect(await db.documents.count()).toBe(before.documents.length + pack.counts.documents);
    await removePack(db, pack.id);
    expect(await db.documents.toArray()).toEqual(before.documents);
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
      await db.transaction('rw', db.documents, () => db.documents.bulkPut(seedLikeDataset().documents));
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
