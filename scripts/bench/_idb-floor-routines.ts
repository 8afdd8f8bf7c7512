/**
 * The page side of _idb-floor.ts: block-shaped rows written into one store while the page reads
 * rows it wrote. Plain IndexedDB, no Dexie.
 */

/** What the page did (times on the page's clock made epoch ms, to set against the browser's log). */
export interface FloorPageRun {
  writeMs: number;
  chars: number;
  waits: number[];
  reads: [number, number][];
  began: number;
  ended: number;
}

// Words of varying length and numbers, as generated titles and summaries: LevelDB's snappy
// compresses these about as it does the product's blocks (flushed bytes / characters written), where
// write-scope's rows of one repeated letter would compress to nearly nothing.
const WORDS =
  'de het een van en in op voor met aan bij tot over naar wet motie brief minister kamer vragen antwoord begroting'.split(
    ' ',
  );

/** A deterministic text of at least `length` characters. */
function textOf(random: () => number, length: number): string {
  let out = '';
  while (out.length < length)
    out += `${WORDS[Math.floor(random() * WORDS.length)]}${Math.floor(random() * 3000)} `;
  return out;
}

function open(): Promise<IDBDatabase> {
  return new Promise((done, fail) => {
    const request = indexedDB.open('floor', 1);
    request.onupgradeneeded = () => request.result.createObjectStore('blocks');
    request.onsuccess = () => done(request.result);
    request.onerror = () => fail(request.error);
  });
}

/**
 * Write `total` characters of rows (eight ~600-char entries each) 40 to a transaction, keys in
 * order, paced to end after `pace` ms; meanwhile read one row written, at random, every 25 ms.
 */
export async function writeAndRead(total: number, pace: number): Promise<FloorPageRun> {
  const db = await open();
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const written: number[] = [];
  const waits: number[] = [];
  const reads: [number, number][] = [];
  let writing = true;
  const reader = (async () => {
    while (writing) {
      if (written.length > 0) {
        const key = written[Math.floor(Math.random() * written.length)] as number;
        const issued = performance.now();
        await new Promise((done, fail) => {
          const request = db.transaction('blocks', 'readonly').objectStore('blocks').get(key);
          request.onsuccess = done;
          request.onerror = () => fail(request.error);
        });
        const answered = performance.now();
        waits.push(answered - issued);
        reads.push([performance.timeOrigin + issued, performance.timeOrigin + answered]);
      }
      await new Promise((done) => setTimeout(done, 25));
    }
  })();
  const began = performance.now();
  let chars = 0;
  let key = 0;
  while (chars < total) {
    const tx = db.transaction('blocks', 'readwrite');
    const store = tx.objectStore('blocks');
    const keys: number[] = [];
    for (let i = 0; i < 40 && chars < total; i++) {
      const entries = Array.from({ length: 8 }, () => ({ json: textOf(random, 600) }));
      chars += entries.reduce((sum, entry) => sum + entry.json.length, 0);
      store.add({ entries }, key);
      keys.push(key++);
    }
    await new Promise((done, fail) => {
      tx.oncomplete = done;
      tx.onabort = () => fail(tx.error);
    });
    written.push(...keys);
    // Paced: no sooner than its share of `pace` for the characters written so far.
    const due = began + (pace * chars) / total - performance.now();
    if (due > 0) await new Promise((done) => setTimeout(done, due));
  }
  const ended = performance.now();
  writing = false;
  await reader;
  db.close();
  return {
    writeMs: ended - began,
    chars,
    waits,
    reads,
    began: performance.timeOrigin + began,
    ended: performance.timeOrigin + ended,
  };
}
