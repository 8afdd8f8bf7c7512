/**
 * Documents and dossiers are stored in blocks: each row of `documentBlocks` / `dossierBlocks` holds
 * a few records of one source (the bundled dataset or a pack), about 4 KB of them
 * (block-packing.ts), as written by one import (its generation). Written a row per document as
 * objects, 300,000 documents could not be imported under 74 s (npm run bench -- import: the floor,
 * with no index at all); as blocks of JSON text, in 36 s with the alias index. A block lists every
 * id and alias of its records in `ids` (a multiEntry index), so finding a record by any of its ids
 * is one keyed read; a read decodes strings and parses only the records asked for. Which generation of a source is current is named by the `live` meta row
 * (live-sources.ts): an import writes its blocks beside the current ones and flips that row.
 * Written into a table or database of their own, away from the lookups' table, the new blocks would
 * hold lookups up just as long: reads wait for the origin's storage engine, wherever the writes go
 * (npm run bench -- write-scope); the size of each write transaction is what moves the wait.
 */
import type { Table } from 'dexie';
import { type BlockRecord, blocksOf, parseStored } from './block-packing';
import type { KamerlensDB } from './kamerlens-db';
import { type LiveSources, readLive } from './live-sources';
import { readsDone, readsGoFirst } from './read-priority';
import type { BlockEntry, BlockKey, RowBlock } from './records';
import { inTimedChunks, type TimedChunkOptions } from './write-in-chunks';

/** The two block tables. */
export type BlockTableName = 'documentBlocks' | 'dossierBlocks';

/** The table `name` of `db`, typed. */
export function blockTable(db: KamerlensDB, name: BlockTableName): Table<RowBlock, BlockKey> {
  return name === 'documentBlocks' ? db.documentBlocks : db.dossierBlocks;
}

/**
 * Write `records` as blocks of `source` at `generation`, a few blocks per short transaction of its
 * own (sized by `options`), so lookups meanwhile wait for one at most. Nothing reads them until the
 * generation is made live.
 */
export async function writeBlocks(
  db: KamerlensDB,
  name: BlockTableName,
  source: string,
  generation: number,
  records: readonly BlockRecord[],
  options: TimedChunkOptions = {},
): Promise<void> {
  let seq = 0;
  // Serialized a chunk at a time, in the chunk's own turn: all at once would be one long task.
  await inTimedChunks(
    records,
    async (chunk) => {
      const blocks = blocksOf(source, generation, chunk);
      for (const block of blocks) block.seq = seq++;
      await addCommitted(db, name, blocks);
    },
    readsGoFirst(db) ? { ...options, before: () => readsDone(db) } : options,
  );
}

/**
 * Add `rows` to the table `name` in a read-write transaction of their own, committed as soon as
 * its requests are issued. Left to commit itself (as Dexie's `bulkAdd` does), a transaction ends
 * only after the thread that made it has taken every request's result, so it holds its table for
 * as long as that thread is busy elsewhere: slicing the search index, collecting garbage, or just
 * not scheduled on a loaded machine. A lookup waits for it all that time. In the product packs
 * bench (300,000 record-shaped documents in 16 packs, a lookup every 25 ms, traced builds,
 * KAMERLENS_PACKS_TRACE=1, load 5.5), the lookups over 50 ms that waited behind a block write
 * spent 0.23-0.49 s of their wait while it was open after its last result had reached the thread;
 * committed at once, 0-0.16 s. On a loaded machine (load 4.4-7.6, seven alternating pairs) the
 * lookups over 50 ms did not clearly drop: 4.6% against 5.5%. On a quiet one they did, in every
 * pair (same bench untraced, KAMERLENS_PACKS_BASELINE_BUILD, four alternating pairs, load 2.7-3.7
 * during the imports): lookups over 50 ms 6, 2, 1, 3 against 11, 9, 10, 7; the longest 68, 65, 57,
 * 81 against 110, 98, 97, 72 ms; p95 23-26 against 30-31 ms; the import 49-60 against 59-67 s.
 * (Dexie has no such option; its table hooks, which this bypasses, are not used on the block tables.)
 */
async function addCommitted(db: KamerlensDB, name: BlockTableName, rows: readonly RowBlock[]): Promise<void> {
  // Not open (yet, or closed meanwhile): Dexie's own way opens it, or fails as a closed one should.
  if (!db.isOpen()) {
    const table = blockTable(db, name);
    await db.transaction('rw', table, () => table.bulkAdd([...rows]));
    return;
  }
  const tx = db.backendDB().transaction(name, 'readwrite');
  const done = new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new DOMException(`writing ${name} was aborted`, 'AbortError'));
  });
  const store = tx.objectStore(name);
  for (const row of rows) store.add(row);
  tx.commit();
  await done;
}

/** Blocks deleted per transaction. */
const DELETE_WINDOW = 100;

/** The key range of `source`'s blocks at `generation` (every generation when it is undefined). */
function rangeOf(table: Table<RowBlock, BlockKey>, source: string, generation?: number) {
  const low = generation ?? -Infinity;
  const high = generation ?? Infinity;
  return table.where(':id').between([source, low, -Infinity], [source, high, Infinity], true, true);
}

