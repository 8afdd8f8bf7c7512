/**
 * Where an import's time goes (bench routines, bundled into the page by _db-in-chromium.ts): the
 * same rows written into tables of different shapes (no secondary index: the floor; the documents
 * table's indexes; the graph edges), in transactions of different sizes, and every transaction of a
 * real import traced (its tables, how long it was open). The underscore keeps `npm run bench` from
 * running it on its own.
 */
import { Dexie } from 'dexie';
import type { DatasetPack } from '../../data/dataset/pack-format';
import type { DatasetFile, DocumentRecord } from '../../data/dataset/types';
import { blocksOf } from '../../data/db/block-packing';
import { importDataset } from '../../data/db/import-dataset';
import { importPack } from '../../data/db/import-pack';
import type { KamerlensDB } from '../../data/db/kamerlens-db';
import { openKamerlensDB } from '../../data/db/kamerlens-db';
import type { RowBlock } from '../../data/db/records';
import { rowsOf, watchRequests } from '../../tests/fixtures/db/watch-requests';
import { seededRandom } from '../../tests/fixtures/random';
import { panelDataset } from './_panel-corpus';

/** One traced transaction: its tables, mode, and how long from its creation to its end. */
interface TracedTransaction {
  stores: string;
  mode: string;
  ms: number;
}

/**
 * Trace every transaction `db` runs (call before it opens), and count its requests by table: a
 * row written, deleted or read by key is a request each; a query (a range read) is one.
 */
export function traceTransactions(db: Dexie): {
  traced: TracedTransaction[];
  requests: Record<string, number>;
} {
  const traced: TracedTransaction[] = [];
  const requests: Record<string, number> = {};
  const count = (table: string, n: number) => {
    requests[table] = (requests[table] ?? 0) + n;
  };
  watchRequests(db, 'RequestCount', {
    mutate: (table, request) => count(table, rowsOf(request)),
    getMany: (table, keys) => count(table, keys.length),
    query: (table) => count(table, 1),
  });
  db.use({
    stack: 'dbcore',
    name: 'TransactionTrace',
    create: (down) => ({
      ...down,
      transaction(stores, mode, options) {
        const tx = down.transaction(stores, mode, options) as unknown as IDBTransaction;
        const began = performance.now();
        const done = () =>
          traced.push({ stores: [...stores].sort().join('+'), mode, ms: performance.now() - began });
        tx.addEventListener('complete', done);
        tx.addEventListener('abort', done);
        return tx as never;
      },
    }),
  });
  return { traced, requests };
}

/** Transactions grouped by tables: count, total and longest ms. */
function byTables(traced: readonly TracedTransaction[]) {
  const groups = new Map<string, { count: number; totalMs: number; maxMs: number }>();
  for (const t of traced) {
    const key = `${t.mode} ${t.stores}`;
    const group = groups.get(key) ?? { count: 0, totalMs: 0, maxMs: 0 };
    group.count += 1;
    group.totalMs += t.ms;
    group.maxMs = Math.max(group.maxMs, t.ms);
    groups.set(key, group);
  }
  return [...groups].map(([tables, g]) => ({ tables, ...g })).sort((a, b) => b.totalMs - a.totalMs);
}

