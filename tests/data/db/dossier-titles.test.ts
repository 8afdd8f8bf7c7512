import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { DatasetFile } from '../../../data/dataset/types';
import { dossierTitles, dossierTitlesSettled } from '../../../data/db/dossier-titles';
import { importDataset } from '../../../data/db/import-dataset';
import { importPack, removePack } from '../../../data/db/import-pack';
import type { KamerlensDB } from '../../../data/db/kamerlens-db';
import { newGeneration } from '../../../data/db/live-sources';
import { lookupDocuments, lookupTables, readLookup } from '../../../data/db/lookup-documents';
import { holdDirectories, writeBlocks } from '../../../data/db/row-blocks';
import { freshDB } from '../../fixtures/db/fresh-db';
import { seedLikeDataset } from '../../fixtures/db/seed-like';
import { fixturePack } from '../../fixtures/opendata/fixture-packs';

const PARTICIPATIEWET = 'Uitvoering en evaluatie Participatiewet';

let db: KamerlensDB;
beforeEach(async () => {
  db = freshDB();
  expect((await importDataset(db, seedLikeDataset())).status).toBe('imported');
});

/** Look `ids` up (as lookupDocuments does) with the titles check already back, counting dossier queries. */
async function lookupChecked(ids: string[]) {
  const held = dossierTitles(db);
  await held.done;
  await holdDirectories(db);
  // Dossier blocks are read by key (through their directory) or by the `ids` index (an earlier build's).
  const reads = [vi.spyOn(db.dossierBlocks, 'where'), vi.spyOn(db.dossierBlocks, 'bulkGet')];
  const entries = await db.transaction('r', lookupTables(db), () => readLookup(db, ids, held));
  const dossierReads = reads.reduce((sum, spy) => sum + spy.mock.calls.length, 0);
  for (const spy of reads) spy.mockRestore();
  return { held: held.titles, entries, dossierReads };
}

/** Held titles for the current data: a page's lookup starts their load, then it is waited for. */
async function warm(): Promise<void> {
  await lookupDocuments(db, ['kst-34352-349', '2025D51855', 'kst-34352-330', 'kst-36600-XV-85']);
  await dossierTitlesSettled(db);
}

/** The seed-like dataset as a new version, with dossier 34352 retitled. */
function retitled(title: string): DatasetFile {
  const dataset = seedLikeDataset();
  return {
    ...dataset,
    datasetVersion: `${dataset.datasetVersion}-retitled`,
    dossiers: dataset.dossiers.map((dossier) => (dossier.id === '34352' ? { ...dossier, title } : dossier)),
  };
}

describe('dossier titles held in memory', () => {
  it('are not used before they are loaded: the lookup reads them from the database', async () => {
    const { held, entries, dossierReads } = await lookupChecked(['kst-34352-349', '2025D51855']);
    expect(held).toBeNull();
    expect(dossierReads).toBeGreaterThan(0);
    expect(entries.map((entry) => entry.dossierTitle)).toEqual([PARTICIPATIEWET, PARTICIPATIEWET]);
  });

  it('are loaded by a lookup of a batch, not by one of a few ids (those read their titles)', async () => {
    await lookupDocuments(db, ['kst-34352-349', '2025D51855']);
    await dossierTitlesSettled(db);
    expect((await lookupChecked(['kst-34352-349'])).held).toBeNull();
    await warm();
    expect((await lookupChecked(['kst-34352-349'])).held?.get('34352')).toBe(PARTICIPATIEWET);
  });

  it('once loaded, answer the same titles with no dossier read', async () => {
    const ids = ['kst-34352-349', '2025D51855', 'kst-36600-XV-86', 'kst-99999-1', 'dossier-34352'];
    const fromDatabase = await lookupDocuments(db, ids);
    await dossierTitlesSettled(db);
    const { held, entries, dossierReads } = await lookupChecked(ids);
    expect(held?.get('34352')).toBe(PARTICIPATIEWET);
    expect(dossierReads).toBe(0);
    expect(entries).toEqual(fromDatabase);
  });

  it('are refused after an import committed new titles, and loaded again at the new epoch', async () => {
    await warm();
    expect((await importDataset(db, retitled('Nieuwe titel'))).status).toBe('imported');
    const after = await lookupChecked(['kst-34352-349']);
    expect(after.held).toBeNull();
    expect(after.entries[0]?.dossierTitle).toBe('Nieuwe titel');
    await dossierTitlesSettled(db);
    const again = await lookupChecked(['kst-34352-349']);
    expect(again.held?.get('34352')).toBe('Nieuwe titel');
    expect(again.dossierReads).toBe(0);
  });

  it('stay in use while an import is unfinished: what it wrote is not live yet', async () => {
    await warm();
    // What an unfinished import leaves: blocks of a generation it has not made live.
    const generation = await newGeneration(db);
    await writeBlocks(db, 'dossierBlocks', 'bundled', generation, [
      { id: '34352', title: 'Half geïmporteerd' },
    ]);
    const during = await lookupChecked(['kst-34352-349']);
    expect(during.held?.get('34352')).toBe(PARTICIPATIEWET);
    expect(during.dossierReads).toBe(0);
    expect(during.entries[0]?.dossierTitle).toBe(PARTICIPATIEWET);
    // Read from the database, the same.
    expect((await lookupDocuments(db, ['kst-34352-349']))[0]?.dossierTitle).toBe(PARTICIPATIEWET);
  });

  it('follow a pack added and removed', async () => {
    const pack = fixturePack('vergaderjaar-2024-2025');
    const dossier = pack.dossiers[0];
    if (!dossier) throw new Error('fixture changed: the pack has no dossier');
    const id = `dossier-${dossier.id}`;
    await warm();
    await importPack(db, pack, { bytes: 1, fileName: 'pack.json.gz' });
    expect((await lookupChecked([id])).held).toBeNull();
    await dossierTitlesSettled(db);
    const added = await lookupChecked([id]);
    expect(added.held?.get(dossier.id)).toBe(dossier.title);
    expect(added.entries[0]?.dossierTitle).toBe(dossier.title);
    expect(await removePack(db, pack.id)).toBe(true);
    const removed = await lookupChecked([id]);
    expect(removed.held).toBeNull();
    expect(removed.entries[0]?.dossierTitle).toBeNull();
  });
});
