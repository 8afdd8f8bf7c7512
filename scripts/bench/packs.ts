/**
 * Pack import (`npm run bench -- packs`): a generated dataset of KAMERLENS_BENCH_DOCS documents
 * (default 100,000) split into packs by vergaderjaar, as `data:build --packs` writes them, then
 * read (unzip, hash, validate) and imported pack by pack into a fresh database. Baseline in the same
 * run: `importDataset` of the same documents as one dataset file. In Chromium (real IndexedDB): in a
 * web page, then in the built test extension's service worker, where a reader's packs are
 * imported (skipped without `npx wxt build --mode test`); and in Node with fake-indexeddb up to
 * 100,000 documents (labeled as such). Meanwhile a card lookup of one id is issued every 25 ms, as
 * pages keep asking the background during an import: in the service worker that is the issue's
 * "no lookup waits more than 50 ms" where readers meet it. KAMERLENS_PACKS_CORPUS picks the documents:
 * `text` (the default: shaped like the seeds, two thirds with questions and answers or sections of
 * text, ~2 KB of JSON each) or `record` (metadata only, as the open-data record's: realistic titles,
 * kinds, dossiers and authors, a short summary, ~0.75 KB each; _panel-corpus.ts). Prints figures;
 * asserts nothing. KAMERLENS_PACKS_TRACE=1 with `KAMERLENS_PACKS_IN=product` and builds made with
 * `VITE_KAMERLENS_TRACE=1 npx wxt build --mode test` says what each lookup over 50 ms waited for
 * (_trace-waits.ts); KAMERLENS_PACKS_TRACE_FILE=prefix also saves each run's raw trace. The product
 * mode also reads the browser's LevelDB log (_leveldb-log.ts), and with KAMERLENS_PACKS_FLOOR=1 sets
 * each import beside a plain page writing as many bytes at its pace (_idb-floor.ts): measured
 * 2026-12-05 (300,000 record-shaped documents, main's build, five imports at load 2.1-2.7, the
 * floors at 1.4-1.9), lookups over 50 ms 13, 4, 6, 8, 4 (p95 26-31 ms) against the floor's reads
 * 1, 0, 2, 0, 2 (p95 6.0-7.5 ms, longest 111, 46, 53, 38, 66 ms); LevelDB compacted 6.5-7.0x what
 * it flushed over 15-18 s against the floor's 3.0x over 5.0-5.8 s.
 */
