/**
 * The floor under the packs bench's lookups (packs.ts, product mode): what IndexedDB itself makes a
 * read wait while the same bytes are written at the same pace, with no extension at all. A plain web
 * page in a fresh Chromium (_idb-floor-routines.ts) writes block-sized rows (eight ~600-char
 * entries, as a block of record-shaped documents) 40 to a transaction into one store, keys in order,
 * paced to end after `ms`, until `chars` characters are written; meanwhile it reads one row it
 * wrote, at random, every 25 ms, in a read transaction of its own, as a lookup does (without the
 * message to the worker and back, and without parsing: the database's part alone). Then the
 * browser's LevelDB log says how much it flushed and compacted (_leveldb-log.ts).
 *
 * If this floor's reads go over 50 ms as often as the product's lookups do, the slow lookups are the
 * engine's, at this load on this machine, whatever the import does around its writes. The
 * underscore keeps `npm run bench` from running this file on its own.
 */
import { openBenchPage } from './_db-in-chromium';
import type { FloorPageRun } from './_idb-floor-routines';
import { type LevelDbActivity, readLevelDbActivity } from './_leveldb-log';

/**
 * LevelDB's flushed bytes per character of this page's rows (snappy-compressed, with keys): 0.69
 * (50 million characters, 35 MB flushed). The product's blocks flushed 0.62 per character of their
 * JSON (220 million characters, 137 MB): the floor writes as many flushed bytes as the run it follows.
 */
export const FLOOR_FLUSHED_PER_CHAR = 0.69;

/** What the floor's page did, and what LevelDB did meanwhile. */
export interface FloorFigures extends FloorPageRun {
  engine: LevelDbActivity | null;
}

/** Write `chars` characters of block-shaped rows in about `ms`, reading beside it (see the file's comment). */
export async function idbFloor(chars: number, ms: number): Promise<FloorFigures> {
  const { page, origin, profileDir, close } = await openBenchPage(
    'scripts/bench/_idb-floor-routines.ts',
    new Map(),
    { onDisk: true },
  );
  try {
    const run = (await page.evaluate(`kamerlensBench.writeAndRead(${chars}, ${ms})`)) as FloorPageRun;
    const { protocol, hostname } = new URL(origin);
    const engine = profileDir
      ? readLevelDbActivity(profileDir, `${protocol.replace(':', '')}_${hostname}_`)
      : null;
    return { ...run, engine };
  } finally {
    await close();
  }
}
