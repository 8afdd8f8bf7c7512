/**
 * Why card lookups on the seed dataset are slower than on 300,000 generated documents (npm run
 * bench -- lookup): the seed's non-stub documents are stored whole, 13,000-55,000 chars of JSON
 * each (sections, footnotes, questions and answers), and a card lookup reads and parses the whole
 * record though a card shows about 1 kB of it; a generated document is about 2,000 chars. Here, in
 * Chromium with real IndexedDB, in rounds that alternate: the seed as stored, and the seed with what
 * no card shows emptied (a bound on what storing the card apart from the rest would gain).
 * KAMERLENS_BENCH_BASE_TREE=<dir> (a checkout of an older commit, its node_modules linked) adds the
 * seed as that code stores it, in the same alternating rounds: this file's routines are copied there
 * and bundled against its data/db.
 */
import { copyFileSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { bundleRoutines, openBenchPage } from './_db-in-chromium';

const rounds = Number(process.env.KAMERLENS_BENCH_ROUNDS ?? 150);
const seed = JSON.parse(readFileSync('public/dataset.json', 'utf8'));
const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
const baseTree = process.env.KAMERLENS_BENCH_BASE_TREE;
const { page, close } = await openBenchPage();
try {
  if (baseTree) {
    const copy = join(baseTree, 'scripts/bench/_card-size-routines.bench-copy.ts');
    copyFileSync('scripts/bench/_card-size-routines.ts', copy);
    try {
      await page.evaluate(await bundleRoutines(copy));
    } finally {
      rmSync(copy);
    }
    await page.evaluate('window.kamerlensBase = window.kamerlensBench');
  }
  await page.evaluate(await bundleRoutines('scripts/bench/_card-size-routines.ts'));
  await page.evaluate(`window.seedDataset = ${JSON.stringify(seed)}`);
  const shapes = [
    ['seed as stored', 'kamerlensBench', 'window.seedDataset'],
    ['seed, card fields only', 'kamerlensBench', 'kamerlensBench.cardSized(window.seedDataset)'],
    ...(baseTree ? [['seed as the base tree stores it', 'kamerlensBase', 'window.seedDataset']] : []),
  ];
  for (let pass = 0; pass < 2; pass += 1) {
    // The order turned in the second pass, so drift on a shared machine does not favour one.
    for (const [label, routines, expression] of pass === 0 ? shapes : [...shapes].reverse()) {
      const figures = (await page.evaluate(`${routines}.timeCardReads(${expression}, ${rounds})`)) as Record<
        string,
        { p50: number; p95: number }
      >;
      const line = Object.entries(figures)
        .map(([name, { p50, p95 }]) => `${name} p50 ${p50.toFixed(1)} p95 ${p95.toFixed(1)} ms`)
        .join('; ');
      console.log(`[Chromium, IndexedDB, pass ${pass + 1}, load ${load()}] ${label}: ${line}`);
    }
  }
} finally {
  await close();
}