import 'fake-indexeddb/auto';
import { existsSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import type { DatasetFile } from '../../data/dataset/types';
import { packBytes, splitDataset } from '../../data/pipeline/packs/write-packs';
import { launchExtension } from '../../tests/e2e/harness';
import { importBenchDataset } from './_db-import-profile';
import { bundleRoutines, openBenchPage } from './_db-in-chromium';
import {
  generatedDataset,
  type PackFigures,
  type RunFigures,
  timeImport,
  timePackImport,
} from './_db-routines';
import { FLOOR_FLUSHED_PER_CHAR, idbFloor } from './_idb-floor';
import { describeWaits } from './_import-waits';
import { compactionsAgainst } from './_leveldb-log';
import { serviceWorkerThread, startCpuProfile } from './_long-task-profile';
import { percentiles } from './_lookup-waits';
import { productPackImport } from './_product-packs';
import { seedWords } from './_search-corpus';
import { attributeWaits } from './_trace-waits';

const EXTENSION = resolve('.output/chrome-mv3-test');
/** Where to import in Chromium: `page`, `worker` or both (KAMERLENS_PACKS_IN=page,worker, the default). */
const where = (process.env.KAMERLENS_PACKS_IN ?? 'page,worker').split(',');
const size = Number(process.env.KAMERLENS_BENCH_DOCS ?? 100_000);
/**
 * KAMERLENS_PACKS_CPUPROFILE=1 (or a file to save it to; in the product mode, a prefix, one file per
 * run): a CPU profile of the service worker during its run, and what ran in its longest stalls (in
 * the product mode: in its longest busy stretches, and while each lookup over 50 ms waited).
 */
const cpuProfile = process.env.KAMERLENS_PACKS_CPUPROFILE;
// The generated records carry no session year: spread them over sixteen, as a release's packs would be.
const withYears = (generated: DatasetFile): DatasetFile => ({
  ...generated,
  documents: generated.documents.map((document, i) => {
    const year = 2010 + (i % 16);
    return { ...document, vergaderjaar: `${year}-${year + 1}` };
  }),
});
const corpus = process.env.KAMERLENS_PACKS_CORPUS ?? 'text';
if (corpus !== 'text' && corpus !== 'record')
  throw new Error(`KAMERLENS_PACKS_CORPUS: text or record, not ${corpus}`);
const words = corpus === 'record' ? seedWords() : [];
// The record corpus carries its session years already.
const dataset = corpus === 'record' ? importBenchDataset(size, words) : withYears(generatedDataset(size));
const packs = splitDataset(dataset, 'vergaderjaar');
const files = packs.map((pack) => new Uint8Array(packBytes(pack)));
const gzBytes = files.reduce((sum, file) => sum + file.length, 0);
console.log(
  `${size.toLocaleString('en')} generated documents (${corpus} corpus) → ${packs.length} packs by vergaderjaar, ${(gzBytes / 1048576).toFixed(1)} MB gzip (load ${loadavg()[0]?.toFixed(1)})`,
);

const line = (where: string, packsRun: PackFigures, baseline: RunFigures) => {
  const total = packsRun.readMs + packsRun.importMs;
  const heap = packsRun.peakMb === null ? '' : `, peak JS heap +${packsRun.peakMb.toFixed(0)} MB`;
  console.log(
    `[${where}] packs: read ${(packsRun.readMs / 1000).toFixed(1)} s + import ${(packsRun.importMs / 1000).toFixed(1)} s = ${(total / 1000).toFixed(1)} s for ${packsRun.documents.toLocaleString('en')} documents${heap}; baseline importDataset of the same documents ${(baseline.ms / 1000).toFixed(1)} s; ratio ${(total / baseline.ms).toFixed(2)}x`,
  );
  const waits = ({ p50, p95, max, n }: PackFigures['lookups']['during']) =>
    `p50 ${p50.toFixed(1)}, p95 ${p95.toFixed(1)}, max ${max.toFixed(1)} ms (n=${n})`;
  console.log(
    `  a lookup every 25 ms meanwhile (ids of the packs imported so far) waited ${waits(packsRun.lookups.during)} (target max ≤ 50 ms: ${packsRun.lookups.during.max <= 50 ? 'met' : 'NOT met'}); ` +
      `baseline, with nothing running: ${waits(packsRun.lookups.idle)}`,
  );
  console.log(
    `  the thread's longest stalls (a 10 ms timer late by): ${packsRun.stalls.map((s) => `${s.ms.toFixed(0)} ms ${s.phase}`).join(', ') || 'none over 50 ms'}`,
  );
  for (const text of describeWaits(packsRun.why, 'the thread stalled')) console.log(text);
};

const served = new Map(files.map((file, i) => [`/pack-${i}.json.gz`, file]));
const { page, origin, close } = await openBenchPage(undefined, served);
/**
 * The run, as one expression for `evaluate` wherever the routines are loaded: the packs are fetched
 * from the bench's loopback server before the clock starts; the baseline's dataset is generated
 * there (the same generator, the same years): sending the records as JSON would cost more memory
 * than the import itself.
 */
const run = (heap: string) => `(async () => {
  const withYears = ${withYears.toString()};
  let packFiles = await Promise.all(${JSON.stringify([...served.keys()].map((path) => origin + path))}
    .map(async (url) => new Uint8Array(await (await fetch(url)).arrayBuffer())));
  const heap = ${heap};
  const packs = await kamerlensBench.timePackImport(packFiles, heap);
  packFiles = null;
  const baseline = await kamerlensBench.timeImport(${
    corpus === 'record'
      ? `kamerlensBench.importBenchDataset(${size}, ${JSON.stringify(words)})`
      : `withYears(kamerlensBench.generatedDataset(${size}))`
  }, heap);
  return { packs, baseline };
})()`;
type Run = { packs: PackFigures; baseline: RunFigures };
type SplitLookups = Awaited<ReturnType<typeof import('./_split-import').lookupsWhileAnnounced>>;
try {
  if (where.includes('page')) {
    const inPage = (await page.evaluate(run('() => performance.memory.usedJSHeapSize'))) as Run;
    line(`Chromium, web page (load ${loadavg()[0]?.toFixed(1)})`, inPage.packs, inPage.baseline);
  }
  // Where packs are really imported: the extension's service worker, in its own origin (a fresh
  // profile on disk, the test build's background running). (Workers have no heap probe.)
  if (where.includes('worker') && existsSync(EXTENSION)) {
    const extension = await launchExtension({ dir: EXTENSION });
    try {
      await extension.serviceWorker.evaluate(await bundleRoutines());
      const cpu = cpuProfile
        ? await startCpuProfile(await serviceWorkerThread(extension.context))
        : undefined;
      const inWorker = (await extension.serviceWorker.evaluate(run('() => null'))) as Run;
      await cpu?.stop(
        inWorker.packs.stalls.map((stall) => [stall.from, stall.to] as const),
        cpuProfile === '1' ? undefined : cpuProfile,
      );
      line(
        `Chromium, the extension's service worker (load ${loadavg()[0]?.toFixed(1)})`,
        inWorker.packs,
        inWorker.baseline,
      );
    } finally {
      await extension.close();
    }
  }
  // The import on a thread of its own: read and imported in an extension document (as an
  // offscreen document would), the lookups answered in the service worker meanwhile.
  if (where.includes('split') && existsSync(EXTENSION)) {
    const extension = await launchExtension({ dir: EXTENSION });
    try {
      const code = await bundleRoutines('scripts/bench/_split-import.ts');
      await extension.serviceWorker.evaluate(code);
      const importer = await extension.context.newPage();
      await importer.goto(`chrome-extension://${extension.extensionId}/manifest.json`, { waitUntil: 'load' });
      await importer.evaluate(code);
      const name = `bench-split-${Date.now()}`;
      const urls = [...served.keys()].map((path) => origin + path);
      const lookups = extension.serviceWorker.evaluate(
        `kamerlensBench.lookupsWhileAnnounced(${JSON.stringify(name)})`,
      ) as Promise<SplitLookups>;
      const imported = (await importer.evaluate(`(async () => {
        const files = await Promise.all(${JSON.stringify(urls)}.map(async (url) => new Uint8Array(await (await fetch(url)).arrayBuffer())));
        return kamerlensBench.importPacksAnnouncing(files, ${JSON.stringify(name)});
      })()`)) as { readMs: number; importMs: number; documents: number };
      const waits = await lookups;
      const total = imported.readMs + imported.importMs;
      const w = ({ p50, p95, max, n }: SplitLookups['during']) =>
        `p50 ${p50.toFixed(1)}, p95 ${p95.toFixed(1)}, max ${max.toFixed(1)} ms (n=${n})`;
      console.log(
        `[Chromium, import in an extension document, lookups in the service worker (load ${loadavg()[0]?.toFixed(1)})] packs: read ${(imported.readMs / 1000).toFixed(1)} s + import ${(imported.importMs / 1000).toFixed(1)} s = ${(total / 1000).toFixed(1)} s for ${imported.documents.toLocaleString('en')} documents`,
      );
      console.log(
        `  a lookup every 25 ms meanwhile waited ${w(waits.during)} (target max ≤ 50 ms: ${waits.during.max <= 50 ? 'met' : 'NOT met'}); with nothing running: ${w(waits.idle)}; the worker's stalls over 50 ms: ${waits.stalls}, longest ${waits.longestStall.toFixed(0)} ms`,
      );
    } finally {
      await extension.close();
    }
  }
  // The product's own path, side by side with another build (e.g. main's before a change).
  if (where.includes('product') && existsSync(EXTENSION)) {
    const urls = [...served.keys()].map((path) => origin + path);
    const ids = dataset.documents
      .filter((_, i) => i % Math.max(1, Math.floor(size / 2000)) === 0)
      .map((d) => d.id);
    const builds: [string, string][] = [['this build', EXTENSION]];
    const baselineBuild = process.env.KAMERLENS_PACKS_BASELINE_BUILD;
    if (baselineBuild) builds.push([`baseline build ${baselineBuild}`, resolve(baselineBuild)]);
    // KAMERLENS_PACKS_ROUNDS=2: the builds again in the other order, so the machine's load hits both alike.
    const rounds = Number(process.env.KAMERLENS_PACKS_ROUNDS ?? 1);
    const order = Array.from({ length: rounds }, (_, round) =>
      round % 2 === 0 ? builds : [...builds].reverse(),
    ).flat();
    let traceRuns = 0;
    let profiles = 0;
    for (const [label, dir] of order) {
      // KAMERLENS_PACKS_TRACE=1: each wait over 50 ms attributed, from a build made with
      // VITE_KAMERLENS_TRACE=1 (data/db/idb-trace.ts; an untraced build reports nothing).
      const profile =
        cpuProfile === '1' || !cpuProfile ? Boolean(cpuProfile) : `${cpuProfile}-${profiles++}.cpuprofile`;
      const run = await productPackImport(
        dir,
        urls,
        ids,
        process.env.KAMERLENS_PACKS_TRACE === '1',
        profile,
        process.env.KAMERLENS_PACKS_PING === '1',
      );
      const w = (samples: number[]) => {
        const { p50, p95, max, n } = percentiles(samples);
        return `p50 ${p50.toFixed(1)}, p95 ${p95.toFixed(1)}, max ${max.toFixed(1)} ms (n=${n})`;
      };
      const over = run.waits.filter((ms) => ms > 50).length;
      console.log(
        `[Chromium, ${label}: importStagedPacks through the background (load ${loadavg()[0]?.toFixed(1)})] ${run.state} in ${(run.importMs / 1000).toFixed(1)} s; contexts meanwhile: ${run.contexts.join(', ')}`,
      );
      console.log(
        `  a lookup message every 25 ms from an extension document meanwhile waited ${w(run.waits)}, ${over} over 50 ms, ${run.found.during} found their document; with nothing running: ${w(run.idle)}, ${run.found.idle} found`,
      );
      // KAMERLENS_PACKS_PING=1: the same round trip with no read, beside each lookup: what the machine
      // and the worker's thread alone made each wait, so a lookup over 50 ms can be told from its read's.
      if (run.pings.during.length > 0) {
        const overBoth = run.waits.filter((ms, i) => ms > 50 && (run.pings.during[i] ?? 0) > 50).length;
        console.log(
          `  a message refused at once (no read), sent beside each lookup: during ${w(run.pings.during)}, ${run.pings.during.filter((ms) => ms > 50).length} over 50 ms; with nothing running: ${w(run.pings.idle)}. Of the lookups over 50 ms, ${overBoth} had that message over 50 ms too${over > 0 ? ` (lookup / message: ${run.waits.flatMap((ms, i) => (ms > 50 ? [`${ms.toFixed(0)} / ${(run.pings.during[i] ?? Number.NaN).toFixed(0)}`] : [])).join(', ')} ms)` : ''}`,
        );
      }
      if (run.engine)
        console.log(compactionsAgainst(run.engine, run.epoch.began, run.epoch.ended, run.epoch.lookups));
      // KAMERLENS_PACKS_FLOOR=1: the same bytes at the same pace from a plain page (_idb-floor.ts).
      const flushed = (run.engine?.flushes ?? [])
        .filter((flush) => flush.at >= run.epoch.began && flush.at <= run.epoch.ended)
        .reduce((sum, flush) => sum + flush.bytes, 0);
      if (process.env.KAMERLENS_PACKS_FLOOR === '1' && flushed > 0) {
        const floor = await idbFloor(flushed / FLOOR_FLUSHED_PER_CHAR, run.importMs);
        const floorOver = floor.waits.filter((ms) => ms > 50).length;
        console.log(
          `  [no extension: a plain page writing as many bytes at that pace (load ${loadavg()[0]?.toFixed(1)})] in ${(floor.writeMs / 1000).toFixed(1)} s, a read every 25 ms meanwhile waited ${w(floor.waits)}, ${floorOver} over 50 ms`,
        );
        if (floor.engine)
          console.log(compactionsAgainst(floor.engine, floor.began, floor.ended, floor.reads));
      }
      if (run.slow.length > 0)
        console.log(
          `  the waits over 50 ms, and where the import stood (the progress asked for last before, every 250 ms): ${run.slow
            .map(
              (slow) =>
                `${slow.ms.toFixed(0)} ms at ${(slow.at / 1000).toFixed(1)} s (${slow.file ?? '?'} ${slow.fraction === null ? '' : `${Math.round(slow.fraction * 100)}%`})`,
            )
            .join(', ')}`,
        );
      if (run.traced) {
        for (const text of attributeWaits(run.traced.lookups, run.traced.events)) console.log(text);
        // KAMERLENS_PACKS_TRACE_FILE=prefix: the raw trace, one JSON file per run, for a closer look.
        const file = process.env.KAMERLENS_PACKS_TRACE_FILE;
        if (file) writeFileSync(`${file}-${traceRuns++}.json`, JSON.stringify({ label, ...run.traced }));
      }
    }
  }
  if (where.some((w) => w === 'worker' || w === 'split' || w === 'product') && !existsSync(EXTENSION)) {
    console.log(
      `[the extension's service worker] skipped: no test build in ${EXTENSION} (npx wxt build --mode test)`,
    );
  }
} finally {
  await close();
}

// fake-indexeddb keeps everything in this process's heap: past 100,000 documents it measures Node's
// garbage collector, not an import, so the Node run is skipped there.
if (size <= 100_000) {
  const heap = () => process.memoryUsage().heapUsed;
  line('Node, fake-indexeddb', await timePackImport(files, heap), await timeImport(dataset, heap));
} else {
  console.log(
    `[Node, fake-indexeddb] skipped above 100,000 documents (the whole store lives in Node's heap)`,
  );
}
