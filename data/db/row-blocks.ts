/**
 * Documents and dossiers are stored in blocks: each row of `documentBlocks` / `dossierBlocks` holds
 * a few records of one source (the bundled dataset or a pack), about 4 KB of them
 * (block-packing.ts), as written by one import (its generation). Written a row per document as
 * objects, 300,000 documents could not be imported under 74 s (npm run bench -- import: the floor,
 * with no index at all); as blocks of JSON text, in 36 s with the alias index. Each generation's
 * directory (block-directory.ts) says which block holds each id and alias, so finding a record by
 * any of its ids is one read by key (blocks written before schema v9 list them in `ids`, a multiEntry
 * index, instead); a read decodes strings and parses only the records asked for. Which generation of a source is current is named by the `live` meta row
 * (live-sources.ts): an import writes its blocks beside the current ones and flips that row.
 * Written into a table or database of their own, away from the lookups' table, the new blocks would
 * hold lookups up just as long: reads wait for the origin's storage engine, wherever the writes go
 * (npm run bench -- write-scope); the size of each write transaction is what moves the wait.
 */
import type { Table } from 'dexie';
import type { DocumentRecord } from '../dataset/types';
import { type BlockDirectory, blocksFor, DirectoryBuilder, type DirectoryKey } from './block-directory';
import {
  type BlockRecord,
  blocksOf,
  cardBlocksOf,
  parseStored,
  type StoredCard,
  titlesOf,
  withBody,
} from './block-packing';
import type { KamerlensDB } from './kamerlens-db';
import { heldLive, type LiveSources, liveFor, readLive } from './live-sources';
import { readsDone, readsGoFirst } from './read-priority';
import type { BlockEntry, BlockKey, BodyKey, BodyRow, RowBlock } from './records';
import { inTimedChunks, type TimedChunkOptions } from './write-in-chunks';

/** The two block tables. */
export type BlockTableName = 'documentBlocks' | 'dossierBlocks';

/** The table `name` of `db`, typed. */
export function blockTable(db: KamerlensDB, name: BlockTableName): Table<RowBlock, BlockKey> {
  return name === 'documentBlocks' ? db.documentBlocks : db.dossierBlocks;
}

/**
 * Write `records` as blocks of `source` at `generation`, a few blocks per short transaction of its
 * own (sized by `options`), so lookups meanwhile wait for one at most; documents' long bodies in
 * `documentBodies`, in the transaction of their block (block-packing.ts). Nothing reads them until
 * the generation is made live.
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
  const directory = new DirectoryBuilder();
  // The titles a card shows for the documents citing it, those of this source: a card's citing
  // document in another source (a pack of another vergaderjaar) is read at lookup, as its card.
  const titles = name === 'documentBlocks' ? titlesOf(records as readonly DocumentRecord[]) : null;
  // Serialized a chunk at a time, in the chunk's own turn: all at once would be one long task.
  await inTimedChunks(
    records,
    async (chunk) => {
      const { blocks, bodies } = titles
        ? cardBlocksOf(source, generation, chunk as readonly DocumentRecord[], titles)
        : { blocks: blocksOf(source, generation, chunk), bodies: [] };
      for (const block of blocks) {
        block.seq = seq++;
        directory.add(block.seq, block.entries);
        // Found through the directory: no index key per id (block-directory.ts).
        delete block.ids;
      }
      await addCommitted(db, name, blocks, bodies);
    },
    readsGoFirst(db) ? { ...options, before: () => readsDone(db) } : options,
  );
  // Written even when empty: a generation without one is read as an earlier build's, by its index.
  await db.blockDirectories.add(directory.build(name, source, generation));
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
async function addCommitted(
  db: KamerlensDB,
  name: BlockTableName,
  rows: readonly RowBlock[],
  bodies: readonly BodyRow[],
): Promise<void> {
  // Not open (yet, or closed meanwhile): Dexie's own way opens it, or fails as a closed one should.
  if (!db.isOpen()) {
    const table = blockTable(db, name);
    await db.transaction('rw', table, db.documentBodies, async () => {
      await table.bulkAdd([...rows]);
      if (bodies.length > 0) await db.documentBodies.bulkAdd([...bodies]);
    });
    return;
  }
  const stores = bodies.length > 0 ? [name, 'documentBodies'] : [name];
  const tx = db.backendDB().transaction(stores, 'readwrite');
  const done = new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new DOMException(`writing ${name} was aborted`, 'AbortError'));
  });
  const store = tx.objectStore(name);
  for (const row of rows) store.add(row);
  if (bodies.length > 0) {
    const bodyStore = tx.objectStore('documentBodies');
    for (const body of bodies) bodyStore.add(body);
  }
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
  // The directories first: blocks left without one are still listed (`storedGenerations`).
  await db.blockDirectories
    .bulkDelete([
      ['documentBlocks', source, generation],
      ['dossierBlocks', source, generation],
    ])
    .catch(() => undefined);
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
  // The bodies last: a body without its block is never read, a block without its body would be.
  for (;;) {
    await readsDone(db);
    const keys = await bodiesOf(db, source, generation).limit(DELETE_WINDOW).primaryKeys();
    if (keys.length === 0) break;
    await db.documentBodies.bulkDelete(keys);
  }
}

/** The body rows of `source` at `generation`. */
function bodiesOf(db: KamerlensDB, source: string, generation: number) {
  return db.documentBodies
    .where(':id')
    .between([source, generation, ''], [source, generation, '\uffff'], true, true);
}

