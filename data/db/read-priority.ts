/**
 * Reads of blocks before writes of them, in the context that does both: the background imports
 * the bundled dataset, and answers the popover's lookups meanwhile (packs are imported on a thread
 * of their own, import-thread.ts, where this keeps one write in flight). IndexedDB starts a
 * read transaction only after every read-write transaction on the same table created before it,
 * so a lookup issued while an import writes its blocks waited for the transactions the import had
 * already queued: in the packs bench at 300,000 documents (`KAMERLENS_PACKS_IN=worker`, load 6),
 * of the 22.6 s that the 279 lookups over 50 ms waited in all, a block write was running for
 * 18.9 s and the thread itself was stalled for 3.5 s. Here the importer asks before each write
 * transaction whether a read is going on, and waits for the reads going on then (not for later
 * ones: a stream of lookups cannot hold an import up for longer than one of them takes).
 */
import type { KamerlensDB } from './kamerlens-db';

/** The reads going on, per database where reads go first. */
const going = new WeakMap<KamerlensDB, Set<Promise<unknown>>>();

/** From now on, `db`'s block writers let reads (`asRead`) go first (call once, in a context that imports). */
export function putReadsFirst(db: KamerlensDB): void {
  if (!going.has(db)) going.set(db, new Set());
}

/** Run `read` as a read writers wait for (where reads go first; else it just runs). */
export function asRead<T>(db: KamerlensDB, read: () => Promise<T>): Promise<T> {
  const reads = going.get(db);
  if (!reads) return read();
  const running = read();
  reads.add(running);
  const done = () => reads.delete(running);
  running.then(done, done);
  return running;
}

/** Resolves once the reads going on now have ended (at once where none are, or reads do not go first). */
export function readsDone(db: KamerlensDB): Promise<void> {
  const reads = going.get(db);
  if (!reads || reads.size === 0) return Promise.resolve();
  return Promise.allSettled([...reads]).then(() => undefined);
}

/** Whether `db`'s reads go first (its writers then keep one write transaction in flight, not two). */
export function readsGoFirst(db: KamerlensDB): boolean {
  return going.has(db);
}
