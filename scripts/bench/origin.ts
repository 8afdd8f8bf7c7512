/**
 * Import into the extension's own origin against a web page's: the real `importDataset` of the same
 * generated dataset into a fresh database in (a0) a web page of an off-the-record browser (where
 * the other IndexedDB benches run), (a) a web page of an on-disk profile, (b) an extension page and
 * (c) the extension's service worker, the last three in one Chromium with the built test extension.
 * Runs alternate (a0 a b c, then c b a a0, …) so load on the machine hits each alike; each run
 * prints its time and the load. Then the candidate causes, measured: transaction durability
 * (strict, relaxed) per context, time-sized against fixed chunks (and the transactions each run
 * commits), quota and persistence, event-loop stalls, and the structured clone a message would add. Needs `npx wxt build --mode test` (npm run bench builds it).
 *
 *   KAMERLENS_ORIGIN_SIZES=20000,100000  sizes (default)
 *   KAMERLENS_ORIGIN_ROUNDS=2            rounds per size (default)
 *   KAMERLENS_ORIGIN_DURABILITY=20000    size of the durability probe (0: skip)
 */
import { loadavg } from 'node:os';
import type { OriginContext } from './_origin-contexts';
import { openOriginContexts } from './_origin-contexts';
import type { OriginRun } from './_origin-routines';

const sizes = (process.env.KAMERLENS_ORIGIN_SIZES ?? '20000,100000').split(',').map(Number);
const rounds = Number(process.env.KAMERLENS_ORIGIN_ROUNDS ?? 2);
const probeSize = Number(process.env.KAMERLENS_ORIGIN_DURABILITY ?? 20_000);

const load = () => `load ${loadavg()[0]?.toFixed(2)}`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const median = (values: number[]) => {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

async function timed(
  context: OriginContext,
  size: number,
  durability = 'default',
  chunkSize?: number,
): Promise<OriginRun> {
  const before = load();
  const run = await context.run<OriginRun>(
    `kamerlensBench.originImport(${size}, '${durability}', ${chunkSize ?? 'undefined'})`,
  );
  const chunks = chunkSize ? `, fixed chunks of ${chunkSize}` : '';
  console.log(
    `  ${context.key.padEnd(2)} ${size.toLocaleString('en')} docs, durability ${durability}${chunks}: ${seconds(run.ms)} ` +
      `(${run.transactions} transactions, longest event-loop gap ${run.longestTickGapMs.toFixed(0)} ms; ${before} → ${load()})`,
  );
  return run;
}

const { contexts, extensionId, close } = await openOriginContexts();
try {
  console.log(`extension ${extensionId}; ${load()}`);
  for (const context of contexts) console.log(`  ${context.key.padEnd(2)} ${context.label}`);
  const background = contexts.find((context) => context.key === 'b');
  const settled = await background?.run<string>('kamerlensBench.originBackgroundSettled()');
  console.log(`the extension's own first import (bundled dataset): ${settled}`);
  for (const context of contexts) {
    const storage = await context.run<Record<string, unknown>>('kamerlensBench.originStorage()');
    console.log(`  ${context.key.padEnd(2)} storage ${JSON.stringify(storage)}`);
  }
  // A first small import everywhere: opening the backing store and compiling the code are not counted.
  for (const context of contexts) await context.run('kamerlensBench.originImport(2000)');

  for (const size of sizes) {
    console.log(`\n${size.toLocaleString('en')} generated documents, ${rounds} rounds:`);
    for (const context of contexts) await context.run(`kamerlensBench.originPrepare(${size})`);
    const times = new Map<string, number[]>(contexts.map((context) => [context.key, []]));
    for (let round = 0; round < rounds; round += 1) {
      const order = round % 2 === 0 ? contexts : [...contexts].reverse();
      for (const context of order) times.get(context.key)?.push((await timed(context, size)).ms);
    }
    const of = (key: string) => median(times.get(key) ?? []);
    console.log(
      `  medians: ${contexts.map((context) => `${context.key} ${seconds(of(context.key))}`).join(', ')}; ` +
        `b/a ${(of('b') / of('a')).toFixed(2)}, c/a ${(of('c') / of('a')).toFixed(2)}, ` +
        `a/a0 ${(of('a') / of('a0')).toFixed(2)}, b/a0 ${(of('b') / of('a0')).toFixed(2)}, c/a0 ${(of('c') / of('a0')).toFixed(2)} (${load()})`,
    );
    const clones = [];
    for (const context of contexts)
      clones.push(
        `${context.key} ${(await context.run<number>(`kamerlensBench.originCloneMs(${size})`)).toFixed(0)} ms`,
      );
    console.log(`  one structured clone of the dataset (what a message would add): ${clones.join(', ')}`);
  }

  if (probeSize > 0) {
    console.log(
      `\ncause: transaction durability, ${probeSize.toLocaleString('en')} documents (relaxed, strict, strict, relaxed):`,
    );
    for (const context of contexts) await context.run(`kamerlensBench.originPrepare(${probeSize})`);
    for (const context of contexts) {
      const runs: Record<string, number[]> = { relaxed: [], strict: [] };
      for (const durability of ['relaxed', 'strict', 'strict', 'relaxed'])
        runs[durability]?.push((await timed(context, probeSize, durability)).ms);
      const relaxed = median(runs.relaxed ?? []);
      const strict = median(runs.strict ?? []);
      console.log(
        `  ${context.key.padEnd(2)} relaxed ${seconds(relaxed)}, strict ${seconds(strict)}: strict/relaxed ${(strict / relaxed).toFixed(2)}`,
      );
    }
    // The rows go in transactions sized to take ~15 ms each (inTimedChunks): where a commit costs
    // more, chunks shrink and there are more commits. Fixed chunks take that feedback out.
    console.log(
      `\ncause: time-sized chunks against fixed chunks of 1000 rows, ${probeSize.toLocaleString('en')} documents:`,
    );
    const fixed = new Map<string, number[]>(contexts.map((context) => [context.key, []]));
    for (let round = 0; round < rounds; round += 1) {
      const order = round % 2 === 0 ? contexts : [...contexts].reverse();
      for (const context of order)
        fixed.get(context.key)?.push((await timed(context, probeSize, 'default', 1000)).ms);
    }
    const of = (key: string) => median(fixed.get(key) ?? []);
    console.log(
      `  medians, fixed chunks: ${contexts.map((context) => `${context.key} ${seconds(of(context.key))}`).join(', ')}; ` +
        `b/a ${(of('b') / of('a')).toFixed(2)}, c/a ${(of('c') / of('a')).toFixed(2)}, b/a0 ${(of('b') / of('a0')).toFixed(2)} (${load()})`,
    );
  }
} finally {
  await close();
}
