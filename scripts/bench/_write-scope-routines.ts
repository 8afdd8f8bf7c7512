/**
 * The page side of write-scope.ts: a table of block-shaped rows read by keyed lookups (20 ids per
 * read transaction, as a batch lookup), while a dedicated worker writes rows in committed chunks
 * into the same table, another table of the same database, or another database of the origin.
 * Plain IndexedDB (no Dexie): what is measured is the engine's scheduling, not our layers.
 */

/**
 * Where the worker writes while the page reads: `other-bucket` is a database of the same name in a
 * storage bucket of its own (Chromium's Storage Buckets API: its own backing store); `busy` writes
 * nothing and keeps the worker's thread running JS instead, as much CPU as a writer could take.
 * The `file-` and `sync-` scopes read the same rows from a file in the origin private file system
 * instead (`fill` writes both): `file-` by slices of a `File` (what a service worker can do), `sync-`
 * in a dedicated worker through a read-only sync access handle (workers only); the worker writes
 * nothing (`-none`), into the IndexedDB table (`-table`) or burns CPU (`-busy`).
 */
export type WriteScope =
  | 'none'
  | 'table'
  | 'other-table'
  | 'other-database'
  | 'other-bucket'
  | 'busy'
  | 'file-none'
  | 'file-table'
  | 'sync-none'
  | 'sync-table'
  | 'sync-busy';

/** One run's read latencies (ms) and what the worker wrote meanwhile. */
export interface ScopeRun {
  scope: WriteScope;
  reads: number;
  rowsWritten: number;
  p50: number;
  p95: number;
  max: number;
  over50: number;
}

const READ_DATABASE = 'write-scope-a';
const OTHER_DATABASE = 'write-scope-b';
const OTHER_BUCKET = 'write-scope-bucket';

/** Chromium's Storage Buckets API (not in TypeScript's DOM types yet). */
type BucketNavigator = { storageBuckets?: { open(name: string): Promise<{ indexedDB: IDBFactory }> } };

function openDatabase(
  name: string,
  stores: readonly string[],
  factory: IDBFactory = indexedDB,
): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(name, 1);
    request.onupgradeneeded = () => {
      for (const store of stores)
        request.result
          .createObjectStore(store, { keyPath: 'key' })
          .createIndex('ids', 'ids', { multiEntry: true });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/**
 * A row the size of a stored block (3–4 KB of JSON text, three ids). The worker builds its rows
 * with the same function: its source is handed to the worker as text.
 */
function blockRow(key: number): { key: number; ids: string[]; json: string } {
  return {
    key,
    ids: [`id${key}`, `alias${key}`, `other${key}`],
    json: `{"t":"${'x'.repeat(3000 + (key % 1000))}"}`,
  };
}

function completed(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error);
  });
}

let reading: IDBDatabase | null = null;
let fileRows: File | null = null;
let offsets: number[] = [];

/** Creates both databases, fills the read table with `rows` rows and writes them to a file too. */
export async function fill(rows: number): Promise<void> {
  reading = await openDatabase(READ_DATABASE, ['blocks', 'other']);
  (await openDatabase(OTHER_DATABASE, ['blocks'])).close();
  const buckets = (navigator as unknown as BucketNavigator).storageBuckets;
  if (buckets)
    (await openDatabase(OTHER_DATABASE, ['blocks'], (await buckets.open(OTHER_BUCKET)).indexedDB)).close();
  const root = await navigator.storage.getDirectory();
  const handle = await root.getFileHandle('rows.bin', { create: true });
  const writable = await handle.createWritable();
  const encoder = new TextEncoder();
  offsets = [0];
  let at = 0;
  for (let low = 0; low < rows; low += 500) {
    const parts: Uint8Array[] = [];
    for (let key = low; key < Math.min(rows, low + 500); key += 1) {
      const bytes = encoder.encode(JSON.stringify(blockRow(key)));
      parts.push(bytes);
      at += bytes.length;
      offsets.push(at);
    }
    await writable.write(new Blob(parts as BlobPart[]));
  }
  await writable.close();
  fileRows = await handle.getFile();
  for (let low = 0; low < rows; low += 500) {
    const tx = reading.transaction('blocks', 'readwrite');
    for (let key = low; key < Math.min(rows, low + 500); key += 1)
      tx.objectStore('blocks').put(blockRow(key));
    tx.commit();
    await completed(tx);
  }
}

/** The worker: writes chunks of `chunk` rows, each committed, for `ms`, then posts how many rows. */
const WORKER_SOURCE = `
const blockRow = ${blockRow.toString()};
const completed = ${completed.toString()};
onmessage = async ({ data: { database, bucket, store, ms, chunk, firstKey } }) => {
  if (store === null) {
    // Busy: JS on this thread for as long as a writer would run, no I/O.
    const end = performance.now() + ms;
    let spins = 0;
    while (performance.now() < end) spins += JSON.stringify({ spins }).length;
    postMessage(0);
    return;
  }
  const factory = bucket ? (await navigator.storageBuckets.open(bucket)).indexedDB : indexedDB;
  const db = await new Promise((resolve, reject) => {
    const request = factory.open(database, 1);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const end = performance.now() + ms;
  let key = firstKey;
  while (performance.now() < end) {
    const tx = db.transaction(store, 'readwrite');
    for (let i = 0; i < chunk; i += 1) tx.objectStore(store).add(blockRow(key++));
    tx.commit();
    await completed(tx);
  }
  db.close();
  postMessage(key - firstKey);
};`;

