/**
 * Block writes commit as soon as they are issued (row-blocks.ts `addCommitted`): a chunk's
 * transaction is committed before any of its results has reached the importing thread, so it holds
 * its table only while the database works on it, not while that thread is busy elsewhere. The
 * blocks written are the same, and a write that fails still fails.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentRecord } from '../../../data/dataset/types';
import { blocksFor } from '../../../data/db/block-directory';
import { parseStored } from '../../../data/db/block-packing';
import { writeBlocks } from '../../../data/db/row-blocks';
import { makeDocument } from '../../fixtures/builders';
import { freshDB } from '../../fixtures/db/fresh-db';

/** Each read-write transaction committed explicitly: its tables, and how many results it had delivered by then. */
interface Commit {
  scope: string[];
  delivered: number;
}

/** Watch `commit()` calls and request results on fake-indexeddb's transactions (undone after each test). */
function watchCommits(): Commit[] {
  const commits: Commit[] = [];
  const delivered = new WeakMap<IDBTransaction, number>();
  const add = IDBObjectStore.prototype.add;
  const commit = IDBTransaction.prototype.commit;
  IDBObjectStore.prototype.add = function watchedAdd(
    this: IDBObjectStore,
    ...args: Parameters<IDBObjectStore['add']>
  ) {
    const request = add.apply(this, args);
    const tx = this.transaction;
    request.addEventListener('success', () => delivered.set(tx, (delivered.get(tx) ?? 0) + 1));
    return request;
  };
  IDBTransaction.prototype.commit = function watchedCommit(this: IDBTransaction) {
    if (this.mode === 'readwrite')
      commits.push({ scope: [...this.objectStoreNames], delivered: delivered.get(this) ?? 0 });
    return commit.call(this);
  };
  restore.push(() => {
    IDBObjectStore.prototype.add = add;
    IDBTransaction.prototype.commit = commit;
  });
  return commits;
}

const restore: (() => void)[] = [];
afterEach(() => {
  for (const undo of restore.splice(0)) undo();
});

const documents = (n: number) =>
  Array.from({ length: n }, (_, i) => makeDocument({ id: `kst-1-${i}`, title: `Stuk ${i}` }));

describe('block writes', () => {
  it('commit each chunk before any of its results reaches the thread, and write every record', async () => {
    const db = freshDB();
    await db.open();
    const commits = watchCommits();
    const records = documents(30);
    await writeBlocks(db, 'documentBlocks', 'pack-a', 3, records, { size: 10 });
    // And the generation's directory, in a transaction of its own.
    expect(commits.length).toBe(4);
    for (const commit of commits.slice(0, 3))
      expect(commit).toEqual({ scope: ['documentBlocks'], delivered: 0 });
    const stored = await db.documentBlocks.toArray();
    expect(stored.every((block) => block.source === 'pack-a' && block.generation === 3)).toBe(true);
    // In order, each once, and in the generation's directory (block-directory.ts).
    const titles = stored.flatMap((block) =>
      block.entries.map((entry) => parseStored<DocumentRecord>(entry.json).title),
    );
    expect(titles).toEqual(records.map((record) => record.title));
    expect(stored.map((block) => block.seq)).toEqual(stored.map((_, i) => i));
    const directory = await db.blockDirectories.get(['documentBlocks', 'pack-a', 3]);
    expect(directory && blocksFor(directory, 'kst-1-17').length).toBe(1);
  });

  it('still fail when a block cannot be added, and keep nothing of that chunk', async () => {
    const db = freshDB();
    await db.open();
    await writeBlocks(db, 'dossierBlocks', 'pack-a', 3, documents(5), { size: 10 });
    const before = await db.dossierBlocks.count();
    // The same generation again: its first block's key is taken.
    await expect(
      writeBlocks(db, 'dossierBlocks', 'pack-a', 3, documents(12), { size: 12 }),
    ).rejects.toThrow();
    expect(await db.dossierBlocks.count()).toBe(before);
  });
});
