/**
 * The side panel at scale (issue 12), in Chromium with real IndexedDB: for each size, a generated
 * metadata-only dataset is imported (with a lookup every 25 ms meanwhile), then the library is
 * opened as the panel opens it (stored catalog and search index, first page of records), queries
 * are typed through the whole library view, and ids are looked up. Heap read through the DevTools
 * protocol after a collection: JS heap and ArrayBuffer backing stores, what the panel holds beyond
 * the page before it opened. Baselines in the same run: the old panel (every record read, the
 * in-memory index built) at the sizes where it fits (PANEL_BENCH_OLD_MAX, default 100,000), and
 * the smallest size's figures; for the import, the same records' blocks written in one
 * transaction (no search index; lookups during it wait for the whole of it), and lookups with
 * nothing running.
 *
 * PANEL_BENCH_SIZES (default `5000,100000,300000`) sets the sizes. PANEL_BENCH_PROFILE=<dir> keeps
 * the browser profile there and its imported databases between runs (a faster loop while working
 * on search or lookups: a size imported before is reused, and its import figures are not printed);
 * without it every run imports into a fresh profile. PANEL_BENCH_CPUPROFILE=1 prints what the
 * page's thread ran in the import's longest tasks (`_long-task-profile.ts`); a file name
 * instead of 1 also saves the profile there (open it in DevTools). PANEL_BENCH_BASE_TREE=<dir> (a
 * checkout of another commit, its node_modules linked) adds that code's panel over the same
 * database: opened and typed through alternately with this one, PANEL_BENCH_ROUNDS (default 3)
 * times each, so the two are compared under the same load.
 */
import { loadavg } from 'node:os';
import type { CDPSession } from 'playwright-core';
import { bundleRoutines, openBenchPage, openProfilePage } from './_db-in-chromium';
import { describeWaits, type explainWaits } from './_import-waits';
import { pageThread, startCpuProfile } from './_long-task-profile';
import { seedWords, TYPED_WORDS } from './_search-corpus';

const sizes = (process.env.PANEL_BENCH_SIZES ?? '5000,100000,300000').split(',').map(Number);
const oldMax = Number(process.env.PANEL_BENCH_OLD_MAX ?? 100_000);
const ms = (value: number) => `${value.toFixed(1)} ms`;
const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;

interface Heap {
  js: number;
  buffers: number;
}

async function heap(cdp: CDPSession): Promise<Heap> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; backingStorageSize?: number };
  return { js: usage.usedSize, buffers: usage.backingStorageSize ?? 0 };
}

const grew = (after: Heap, before: Heap) =>
  `JS heap +${mb(after.js - before.js)}, array buffers +${mb(after.buffers - before.buffers)} (total ${mb(after.js + after.buffers - before.js - before.buffers)})`;

type Summary = { p50: number; p95: number; max: number; n: number };
const line = (s: Summary) => `p50 ${ms(s.p50)}, p95 ${ms(s.p95)}, max ${ms(s.max)} (n=${s.n})`;
const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');

const profile = process.env.PANEL_BENCH_PROFILE;
const baseTree = process.env.PANEL_BENCH_BASE_TREE;
const baseRounds = Number(process.env.PANEL_BENCH_ROUNDS ?? 3);
/** PANEL_BENCH_CPUPROFILE=1 (or a file to save the profile to): what ran in the import's long stretches. */
const cpuProfile = process.env.PANEL_BENCH_CPUPROFILE;

/** The first size's figures: a baseline for how the later sizes scale. */
let smallest: { size: number; keystrokeP95: number } | undefined;
const versus = (size: number, value: number, baseSize: number, baseValue: number) =>
  size === baseSize
    ? 'the baseline for larger sizes'
    : `${(value / baseValue).toFixed(1)}× the p95 at ${baseSize.toLocaleString('en')} (${ms(baseValue)}) for ${(size / baseSize).toFixed(0)}× the documents`;

