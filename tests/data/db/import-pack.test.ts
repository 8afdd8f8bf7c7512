import { describe, expect, it } from 'vitest';
import type { AnnotationRecord } from '../../../data/annotations/model';
import type { DatasetPack } from '../../../data/dataset/pack-format';
import { readPack } from '../../../data/dataset/read-pack';
import { annotationsLinkedTo, putAnnotation } from '../../../data/db/annotations';
import { importDataset } from '../../../data/db/import-dataset';
import { importPack, listPacks, removePack } from '../../../data/db/import-pack';
import type { KamerlensDB } from '../../../data/db/kamerlens-db';
import { resolveDocuments } from '../../../data/db/resolve-documents';
import { rollBackUnfinished } from '../../../data/db/undoable-writes';
import { splitDataset } from '../../../data/pipeline/packs/write-packs';
import { freshDB } from '../../fixtures/db/fresh-db';
import { seedLikeDataset } from '../../fixtures/db/seed-like';
import { watchRequests } from '../../fixtures/db/watch-requests';
import { fixtureDataset, fixturePack, packFile, streamOf } from '../../fixtures/opendata/fixture-packs';

const YEAR = 'vergaderjaar-2024-2025';
const OTHER_YEAR = 'vergaderjaar-2023-2024';

const NOTE: AnnotationRecord = {
  id: 'note-pack',
  created: '2026-01-02T10:00:00.000Z',
  modified: '2026-01-02T10:00:00.000Z',
  target: { source: 'https://www.tweedekamer.nl/stuk', selectors: [] },
  body: { note: 'Zie de motie.', tags: [], linkedDocumentIds: ['2025D09876'] },
};

/** Load `pack` as the background does: from its file, through the shared reader. */
async function load(db: KamerlensDB, pack: DatasetPack) {
  const bytes = packFile(pack);
  const read = await readPack(streamOf(bytes));
  if (!read.ok) throw new Error(read.error);
  return importPack(db, read.value, { bytes: bytes.length, fileName: `${pack.id}.pack.json.gz` });
}

/** The fixture dataset with one record retitled and one left out, split again: the same pack ids, new versions. */
function editedPack(id: string): DatasetPack {
  const dataset = fixtureDataset();
  const documents = dataset.documents
    .filter((d) => d.id !== 'kst-36449-11')
    .map((d) => (d.id === '2025D09876' ? { ...d, title: 'Nieuwe titel' } : d));
  const pack = splitDataset({ ...dataset, documents }, 'vergaderjaar').find((p) => p.id === id);
  if (!pack) throw new Error(id);
  return pack;
}

async function snapshot(db: KamerlensDB) {
  return {
    documents: await db.documents.orderBy('id').toArray(),
    dossiers: await db.dossiers.orderBy('id').toArray(),
    packs: await db.packs.toArray(),
  };
}

async function titleOf(db: KamerlensDB, id: string) {
  return (await resolveDocuments(db, [id])).get(id)?.title ?? null;
}