/**
 * Every (source, generation) that has blocks, bodies or a directory stored: a key read per generation, each
 * skipping past the rest of its generation's keys. Every wake of the worker asks (dataset-loader.ts,
 * pack-importer.ts); reading every block's key instead (199,544 at 300,000 generated documents) took
 * 7-10 s under load 7 with the importer document doing the same, and the first lookup of the woken
 * worker waited behind it. With this and `findStaleSegments` reading no document lists, a batch of
 * 20 sent to a stopped worker took p50 200 ms, p95 440 ms, against main's 3,570 and 6,988 ms
 * (npm run bench -- cold-wake, 6 alternating rounds, load 0.9-3.2).
 */
async function storedGenerations(db: KamerlensDB): Promise<Map<string, Set<number>>> {
  const found = new Map<string, Set<number>>();
  const add = (source: string, generation: number) => {
    let set = found.get(source);
    if (!set) {
      set = new Set();
      found.set(source, set);
    }
    set.add(generation);
  };
  const tables = [db.documentBlocks, db.dossierBlocks, db.blockDirectories, db.documentBodies];
  await db.transaction('r', tables, async () => {
    for (const name of ['documentBlocks', 'dossierBlocks'] as const) {
      const table = blockTable(db, name);
      let [key] = await table.orderBy(':id').limit(1).primaryKeys();
      while (key) {
        const [source, generation] = key;
        add(source, generation);
        // Seqs are finite: no key of this generation sorts after [source, generation, Infinity].
        [key] = await table.where(':id').above([source, generation, Infinity]).limit(1).primaryKeys();
      }
    }
    // Bodies (keyed by document id) too: a generation's bodies outlive its blocks when a delete
    // stopped between the two. An array sorts after every string: past the generation's last id.
    let [body] = await db.documentBodies.orderBy(':id').limit(1).primaryKeys();
    while (body) {
      const [source, generation] = body;
      add(source, generation);
      [body] = await db.documentBodies.where(':id').above([source, generation, []]).limit(1).primaryKeys();
    }
    // A row per generation and table: read whole.
    for (const [, source, generation] of await db.blockDirectories.toCollection().primaryKeys())
      add(source, generation);
  });
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
  visit: (entry: BlockEntry, seq: number) => void,
): Promise<void> {
  await rangeOf(blockTable(db, name), source, generation).each((block) => {
    for (const entry of block.entries) visit(entry, block.seq);
  });
}

/**
 * The records of `source` at `generation`, in block order, each parsed only if `wanted` accepts its
 * entry; documents whole, their bodies read in one more request.
 */
export async function recordsOfSource<T extends BlockRecord>(
  db: KamerlensDB,
  name: BlockTableName,
  source: string,
  generation: number,
  wanted: (entry: BlockEntry) => boolean = () => true,
): Promise<T[]> {
  const found: FoundEntry[] = [];
  await eachEntry(db, name, source, generation, (entry, seq) => {
    if (wanted(entry)) found.push({ entry, source, generation, seq, stub: entry.stub });
  });
  const whole = await wholeRecords(db, found);
  return found.map((entry) => whole.get(entry) as T);
}

/**
 * Each of `found` parsed as its whole record: with its body where that is stored apart (read
 * together, one request; inside the caller's transaction, which must then cover
 * `documentBodies`), each record once however many entries name it.
 */