/** Imports `size` documents (into database `name` when given) and prints the import's figures. */
async function importAndReport(size: number, name?: string): Promise<void> {
  const load = () => `load ${loadavg()[0]?.toFixed(1)}`;
  const loadBefore = load();
  const cpu = cpuProfile ? await startCpuProfile(pageThread(page, cdp)) : undefined;
  const imported = (await page.evaluate(
    `kamerlensBench.panelImport(${size}, window.benchWords, ${JSON.stringify(name)})`,
  )) as {
    generateMs: number;
    importMs: number;
    lookupsDuringImport: Summary;
    whyWaits: ReturnType<typeof explainWaits> | null;
    lookupsIdle: Summary;
  };
  const loadAfterImport = load();
  await cpu?.stop(imported.whyWaits?.taskList ?? [], cpuProfile === '1' ? undefined : cpuProfile);
  const baseline = (await page.evaluate(
    `kamerlensBench.panelImportBaseline(${size}, window.benchWords)`,
  )) as { ms: number; lookups: Summary };
  console.log(
    `import (rows, search index built and stored): ${ms(imported.importMs)} (target ≤ 60 s: ${verdict(imported.importMs <= 60_000)}; ${loadBefore} → ${loadAfterImport}); ` +
      `baseline, the same blocks alone in one transaction (no search index): ${ms(baseline.ms)} (${load()}); ratio ${(imported.importMs / baseline.ms).toFixed(2)}×`,
  );
  console.log(
    `lookups issued every 25 ms during the import waited ${line(imported.lookupsDuringImport)} (target max ≤ 50 ms: ${verdict(imported.lookupsDuringImport.max <= 50)}); ` +
      `baselines: during the one-transaction write ${line(baseline.lookups)}; with nothing running ${line(imported.lookupsIdle)}`,
  );
  const why = imported.whyWaits;
  if (why) for (const text of describeWaits(why, "the page's thread ran long tasks")) console.log(text);
}

const { page, close } = profile ? await openProfilePage(profile) : await openBenchPage();
const cdp = await page.context().newCDPSession(page);
if (baseTree) {
  // The other tree's routines as `kamerlensBenchBase`; both share the page's held database.
  const code = await bundleRoutines(`${baseTree}/scripts/bench/_db-routines.ts`);
  await page.evaluate('window.kamerlensBenchCurrent = window.kamerlensBench');
  await page.addScriptTag({ content: code });
  await page.evaluate(
    'window.kamerlensBenchBase = window.kamerlensBench; window.kamerlensBench = window.kamerlensBenchCurrent',
  );
}

