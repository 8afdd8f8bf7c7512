/**
 * Writing many rows inside a transaction in chunks issued back to back: the transaction runs its
 * requests in order, so the backend writes chunk n while this thread serializes chunk n + 1
 * (awaiting each chunk would leave one side idle). Progress follows the completed chunks.
 */
import type { Table } from 'dexie';

/** Rows per request. */
const DEFAULT_CHUNK_SIZE = 2000;

/** How `writeInChunks` writes. */
export interface ChunkOptions {
  /** `add` refuses existing keys (a cleared table); `put` replaces them. */
  mode: 'add' | 'put';
  chunkSize?: number;
  /** Called with the number of rows of each chunk once it is written. */
  onWritten?: (rows: number) => void;
}

/** Write `rows` to `table` in chunks; resolves when every chunk is written. */
export function writeInChunks<T, K, I>(
  table: Table<T, K, I>,
  rows: readonly I[],
  options: ChunkOptions,
): Promise<void> {
  const size = Math.max(1, options.chunkSize ?? DEFAULT_CHUNK_SIZE);
  const writes: Promise<unknown>[] = [];
  for (let start = 0; start < rows.length; start += size) {
    const chunk = rows.slice(start, start + size);
    const request = options.mode === 'put' ? table.bulkPut(chunk) : table.bulkAdd(chunk);
    writes.push(request.then(() => options.onWritten?.(chunk.length)));
  }
  return Promise.all(writes).then(() => undefined);
}

/** How `inTimedChunks` sizes its chunks. */
export interface TimedChunkOptions {
  /** Aim for each chunk's work to take about this long (ms); the size follows the last chunk's time. */
  budgetMs?: number;
  /** A fixed size instead (tests). */
  size?: number;
  /** Called with the number of items of each chunk once it is done. */
  onDone?: (items: number) => void;
  /**
   * Awaited before each chunk's transaction is created (read-priority.ts: the reads going on end
   * first); with it, one chunk is in flight at a time, not two, so a read waits for one at most.
   */
  before?: () => Promise<void>;
}

/** Items in the first chunk, and the bounds of later ones. */
const FIRST_CHUNK = 100;
const MIN_CHUNK = 20;
// Serializing a chunk happens on this thread in one go: a thousand records is tens of ms on a busy machine.
const MAX_CHUNK = 1000;

/**
 * Run `work` over `items` a chunk at a time: a chunk is a transaction of its own, and its size is
 * adjusted so each takes about `budgetMs`, so whatever waits behind one (a lookup) never waits long,
 * on a fast machine or a loaded one. The next chunk is issued while one is being written (two at
 * most), so this thread prepares one while the database writes the other; chunks still run in
 * order (their transactions share a table).
 */
export async function inTimedChunks<T>(
  items: readonly T[],
  work: (chunk: T[]) => Promise<void>,
  options: TimedChunkOptions = {},
): Promise<void> {
  // 8 ms. A lookup waits for the chunk being written (both importers keep one in flight,
  // read-priority.ts). With two in flight, 8 ms beat 15: lookups during the import waited p50 19 /
  // p95 53 ms against p50 31-34 / p95 61-77 (npm run bench -- panel, 300,000 documents). With one
  // (packs bench, product, 300,000 record-shaped documents in 16 packs, alternating rounds), 16 ms
  // imported in 44.0 / 37.8 s against 45.0 / 41.7 s at load 3.0-3.5 but lookups waited p95 31-35
  // against 25 ms and went over 50 ms twice as often; 20 ms imported in 74.6 / 55.9 s against
  // 91.6 / 68.5 s at load 3.6-5.5; 4 ms (block writes committed early, alternating with 8 ms, load
  // 0.7-3.3) imported in 46.0 / 52.2 s against 40.6 / 38.0 s, lookups p95 19.8 against 21.3-21.5 ms
  // but over 50 ms 1 and 4 times (max 75, 376 ms) against 1 and 0 (max 64, 39 ms). Lookups are what
  // a reader waits for; the import meets its time either way on an unloaded machine.
  const budget = options.budgetMs ?? 8;
  let size = options.size ?? FIRST_CHUNK;
  let lastDone = performance.now();
  let writing: Promise<void> | null = null;
  for (let start = 0; start < items.length; ) {
    const chunk = items.slice(start, start + size);
    start += chunk.length;
    if (options.before) {
      await writing;
      await options.before();
    }
    const issued = performance.now();
    const written = work(chunk).then(() => {
      // The time between two chunks ending is what the database spent on this one (from its issue
      // where it waited for reads first: that wait is not its own).
      const now = performance.now();
      const ms = now - Math.max(lastDone, issued);
      lastDone = now;
      options.onDone?.(chunk.length);
      if (options.size !== undefined) return;
      // At most double or halve per chunk: one slow transaction (a busy machine) must not swing it.
      const scaled = Math.round((size * budget) / Math.max(ms, 1));
      size = Math.min(
        MAX_CHUNK,
        Math.max(MIN_CHUNK, Math.min(size * 2, Math.max(Math.floor(size / 2), scaled))),
      );
    });
    // Failures surface where the chunk is awaited, below or after the loop.
    written.catch(() => undefined);
    if (writing) await writing;
    writing = written;
  }
  await writing;
}
