/**
 * Which generation of each source's blocks is current (row-blocks.ts): the `live` meta row. An
 * import takes a new generation number, writes its blocks under it, and makes it live in its last
 * transaction, together with its search segment's flip and its record (pack or dataset meta); a
 * removal takes its source out of the row. Every read of blocks reads this row in the same
 * transaction and skips blocks of other generations, so a reader sees a source's previous version
 * or its new one, never half of one, and an import that fails or stops leaves nothing visible (its
 * blocks are deleted later, `deadGenerations`). Generations also rank sources: of two packs holding
 * the same record, the one imported last wins (precedence.ts).
 */
import type { KamerlensDB } from './kamerlens-db';
import type { LiveSourcesMeta } from './records';

/** The live generations (the row's content). */
export type LiveSources = Pick<LiveSourcesMeta, 'sources' | 'next'>;

const NONE: LiveSources = { sources: {}, next: 1 };

/** The `live` row, or an empty one before the first import (call inside a transaction over `meta`, or alone). */
export async function readLive(db: KamerlensDB): Promise<LiveSources> {
  const row = await db.meta.get('live');
  return row?.key === 'live' ? { sources: row.sources, next: row.next } : NONE;
}

/** Hand out a generation number no other import has (its own small transaction). */
export function newGeneration(db: KamerlensDB): Promise<number> {
  return db.transaction('rw', db.meta, async () => {
    const live = await readLive(db);
    const row: LiveSourcesMeta = { key: 'live', sources: live.sources, next: live.next + 1 };
    await db.meta.put(row);
    return live.next;
  });
}

/**
 * Make `generation` the live one of `source` (null: the source goes), inside the import's or
 * removal's last transaction (over `meta`); returns the generation it replaced.
 */
export async function setLive(
  db: KamerlensDB,
  source: string,
  generation: number | null,
): Promise<number | null> {
  const live = await readLive(db);
  const previous = live.sources[source] ?? null;
  const sources = { ...live.sources };
  if (generation === null) delete sources[source];
  else sources[source] = generation;
  const row: LiveSourcesMeta = { key: 'live', sources, next: Math.max(live.next, (generation ?? 0) + 1) };
  await db.meta.put(row);
  return previous;
}