/** This build's panel and the base tree's, opened and typed through alternately over the same database. */
async function compareWithBase(): Promise<void> {
  const builds = [
    { label: 'this tree', global: 'kamerlensBench' },
    { label: `base ${baseTree}`, global: 'kamerlensBenchBase' },
  ];
  const figures = builds.map(() => ({
    p50: [] as number[],
    p95: [] as number[],
    search95: [] as number[],
    memory: [] as number[],
    typed: [] as number[],
    first: [] as number[],
  }));
  for (let r = 0; r < baseRounds; r++) {
    for (let b = 0; b < builds.length; b++) {
      // Alternating which goes first, so neither always runs right after the other's collection.
      const i = r % 2 === 0 ? b : builds.length - 1 - b;
      const { global } = builds[i] as (typeof builds)[number];
      const f = figures[i] as (typeof figures)[number];
      const before = await heap(cdp);
      const opened = (await page.evaluate(`${global}.panelOpen()`)) as { firstResultsMs: number };
      const after = await heap(cdp);
      const keys = (await page.evaluate(`${global}.panelKeystrokes(window.typedWords)`)) as Summary & {
        search: Summary;
      };
      // Typing fills the postings cache and the search's scratch: what the panel holds after it.
      const typed = await heap(cdp);
      await page.evaluate(`${global}.panelRelease()`);
      f.typed.push(typed.js + typed.buffers - before.js - before.buffers);
      f.p50.push(keys.p50);
      f.p95.push(keys.p95);
      f.search95.push(keys.search.p95);
      f.memory.push(after.js + after.buffers - before.js - before.buffers);
      f.first.push(opened.firstResultsMs);
    }
    console.log(
      `  round ${r + 1}: load ${loadavg()[0]?.toFixed(1)}; ` +
        builds
          .map((build, i) => {
            const f = figures[i] as (typeof figures)[number];
            return `${build.label} keystroke p50 ${ms(f.p50[r] ?? 0)}, p95 ${ms(f.p95[r] ?? 0)} (search alone p95 ${ms(f.search95[r] ?? 0)}), memory ${mb(f.memory[r] ?? 0)} (after typing ${mb(f.typed[r] ?? 0)}), first results ${ms(f.first[r] ?? 0)}`;
          })
          .join('; '),
    );
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[(values.length - 1) >> 1] ?? 0;
  const [now, base] = figures as [(typeof figures)[number], (typeof figures)[number]];
  console.log(
    `  medians of ${baseRounds} rounds: this tree p50 ${ms(median(now.p50))}, p95 ${ms(median(now.p95))}, memory ${mb(median(now.memory))} (after typing ${mb(median(now.typed))}), first results ${ms(median(now.first))}; ` +
      `base p50 ${ms(median(base.p50))}, p95 ${ms(median(base.p95))}, memory ${mb(median(base.memory))} (after typing ${mb(median(base.typed))}), first results ${ms(median(base.first))}; ` +
      `ratio p95 ${(median(now.p95) / median(base.p95)).toFixed(2)}×`,
  );
}
await cdp.send('HeapProfiler.enable');
try {
  const words = seedWords();
  await page.evaluate(
    `window.benchWords = ${JSON.stringify(words)}; window.typedWords = ${JSON.stringify(TYPED_WORDS)};`,
  );
  for (const size of sizes) {
    console.log(
      `\n— ${size.toLocaleString('en')} generated documents (metadata only, ${words.length.toLocaleString('en')} words) —`,
    );
    const name = `panel-bench-${size}`;
    const reused = profile
      ? ((await page.evaluate(`kamerlensBench.panelReuse(${size}, ${JSON.stringify(name)})`)) as boolean)
      : false;
    if (reused) console.log(`import: reused from ${profile} (not measured)`);
    else await importAndReport(size, profile ? name : undefined);
    const before = await heap(cdp);
    const opened = (await page.evaluate('kamerlensBench.panelOpen()')) as {
      readMs: number;
      openMs: number;
      searchReadyMs: number;
      firstResultsMs: number;
      listed: number;
      total: number;
    };
    const after = await heap(cdp);
    console.log(
      `panel open: stored head ${ms(opened.openMs)} (the catalog rows read alone ${ms(opened.readMs)}), first results (${opened.listed} of ${opened.total.toLocaleString('en')}) ${ms(opened.firstResultsMs)} (target ≤ 300 ms: ${verdict(opened.firstResultsMs <= 300)}), search ready ${ms(opened.searchReadyMs)}`,
    );
    console.log(
      `panel memory: ${grew(after, before)} (target ≤ 50 MB: ${verdict(after.js + after.buffers - before.js - before.buffers <= 50 * 1048576)})`,
    );
    const keys = (await page.evaluate('kamerlensBench.panelKeystrokes(window.typedWords)')) as Summary & {
      search: Summary;
      viewRecords: Summary;
      viewRecordIds: Summary;
      records: Summary;
      facets: Summary;
      misses: { rows: number; postings: number };
      slowest: { prefix: string; ms: number; matched: number }[];
    };
    smallest ??= { size, keystrokeP95: keys.p95 };
    console.log(
      `keystroke in the whole library view: ${line(keys)} (target p95 ≤ 30 ms: ${verdict(keys.p95 <= 30)}; ${versus(size, keys.p95, smallest.size, smallest.keystrokeP95)}); ` +
        `its parts alone: the search ${line(keys.search)}, the records of its top 50 ${line(keys.records)}, ` +
        `the filter counts ${line(keys.facets)}; within the view, the records its cache missed read in ${line(keys.viewRecords)} (ids read p50 ${keys.viewRecordIds.p50}, p95 ${keys.viewRecordIds.p95}); postings read from the database while measured ${keys.misses.postings.toLocaleString('en')} (${keys.misses.rows} rows); slowest ${keys.slowest.map((k) => `"${k.prefix}" ${ms(k.ms)} (${k.matched.toLocaleString('en')} matched)`).join(', ')}`,
    );
    // Typing fills the postings cache and the short-prefix table: the panel's memory after it.
    const typed = await heap(cdp);
    console.log(`panel memory after typing: ${grew(typed, before)}`);
    const lookups = (await page.evaluate('kamerlensBench.panelLookups()')) as {
      titlesLoadMs: number;
      dossiers: number;
      single: Record<'now' | 'cards' | 'floor' | 'titlesRead', Summary>;
      batch: Record<'records' | 'cards' | 'floor' | 'titlesRead', Summary>;
    };
    const { single, batch } = lookups;
    const floorRatio = (s: Summary, floor: Summary) => `p95 ${(s.p95 / floor.p95).toFixed(2)}× the floor`;
    console.log(
      `lookups: single ${line(single.now)} [${floorRatio(single.now, single.floor)}], as a card ${line(single.cards)}; batch of 20 ${line(batch.records)} [${floorRatio(batch.records, batch.floor)}]; ` +
        `batch of 20 as cards ${line(batch.cards)} [${floorRatio(batch.cards, batch.floor)}] (target p95 ≤ 10 ms: ${verdict(single.now.p95 <= 10 && single.cards.p95 <= 10 && batch.records.p95 <= 10 && batch.cards.p95 <= 10)})`,
    );
    console.log(
      `  baselines, the same ids in the same rounds: the floor (the blocks holding the ids read by their index, nothing parsed, no titles) single ${line(single.floor)}, batch of 20 ${line(batch.floor)}; ` +
        `today's with the titles read from the database (none held yet, an import unfinished, or a few ids) single ${line(single.titlesRead)}, batch of 20 ${line(batch.titlesRead)}; ` +
        `the titles of ${lookups.dossiers.toLocaleString('en')} dossiers held after ${ms(lookups.titlesLoadMs)} (the first lookup's start to loaded)`,
    );
    await page.evaluate('kamerlensBench.panelRelease()');
    if (baseTree) await compareWithBase();
    if (size <= oldMax) {
      const base = await heap(cdp);
      const old = (await page.evaluate('kamerlensBench.oldPanelOpen()')) as {
        listedMs: number;
        searchableMs: number;
      };
      const oldHeap = await heap(cdp);
      const oldKeys = (await page.evaluate(
        'kamerlensBench.oldPanelKeystrokes(window.typedWords)',
      )) as Summary;
      console.log(
        `baseline, the old panel: every record read ${ms(old.listedMs)}, in-memory index ready ${ms(old.searchableMs)} ` +
          `(ratio to first results now ${(old.listedMs / opened.firstResultsMs).toFixed(1)}×, to search ready ${(old.searchableMs / opened.searchReadyMs).toFixed(1)}×); ` +
          `memory ${grew(oldHeap, base)}; its searcher alone per keystroke ${line(oldKeys)}`,
      );
      await page.evaluate('kamerlensBench.panelRelease()');
    } else {
      console.log(
        `baseline, the old panel: not run above ${oldMax.toLocaleString('en')} documents (PANEL_BENCH_OLD_MAX)`,
      );
    }
    if (profile) await page.evaluate('kamerlensBench.panelClose()');
    else await page.evaluate('kamerlensBench.panelDelete()');
  }
} finally {
  await close();
}
