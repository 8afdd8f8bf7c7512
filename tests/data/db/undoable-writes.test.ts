import { describe, expect, it } from 'vitest';
import type { KamerlensDB } from '../../../data/db/kamerlens-db';
import type { UndoChunk } from '../../../data/db/records';
import { forgetUndo } from '../../../data/db/undoable-writes';
import { freshDB } from '../../fixtures/db/fresh-db';
import { rowsOf, watchRequests } from '../../fixtures/db/watch-requests';

/** A fresh database that records each write request to `importUndo`: its type and how many rows. */
function countingDB(): { db: KamerlensDB; writes: string[] } {
  const db = freshDB();
  const writes: string[] = [];
  watchRequests(db, 'CountUndoWrites', {
    mutate: (table, request) => {
      if (table !== 'importUndo') return;
      writes.push(request.type === 'deleteRange' ? 'deleteRange' : `${request.type} ${rowsOf(request)}`);
    },
  });
  return { db, writes };
}

const chunk = (source: string, id: string): UndoChunk => ({
  source,
  table: 'documents',
  ids: [id],
  before: [undefined],
});

describe('forgetUndo', () => {
  it('deletes one import’s consecutive undo rows in one range delete, leaving the other sources’', async () => {
    const { db, writes } = countingDB();
    await db.importUndo.add(chunk('vergaderjaar-2023-2024', 'x'));
    await db.importUndo.bulkAdd(['a', 'b', 'c', 'd'].map((id) => chunk('bundled', id)));
    await db.importUndo.add(chunk('vergaderjaar-2023-2024', 'y'));
    writes.length = 0;
    await db.transaction('rw', db.importUndo, () => forgetUndo(db, 'bundled'));
    expect(writes).toEqual(['deleteRange']);
    expect((await db.importUndo.toArray()).map((row) => row.ids[0])).toEqual(['x', 'y']);
  });

  it('deletes by key, and only that source’s rows, when another source wrote between them', async () => {
    const { db, writes } = countingDB();
    for (const id of ['a', 'b', 'c']) {
      await db.importUndo.add(chunk('bundled', id));
      await db.importUndo.add(chunk('vergaderjaar-2023-2024', id.toUpperCase()));
    }
    writes.length = 0;
    await db.transaction('rw', db.importUndo, () => forgetUndo(db, 'bundled'));
    expect(writes).toEqual(['delete 3']);
    expect((await db.importUndo.toArray()).map((row) => row.ids[0])).toEqual(['A', 'B', 'C']);
    await db.transaction('rw', db.importUndo, () => forgetUndo(db, 'nothing-here'));
    expect(await db.importUndo.count()).toBe(3);
  });
});
