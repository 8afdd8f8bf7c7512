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