describe('importPack', () => {
  it('round trip: built, read back and stored with its dossiers and description', async () => {
    const db = freshDB();
    const pack = fixturePack(YEAR);
    const fractions: number[] = [];
    const bytes = packFile(pack);
    const read = await readPack(streamOf(bytes));
    if (!read.ok) throw new Error(read.error);
    const { pack: stored, replaced } = await importPack(db, read.value, {
      bytes: bytes.length,
      fileName: 'jaar.pack.json.gz',
      onProgress: (f) => fractions.push(f),
    });
    expect(replaced).toBeNull();
    expect(stored).toMatchObject({
      id: YEAR,
      version: pack.version,
      counts: pack.counts,
      inBundled: 0,
      bytes: bytes.length,
    });
    expect(fractions[0]).toBe(0);
    expect(fractions.at(-1)).toBe(1);
    expect(await db.documents.count()).toBe(pack.counts.documents);
    expect(await db.dossiers.count()).toBe(pack.counts.dossiers);
    const { packs: _packs, ...record } = (await db.documents.get('2025D09876')) ?? {};
    expect(record).toEqual(pack.documents.find((d) => d.id === '2025D09876'));
    expect(await listPacks(db)).toEqual([stored]);
  });

  it('keeps the bundled dataset’s records (with the text) over a pack’s record with the same id', async () => {
    const db = freshDB();
    await importDataset(db, seedLikeDataset());
    const bundled = await snapshot(db);
    const { pack } = await load(db, fixturePack(YEAR));
    // kst-34352-330 and ah-tk-20242025-520 are in the bundled dataset: not written by the pack.
    expect(pack.inBundled).toBe(2);
    const seed = bundled.documents.find((d) => d.id === 'kst-34352-330');
    expect(await db.documents.get('kst-34352-330')).toEqual(seed);
    await removePack(db, YEAR);
    expect(await snapshot(db)).toEqual(bundled);
  });

  it('a pack’s record takes the place of a bundled stub, which comes back when the pack goes', async () => {
    const db = freshDB();
    await importDataset(db, seedLikeDataset('v1'));
    const stub = await db.documents.get('kst-36600-XV-85');
    expect(stub?.stub).toBe(true);
    const pack = fixturePack('vergaderjaar-onbekend');
    const { pack: stored } = await load(db, pack);
    expect(stored.inBundled).toBe(1); // local-000_…, which the bundled dataset has with its text
    const row = await db.documents.get('kst-36600-XV-85');
    expect(row?.packs).toEqual([pack.id]);
    expect(row?.displaced).toEqual(stub);
    // A new bundled dataset keeps the pack's row and puts its stub under it.
    await importDataset(db, seedLikeDataset('v2'));
    expect((await db.documents.get('kst-36600-XV-85'))?.packs).toEqual([pack.id]);
    await removePack(db, pack.id);
    expect(await db.documents.get('kst-36600-XV-85')).toEqual(stub);
  });

  it('an update replaces exactly that pack’s records, and notes stay linked through update, removal and re-adding', async () => {
    const db = freshDB();
    await load(db, fixturePack(YEAR));
    await load(db, fixturePack(OTHER_YEAR));
    await putAnnotation(db, NOTE);
    const other = (await snapshot(db)).documents.filter((d) => d.packs?.includes(OTHER_YEAR));

    const { replaced } = await load(db, editedPack(YEAR));
    expect(replaced).toBe(fixturePack(YEAR).version);
    expect((await db.packs.get(YEAR))?.version).toBe(editedPack(YEAR).version);
    expect(await titleOf(db, '2025D09876')).toBe('Nieuwe titel');
    expect(await db.documents.get('kst-36449-11')).toBeUndefined();
    expect((await snapshot(db)).documents.filter((d) => d.packs?.includes(OTHER_YEAR))).toEqual(other);
    expect(await annotationsLinkedTo(db, ['2025D09876'])).toEqual([NOTE]);

    expect(await removePack(db, YEAR)).toBe(true);
    expect(await titleOf(db, '2025D09876')).toBeNull();
    expect(await annotationsLinkedTo(db, ['2025D09876'])).toEqual([NOTE]);

    await load(db, editedPack(YEAR));
    expect(await titleOf(db, '2025D09876')).toBe('Nieuwe titel');
    expect(await annotationsLinkedTo(db, ['2025D09876'])).toEqual([NOTE]);
  });

  it('removal deletes exactly the pack’s records; a dossier two packs share goes with the last', async () => {
    const db = freshDB();
    await load(db, fixturePack(OTHER_YEAR));
    const before = await snapshot(db);
    await load(db, fixturePack(YEAR));
    expect((await db.dossiers.get('34352'))?.packs).toEqual([OTHER_YEAR, YEAR]);
    await removePack(db, YEAR);
    expect(await snapshot(db)).toEqual(before);
    await removePack(db, OTHER_YEAR);
    expect(await snapshot(db)).toEqual({ documents: [], dossiers: [], packs: [] });
    expect(await removePack(db, OTHER_YEAR)).toBe(false);
  });

  it('is all or nothing: a pack that fails half-way leaves the previous state', async () => {
    const db = freshDB();
    await load(db, fixturePack(YEAR));
    const before = await snapshot(db);
    const pack = editedPack(YEAR);
    // A value IndexedDB cannot store, in the last record: the transaction aborts after earlier writes.
    const broken = {
      ...pack,
      documents: pack.documents.map((d, i, all) =>
        i === all.length - 1 ? { ...d, title: (() => 'x') as unknown as string } : d,
      ),
    };
    await expect(importPack(db, broken, { bytes: 1, fileName: 'kapot' })).rejects.toThrow();
    expect(await snapshot(db)).toEqual(before);
  });

  it('a new bundled dataset keeps the packs’ records', async () => {
    const db = freshDB();
    await importDataset(db, seedLikeDataset('v1'));
    await load(db, fixturePack(OTHER_YEAR));
    const packRows = (await snapshot(db)).documents.filter((d) => d.packs);
    await importDataset(db, seedLikeDataset('v2'));
    const after = await snapshot(db);
    expect(after.documents.filter((d) => d.packs)).toEqual(packRows);
    expect(after.documents.filter((d) => !d.packs).map((d) => d.id)).toEqual(
      seedLikeDataset('v2')
        .documents.map((d) => d.id)
        .sort(),
    );
    expect(await listPacks(db)).toHaveLength(1);
  });
});