const SYNC_READER_SOURCE = `
let handle = null;
let offsets = null;
const decoder = new TextDecoder();
onmessage = async ({ data }) => {
  if (data.offsets) {
    offsets = data.offsets;
    const root = await navigator.storage.getDirectory();
    const file = await root.getFileHandle('rows.bin');
    handle = await file.createSyncAccessHandle({ mode: 'read-only' });
    postMessage('ready');
    return;
  }
  const out = [];
  for (const key of data.keys) {
    const buffer = new Uint8Array(offsets[key + 1] - offsets[key]);
    handle.read(buffer, { at: offsets[key] });
    out.push(JSON.parse(decoder.decode(buffer)));
  }
  postMessage(out.length);
};`;

/** The dedicated worker that reads the file through a sync access handle (`sync-` scopes). */
let syncReader: Worker | null = null;

async function startSyncReader(): Promise<Worker> {
  if (syncReader) return syncReader;
  const url = URL.createObjectURL(new Blob([SYNC_READER_SOURCE], { type: 'text/javascript' }));
  const worker = new Worker(url);
  await new Promise((resolve) => {
    worker.onmessage = resolve;
    worker.postMessage({ offsets });
  });
  syncReader = worker;
  return worker;
}

/** Reads of 20 random rows, the way `scope` reads (IndexedDB, slices of the file, or the sync reader). */
async function readTwenty(scope: WriteScope, db: IDBDatabase, rows: number): Promise<void> {
  const keys = Array.from({ length: 20 }, () => Math.floor(Math.random() * rows));
  if (scope.startsWith('sync-')) {
    const worker = syncReader as Worker;
    await new Promise((resolve) => {
      worker.onmessage = resolve;
      worker.postMessage({ keys });
    });
    return;
  }
  if (scope.startsWith('file-')) {
    const file = fileRows as File;
    await Promise.all(
      keys.map((key) =>
        file
          .slice(offsets[key], offsets[key + 1])
          .text()
          .then(JSON.parse),
      ),
    );
    return;
  }
  const index = db.transaction('blocks', 'readonly').objectStore('blocks').index('ids');
  await Promise.all(
    keys.map(
      (key) =>
        new Promise((resolve, reject) => {
          const request = index.getAll(`id${key}`);
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        }),
    ),
  );
}

/** What the worker does meanwhile: nothing, burn CPU (`busy`) or write into a table. */
function writesOf(scope: WriteScope): 'none' | 'busy' | 'write' {
  if (scope === 'none' || scope === 'file-none' || scope === 'sync-none') return 'none';
  return scope === 'busy' || scope === 'sync-busy' ? 'busy' : 'write';
}

/** Writes in a worker into `scope` for `ms` while reading 20 random ids every 25 ms. */
export async function measure(scope: WriteScope, ms: number, rows: number, chunk: number): Promise<ScopeRun> {
  const db = reading;
  if (!db) throw new Error('fill() first');
  if (scope.startsWith('sync-')) await startSyncReader();
  // Keys above every earlier run's: each run adds rows, never replaces them.
  const firstKey = 10_000_000 + Math.floor(Math.random() * 1_000_000) * 1_000;
  let rowsWritten = 0;
  const writes = writesOf(scope);
  const writer =
    writes === 'none'
      ? Promise.resolve()
      : new Promise<void>((resolve, reject) => {
          const url = URL.createObjectURL(new Blob([WORKER_SOURCE], { type: 'text/javascript' }));
          const worker = new Worker(url);
          worker.onmessage = ({ data }) => {
            rowsWritten = data as number;
            worker.terminate();
            URL.revokeObjectURL(url);
            resolve();
          };
          worker.onerror = (event) => reject(new Error(event.message));
          worker.postMessage({
            database: scope === 'other-database' || scope === 'other-bucket' ? OTHER_DATABASE : READ_DATABASE,
            bucket: scope === 'other-bucket' ? OTHER_BUCKET : null,
            store: writes === 'busy' ? null : scope === 'other-table' ? 'other' : 'blocks',
            ms,
            chunk,
            firstKey,
          });
        });
  const latencies: number[] = [];
  const end = performance.now() + ms;
  while (performance.now() < end) {
    const started = performance.now();
    await readTwenty(scope, db, rows);
    latencies.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  await writer;
  latencies.sort((x, y) => x - y);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return {
    scope,
    reads: latencies.length,
    rowsWritten,
    p50: at(0.5),
    p95: at(0.95),
    max: at(1),
    over50: latencies.filter((latency) => latency > 50).length,
  };
}
