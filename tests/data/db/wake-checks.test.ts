/**
 * What a woken background checks before its first lookups go through (dataset-loader.ts
 * `importIfMissing`, pack-importer.ts `packWorkWaiting`) reads a key or a row per source and
 * generation, never one per record: at 300,000 documents, reading every block's key and every
 * source's document list held the woken worker's first lookup for seconds (issue #12). Counted with
 * a DBCore middleware: the rows and keys each table's reads returned.
 */
import type { DBCore, DBCoreTable } from 'dexie';
import { describe, expect, it } from 'vitest';
import { importDataset } from '../../../data/db/import-dataset';
import { importPack } from '../../../data/db/import-pack';
import type { KamerlensDB } from '../../../data/db/kamerlens-db';
import { setLive } from '../../../data/db/live-sources';
import { packWorkWaiting } from '../../../data/db/pack-importer';
import { deadGenerations, writeBlocks } from '../../../data/db/row-blocks';
import { findStaleSegments } from '../../../data/db/search-segments';
import { makeDocument } from '../../fixtures/builders';
import { freshDB } from '../../fixtures/db/fresh-db';
import { seedLikeDataset } from '../../fixtures/db/seed-like';
import { fixturePack } from '../../fixtures/opendata/fixture-packs';

const YEAR = 'vergaderjaar-2024-2025';

/** Per table, how many rows or keys its reads returned from now on. */
function countReads(db: KamerlensDB): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (table: string, n: number) => counts.set(table, (counts.get(table) ?? 0) + n);
  db.use({
    stack: 'dbcore',
    name: 'count-reads',
    create: (down: DBCore): DBCore => ({
      ...down,
      table(name: string): DBCoreTable {
        const table = down.table(name);
        return {
          ...table,
          query: async (request) => {
            const response = await table.query(request);
            add(name, response.result.length);
            return response;
          },
          getMany: async (request) => {
            const rows = await table.getMany(request);
            add(name, rows.filter((row) => row !== undefined).length);
            return rows;
          },
        };
      },
    }),
  });
  return counts;
}

const documents = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) =>
    makeDocument({ id: `kst-${prefix}-${i}`, ids: [`kst-${prefix}-${i}`], title: `${prefix} ${i}` }),
  );

describe('what a woken background checks', () => {
  it('finds the generations stored but not live from a key per generation, not every block', async () => {
    const db = freshDB();
    const reads = countReads(db);
    await db.open();
    // Three generations of a few dozen blocks each, one of them dead.
    for (const [source, generation, prefix] of [
      ['bundled', 1, '1'],
      ['pack-a', 2, '2'],
      ['pack-a', 3, '3'],
    ] as const) {
      await writeBlocks(db, 'documentBlocks', source, generation, documents(prefix, 800), { size: 100 });
    }
    await db.transaction('rw', db.meta, () => setLive(db, 'bundled', 1));
    await db.transaction('rw', db.meta, () => setLive(db, 'pack-a', 2));
    const blocks = await db.documentBlocks.count();
    expect(blocks).toBeGreaterThan(60);
    reads.clear();
    expect(await deadGenerations(db, () => true)).toEqual([['pack-a', 3]]);
    expect(await deadGenerations(db, (source) => source === 'bundled')).toEqual([]);
    // Each call: a key per generation and one more (the end), against every block's key before.
    expect(reads.get('documentBlocks') ?? 0).toBeLessThanOrEqual(2 * 4);
  });

  it('decides that no pack import is waiting without reading any source’s document list or blocks', async () => {
    const db = freshDB();
    const reads = countReads(db);
    await importDataset(db, seedLikeDataset());
    await importPack(db, fixturePack(YEAR), { bytes: 1, fileName: 'a' });
    reads.clear();
    expect(await findStaleSegments(db)).toEqual({ rebuild: [], orphans: [] });
    expect(await packWorkWaiting(db)).toBe(false);
    expect(reads.get('sourceIds') ?? 0).toBe(0);
    // Two generations live (the dataset's and the pack's): a key each and one more, per check.
    expect(reads.get('documentBlocks') ?? 0).toBeLessThanOrEqual(3);

    // A dead generation of a pack, left by a stopped import: work for the importer's repair.
    await writeBlocks(db, 'documentBlocks', YEAR, 99, documents('9', 5));
    expect(await packWorkWaiting(db)).toBe(true);
  });

  it('finds a pack import waiting when a file is staged', async () => {
    const db = freshDB();
    await importDataset(db, seedLikeDataset());
    expect(await packWorkWaiting(db)).toBe(false);
    await db.stagedPacks.add({
      fileName: 'a.pack.json.gz',
      file: new Blob([]),
      stagedAt: '2026-12-04T00:00:00Z',
    });
    expect(await packWorkWaiting(db)).toBe(true);
  });
});