const unique = () => `profile-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

/** Write `rows` into a fresh table of schema `spec`, `perTransaction` rows per transaction. */
async function timeRows(spec: string, rows: readonly object[], perTransaction: number): Promise<number> {
  const db = new Dexie(unique());
  db.version(1).stores({ rows: spec });
  db.unuse({ stack: 'dbcore', name: 'Observability' });
  await db.open();
  const table = db.table('rows');
  const began = performance.now();
  for (let start = 0; start < rows.length; start += perTransaction) {
    const chunk = rows.slice(start, start + perTransaction);
    await db.transaction('rw', table, () => table.bulkPut(chunk));
  }
  const ms = performance.now() - began;
  db.close();
  await db.delete();
  return ms;
}

/** `timeRows` with IndexedDB itself (no Dexie): the floor of the floor. */
async function timeRawRows(rows: readonly object[], perTransaction: number): Promise<number> {
  const name = unique();
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open(name, 1);
    open.onupgradeneeded = () => open.result.createObjectStore('rows', { keyPath: 'id' });
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const began = performance.now();
  for (let start = 0; start < rows.length; start += perTransaction) {
    const tx = db.transaction('rows', 'readwrite');
    const store = tx.objectStore('rows');
    for (const row of rows.slice(start, start + perTransaction)) store.put(row);
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
  }
  const ms = performance.now() - began;
  db.close();
  indexedDB.deleteDatabase(name);
  return ms;
}

/** Bytes of the rows as JSON (a proxy for their structured-clone size). */
const jsonBytes = (rows: readonly object[]) => rows.reduce((sum, row) => sum + JSON.stringify(row).length, 0);

/**
 * The rows of `dataset` written into tables of each shape, 1,000 rows per transaction (and the
 * documents table also 100 per transaction, the cost of a transaction): ms each.
 */
export async function profileTables(dataset: DatasetFile) {
  const documents = dataset.documents;
  return {
    documents: documents.length,
    documentBytes: jsonBytes(documents) / Math.max(documents.length, 1),
    rawFloorMs: await timeRawRows(documents, 1000),
    floorMs: await timeRows('id', documents, 1000),
    floorJsonMs: await timeRows(
      'id',
      documents.map((d) => ({ id: d.id, json: JSON.stringify(d) })),
      1000,
    ),
    floorKeysOnlyMs: await timeRows(
      'id',
      documents.map((d) => ({ id: d.id })),
      1000,
    ),
    blocks50Ms: await timeRows(
      'id',
      Array.from({ length: Math.ceil(documents.length / 50) }, (_, b) => ({
        id: b,
        rows: documents.slice(b * 50, b * 50 + 50),
      })),
      20,
    ),
    idsMs: await timeRows('id, *ids', documents, 1000),
    idsPacksMs: await timeRows('id, *ids, *packs', documents, 1000),
    idsPacks100Ms: await timeRows('id, *ids, *packs', documents, 100),
  };
}

async function traced(work: (db: KamerlensDB) => Promise<unknown>) {
  const db = openKamerlensDB(unique());
  const { traced: trace, requests } = traceTransactions(db);
  await db.open();
  const began = performance.now();
  await work(db);
  const ms = performance.now() - began;
  db.close();
  await db.delete();
  const longestOf = (list: readonly TracedTransaction[]) =>
    list.reduce((a, b) => (b.ms > a.ms ? b : a), { stores: '', mode: '', ms: 0 });
  // What a lookup waits for: a read-write transaction over the tables it reads.
  const rows = trace.filter((t) => t.mode === 'readwrite' && /documentBlocks|dossierBlocks/.test(t.stores));
  return {
    ms,
    requests,
    transactions: trace.length,
    longest: longestOf(trace),
    longestOverRows: longestOf(rows),
    groups: byTables(trace),
  };
}

/**
 * The floor of an import: the same documents and dossiers written into tables with a primary key and
 * no other index, 1,000 rows a transaction; and the same rows `perRow` to a row (what fewer requests
 * would give).
 */
export async function timeFloor(dataset: DatasetFile, perRow = 50) {
  const floorMs =
    (await timeRows('id', dataset.documents, 1000)) + (await timeRows('id', dataset.dossiers, 1000));
  const blocks = Array.from({ length: Math.ceil(dataset.documents.length / perRow) }, (_, b) => ({
    id: b,
    rows: dataset.documents.slice(b * perRow, (b + 1) * perRow),
  }));
  const blocksMs = await timeRows('id', blocks, Math.max(1, Math.floor(1000 / perRow)));
  return { floorMs, blocksMs, perRow };
}

/** `importDataset` of `dataset` into a fresh database, every transaction traced. */
export function profileImportDataset(dataset: DatasetFile) {
  return traced(async (db) => {
    const outcome = await importDataset(db, dataset);
    if (outcome.status !== 'imported')
      throw new Error(outcome.status === 'failed' ? outcome.error : 'skipped');
  });
}

/**
 * `dataset` as packs by vergaderjaar, as `splitDataset` (Node only: it hashes) groups them: each with
 * the dossiers its documents name.
 */
function packsOf(dataset: DatasetFile): DatasetPack[] {
  const groups = new Map<string, DocumentRecord[]>();
  for (const document of dataset.documents) {
    const key = document.vergaderjaar ?? 'onbekend';
    const group = groups.get(key);
    if (group) group.push(document);
    else groups.set(key, [document]);
  }
  const dossierKey = (d: DocumentRecord) => (d.dossierSuffix ? `${d.dossier}-${d.dossierSuffix}` : d.dossier);
  return [...groups].map(([key, documents]) => {
    const named = new Set(documents.map(dossierKey));
    const dossiers = dataset.dossiers.filter((dossier) => named.has(dossier.id));
    return {
      format: 'kamerlens-pack',
      formatVersion: 1,
      schemaVersion: dataset.schemaVersion,
      id: `vergaderjaar-${key}`,
      split: 'vergaderjaar',
      key,
      version: `bench-${key}`,
      contentHash: 'b'.repeat(64),
      counts: { documents: documents.length, dossiers: dossiers.length },
      documents,
      dossiers,
    } as DatasetPack;
  });
}

/** `dataset` split by vergaderjaar and imported pack by pack into a fresh database, traced (no reading). */
export function profileImportPacks(dataset: DatasetFile) {
  const packs = packsOf(dataset);
  return traced(async (db) => {
    for (const pack of packs) await importPack(db, pack, { bytes: 0, fileName: `${pack.id}.json.gz` });
  });
}

/** `count` open-data shaped documents (metadata only) over `words`, spread over sixteen vergaderjaren. */
export function importBenchDataset(count: number, words: readonly string[]): DatasetFile {
  const dataset = panelDataset(count, words);
  dataset.documents.forEach((document, i) => {
    const year = 2010 + (i % 16);
    document.vergaderjaar = `${year}-${year + 1}`;
  });
  return dataset;
}

/**
 * Blocks of each size limit (KB of JSON, at most 200 records each): the same documents written 20
 * blocks a transaction, then batches of 20 random ids read as a lookup reads them (one keyed read
 * on the `ids` index per id, in one read transaction) and their entries parsed. What a block size
 * costs the import and what it costs a lookup, side by side.
 */
export async function profileBlockSizes(dataset: DatasetFile, sizesKb: readonly number[]) {
  const ids = dataset.documents.map((document) => document.id);
  const results = [];
  for (const kb of sizesKb) {
    const blocks = blocksOf('bundled', 1, dataset.documents, { records: 200, chars: kb * 1024 });
    const db = new Dexie(unique());
    db.version(1).stores({ blocks: '[source+generation+seq], *ids' });
    db.unuse({ stack: 'dbcore', name: 'Observability' });
    await db.open();
    const table = db.table<RowBlock>('blocks');
    const began = performance.now();
    for (let start = 0; start < blocks.length; start += 20) {
      const chunk = blocks.slice(start, start + 20);
      await db.transaction('rw', table, () => table.bulkAdd(chunk));
    }
    const writeMs = performance.now() - began;
    const samples: number[] = [];
    const random = seededRandom(7);
    const next = () => ids[Math.floor(random() * ids.length)] ?? '';
    for (let round = 0; round < 200; round++) {
      const batch = Array.from({ length: 20 }, next);
      const start = performance.now();
      const lists = await db.transaction('r', table, () =>
        Promise.all(batch.map((id) => table.where('ids').equals(id).toArray())),
      );
      lists.forEach((list, i) => {
        for (const block of list)
          for (const entry of block.entries) if (entry.id === batch[i]) JSON.parse(entry.json);
      });
      samples.push(performance.now() - start);
    }
    samples.sort((a, b) => a - b);
    results.push({
      kb,
      blocks: blocks.length,
      writeMs: Math.round(writeMs),
      batchP50: Number(samples[100]?.toFixed(1)),
      batchP95: Number(samples[190]?.toFixed(1)),
    });
    db.close();
    await db.delete();
  }
  return results;
}

/**
 * What the block tables' `ids` index costs an import: `dataset`'s documents as blocks (as the
 * import packs them), written 20 blocks to a transaction, committed at once (as row-blocks.ts does),
 * into tables of each shape in turn, `rounds` times alternating: with the `*ids` multiEntry index (a
 * key per id and alias), with one key per block (its first id), and with the primary key alone.
 * `onEach` is called before and after each shape (the caller reads the browser's CPU time there).
 */
export async function profileBlockIndexes(dataset: DatasetFile, rounds = 2) {
  const blocks = blocksOf('bench', 1, dataset.documents).map((block) => ({
    ...block,
    first: block.entries[0]?.id ?? '',
  }));
  const shapes: [string, string][] = [
    ['ids', '[source+generation+seq], *ids'],
    ['first', '[source+generation+seq], first'],
    ['none', '[source+generation+seq]'],
  ];
  const results: { shape: string; round: number; ms: number }[] = [];
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? shapes : [...shapes].reverse();
    for (const [shape, spec] of order) {
      const db = new Dexie(unique());
      db.version(1).stores({ blocks: spec });
      db.unuse({ stack: 'dbcore', name: 'Observability' });
      await db.open();
      const idb = db.backendDB();
      await (window as unknown as { benchMark?: (label: string) => Promise<void> }).benchMark?.(
        `${shape} begin`,
      );
      const began = performance.now();
      for (let start = 0; start < blocks.length; start += 20) {
        const tx = idb.transaction('blocks', 'readwrite');
        const store = tx.objectStore('blocks');
        for (const block of blocks.slice(start, start + 20)) store.add(block);
        tx.commit();
        await new Promise((resolve, reject) => {
          tx.oncomplete = resolve;
          tx.onabort = () => reject(tx.error);
        });
      }
      const ms = performance.now() - began;
      await (window as unknown as { benchMark?: (label: string) => Promise<void> }).benchMark?.(
        `${shape} end`,
      );
      results.push({ shape, round, ms: Math.round(ms) });
      db.close();
      await db.delete();
    }
  }
  const entries = blocks.reduce((sum, block) => sum + (block.ids?.length ?? 0), 0);
  return { blocks: blocks.length, idsEntries: entries, results };
}