/** Delete `source`'s blocks at `generation`, a window of them per short transaction. */
export async function deleteGeneration(db: KamerlensDB, source: string, generation: number): Promise<void> {
  for (const name of ['documentBlocks', 'dossierBlocks'] as const) {
    const table = blockTable(db, name);
    const [last] = await rangeOf(table, source, generation).reverse().limit(1).primaryKeys();
    if (!last) continue;
    // A window of blocks per transaction: one range delete over a whole generation (300,000
    // documents) holds the table for as long as the database takes to drop every row in it, and
    // lookups wait behind it.
    for (let low = 0; low <= last[2]; low += DELETE_WINDOW) {
      await readsDone(db);
      await db.transaction('rw', table, () =>
        table
          .where(':id')
          .between([source, generation, low], [source, generation, low + DELETE_WINDOW], true, false)
          .delete(),
      );
    }
  }
}

/** Every (source, generation) that has blocks stored, read from the keys only. */
async function storedGenerations(db: KamerlensDB): Promise<Map<string, Set<number>>> {
  const found = new Map<string, Set<number>>();
  for (const name of ['documentBlocks', 'dossierBlocks'] as const) {
    const keys = await blockTable(db, name).toCollection().primaryKeys();
    for (const [source, generation] of keys) {
      let set = found.get(source);
      if (!set) {
        set = new Set();
        found.set(source, set);
      }
      set.add(generation);
    }
  }
  return found;
}

/**
 * The generations stored but not live, of the sources `which` accepts: blocks of an import that
 * failed or whose worker stopped before its flip, or of a generation replaced or removed whose
 * deletion did not run.
 */
export async function deadGenerations(
  db: KamerlensDB,
  which: (source: string) => boolean,
): Promise<[string, number][]> {
  const [live, stored] = await Promise.all([readLive(db), storedGenerations(db)]);
  const dead: [string, number][] = [];
  for (const [source, generations] of stored) {
    if (!which(source)) continue;
    for (const generation of generations)
      if (live.sources[source] !== generation) dead.push([source, generation]);
  }
  return dead;
}

/**
 * Delete the dead generations of the sources `which` accepts (call before an import of one of them:
 * an importer sweeps its own sources, never one another may be writing). Returns how many went.
 */
export async function sweepDeadBlocks(db: KamerlensDB, which: (source: string) => boolean): Promise<number> {
  const dead = await deadGenerations(db, which);
  for (const [source, generation] of dead) await deleteGeneration(db, source, generation);
  return dead.length;
}

/** Visit every entry of `source`'s blocks at `generation`, in block order (one read). */
export async function eachEntry(
  db: KamerlensDB,
  name: BlockTableName,
  source: string,
  generation: number,
  visit: (entry: BlockEntry) => void,
): Promise<void> {
  await rangeOf(blockTable(db, name), source, generation).each((block) => {
    for (const entry of block.entries) visit(entry);
  });
}

/** The records of `source` at `generation`, in block order, each parsed only if `wanted` accepts its entry. */
export async function recordsOfSource<T extends BlockRecord>(
  db: KamerlensDB,
  name: BlockTableName,
  source: string,
  generation: number,
  wanted: (entry: BlockEntry) => boolean = () => true,
): Promise<T[]> {
  const records: T[] = [];
  await eachEntry(db, name, source, generation, (entry) => {
    if (wanted(entry)) records.push(parseStored<T>(entry.json));
  });
  return records;
}

/** A live block's entry found for an id, with where it comes from (for ranking, see precedence.ts). */
export interface FoundEntry {
  entry: BlockEntry;
  source: string;
  generation: number;
  stub: boolean;
}

/**
 * For each of `ids`, the live entries that answer to it (by id or alias), from one keyed read per
 * id, all issued together (call inside a read transaction over the table: one round of I/O).
 */
export async function findEntries(
  table: Table<RowBlock, BlockKey>,
  live: Promise<LiveSources>,
  ids: readonly string[],
): Promise<Map<string, FoundEntry[]>> {
  // Point queries, not `anyOf`: its cursor walks the index between keys spread over a large dataset.
  const [sources, lists] = await Promise.all([
    live,
    Promise.all(ids.map((id) => table.where('ids').equals(id).toArray())),
  ]);
  const found = new Map<string, FoundEntry[]>();
  ids.forEach((id, i) => {
    const entries: FoundEntry[] = [];
    for (const block of lists[i] ?? []) {
      if (sources.sources[block.source] !== block.generation) continue;
      for (const entry of block.entries)
        if (entry.ids.includes(id))
          entries.push({ entry, source: block.source, generation: block.generation, stub: entry.stub });
    }
    found.set(id, entries);
  });
  return found;
}

/** Parses found entries once per parser, however many ids (and reads of their block) found them. */
export function entryParser<T extends BlockRecord>(): (found: FoundEntry) => T {
  const parsed = new Map<string, T>();
  return ({ entry, source, generation }) => {
    const key = `${source}\n${generation}\n${entry.id}`;
    let record = parsed.get(key);
    if (!record) {
      record = parseStored<T>(entry.json);
      parsed.set(key, record);
    }
    return record;
  };
}