describe('an import in short transactions', () => {
  /**
   * Loads `pack` as a worker that stops after `chunks` transactions of rows: the database closes
   * under the import (nothing after that runs, not even its undo), then opens again as the next
   * worker finds it.
   */
  async function stoppedAfter(db: KamerlensDB, pack: DatasetPack, chunks: number) {
    let done = 0;
    const stopped = importPack(db, pack, {
      bytes: 1,
      fileName: 'stopped',
      chunkSize: 1,
      onProgress: (fraction) => {
        if (fraction > 0.2 && fraction < 1 && ++done === chunks) db.close();
      },
    });
    await expect(stopped).rejects.toThrow();
    await db.open();
  }

  it('a worker stopped half-way through an update: the next one undoes it to the row, then imports it whole', async () => {
    const db = freshDB();
    await importDataset(db, seedLikeDataset());
    await load(db, fixturePack(YEAR));
    await putAnnotation(db, NOTE);
    const before = await snapshot(db);
    const segmentsBefore = await db.searchSegments.toArray();
    // A new version with every title changed, stopped after three rows.
    const edited = editedPack(YEAR);
    const retitled = {
      ...edited,
      documents: edited.documents.map((d) => ({ ...d, title: `${d.title} (herzien)` })),
    };
    await stoppedAfter(db, retitled, 3);
    // Half-way: some rows are the new version's, and undo rows say what they replaced.
    expect(await db.importUndo.count()).toBeGreaterThan(0);
    const revised = (await db.documents.toArray()).filter((d) => d.title?.endsWith('(herzien)'));
    expect(revised.length).toBeGreaterThan(0);
    expect(revised.length).toBeLessThan(edited.documents.length);

    expect(await rollBackUnfinished(db, (source) => source !== 'bundled')).toEqual([YEAR]);
    expect(await snapshot(db)).toEqual(before);
    expect(await db.searchSegments.toArray()).toEqual(segmentsBefore);
    expect(await db.importUndo.count()).toBe(0);

    await load(db, editedPack(YEAR));
    expect(await titleOf(db, '2025D09876')).toBe('Nieuwe titel');
    expect(await db.documents.get('kst-36449-11')).toBeUndefined();
    expect(await annotationsLinkedTo(db, ['2025D09876'])).toEqual([NOTE]);
    expect(await db.importUndo.count()).toBe(0);
    expect((await db.documents.toArray()).filter((d) => d.title?.endsWith('(herzien)'))).toEqual([]);
  });

  it('a new pack stopped half-way is undone to nothing', async () => {
    const db = freshDB();
    await importDataset(db, seedLikeDataset());
    const before = await snapshot(db);
    await stoppedAfter(db, fixturePack(YEAR), 4);
    expect(await db.documents.where('packs').equals(YEAR).count()).toBeGreaterThan(0);
    await rollBackUnfinished(db, () => true);
    expect(await snapshot(db)).toEqual(before);
  });

  it('answers lookups between its transactions', async () => {
    const db = freshDB();
    await importDataset(db, seedLikeDataset());
    const pack = fixturePack(YEAR);
    // A row the bundled dataset lacks (the rows are written in key order, two a transaction).
    let probe = '';
    for (const document of pack.documents)
      if (!probe && document.title && (await titleOf(db, document.id)) === null) probe = document.id;
    const answered: (string | null)[] = [];
    // Each lookup starts after a transaction of rows and must end before the next one starts.
    const lookups: Promise<void>[] = [];
    await importPack(db, pack, {
      bytes: 1,
      fileName: 'p',
      chunkSize: 2,
      onProgress: (fraction) => {
        // From when the index is built (0.2, no row written yet) until the last row.
        if (fraction >= 0.2 && fraction < 0.9)
          lookups.push(titleOf(db, probe).then((title) => void answered.push(title)));
      },
    });
    await Promise.all(lookups);
    expect(answered.length).toBeGreaterThan(3);
    // Before its row was written, nothing; after, the pack's title; never anything else.
    const title = pack.documents.find((d) => d.id === probe)?.title ?? '';
    expect(new Set(answered)).toEqual(new Set([null, title]));
  });

  it('reads back only the rows that are stored (the rows of a new pack are not read one by one)', async () => {
    const db = freshDB();
    // Every key a read of documents by key asks for (fake-indexeddb answers them as the browser would).
    const asked: string[] = [];
    watchRequests(db, 'CountKeyReads', {
      getMany: (table, keys) => {
        if (table === 'documents') asked.push(...(keys as string[]));
      },
    });
    await importDataset(db, seedLikeDataset());
    const bundled = new Set(await db.documents.toCollection().primaryKeys());
    asked.length = 0;
    const pack = fixturePack(YEAR);
    await importPack(db, pack, { bytes: 1, fileName: 'p', chunkSize: 4 });
    const stored = pack.documents.map((d) => d.id).filter((id) => bundled.has(id));
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.length).toBeLessThan(pack.documents.length);
    expect(asked.sort()).toEqual(stored.sort());
  });
});
