/**
 * Which generation of each source's blocks is current (row-blocks.ts): the `live` meta row. An
 * import takes a new generation number, writes its blocks under it, and makes it live in its last
 * transaction, together with its search segment's flip and its record (pack or dataset meta); a
 * removal takes its source out of the row. Every read of blocks reads this row in the same
 * transaction (the background holds it in memory instead, `holdLiveInMemory`) and skips blocks of
 * other generations, so a reader sees a source's previous version
 * or its new one, never half of one, and an import that fails or stops leaves nothing visible (its
 * blocks are deleted later, `deadGenerations`). Generations also rank sources: of two packs holding
 * the same record, the one imported last wins (precedence.ts).
 */
import type { Table } from 'dexie';
import type { KamerlensDB } from './kamerlens-db';
import type { LiveSourcesMeta } from './records';

/** The live generations (the row's content). */
export type LiveSources = Pick<LiveSourcesMeta, 'sources' | 'next' | 'revision'>;

const NONE: LiveSources = { sources: {}, next: 1 };

/** The `live` row, or an empty one before the first import (call inside a transaction over `meta`, or alone). */
export async function readLive(db: KamerlensDB): Promise<LiveSources> {
  const row = await db.meta.get('live');
  return row?.key === 'live' ? { sources: row.sources, next: row.next, revision: row.revision } : NONE;
}

/**
 * The live row held in memory by the context that answers lookups (the background; the imports
 * that change it run there or tell it, `announceLiveWith`), so a lookup needs no read of `meta`,
 * and its transaction does not include that table: an import's last transaction writes `meta`
 * together with search rows of megabytes (1.2 s at 300,000 documents), and a lookup whose scope
 * includes `meta` waits for it.
 */
const held = new WeakMap<KamerlensDB, { live: LiveSources | null; changed?: () => void }>();

/**
 * Hold `db`'s live row in memory from now on (call once, in the context that answers lookups);
 * `changed` is called after a newer row than the one held was kept (never inside a transaction).
 */
export function holdLiveInMemory(db: KamerlensDB, changed?: () => void): void {
  if (!held.has(db)) held.set(db, { live: null, changed });
}

/** The live row held in memory, if `db`'s is held and loaded (no read). */
export function heldLive(db: KamerlensDB): LiveSources | null {
  return held.get(db)?.live ?? null;
}

/** The tables a read of blocks needs besides them: `meta`, unless the live row is held (and loaded). */
export function liveScope(db: KamerlensDB): Table[] {
  return held.get(db)?.live ? [] : [db.meta];
}

/**
 * The live generations, from memory where held, else read from `meta` (inside a transaction whose
 * scope is `liveScope`'s; where held, the first read loads the memory).
 */
export async function liveFor(db: KamerlensDB): Promise<LiveSources> {
  const holding = held.get(db);
  if (holding?.live) return holding.live;
  const live = await readLive(db);
  if (holding) keepNewer(holding, live);
  return live;
}

function keepNewer(holding: { live: LiveSources | null; changed?: () => void }, live: LiveSources): void {
  if (holding.live && (live.revision ?? 0) <= (holding.live.revision ?? 0)) return;
  const first = holding.live === null;
  holding.live = live;
  // Out of the caller's turn, and so out of any Dexie transaction it runs in.
  if (!first && holding.changed) setTimeout(holding.changed, 0);
}

/**
 * Where the context that imports is not the one that holds the live row (Chrome imports packs in
 * an offscreen document, the service worker answers lookups), how the importer tells the holder.
 */
const announcers = new WeakMap<KamerlensDB, () => Promise<void>>();

/**
 * In a context that imports into `db` for another that holds its live row: `announce` makes the
 * holder read the row again, and resolves when it has (call once).
 */
export function announceLiveWith(db: KamerlensDB, announce: () => Promise<void>): void {
  announcers.set(db, announce);
}

/**
 * After an import's or removal's last transaction committed: where the live row is held, read it
 * again; where another context holds it, have it read again (before the generation it replaced is
 * deleted, so lookups meanwhile still find it).
 */
export async function publishLive(db: KamerlensDB): Promise<void> {
  const holding = held.get(db);
  if (holding) keepNewer(holding, await readLive(db));
  await announcers.get(db)?.();
}

/** Hand out a generation number no other import has (its own small transaction). */
export function newGeneration(db: KamerlensDB): Promise<number> {
  return db.transaction('rw', db.meta, async () => {
    const live = await readLive(db);
    const row: LiveSourcesMeta = {
      key: 'live',
      sources: live.sources,
      next: live.next + 1,
      revision: live.revision,
    };
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
  const row: LiveSourcesMeta = {
    key: 'live',
    sources,
    next: Math.max(live.next, (generation ?? 0) + 1),
    revision: (live.revision ?? 0) + 1,
  };
  await db.meta.put(row);
  return previous;
}
