/**
 * What a lookup waits for while another thread writes, by where the writes go: the table it reads,
 * another table of the same database, or another database of the same origin, against no writes at
 * all, in Debian's Chromium (a web page with an on-disk profile; the extension's origin uses the
 * same engine). The question it answers: would giving each import generation a database of its
 * own (IndexedDB schedules transactions per database and table) keep lookups from waiting behind
 * an import's writes? The reader reads 20 random ids by a multiEntry index every 25 ms, as a batch
 * lookup does; a dedicated worker writes block-sized rows (3–4 KB) in committed chunks meanwhile.
 * Scopes alternate within each round, so load hits each alike; each line prints the load.
 *
 *   KAMERLENS_WRITE_SCOPE_ROWS=60000     rows in the table read (default)
 *   KAMERLENS_WRITE_SCOPE_CHUNKS=40      rows per write transaction, several: 10,40,160 (default 40)
 *   KAMERLENS_WRITE_SCOPE_SECONDS=12     seconds per run (default)
 *   KAMERLENS_WRITE_SCOPE_ROUNDS=2       rounds (default)
 *   KAMERLENS_WRITE_SCOPES=none,table,other-table,other-database,other-bucket,busy   (default these;
 *                                        `none` first: the others' ratios are to it; also
 *                                        file-none, file-table, sync-none, sync-table, sync-busy)
 *
 * Measured 2026-12-04 (Chromium 156, 60,000 rows, 12 s runs, two rounds, load 2.8–4.8): with no
 * writes, reads took p50 2.2–2.7 ms, p95 3.9–4.5. With writes of 40 rows per transaction into the
 * same table p50 9.4–9.5, p95 19.2–19.6; into another table p50 7.9–8.5, p95 18.9–20.0; into
 * another database p50 7.5–8.3, p95 17.3–17.7 (reads over 50 ms: 0–1, 8–9, 0–4 of ~330). Of 10 rows
 * (~15% fewer rows written per second): p50 4.1–4.2, 4.1–4.2 and 3.7–4.8; p95 9.3–16.7, 10.8–18.4
 * and 8.6–17.1. Reads slow alike wherever the writes go: what they wait for is the origin's shared
 * storage engine, not the transaction's scope, so a database per import generation would not keep
 * lookups from waiting. The size of each write is what moves the wait.
 *
 * A storage bucket of its own does (2026-12-04, Chromium 156, 60,000 rows, 40 per write, 10 s runs,
 * two rounds): Chromium gives each bucket its own backing store, and reads slowed half as much
 * while the worker wrote more. Round 1 (load 2.8-4.1): no writes p50 3.0 / p95 6.6 ms; writes into
 * another database p50 11.4 / p95 23.7 (28,520 rows written), into another bucket p50 5.5 / p95
 * 12.6 (37,200 rows), 0 reads over 50 ms. Round 2 (load 3.2-5.5): no writes 3.3 / 8.1; the same
 * table 12.9 / 44.6, 10 over 50 ms; another database 18.7 / 80.2, 15 over 50 ms (16,080 rows);
 * another bucket 8.3 / 31.8, 6 over 50 ms (18,320 rows). A worker that only runs JS (`busy`, no
 * I/O) slowed reads about as much as writes into another bucket did (4.3 / 7.4 at load 3.6, 7.2 /
 * 14.6 at 5.4): what is left there is the machine's CPU, not the engine. Buckets open in the
 * extension's service worker and pages (checked in Chromium 156); Firefox has no Storage Buckets API.
 *
 * Nor would blocks kept in a file of the origin private file system, outside IndexedDB (2026-12-04,
 * Chromium 156, 60,000 rows, 40 per write, 10 s runs). Read by slices of a `File`, the only way open
 * to a service worker, 20 rows took p50 14.9–16.2 / p95 20.8–22.1 ms with no writes (IndexedDB 2.8 /
 * 5.3–5.4) and p50 33.2–37.6 / p95 54.2–56.2, 12–14 over 50 ms, beside writes into the table (load
 * 1.8–2.8): each slice is a request to the browser's blob system. Read in a dedicated worker
 * through a sync access handle they are fast, p50 1.1–1.3 / p95 1.6–2.3 with no writes, and slow
 * little beside writes into the IndexedDB table (p50 2.3–2.8 / p95 7.9–9.9, where reads by
 * IndexedDB took 10.0–12.2 / 18.6–22.7), but 2–3 reads of ~340 still took over 50 ms in each of five
 * runs (max 64–374 ms), more than IndexedDB's own reads beside the same writes (0–1): the disk the
 * writes flush to is shared too. A worker burning CPU beside the sync reads: 0–1 over 50 ms, as with
 * no writer at all (load 1.4–1.9, three rounds). So a file store would cut a batch's typical time
 * (and needs a dedicated worker, which a service worker cannot start: an offscreen document in
 * Chromium), but would not end the lookups over 50 ms during an import.
 */
import { loadavg } from 'node:os';
import { openBenchPage } from './_db-in-chromium';
import type { ScopeRun, WriteScope } from './_write-scope-routines';

const rows = Number(process.env.KAMERLENS_WRITE_SCOPE_ROWS ?? 60_000);
const chunks = (process.env.KAMERLENS_WRITE_SCOPE_CHUNKS ?? '40').split(',').map(Number);
const seconds = Number(process.env.KAMERLENS_WRITE_SCOPE_SECONDS ?? 12);
const rounds = Number(process.env.KAMERLENS_WRITE_SCOPE_ROUNDS ?? 2);
const scopes = (
  process.env.KAMERLENS_WRITE_SCOPES ?? 'none,table,other-table,other-database,other-bucket,busy'
).split(',') as WriteScope[];

const { page, close } = await openBenchPage('scripts/bench/_write-scope-routines.ts', new Map(), {
  onDisk: true,
});
try {
  await page.evaluate(`kamerlensBench.fill(${rows})`);
  console.log(`${rows.toLocaleString('en')} rows read by 20 random ids every 25 ms, ${seconds} s a run`);
  for (const chunk of chunks) {
    console.log(`\nwrites of ${chunk} rows per transaction, from a worker:`);
    for (let round = 1; round <= rounds; round += 1) {
      let noneP50 = Number.NaN;
      for (const scope of scopes) {
        const run = (await page.evaluate(
          `kamerlensBench.measure(${JSON.stringify(scope)}, ${seconds * 1000}, ${rows}, ${chunk})`,
        )) as ScopeRun;
        if (scope === 'none') noneP50 = run.p50;
        const ratio = scope === 'none' ? '' : `, p50 ${(run.p50 / noneP50).toFixed(1)}x none's`;
        console.log(
          `  round ${round} ${scope.padEnd(14)} reads ${String(run.reads).padStart(4)}: p50 ${run.p50.toFixed(1)}` +
            ` p95 ${run.p95.toFixed(1)} max ${run.max.toFixed(1)} ms, over 50 ms ${run.over50};` +
            ` ${run.rowsWritten.toLocaleString('en')} rows written${ratio} (load ${loadavg()[0]?.toFixed(2)})`,
        );
      }
    }
  }
} finally {
  await close();
}
