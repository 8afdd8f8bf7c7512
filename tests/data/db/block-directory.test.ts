/**
 * Blocks are found through their generation's directory (block-directory.ts), not an index key per
 * id and alias; blocks an earlier build wrote (with `ids`, no directory) are still found.
 */
import { describe, expect, it, vi } from 'vitest';
import type { DocumentRecord } from '../../../data/dataset/types';
import { blocksFor, DirectoryBuilder, hashId } from '../../../data/db/block-directory';
import { blocksOf } from '../../../data/db/block-packing';
import { holdLiveInMemory, liveScope, publishLive, setLive } from '../../../data/db/live-sources';
import { readDossiers, resolveDocuments } from '../../../data/db/resolve-documents';
import {
  deadGenerations,
  entryParser,
  findEntries,
  readDirectoriesAhead,
  sweepDeadBlocks,
  withDirectories,
  writeBlocks,
} from '../../../data/db/row-blocks';
import { makeDocument } from '../../fixtures/builders';
import { freshDB } from '../../fixtures/db/fresh-db';

const documents = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) =>
    makeDocument({
      id: `kst-${prefix}-${i}`,
      ids: [`kst-${prefix}-${i}`, `2024D${prefix}${i}`],
      title: `${prefix} ${i}`,
    }),
  );

describe('block directory', () => {
  it('gives every id the block that holds it, and every block an id of a shared hash is in', () => {
    const builder = new DirectoryBuilder();
    const blocks = blocksOf('p', 1, documents('7', 300), { records: 7, chars: 1e9 });
    for (const block of blocks) builder.add(block.seq, block.entries);
    const directory = builder.build('documentBlocks', 'p', 1);
    expect(directory.hashes.length).toBe(600);
    for (const block of blocks)
      for (const entry of block.entries)
        for (const id of entry.ids) expect(blocksFor(directory, id)).toContain(block.seq);
    expect(blocksFor(directory, 'kst-8-1')).toEqual([]);
    // Two ids that hash alike (forced): both blocks, in seq order, each once.
    const forced = {
      hashes: Uint32Array.of(1, hashId('x'), hashId('x'), hashId('x')),
      seqs: Uint32Array.of(0, 4, 9, 9),
    };
    expect(blocksFor(forced, 'x')).toEqual([4, 9]);
  });

  it('holds seqs in 16 bits where they fit, in 32 past them, and finds ids in either once stored', async () => {
    const db = freshDB();
    await db.open();
    const [a, b] = documents('6', 2).map((document) => blocksOf('p', 1, [document])[0]?.entries ?? []);
    const small = new DirectoryBuilder();
    small.add(3, a ?? []);
    small.add(65_535, b ?? []);
    const large = new DirectoryBuilder();
    large.add(3, a ?? []);
    large.add(65_536, b ?? []);
    await db.blockDirectories.bulkAdd([
      small.build('documentBlocks', 'p', 1),
      large.build('documentBlocks', 'p', 2),
    ]);
    const [stored16, stored32] = await db.blockDirectories.bulkGet([
      ['documentBlocks', 'p', 1],
      ['documentBlocks', 'p', 2],
    ]);
    expect(stored16?.seqs).toBeInstanceOf(Uint16Array);
    expect(stored32?.seqs).toBeInstanceOf(Uint32Array);
    expect([stored16, stored32].map((directory) => directory && blocksFor(directory, '2024D61'))).toEqual([
      [65_535],
      [65_536],
    ]);
    expect(stored16 && blocksFor(stored16, 'kst-6-0')).toEqual([3]);
  });

  it("writes an import's blocks without ids keys, and finds them by id and alias beside an earlier build's", async () => {
    const db = freshDB();
    await db.open();
    await writeBlocks(db, 'documentBlocks', 'pack-new', 2, documents('1', 120), { size: 25 });
    // An earlier build's generation: blocks listing their ids, no directory.
    await db.documentBlocks.bulkAdd(blocksOf('pack-old', 1, documents('2', 40)));
    await db.transaction('rw', db.meta, () => setLive(db, 'pack-old', 1));
    await db.transaction('rw', db.meta, () => setLive(db, 'pack-new', 2));
    expect(await db.documentBlocks.where('ids').anyOf('kst-1-17', '2024D117').count()).toBe(0);
    expect(await db.blockDirectories.count()).toBe(1);
    const found = await resolveDocuments(db, ['kst-1-17', '2024D1119', 'kst-2-3', '2024D239', 'kst-9-9']);
    expect(Object.fromEntries([...found].map(([id, record]) => [id, record.title]))).toEqual({
      'kst-1-17': '1 17',
      '2024D1119': '1 119',
      'kst-2-3': '2 3',
      '2024D239': '2 39',
    });
  });

  it('reads each block once, however many of the ids asked it holds', async () => {
    const db = freshDB();
    await db.open();
    // Ten documents a block: ids 0-9 in block 0, 10-19 in block 1.
    await writeBlocks(db, 'documentBlocks', 'pack-a', 1, documents('5', 20), { size: 10 });
    await db.transaction('rw', db.meta, () => setLive(db, 'pack-a', 1));
    const reads = vi.spyOn(db.documentBlocks, 'bulkGet');
    const asked = ['kst-5-1', '2024D52', 'kst-5-3', 'kst-5-12', 'kst-5-1', '2024D519', 'kst-5-99'];
    const found = await resolveDocuments(db, asked);
    expect(reads.mock.calls.map(([keys]) => keys)).toEqual([
      [
        ['pack-a', 1, 0],
        ['pack-a', 1, 1],
      ],
    ]);
    expect(asked.map((id) => found.get(id)?.title ?? null)).toEqual([
      '5 1',
      '5 2',
      '5 3',
      '5 12',
      '5 1',
      '5 19',
      null,
    ]);
  });

  it('reads a generation with no record (an empty directory) and drops the directories of dead ones', async () => {
    const db = freshDB();
    await db.open();
    await writeBlocks(db, 'dossierBlocks', 'pack-a', 1, []);
    await writeBlocks(db, 'documentBlocks', 'pack-a', 1, documents('3', 5));
    await writeBlocks(db, 'documentBlocks', 'pack-a', 4, documents('3', 5));
    await db.transaction('rw', db.meta, () => setLive(db, 'pack-a', 1));
    expect((await readDossiers(db, ['d-1'])).size).toBe(0);
    expect((await resolveDocuments(db, ['2024D34'])).get('2024D34')?.id).toBe('kst-3-4');
    expect(await deadGenerations(db, () => true)).toEqual([['pack-a', 4]]);
    await sweepDeadBlocks(db, () => true);
    expect(await db.blockDirectories.toCollection().primaryKeys()).toEqual([
      ['documentBlocks', 'pack-a', 1],
      ['dossierBlocks', 'pack-a', 1],
    ]);
  });
});