export async function wholeRecords<T extends BlockRecord>(
  db: KamerlensDB,
  found: readonly FoundEntry[],
): Promise<Map<FoundEntry, T>> {
  const split = new Map<string, BodyKey>();
  for (const one of found)
    if (one.entry.body) split.set(recordKey(one), [one.source, one.generation, one.entry.id]);
  const rows = split.size > 0 ? await db.documentBodies.bulkGet([...split.values()]) : [];
  const bodies = new Map([...split.keys()].map((key, i) => [key, rows[i]?.json]));
  const parse = entryParser<BlockRecord>();
  const done = new Map<BlockRecord, T>();
  const records = new Map<FoundEntry, T>();
  for (const one of found) {
    const part = parse(one);
    let record = done.get(part);
    if (!record) {
      // A dossier has no body; a document's stored-only fields go (block-packing.ts).
      record = ('ids' in part ? withBody(part as StoredCard, bodies.get(recordKey(one))) : part) as T;
      done.set(part, record);
    }
    records.set(one, record);
  }
  return records;
}

/** A live block's entry found for an id, with where it comes from (for ranking, see precedence.ts). */
export interface FoundEntry {
  entry: BlockEntry;
  source: string;
  generation: number;
  /** The block it is in. */
  seq: number;
  stub: boolean;
}

/**
 * The directories of generations in memory, by table, source and generation (a generation's never
 * changes); null for one an earlier build wrote, found through the `ids` index instead.
 */
const directories = new WeakMap<KamerlensDB, Map<string, BlockDirectory | null>>();

const directoryKey = (name: string, source: string, generation: number) =>
  `${name}\n${source}\n${generation}`;

/** The live row the directories were last held for (`holdDirectories`). */
const lastHeld = new WeakMap<KamerlensDB, LiveSources>();

function heldDirectories(db: KamerlensDB): Map<string, BlockDirectory | null> {
  let held = directories.get(db);
  if (!held) {
    held = new Map();
    directories.set(db, held);
  }
  return held;
}

/**
 * Hold the directories of the live generations in both block tables, reading those not held yet in
 * a read transaction of their own, and let go of those no longer live. Call outside any transaction,
 * before a lookup's (whose scope then need not include their table); costs nothing once they are held.
 */
export async function holdDirectories(db: KamerlensDB): Promise<void> {
  // A read already under way (one started when the live row changed, `readDirectoriesAhead`) is
  // waited for, not made again beside it; what it failed to read is read again here.
  await reading.get(db)?.catch(() => undefined);
  const read = holdLiveDirectories(db);
  reading.set(db, read);
  try {
    await read;
  } finally {
    if (reading.get(db) === read) reading.delete(db);
  }
}

/** Per database: the last `holdDirectories` read, while it is under way. */
const reading = new WeakMap<KamerlensDB, Promise<unknown>>();

/**
 * Where lookups are answered, when the live row names a new generation (a pack imported): its
 * directories read now, so no lookup pays for them. The first lookup after each of 16 packs went
 * live read its directory itself (69 ms in one traced import of 300,000 documents).
 */
export function readDirectoriesAhead(db: KamerlensDB): void {
  holdDirectories(db).catch((error: unknown) => console.warn('Kamerlens: directories not read ahead', error));
}

async function holdLiveDirectories(db: KamerlensDB): Promise<void> {
  // Held in memory where lookups are answered (no read); elsewhere a read of its own.
  const sources = await liveFor(db);
  const held = heldDirectories(db);
  const missing: DirectoryKey[] = [];
  for (const name of ['documentBlocks', 'dossierBlocks'] as const)
    for (const [source, generation] of Object.entries(sources.sources))
      if (!held.has(directoryKey(name, source, generation))) missing.push([name, source, generation]);
  lastHeld.set(db, sources);
  if (missing.length === 0) return;
  const rows = await db.blockDirectories.bulkGet(missing);
  missing.forEach(([name, source, generation], i) => {
    held.set(directoryKey(name, source, generation), rows[i] ?? null);
  });
  for (const key of held.keys()) {
    const [, source, generation] = key.split('\n');
    if (sources.sources[source as string] !== Number(generation)) held.delete(key);
  }
}

/** Per database: how many lookups met a live generation whose directory was not held (`findEntries`). */
const unheld = new WeakMap<KamerlensDB, number>();

/**
 * Runs `lookup` (a read transaction that calls `findEntries`) with the live generations' directories
 * held, and once more if a generation went live between holding them and its reads: without its
 * directory, that generation's blocks would be missed (a pack replaced during an import would look
 * absent), and the one it replaced is no longer live. A second flip within one lookup is an import
 * per few milliseconds, which no importer makes; the second answer is taken as it is.
 */
