/**
 * Import into the extension's own origin against a web page's: the real `importDataset` of the same
 * generated dataset into a fresh database in (a0) a web page of an off-the-record browser (where
 * the other IndexedDB benches run), (a) a web page of an on-disk profile, (b) an extension page
 * with the side panel app running, (b0) an extension document running no extension code and (c)
 * the extension's service worker, all but a0 in one Chromium with the built test extension. Runs
 * alternate (a0 a b b0 c, then back) so load on the machine hits each alike; each run prints its
 * time and the load. Then the candidate causes, measured: Dexie's change broadcasts, transaction
 * durability, time-sized against fixed chunks (with the commits each run makes), quota and
 * persistence, event-loop stalls, and the structured clone a message would add. Needs
 * `npx wxt build --mode test` (npm run bench builds it).
 *
 *   KAMERLENS_ORIGIN_SIZES=20000,100000  sizes (default)
 *   KAMERLENS_ORIGIN_ROUNDS=2            rounds per size (default)
 *   KAMERLENS_ORIGIN_PROBE_SIZE=20000    size of the probes of causes (0: skip them)
 *   KAMERLENS_ORIGIN_PROBES=broadcast,durability,chunks   which probes (default all)
 *
 * Measured 2026-12-03 (Chromium 156, load 3–11 from other work on the machine): the "~1.5×" is the
 * extension page against the off-the-record page (b/a0 1.54 at 100,000, 1.56 at 20,000), made of
 * two parts. On-disk against in-memory storage (a/a0 1.09–1.24): an off-the-record context keeps
 * IndexedDB in memory. And Dexie's change broadcasts (b/a 1.15–1.39): each write transaction posts
 * its change set on BroadcastChannel `x-storagemutated-1` to every context of the origin that loaded
 * Dexie; in a web page nobody else hears it, in the extension's origin the other extension
 * contexts do (pages share one renderer). Muting them or opening the database without Dexie's
 * Observability middleware makes the extension contexts as fast as the web page (product/muted
 * 1.32–1.51 there, 0.98–1.08 in web pages). Durability (strict/relaxed 1.03–1.11), quota (10 GB
 * everywhere, none persisted) and the side panel app itself (b0 ≈ b) are not it.
 */
import { loadavg } from 'node:os';
import type { OriginContext } from './_origin-contexts';
import { openOriginContexts } from './_origin-contexts';
import type { OriginImportOptions, OriginRun } from './_origin-routines';

const sizes = (process.env.KAMERLENS_ORIGIN_SIZES ?? '20000,100000').split(',').map(Number);
const rounds = Number(process.env.KAMERLENS_ORIGIN_ROUNDS ?? 2);
const probeSize = Number(process.env.KAMERLENS_ORIGIN_PROBE_SIZE ?? 20_000);
const probes = (process.env.KAMERLENS_ORIGIN_PROBES ?? 'broadcast,durability,chunks').split(',');

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
  options: OriginImportOptions = {},
): Promise<OriginRun> {
  const before = load();
  const run = await context.run<OriginRun>(
    `kamerlensBench.originImport(${size}, ${JSON.stringify(options)})`,
  );
  const how = Object.keys(options).length === 0 ? 'as the product does' : JSON.stringify(options);
  console.log(
    `  ${context.key.padEnd(2)} ${size.toLocaleString('en')} docs, ${how}: ${seconds(run.ms)} ` +
      `(${run.transactions} transactions, ${run.broadcasts} change broadcasts, longest event-loop gap ${run.longestTickGapMs.toFixed(0)} ms; ${before} → ${load()})`,
  );
  return run;
}

/** Runs each variant on each context, in the order v1 v2 … then … v2 v1, `rounds` times; medians. */
async function compareVariants(
  size: number,
  variants: Record<string, OriginImportOptions>,
): Promise<Map<string, Map<string, number>>> {
  const names = Object.keys(variants);
  const medians = new Map<string, Map<string, number>>();
  for (const context of contexts) {
    const runs = new Map<string, number[]>(names.map((name) => [name, []]));
    for (let round = 0; round < rounds; round += 1) {
      const order = round % 2 === 0 ? names : [...names].reverse();
      for (const name of order) runs.get(name)?.push((await timed(context, size, variants[name])).ms);
    }
    medians.set(context.key, new Map(names.map((name) => [name, median(runs.get(name) ?? [])])));
    console.log(
      `  ${context.key.padEnd(2)} medians: ${names.map((name) => `${name} ${seconds(medians.get(context.key)?.get(name) ?? 0)}`).join(', ')} (${load()})`,
    );
  }
  return medians;
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
        `b/a ${(of('b') / of('a')).toFixed(2)}, b0/a ${(of('b0') / of('a')).toFixed(2)}, c/a ${(of('c') / of('a')).toFixed(2)}, ` +
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
    for (const context of contexts) await context.run(`kamerlensBench.originPrepare(${probeSize})`);
    if (probes.includes('broadcast')) {
      // Dexie posts each write transaction's change set to every context of the origin that loaded
      // Dexie; in the extension's origin the side panel and the service worker hear each one.
      console.log(`\ncause: Dexie's change broadcasts, ${probeSize.toLocaleString('en')} documents:`);
      const found = await compareVariants(probeSize, {
        product: {},
        muted: { muteBroadcast: true },
        'no observability': { withoutObservability: true },
      });
      for (const [key, byVariant] of found)
        console.log(
          `  ${key.padEnd(2)} product/muted ${((byVariant.get('product') ?? 0) / (byVariant.get('muted') ?? 1)).toFixed(2)}, product/no observability ${((byVariant.get('product') ?? 0) / (byVariant.get('no observability') ?? 1)).toFixed(2)}`,
        );
    }
    if (probes.includes('durability')) {
      console.log(`\ncause: transaction durability, ${probeSize.toLocaleString('en')} documents:`);
      const found = await compareVariants(probeSize, {
        relaxed: { durability: 'relaxed' },
        strict: { durability: 'strict' },
      });
      for (const [key, byVariant] of found)
        console.log(
          `  ${key.padEnd(2)} strict/relaxed ${((byVariant.get('strict') ?? 0) / (byVariant.get('relaxed') ?? 1)).toFixed(2)}`,
        );
    }
    if (probes.includes('chunks')) {
      // The rows go in transactions sized to take ~8 ms each (inTimedChunks): where a commit costs
      // more, chunks shrink and there are more commits. Fixed chunks take that feedback out.
      console.log(
        `\ncause: time-sized chunks against fixed chunks of 1000 rows, ${probeSize.toLocaleString('en')} documents:`,
      );
      const found = await compareVariants(probeSize, { timed: {}, fixed: { chunkSize: 1000 } });
      const of = (key: string) => found.get(key)?.get('fixed') ?? Number.NaN;
      console.log(
        `  fixed chunks: b/a ${(of('b') / of('a')).toFixed(2)}, b0/a ${(of('b0') / of('a')).toFixed(2)}, c/a ${(of('c') / of('a')).toFixed(2)}, a/a0 ${(of('a') / of('a0')).toFixed(2)}`,
      );
    }
  }
} finally {
  await close();
}