describe('directories read ahead', () => {
  it('are read when the held live row names a new generation, and the next lookup reads none', async () => {
    const db = freshDB();
    await db.open();
    holdLiveInMemory(db, () => readDirectoriesAhead(db));
    await writeBlocks(db, 'documentBlocks', 'pack-a', 1, documents('7', 10));
    await db.transaction('rw', db.meta, () => setLive(db, 'pack-a', 1));
    expect((await resolveDocuments(db, ['kst-7-1'])).get('kst-7-1')?.title).toBe('7 1');
    // A pack imported elsewhere (the import thread), then told to the holder.
    await writeBlocks(db, 'documentBlocks', 'pack-b', 2, documents('8', 10));
    await db.transaction('rw', db.meta, () => setLive(db, 'pack-b', 2));
    const reads = vi.spyOn(db.blockDirectories, 'bulkGet');
    await publishLive(db);
    await vi.waitFor(() => expect(reads).toHaveBeenCalledTimes(1));
    expect((await resolveDocuments(db, ['kst-8-1'])).get('kst-8-1')?.title).toBe('8 1');
    expect(reads).toHaveBeenCalledTimes(1);
  });
});

describe('a generation made live during a lookup', () => {
  it('is looked up again, so a replaced pack never looks absent', async () => {
    const db = freshDB();
    await db.open();
    await writeBlocks(db, 'documentBlocks', 'pack-a', 1, documents('4', 10));
    await db.transaction('rw', db.meta, () => setLive(db, 'pack-a', 1));
    // The replacement, written but not live yet: the import flips it while the lookup is under way.
    const newer = documents('4', 10).map((document) => ({ ...document, title: `new ${document.title}` }));
    await writeBlocks(db, 'documentBlocks', 'pack-a', 2, newer);
    let lookups = 0;
    const titles = await withDirectories(db, async () => {
      lookups += 1;
      if (lookups === 1) await db.transaction('rw', db.meta, () => setLive(db, 'pack-a', 2));
      const found = await db.transaction('r', [db.documentBlocks, ...liveScope(db)], () =>
        findEntries(db, 'documentBlocks', ['kst-4-3', '2024D47']),
      );
      const parse = entryParser<DocumentRecord>();
      return [...found.values()].map((entries) => entries.map((entry) => parse(entry).title));
    });
    expect(titles).toEqual([['new 4 3'], ['new 4 7']]);
    expect(lookups).toBe(2);
    // Nothing flipped: one lookup.
    lookups = 0;
    await withDirectories(db, async () => {
      lookups += 1;
      return db.transaction('r', [db.documentBlocks, ...liveScope(db)], () =>
        findEntries(db, 'documentBlocks', ['kst-4-3']),
      );
    });
    expect(lookups).toBe(1);
  });
});
