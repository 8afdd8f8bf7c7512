/**
 * The page side of bucket-writes.ts: block-sized rows written into a storage bucket of their own
 * while rows of another store of the origin (another bucket, or the default one) are read, by the
 * page itself or with the writes in a dedicated worker. Plain IndexedDB, no Dexie.
 */

/** Chromium's Storage Buckets API (not in TypeScript's DOM types yet). */
type BucketNavigator = { storageBuckets: { open(name: string): Promise<{ indexedDB: IDBFactory }> } };

/** Who writes the new bucket, and what the page reads meanwhile. */
export interface BucketCase {
  writer: 'page' | 'worker';
  reads: 'bucket' | 'default' | 'none';
  /** Who wrote the store read: a worker (`fill`), or the page through the connection it reads by. */
  filledBy: 'worker' | 'page';
}

/** How a case ended: every row written, or no chunk committed for `stallSeconds`. */
export interface BucketRun {
  written: number;
  /** Where the page's own filling of the store it reads stopped: the rows it wrote (absent: it did not stop). */
  filled?: number;
  rows: number;
  hung: boolean;
  reads: number;
  p95: number;
  max: number;
}

/** The worker's and the page's writer: rows of 3–4 KB of JSON text, committed `chunk` at a time. */
const WRITER = `
const row = (key) => ({ key, json: '{"t":"' + 'x'.repeat(3000 + (key % 1000)) + '"}' });
const openStore = (factory) => new Promise((resolve, reject) => {
  const request = factory.open('kamerlens', 1);
  request.onupgradeneeded = () => request.result.createObjectStore('blocks', { keyPath: 'key' });
  request.onsuccess = () => resolve(request.result);
  request.onerror = () => reject(request.error);
});
const writeRows = async (bucket, rows, chunk, progress) => {
  const factory = bucket ? (await navigator.storageBuckets.open(bucket)).indexedDB : indexedDB;
  const db = await openStore(factory);
  for (let low = 0; low < rows; low += chunk) {
    const tx = db.transaction('blocks', 'readwrite');
    for (let key = low; key < Math.min(rows, low + chunk); key += 1) tx.objectStore('blocks').add(row(key));
    tx.commit();
    await new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onabort = () => reject(tx.error); });
    progress(Math.min(rows, low + chunk));
  }
  db.close();
};
`;

const WORKER_SOURCE = `${WRITER}
onmessage = ({ data: { bucket, rows, chunk } }) =>
  writeRows(bucket, rows, chunk, (written) => postMessage(written)).catch((error) => postMessage(String(error)));
`;

// The page's own copy of the writer and its rows (the same source, evaluated here).
const { writeRows: pageWriter, row } = new Function(`${WRITER}; return { writeRows, row };`)() as {
  writeRows: (
    bucket: string | null,
    rows: number,
    chunk: number,
    progress: (written: number) => void,
  ) => Promise<void>;
  row: (key: number) => { key: number; json: string };
};

/** Writes `rows` rows into `bucket` (null: the default one) from a worker, to read later. */
export function fill(bucket: string | null, rows: number): Promise<void> {
  return writeFrom('worker', bucket, rows, 40, 600).then(({ written }) => {
    if (written < rows) throw new Error(`filling ${bucket ?? 'the default bucket'} stopped at ${written}`);
  });
}

/** Writes from `writer`; resolves with the rows written once done, or once `stallSeconds` pass with no commit. */
function writeFrom(
  writer: 'page' | 'worker',
  bucket: string | null,
  rows: number,
  chunk: number,
  stallSeconds: number,
): Promise<{ written: number; hung: boolean }> {
  return new Promise((resolve, reject) => {
    let written = 0;
    let timer = 0;
    let stop = () => {};
    const stalled = () => {
      clearTimeout(timer);
      timer = window.setTimeout(() => {
        stop();
        resolve({ written, hung: true });
      }, stallSeconds * 1000);
    };
    const progress = (rowsDone: number) => {
      written = rowsDone;
      stalled();
      if (written >= rows) {
        clearTimeout(timer);
        stop();
        resolve({ written, hung: false });
      }
    };
    stalled();
    if (writer === 'page') {
      pageWriter(bucket, rows, chunk, progress).catch(reject);
      return;
    }
    const url = URL.createObjectURL(new Blob([WORKER_SOURCE], { type: 'text/javascript' }));
    const worker = new Worker(url);
    stop = () => {
      worker.terminate();
      URL.revokeObjectURL(url);
    };
    worker.onmessage = ({ data }) => (typeof data === 'number' ? progress(data) : reject(new Error(data)));
    worker.postMessage({ bucket, rows, chunk });
  });
}

function openRead(factory: IDBFactory): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open('kamerlens', 1);
    request.onupgradeneeded = () => request.result.createObjectStore('blocks', { keyPath: 'key' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/**
 * Write `rows` rows through `db` itself, 40 a transaction (the store the page then reads by it);
 * resolves with the rows written, fewer where a transaction neither completed nor aborted for
 * `stallSeconds`.
 */
async function writeThrough(db: IDBDatabase, rows: number, stallSeconds: number): Promise<number> {
  for (let low = 0; low < rows; low += 40) {
    const tx = db.transaction('blocks', 'readwrite');
    for (let key = low; key < Math.min(rows, low + 40); key += 1) tx.objectStore('blocks').add(row(key));
    tx.commit();
    let timer = 0;
    const ended = await new Promise<boolean>((resolve, reject) => {
      timer = window.setTimeout(() => resolve(false), stallSeconds * 1000);
      tx.oncomplete = () => resolve(true);
      tx.onabort = () => reject(tx.error);
    });
    clearTimeout(timer);
    if (!ended) return low;
  }
  return rows;
}

/** Writes `rows` rows into a new bucket as `which` says, reading 20 of the `readRows` every 25 ms meanwhile. */
export async function measure(
  which: BucketCase,
  rows: number,
  readRows: number,
  stallSeconds: number,
): Promise<BucketRun> {
  const buckets = (navigator as unknown as BucketNavigator).storageBuckets;
  const read =
    which.reads === 'none'
      ? null
      : await openRead(which.reads === 'default' ? indexedDB : (await buckets.open('read')).indexedDB);
  if (read && which.filledBy === 'page') {
    const filled = await writeThrough(read, readRows, stallSeconds);
    if (filled < readRows) return { written: 0, rows, hung: true, filled, reads: 0, p95: 0, max: 0 };
  }
  const latencies: number[] = [];
  let reading = true;
  const reader = (async () => {
    while (read && reading) {
      const started = performance.now();
      const store = read.transaction('blocks').objectStore('blocks');
      await Promise.all(
        Array.from(
          { length: 20 },
          () =>
            new Promise((resolve, reject) => {
              const request = store.get(Math.floor(Math.random() * readRows));
              request.onsuccess = resolve;
              request.onerror = () => reject(request.error);
            }),
        ),
      );
      latencies.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  })();
  const { written, hung } = await writeFrom(which.writer, `written-${Date.now()}`, rows, 40, stallSeconds);
  reading = false;
  await reader;
  latencies.sort((x, y) => x - y);
  return {
    written,
    rows,
    hung,
    reads: latencies.length,
    p95: latencies[Math.floor(latencies.length * 0.95)] ?? 0,
    max: latencies[latencies.length - 1] ?? 0,
  };
}