export async function withDirectories<T>(db: KamerlensDB, lookup: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    await holdDirectories(db);
    const before = unheld.get(db) ?? 0;
    const result = await lookup();
    if (attempt > 0 || (unheld.get(db) ?? 0) === before) return result;
  }
}

/**
 * For each of `ids`, the live entries of `name` that answer to it (by id or alias): through each
 * live generation's directory (block-directory.ts, held by `holdDirectories`), a read by key of each
 * block that may hold it, and through the `ids` index where a live generation has none (an earlier
 * build's; one made live after the directories were held is counted, and `withDirectories` looks up
 * again). Call inside a read transaction over the table and
 * `liveScope`: every read goes out together, one round of I/O.
 */
export async function findEntries(
  db: KamerlensDB,
  name: BlockTableName,
  ids: readonly string[],
): Promise<Map<string, FoundEntry[]>> {
  const table = blockTable(db, name);
  // Every read goes out before any result is awaited (awaiting the live row first would leave the
  // transaction with nothing to do, and it commits), from the live row as held in memory, else as
  // it was when the directories were held; the entries are then kept by the row read here.
  const expected = heldLive(db) ?? lastHeld.get(db) ?? { sources: {}, next: 1 };
  const held = heldDirectories(db);
  let missed = false;
  const live = Object.entries(expected.sources).map(([source, generation]) => {
    const directory = held.get(directoryKey(name, source, generation));
    // Not held at all (null is held: an earlier build's generation, read through the index).
    if (directory === undefined) missed = true;
    return [source, directory ?? null] as const;
  });

  const indexed = live.some(([, directory]) => directory === null);
  // Each block once, however many of `ids` it holds: a page's references cluster (one dossier's
  // papers are neighbours in a pack). The seed's batch of 20 (36 documents in 12 blocks) read its
  // blocks in p50 1.3 ms, p95 3.2 ms against 4.0 and 9.6 ms once per id (the service worker, load
  // 3.7, 2026-12-04). Random ids at 300,000 hit ~18 blocks either way.
  const unique: BlockKey[] = [];
  const indexOf = new Map<string, number>();
  /** The place of block `seq` of `directory`'s generation among the keys read, added once. */
  const place = (directory: BlockDirectory, seq: number) => {
    const text = `${directory.source}\n${seq}`;
    let at = indexOf.get(text);
    if (at === undefined) {
      at = unique.push([directory.source, directory.generation, seq]) - 1;
      indexOf.set(text, at);
    }
    return at;
  };
  const keys = ids.map((id) =>
    live.flatMap(([, directory]) =>
      directory ? blocksFor(directory, id).map((seq) => place(directory, seq)) : [],
    ),
  );
  // Point queries, not `anyOf`: its cursor walks the index between keys spread over a large dataset.
  const [sources, read, lists] = await Promise.all([
    liveFor(db),
    table.bulkGet(unique),
    indexed ? Promise.all(ids.map((id) => table.where('ids').equals(id).toArray())) : [],
  ]);
  // The live row as the transaction read it names a generation other than the one looked in (a
  // flip since the directories were held, where the live row is not held in memory).
  for (const [source, generation] of Object.entries(sources.sources))
    if (expected.sources[source] !== generation) missed = true;
  if (missed) unheld.set(db, (unheld.get(db) ?? 0) + 1);
  const found = new Map<string, FoundEntry[]>();
  ids.forEach((id, i) => {
    const entries: FoundEntry[] = [];
    const blocks = [
      ...(keys[i] ?? []).flatMap((at) => read[at] ?? []),
      ...((lists[i] as RowBlock[] | undefined) ?? []),
    ];
    for (const block of blocks) {
      if (sources.sources[block.source] !== block.generation) continue;
      for (const entry of block.entries)
        if (entry.ids.includes(id))
          entries.push({
            entry,
            source: block.source,
            generation: block.generation,
            seq: block.seq,
            stub: entry.stub,
          });
    }
    found.set(id, entries);
  });
  return found;
}

/** Parses found entries once per parser, however many ids (and reads of their block) found them. */
export function entryParser<T extends BlockRecord>(): (found: FoundEntry) => T {
  const parsed = new Map<string, T>();
  return (found) => {
    const key = recordKey(found);
    let record = parsed.get(key);
    if (!record) {
      record = parseStored<T>(found.entry.json);
      parsed.set(key, record);
    }
    return record;
  };
}

/** Which stored record a found entry is: its source, generation and id (a body row's key, as text). */
function recordKey({ entry, source, generation }: FoundEntry): string {
  return `${source}\n${generation}\n${entry.id}`;
}
