/**
 * The sources' document ids are read from the table once per revision of the live row: an
 * importer reads its own last write from memory, and a change made live elsewhere is read again.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { importPack } from '../../../data/db/import-pack';
import { openKamerlensDB } from '../../../data/db/kamerlens-db';
import { readSourceDocuments } from '../../../data/db/source-documents';
import { freshDB } from '../../fixtures/db/fresh-db';
import { fixturePack } from '../../fixtures/opendata/fixture-packs';

const options = { bytes: 1, fileName: 'p' };

/** Counts the whole-table reads of `sourceIds` made through `db`. */
function countReads(db: ReturnType<typeof freshDB>): { reads: number } {
  const counter = { reads: 0 };
  const toArray = db.sourceIds.toArray.bind(db.sourceIds);
  db.sourceIds.toArray = (() => {
    counter.reads += 1;
    return toArray();
  }) as typeof db.sourceIds.toArray;
  return counter;
}

describe('readSourceDocuments', () => {
  it('lets a pack import read no source list this context wrote, and reads one written elsewhere', async () => {
    const db = freshDB();
    await importPack(db, fixturePack('vergaderjaar-2023-2024'), options);
    const counter = countReads(db);
    await importPack(db, fixturePack('vergaderjaar-2024-2025'), options);
    expect(counter.reads).toBe(0);
    const all = await readSourceDocuments(db);
    expect([...all.keys()].sort()).toEqual(['vergaderjaar-2023-2024', 'vergaderjaar-2024-2025']);
    expect(all.get('vergaderjaar-2024-2025')?.documents).toEqual(
      fixturePack('vergaderjaar-2024-2025')
        .documents.filter((document) => !document.stub)
        .map((document) => document.id),
    );
    // Another connection (another context) makes a change live: the table is read again.
    const other = openKamerlensDB(db.name);
    try {
      await importPack(other, fixturePack('vergaderjaar-2025-2026'), options);
    } finally {
      other.close();
    }
    const reads = counter.reads;
    const now = await readSourceDocuments(db);
    expect(counter.reads).toBe(reads + 1);
    expect([...now.keys()].sort()).toEqual([
      'vergaderjaar-2023-2024',
      'vergaderjaar-2024-2025',
      'vergaderjaar-2025-2026',
    ]);
  });
});
