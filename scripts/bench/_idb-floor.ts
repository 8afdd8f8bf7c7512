/**
 * The floor under the packs bench's lookups (packs.ts, product mode): what IndexedDB itself makes a
 * read wait while the same bytes are written at the same pace, with no extension at all. A plain web
 * page in a fresh Chromium writes block-sized rows (eight ~600-char entries, as a block of
 * record-shaped documents) 40 to a transaction into one store, keys in order, paced to end after
 * `ms`, until `bytes` of rows are written; meanwhile it reads one row it wrote, at random, every
 * 25 ms, in a read transaction of its own, as a lookup does (without the message to the worker and
 * back, and without parsing: this is the database's part alone). Then the browser's LevelDB log
 * says how much it flushed and compacted (_leveldb-log.ts).
 *
 * If this floor's reads go over 50 ms as often as the product's lookups do, the slow lookups are the
 * engine's, at this load on this machine, whatever the import does around its writes. The
 * underscore keeps `npm run bench` from running this file on its own.
 */
import { launchExtension } from '../../tests/e2e/harness';
import { type LevelDbActivity, readLevelDbActivity } from './_leveldb-log';

/**
 * LevelDB's flushed bytes per character of this page's rows (snappy-compressed, with keys): 0.69
 * (50 million characters, 35 MB flushed). The product's blocks flushed 0.62 per character of their
 * JSON (220 million characters, 137 MB): the floor writes as many flushed bytes as the run it follows.
 */
export const FLOOR_FLUSHED_PER_CHAR = 0.69;

/** What the floor's page did. */
export interface FloorFigures {
  /** How long writing took (the pace aims for the `ms` asked; a loaded machine can take longer). */
  writeMs: number;
  /** Characters of rows written. */
  chars: number;
  /** Each read's wait (ms), while writing. */
  waits: number[];
  /** Each read (issued, answered), epoch ms. */
  reads: [number, number][];
  began: number;
  ended: number;
  engine: LevelDbActivity | null;
}

/** Write `chars` characters of block-shaped rows in about `ms`, reading beside it (see the file's comment). */
export async function idbFloor(chars: number, ms: number): Promise<FloorFigures> {
  const session = await launchExtension({ withExtension: false });
  try {
    const page = await session.openPage('index.html');
    // tsx names the functions of the closure below with a helper the page lacks.
    await page.evaluate('globalThis.__name = (fn) => fn');
    const figures = (await page.evaluate(
      async ([total, pace]) => {
        const db: IDBDatabase = await new Promise((done, fail) => {
          const request = indexedDB.open('floor', 1);
          request.onupgradeneeded = () => request.result.createObjectStore('blocks');
          request.onsuccess = () => done(request.result);
          request.onerror = () => fail(request.error);
        });
        // Words of varying length and numbers, as generated titles and summaries: LevelDB's snappy
        // compresses these about as it does the product's blocks (flushed bytes / characters written).
        const words =
          'de het een van en in op voor met aan bij tot over naar wet motie brief minister kamer vragen antwoord begroting'.split(
            ' ',
          );
        let seed = 7;
        const random = () => {
          seed = (seed * 1103515245 + 12345) % 2147483648;
          return seed / 2147483648;
        };
        const text = (length: number) => {
          let out = '';
          while (out.length < length)
            out += `${words[Math.floor(random() * words.length)]}${Math.floor(random() * 3000)} `;
          return out;
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
            const entries = Array.from({ length: 8 }, () => ({ json: text(600) }));
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
        return {
          writeMs: ended - began,
          chars,
          waits,
          reads,
          began: performance.timeOrigin + began,
          ended: performance.timeOrigin + ended,
        };
      },
      [chars, ms] as const,
    )) as Omit<FloorFigures, 'engine'>;
    const origin = new URL(session.serverUrl);
    const engine = readLevelDbActivity(
      session.profileDir,
      `${origin.protocol.replace(':', '')}_${origin.hostname}_`,
    );
    return { ...figures, engine };
  } finally {
    await session.close();
  }
}
