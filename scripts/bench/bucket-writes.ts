/**
 * Whether a pack's blocks could go into a storage bucket of their own (write-scope.ts: reads beside
 * writes into another bucket waited half as long as beside writes into their own table): rows
 * written into a new bucket while another store of the origin is read, in Debian's Chromium with a
 * profile on disk, each case in a fresh browser. The store read holds KAMERLENS_BUCKET_READ_ROWS
 * rows (default 20,000), written first; the new bucket gets KAMERLENS_BUCKET_ROWS (default 40,000)
 * rows of 3–4 KB, 40 a transaction; a case that commits nothing for KAMERLENS_BUCKET_STALL_S
 * (default 30) seconds is reported as hung. KAMERLENS_BUCKET_CASES=5,6 runs only those cases.
 *
 * Measured 2026-12-04 (Chromium 156, one page per case, load 0.1–3.1). With 20,000 rows read and
 * 30,000 written, every case wrote every row (reads p95 10.0–13.0 ms). With 60,000 rows the page
 * wrote itself and then read, its writes into the new bucket stopped: no transaction completed or
 * aborted for 30 s, after 30,120 rows (the default bucket read; its reads went on answering), or the
 * page never answered at all (a bucket read; 170 s). An earlier probe (a page writing bucket after
 * bucket, reading the ones written) stopped after 41,480–75,960 rows in all, in six runs of six,
 * for 20–90 s each; the same page writing 80,000 rows into four buckets with no reads did not stop.
 * No single trigger is pinned down (not the reads' transaction shape, not whose connection reads);
 * what the stops share is a page that has written some 40,000–90,000 rows of 3–4 KB and keeps
 * reading. This is how a prototype with a bucket per pack hung at 60,000 documents (stop 29): its
 * importer wrote pack after pack. A design with buckets waits for a browser in which this bench
 * writes every row.
 */
import { loadavg } from 'node:os';
import type { BucketCase, BucketRun } from './_bucket-writes-routines';
import { openBenchPage } from './_db-in-chromium';

const rows = Number(process.env.KAMERLENS_BUCKET_ROWS ?? 40_000);
const readRows = Number(process.env.KAMERLENS_BUCKET_READ_ROWS ?? 20_000);
const stall = Number(process.env.KAMERLENS_BUCKET_STALL_S ?? 30);

const cases: [string, BucketCase][] = [
  ['the page writes, reads nothing', { writer: 'page', reads: 'none', filledBy: 'worker' }],
  [
    'a worker writes, the page reads another bucket',
    { writer: 'worker', reads: 'bucket', filledBy: 'worker' },
  ],
  ['the page writes and reads another bucket', { writer: 'page', reads: 'bucket', filledBy: 'worker' }],
  ['the page writes and reads the default bucket', { writer: 'page', reads: 'default', filledBy: 'worker' }],
  ['as above, the page wrote the bucket it reads', { writer: 'page', reads: 'bucket', filledBy: 'page' }],
  ['as above, the default one', { writer: 'page', reads: 'default', filledBy: 'page' }],
  ['a worker writes, the page reads what it wrote', { writer: 'worker', reads: 'bucket', filledBy: 'page' }],
];

// KAMERLENS_BUCKET_CASES=3,5: only those cases (counted from 1).
const chosen = process.env.KAMERLENS_BUCKET_CASES?.split(',').map(Number);

console.log(
  `${rows.toLocaleString('en')} rows into a new storage bucket, 40 a transaction, beside reads of 20 of ${readRows.toLocaleString('en')} rows every 25 ms`,
);
for (const [i, [label, which]] of cases.entries()) {
  if (chosen && !chosen.includes(i + 1)) continue;
  const { page, close } = await openBenchPage('scripts/bench/_bucket-writes-routines.ts', new Map(), {
    onDisk: true,
  });
  try {
    if (which.reads !== 'none' && which.filledBy === 'worker')
      await page.evaluate(
        `kamerlensBench.fill(${which.reads === 'bucket' ? "'read'" : 'null'}, ${readRows})`,
      );
    // The page's own stall timers report a write that stops; a page whose storage stops answering
    // before its timers start (opening the bucket) is given up from here.
    const deadline = (rows + readRows) / 2000 + 4 * stall;
    const run = (await Promise.race([
      page.evaluate(`kamerlensBench.measure(${JSON.stringify(which)}, ${rows}, ${readRows}, ${stall})`),
      new Promise((resolve) => setTimeout(() => resolve(null), deadline * 1000)),
    ])) as BucketRun | null;
    if (!run) {
      console.log(
        `  ${label.padEnd(50)} HUNG: no answer from the page in ${deadline.toFixed(0)} s (load ${loadavg()[0]?.toFixed(2)})`,
      );
      continue;
    }
    const outcome =
      run.filled !== undefined
        ? `HUNG while the page filled the store it reads, after ${run.filled.toLocaleString('en')} rows (nothing committed for ${stall} s)`
        : run.hung
          ? `HUNG after ${run.written.toLocaleString('en')} rows (nothing committed for ${stall} s)`
          : `wrote ${run.written.toLocaleString('en')} rows`;
    const reads =
      run.reads > 0 ? `; ${run.reads} reads, p95 ${run.p95.toFixed(1)}, max ${run.max.toFixed(1)} ms` : '';
    console.log(`  ${label.padEnd(50)} ${outcome}${reads} (load ${loadavg()[0]?.toFixed(2)})`);
  } finally {
    await close();
  }
}
