/**
 * A document's long fields no card shows are stored apart from its block entry (block-packing.ts):
 * a card lookup reads neither them nor the records citing the document, whole reads still give the
 * record back exactly, and blocks an earlier build wrote whole keep answering.
 */
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { readPack } from '../../../data/dataset/read-pack';
import type { DatasetFile, DocumentRecord } from '../../../data/dataset/types';
import { blocksOf } from '../../../data/db/block-packing';
import { listDocuments } from '../../../data/db/documents';
import { importDataset } from '../../../data/db/import-dataset';
import { importPack, removePack } from '../../../data/db/import-pack';
import { KamerlensDB, SCHEMA_VERSION } from '../../../data/db/kamerlens-db';
import { setLive } from '../../../data/db/live-sources';
import { cardOf, lookupCards } from '../../../data/db/lookup-cards';
import { lookupDocuments } from '../../../data/db/lookup-documents';
import type { RowBlock } from '../../../data/db/records';
import { readDocuments } from '../../../data/db/resolve-documents';
import { deadGenerations, sweepDeadBlocks } from '../../../data/db/row-blocks';
import { ownedRecords } from '../../../data/db/source-documents';
import { splitDataset } from '../../../data/pipeline/packs/write-packs';
import { freshDB } from '../../fixtures/db/fresh-db';
import { V9_STORES } from '../../fixtures/db/old-schemas';
import { seedLikeDataset } from '../../fixtures/db/seed-like';
import { watchRequests } from '../../fixtures/db/watch-requests';
import { packFile, streamOf } from '../../fixtures/opendata/fixture-packs';

/** A paragraph of about 1,000 chars. */
const PARAGRAPH = 'De gemeente voert de Participatiewet uit en meldt de voortgang aan de Kamer. '.repeat(13);

/** The seed-like dataset with its full documents as long as the seed's: sections, footnotes, answers. */
function longDataset(version = 'v1-long'): DatasetFile {
  const dataset = seedLikeDataset(version);
  return {
    ...dataset,
    documents: dataset.documents.map((document) =>
      document.stub
        ? document
        : {
            ...document,
            sections: [{ heading: 'Inleiding', paragraphs: Array.from({ length: 16 }, () => PARAGRAPH) }],
            footnotes: [{ number: '1', text: PARAGRAPH, anchor: null }],
            qa:
              document.type === 'antwoord' || document.qa.length > 0
                ? document.qa.map((qa) => ({ ...qa, answer: PARAGRAPH }))
                : [],
          },
    ),
  };
}

/** What each read of `db`'s tables gave back: the table and the rows. */
function watchReads(db: Dexie): { table: string; rows: unknown[] }[] {
  const reads: { table: string; rows: unknown[] }[] = [];
  watchRequests(db, 'watch-reads', { rows: (table, rows) => reads.push({ table, rows: [...rows] }) });
  return reads;
}

/** Chars of record JSON in the document blocks `reads` gave back. */
const blockChars = (reads: readonly { table: string; rows: unknown[] }[]) =>
  reads
    .filter((read) => read.table === 'documentBlocks')
    .flatMap((read) => read.rows as (RowBlock | undefined)[])
    .reduce((sum, block) => sum + (block?.entries.reduce((n, entry) => n + entry.json.length, 0) ?? 0), 0);

async function imported(
  dataset: DatasetFile,
): Promise<{ db: KamerlensDB; reads: ReturnType<typeof watchReads> }> {
  const db = freshDB();
  const reads = watchReads(db);
  expect((await importDataset(db, dataset)).status).toBe('imported');
  return { db, reads };
}

const NOTE = {
  id: 'n-v9',
  created: '2026-01-01T00:00:00.000Z',
  modified: '2026-01-01T00:00:00.000Z',
  target: { source: 'https://www.nu.nl/a', selectors: [] },
  body: { note: 'x', tags: [], linkedDocumentIds: ['kst-34352-349'] },
};

