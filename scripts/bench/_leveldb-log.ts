/**
 * What Chromium's IndexedDB backend (LevelDB) did while a bench ran, from the `LOG` file LevelDB
 * keeps beside the database in the browser profile: each level-0 table flushed from the write
 * buffer, and each compaction with when it started, ended and how many bytes it wrote. The packs
 * bench sets these against its lookups: whether the slow ones fell while LevelDB compacted more
 * often than lookups in general did. (Firefox keeps IndexedDB in SQLite: nothing to read there.)
 *
 * Measured 2026-12-05 (product packs bench, main's build, 300,000 record-shaped documents in 16
 * packs, three imports at load 2.7-3.9): LevelDB flushed 137-138 MB and its compactions wrote
 * 931-964 MB (6.8-7.0x), compacting for 14.9-19.5 s of imports of 47.8-60.9 s. 30-34% of all
 * lookups overlapped a compaction, but 21 of the 39 over 50 ms did (54%; a fourth import, 16 of
 * 21): a lookup was ~2.5x as likely to be slow while LevelDB compacted, and the other 18 (6 an
 * import) were slow without one. The message the background refuses at once, sent beside each
 * lookup, was over 50 ms 5 times in 3,980: the slow lookups waited in the database, not for the
 * worker's thread or the machine.
 *
 * A line looks like `2026/12/05-01:06:38.714 4ee4 Compacting 1@1 + 1@2 files`, in the machine's
 * local time, followed by `Compacted 1@1 + 1@2 files => 3489129 bytes` from the same thread. The
 * underscore keeps `npm run bench` from running this file on its own.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A compaction: when it ran (epoch ms), what it merged, how many bytes it wrote. */
export interface Compaction {
  from: number;
  to: number;
  /** As LevelDB names the inputs, e.g. `1@0 + 4@1`: files at each level. */
  inputs: string;
  bytes: number;
}

/** What the log says LevelDB did. */
export interface LevelDbActivity {
  /** Level-0 tables written from the write buffer: when (epoch ms) and their bytes. */
  flushes: { at: number; bytes: number }[];
  compactions: Compaction[];
}

const STAMP = /^(\d{4})\/(\d\d)\/(\d\d)-(\d\d):(\d\d):(\d\d)\.(\d{3}) (\S+) (.*)$/;

/** Parse a LevelDB `LOG` (the text); lines it does not know are skipped. */
export function parseLevelDbLog(text: string): LevelDbActivity {
  const flushes: LevelDbActivity['flushes'] = [];
  const compactions: Compaction[] = [];
  // A compaction's start, per thread: its end is logged by the thread that started it.
  const started = new Map<string, { at: number; inputs: string }>();
  for (const line of text.split('\n')) {
    const match = STAMP.exec(line);
    if (!match) continue;
    const [, y, mo, d, h, mi, s, ms, thread = '', message = ''] = match;
    const at = new Date(
      +(y ?? 0),
      +(mo ?? 1) - 1,
      +(d ?? 1),
      +(h ?? 0),
      +(mi ?? 0),
      +(s ?? 0),
      +(ms ?? 0),
    ).getTime();
    const flushed = /^Level-0 table #\d+: (\d+) bytes OK/.exec(message);
    if (flushed) flushes.push({ at, bytes: Number(flushed[1]) });
    const compacting = /^Compacting (.+) files$/.exec(message);
    if (compacting) started.set(thread, { at, inputs: compacting[1] ?? '' });
    const compacted = /^Compacted (.+) files => (\d+) bytes/.exec(message);
    const start = started.get(thread);
    if (compacted && start) {
      compactions.push({ from: start.at, to: at, inputs: start.inputs, bytes: Number(compacted[2]) });
      started.delete(thread);
    }
  }
  return { flushes, compactions };
}

/**
 * The LevelDB activity of the IndexedDB databases of the origins whose directory name starts with
 * `origin` (e.g. `chrome-extension_<id>`) in a Chromium profile; null where there is none.
 */
export function readLevelDbActivity(profileDir: string, origin: string): LevelDbActivity | null {
  const root = join(profileDir, 'Default', 'IndexedDB');
  if (!existsSync(root)) return null;
  const dirs = readdirSync(root).filter((name) => name.startsWith(origin) && name.endsWith('.leveldb'));
  if (dirs.length === 0) return null;
  const all: LevelDbActivity = { flushes: [], compactions: [] };
  for (const dir of dirs) {
    for (const file of ['LOG.old', 'LOG']) {
      const path = join(root, dir, file);
      if (!existsSync(path)) continue;
      const { flushes, compactions } = parseLevelDbLog(readFileSync(path, 'utf8'));
      all.flushes.push(...flushes);
      all.compactions.push(...compactions);
    }
  }
  return all;
}

/** `activity` within [from, to] (epoch ms), and how the `lookups` ([issued, answered], epoch ms) fell against its compactions. */
export function compactionsAgainst(
  activity: LevelDbActivity,
  from: number,
  to: number,
  lookups: readonly (readonly [number, number])[],
  slowMs = 50,
): string {
  const within = activity.compactions.filter((c) => c.to >= from && c.from <= to);
  const flushed = activity.flushes
    .filter((f) => f.at >= from && f.at <= to)
    .reduce((sum, f) => sum + f.bytes, 0);
  const written = within.reduce((sum, c) => sum + c.bytes, 0);
  const busy = within.reduce((sum, c) => sum + Math.min(c.to, to) - Math.max(c.from, from), 0);
  const overlaps = ([issued, answered]: readonly [number, number]) =>
    within.some((c) => c.from <= answered && c.to >= issued);
  const slow = lookups.filter(([issued, answered]) => answered - issued > slowMs);
  const share = (part: number, whole: number) => (whole === 0 ? '-' : `${Math.round((100 * part) / whole)}%`);
  const mb = (bytes: number) => (bytes / 1e6).toFixed(0);
  return (
    `  LevelDB meanwhile (its LOG): ${mb(flushed)} MB flushed, compactions wrote ${mb(written)} MB (${(written / Math.max(flushed, 1)).toFixed(1)}x) in ${within.length} compactions over ${(busy / 1000).toFixed(1)} s of the ${((to - from) / 1000).toFixed(1)} s; ` +
    `lookups overlapping one: ${share(lookups.filter(overlaps).length, lookups.length)} of all, ${share(slow.filter(overlaps).length, slow.length)} of those over ${slowMs} ms (${slow.filter(overlaps).length} of ${slow.length})`
  );
}