const FULL = ['kst-34352-349', 'kst-34352-330', 'ah-tk-20242025-520', 'local-000_5b0e6dc1a4e276c7'];

describe('document bodies stored apart', () => {
  it('a card lookup reads each card, none of the bodies, and answers what it answered from the whole record', async () => {
    const dataset = longDataset();
    const { db, reads } = await imported(dataset);
    const records = new Map(dataset.documents.map((document) => [document.id, document]));
    // Each full document is over 17,000 chars as a whole.
    for (const id of FULL) expect(JSON.stringify(records.get(id)).length).toBeGreaterThan(17_000);
    reads.length = 0;
    const entries = await lookupCards(db, FULL);
    expect(reads.some((read) => read.table === 'documentBodies')).toBe(false);
    // About a kilobyte each, not 17,000 chars.
    expect(blockChars(reads)).toBeLessThan(FULL.length * 2_000);
    expect(entries.map((entry) => entry.document)).toEqual(
      FULL.map((id) => cardOf(records.get(id) as DocumentRecord)),
    );
    db.close();
  });

  it('stores the bodies in rows of their own and gives whole records back exactly to every whole read', async () => {
    const dataset = longDataset();
    const { db } = await imported(dataset);
    expect(await db.documentBodies.count()).toBe(FULL.length);
    const expected = dataset.documents.filter((document) => FULL.includes(document.id));
    const byId = (list: DocumentRecord[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(byId([...(await readDocuments(db, FULL)).values()])).toEqual(byId(expected));
    expect((await lookupDocuments(db, ['2025D51855']))[0]?.document).toEqual(
      records(dataset, 'kst-34352-349'),
    );
    expect(byId((await listDocuments(db)).filter((document) => FULL.includes(document.id)))).toEqual(
      byId(expected),
    );
    // What the search index is built from (search-segments.ts).
    const owned = await db.transaction(
      'r',
      [db.meta, db.sourceIds, db.documentBlocks, db.documentBodies],
      () => ownedRecords(db, 'bundled'),
    );
    expect(byId(owned)).toEqual(byId(expected));
    db.close();
  });

  it("gives a stub's card the titles of the documents citing it without reading them", async () => {
    const { db, reads } = await imported(longDataset());
    reads.length = 0;
    const [stub] = await lookupCards(db, ['kst-36600-XV-85']);
    expect(stub?.document?.stub).toBe(true);
    expect(stub?.citingTitles).toEqual({ 'kst-34352-349': 'Monitoringsbrief Participatiewet 2025' });
    // One read of blocks, the stub's own: the citing document's title came with the stub.
    expect(reads.filter((read) => read.table === 'documentBlocks')).toHaveLength(1);
    db.close();
  });

  it('keeps answering from blocks an earlier build wrote whole, titles of citing documents read from their cards', async () => {
    const db = freshDB();
    await db.open();
    const dataset = longDataset();
    // An earlier build's generation: whole records, listing their ids, no directory, no bodies.
    await db.documentBlocks.bulkAdd(blocksOf('bundled', 1, dataset.documents));
    await db.dossierBlocks.bulkAdd(blocksOf('bundled', 1, dataset.dossiers));
    await db.transaction('rw', db.meta, () => setLive(db, 'bundled', 1));
    const [cited, stub] = await lookupCards(db, ['2024D50204', 'kst-36600-XV-85']);
    expect(cited?.document).toEqual(cardOf(records(dataset, 'kst-34352-330')));
    expect(stub?.citingTitles).toEqual({ 'kst-34352-349': 'Monitoringsbrief Participatiewet 2025' });
    expect((await readDocuments(db, ['kst-34352-330'])).get('kst-34352-330')).toEqual(
      records(dataset, 'kst-34352-330'),
    );
    expect(await db.documentBodies.count()).toBe(0);
    db.close();
  });

  it('upgrades a schema v9 database without losing its blocks or notes, and splits them at the next import', async () => {
    const name = `kamerlens-v9-${process.pid}`;
    const v9 = new Dexie(name);
    v9.version(9).stores(V9_STORES);
    const dataset = longDataset();
    await v9.table('documentBlocks').bulkAdd(blocksOf('bundled', 1, dataset.documents));
    await v9.table('dossierBlocks').bulkAdd(blocksOf('bundled', 1, dataset.dossiers));
    await v9.table('meta').put({ key: 'live', sources: { bundled: 1 }, next: 2 });
    await v9.table('annotations').put(NOTE);
    v9.close();
    const db = new KamerlensDB(name);
    try {
      await db.open();
      expect(db.verno).toBe(SCHEMA_VERSION);
      const whole = records(dataset, 'kst-34352-349');
      expect((await lookupCards(db, ['2025D51855']))[0]?.document).toEqual(cardOf(whole));
      expect((await lookupDocuments(db, ['2025D51855']))[0]?.document).toEqual(whole);
      expect(await db.annotations.toArray()).toEqual([NOTE]);
      expect((await importDataset(db, longDataset('v2-long'))).status).toBe('imported');
      expect(await db.documentBodies.count()).toBe(FULL.length);
      expect((await lookupDocuments(db, ['2025D51855']))[0]?.document).toEqual(whole);
      expect(await db.annotations.toArray()).toEqual([NOTE]);
    } finally {
      db.close();
      await Dexie.delete(name);
    }
  });

  it("removes a pack's bodies with it, and a replaced generation's once it is swept", async () => {
    const db = freshDB();
    const dataset = longDataset();
    const [pack] = splitDataset(
      {
        ...dataset,
        documents: dataset.documents.map((document) => ({ ...document, vergaderjaar: '2025-2026' })),
      },
      'vergaderjaar',
    );
    if (!pack) throw new Error('no pack');
    const load = async () => {
      const bytes = packFile(pack);
      const read = await readPack(streamOf(bytes));
      if (!read.ok) throw new Error(read.error);
      return importPack(db, read.value, { bytes: bytes.length, fileName: `${pack.id}.pack.json.gz` });
    };
    await load();
    const bodies = await db.documentBodies.count();
    expect(bodies).toBe(FULL.length);
    // Imported again: the replaced generation's bodies go with its blocks.
    await load();
    expect(await db.documentBodies.count()).toBe(bodies);
    expect((await lookupDocuments(db, ['kst-34352-349']))[0]?.document?.sections).toHaveLength(1);
    await removePack(db, pack.id);
    expect(await db.documentBodies.count()).toBe(0);
    db.close();
  });

  it('finds and sweeps the bodies of a generation whose blocks a stopped delete already took', async () => {
    const { db } = await imported(longDataset());
    const live = await db.documentBodies.toArray();
    expect(live.length).toBeGreaterThan(0);
    // What a worker stopped between deleting a replaced generation's blocks and its bodies leaves:
    // bodies of a generation with no block, no directory and no live row, around the live ones.
    const orphans = [
      { source: 'bundled', generation: 90, id: 'a', json: '{}' },
      { source: 'bundled', generation: 90, id: 'z', json: '{}' },
      { source: 'pack-x', generation: 3, id: 'kst-1', json: '{}' },
    ];
    await db.documentBodies.bulkAdd(orphans);
    expect(await deadGenerations(db, () => true)).toEqual(
      expect.arrayContaining([
        ['bundled', 90],
        ['pack-x', 3],
      ]),
    );
    expect(await sweepDeadBlocks(db, () => true)).toBe(2);
    expect(await db.documentBodies.toArray()).toEqual(live);
    db.close();
  });
});

function records(dataset: DatasetFile, id: string): DocumentRecord {
  const found = dataset.documents.find((document) => document.id === id);
  if (!found) throw new Error(id);
  return found;
}
