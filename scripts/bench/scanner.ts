/**
 * Page scanner benchmark in Chromium, in two parts.
 *
 * What marking costs the page (`_scanner-cost.ts`): a 1 MB page of prose with 370 references and
 * a 20 MB page with 21,500, loaded with and without the extension in the same run; all main-thread
 * work (script, style, layout, the rest of TaskDuration, and their counts, long tasks) per MB of
 * page text, and the difference. Then reading: the same pages scrolled a viewport at a time through
 * their first MB of text, where the scanner (which reads text as it nears the viewport) does the
 * rest of its work. After the measured runs of each phase, one more run per side is traced (CDP
 * Tracing, `_scanner-trace.ts`) and the largest differences in main-thread self time per event are
 * printed: which part of the difference is our script, style recalcs (and how many elements they
 * touched), layout, paint, commit, IntersectionObserver, GC or event handlers.
 *
 * The scanner's own slices: a generated 5 MB page with 5,000 references (one per paragraph, a
 * quarter of them split over inline elements), scanned by the built extension.
 *
 * Figures (printed, never asserted; median of 3 runs):
 *   - main thread: the scanner's own script time, the sum of its slices (the content script
 *     records one `kamerlens:slice` performance measure per slice on pages that opt in with
 *     `data-kamerlens-measure`, as this page does);
 *   - longest slice, and the longest task during the scan (PerformanceObserver 'longtask',
 *     target ≤ 50 ms);
 *   - longest frame: the longest animation frame during the scan ('long-animation-frame', only
 *     frames over 50 ms are reported): script plus the style and layout work the new marks cause;
 *   - until marked: DOMContentLoaded → end of the last slice (rendering between slices included).
 * Baseline in the same run: the same page in a browser without the extension, scanned by the
 * same code in one synchronous pass (bundled with Vite and injected): no slicing, no yielding.
 *
 *   npx tsx scripts/bench/scanner.ts             both parts (needs the test build: npm run build)
 *   npx tsx scripts/bench/scanner.ts cost [1|20] [loading|reading]  page cost only, optionally one page and phase
 *   npx tsx scripts/bench/scanner.ts slices       the slices part only
 *   KAMERLENS_BENCH_TRACE=0                       leaves out the traced runs
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';
import { launchExtension } from '../../tests/e2e/harness';
import { type CostFigures, measurePageCost, measureScrollCost, printCost } from './_scanner-cost';
import { type PageShape, scannerPage } from './_scanner-page';
import { printTraceDifference } from './_scanner-trace';

const REFERENCES = 5_000;
const TARGET_BYTES = 5 * 1024 * 1024;
const RUNS = 3;
/** Runs per page of the cost comparison; KAMERLENS_BENCH_RUNS lowers it on a busy machine. */
const COST_RUNS = Number(process.env.KAMERLENS_BENCH_RUNS) || RUNS;
/** One traced run per side after the measured ones, to say where the time goes (KAMERLENS_BENCH_TRACE=0 skips it). */
const TRACE = process.env.KAMERLENS_BENCH_TRACE !== '0';
/** Text scrolled through in the reading part of the cost comparison, in MB. */
const SCROLL_MB = 1;

/** The pages of the page-cost comparison: ordinary prose, and a huge page dense with references. */
const COST_PAGES: [string, PageShape][] = [
  ['1 MB, 370 references', { bytes: 1024 * 1024, references: 370, paragraphBytes: 600 }],
  ['20 MB, 21,500 references', { bytes: 20 * 1024 * 1024, references: 21_500, paragraphBytes: 600 }],
];

/** The same scanning code, bundled as one script that scans the whole page synchronously. */
async function syncScanScript(workDir: string): Promise<string> {
  const content = resolve('entrypoints/content/scanner');
  const entry = join(workDir, 'sync-scan.ts');
  writeFileSync(
    entry,
    `import { markBlock } from '${content}/mark-block';
import { createMarkRegistry } from '${content}/mark-registry';
import { textBlocks } from '${content}/text-blocks';
(window as unknown as { benchSyncScan: () => unknown }).benchSyncScan = () => {
  const registry = createMarkRegistry();
  const start = performance.now();
  for (const block of textBlocks(document.body, true)) if (block) markBlock(block, registry, () => 'verwijzing');
  return { ms: performance.now() - start, start, groups: registry.pageReferences().length };
};
`,
  );
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    build: { write: false, minify: true, lib: { entry, formats: ['iife'], name: 'benchSyncScan' } },
  });
  const first = (Array.isArray(output) ? output[0] : output) as { output: { code?: string }[] };
  const code = first.output[0]?.code;
  if (!code) throw new Error('bundling the synchronous scan failed');
  return code;
}

interface RunFigures {
  mainThreadMs: number;
  slices: number;
  longestSliceMs: number;
  longestTaskMs: number;
  /** Longest animation frame (script + style + layout + paint) during the scan. */
  longestFrameMs: number;
  untilMarkedMs: number;
  groups: number;
}

/** Distinct mark groups on the page (read once at the end: counting during the scan would cost the page). */
const countGroups = (page: Page): Promise<number> =>
  page.evaluate(
    `new Set([...document.querySelectorAll('kamerlens-ref')].map((m) => m.getAttribute('data-kamerlens-group'))).size`,
  ) as Promise<number>;

/** Longest entry of a recorded list (tasks or animation frames) that ends after `since` (page clock). */
const longestSince = (page: Page, list: 'benchLongTasks' | 'benchFrames', since: number): Promise<number> =>
  page.evaluate(
    `Math.max(0, ...window.${list}.filter(([start, d]) => start + d > ${since}).map(([, d]) => d))`,
  ) as Promise<number>;

async function extensionRun(page: Page, url: string): Promise<RunFigures> {
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  // Done when no new slice has been recorded for a second.
  let last = -1;
  let stableSince = Date.now();
  for (;;) {
    const count = (await page.evaluate(`performance.getEntriesByName('kamerlens:slice').length`)) as number;
    if (count !== last) {
      last = count;
      stableSince = Date.now();
    } else if (count > 0 && Date.now() - stableSince > 1_000) break;
    if (Date.now() - stableSince > 60_000)
      throw new Error('no scanner slices recorded: is the test build loaded?');
    await new Promise((done) => setTimeout(done, 100));
  }
  const slices = (await page.evaluate(
    `performance.getEntriesByName('kamerlens:slice').map((e) => [e.startTime, e.duration])`,
  )) as [number, number][];
  const domReady = (await page.evaluate(
    `performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd`,
  )) as number;
  const firstStart = slices[0]?.[0] ?? 0;
  const lastEnd = Math.max(...slices.map(([start, duration]) => start + duration));
  return {
    mainThreadMs: slices.reduce((sum, [, duration]) => sum + duration, 0),
    slices: slices.length,
    longestSliceMs: Math.max(...slices.map(([, duration]) => duration)),
    longestTaskMs: await longestSince(page, 'benchLongTasks', firstStart),
    longestFrameMs: await longestSince(page, 'benchFrames', firstStart),
    untilMarkedMs: lastEnd - domReady,
    groups: await countGroups(page),
  };
}

async function syncRun(page: Page, url: string, script: string): Promise<RunFigures> {
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  await page.addScriptTag({ content: script });
  const domReady = (await page.evaluate(
    `performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd`,
  )) as number;
  // Run the scan as an ordinary page task (tasks started by the DevTools protocol are not
  // reported as long tasks), then let the observers deliver their entries.
  await page.evaluate(`setTimeout(() => { window.benchSyncResult = window.benchSyncScan(); }, 0)`);
  await page.waitForFunction('window.benchSyncResult !== undefined', undefined, { timeout: 120_000 });
  await page.waitForTimeout(300);
  const result = (await page.evaluate('window.benchSyncResult')) as {
    ms: number;
    start: number;
    groups: number;
  };
  return {
    mainThreadMs: result.ms,
    slices: 1,
    longestSliceMs: result.ms,
    longestTaskMs: await longestSince(page, 'benchLongTasks', result.start),
    longestFrameMs: await longestSince(page, 'benchFrames', result.start),
    untilMarkedMs: result.start + result.ms - domReady,
    groups: result.groups,
  };
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

function table(rows: [string, RunFigures[]][]): void {
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  const header = [
    '',
    'main thread',
    'slices',
    'longest slice',
    'longest task',
    'longest frame',
    'until marked',
    'marked',
  ];
  console.log(header.map((h, i) => (i === 0 ? h.padEnd(30) : h.padStart(14))).join(''));
  for (const [label, runs] of rows) {
    const m = (pick: (r: RunFigures) => number) => median(runs.map(pick));
    const cells = [
      ms(m((r) => r.mainThreadMs)),
      String(m((r) => r.slices)),
      ms(m((r) => r.longestSliceMs)),
      // The observers report only tasks and frames of 50 ms or more.
      m((r) => r.longestTaskMs) === 0 ? 'none ≥ 50 ms' : ms(m((r) => r.longestTaskMs)),
      m((r) => r.longestFrameMs) === 0 ? 'none ≥ 50 ms' : ms(m((r) => r.longestFrameMs)),
      ms(m((r) => r.untilMarkedMs)),
      `${m((r) => r.groups)}/${REFERENCES}`,
    ];
    console.log(label.padEnd(30) + cells.map((c) => c.padStart(14)).join(''));
  }
}

/**
 * Each cost page with and without the extension, runs interleaved so both see the same machine
 * load. KAMERLENS_BENCH_BASE_BUILD=<dir of another test build> adds that build side by side (a
 * before/after comparison in one run).
 */
async function pageCost(workDir: string, pageFilter?: string, phaseFilter?: string): Promise<void> {
  const dir = join(workDir, 'cost');
  mkdirSync(dir);
  for (const [i, [, shape]] of COST_PAGES.entries())
    writeFileSync(join(dir, `cost-${i}.html`), scannerPage(shape));
  console.log(
    '\nWhat marking costs the page: CDP Performance.getMetrics, Chromium, from navigation until the scan is over + 1 s',
  );
  const baseBuild = process.env.KAMERLENS_BENCH_BASE_BUILD;
  const session = await launchExtension({ pagesDir: dir });
  const plain = await launchExtension({ pagesDir: dir, withExtension: false });
  let base: Awaited<ReturnType<typeof launchExtension>> | undefined;
  if (baseBuild) {
    const own = process.env.KAMERLENS_EXTENSION_DIR;
    process.env.KAMERLENS_EXTENSION_DIR = baseBuild;
    try {
      base = await launchExtension({ pagesDir: dir });
    } finally {
      if (own === undefined) delete process.env.KAMERLENS_EXTENSION_DIR;
      else process.env.KAMERLENS_EXTENSION_DIR = own;
    }
  }
  try {
    for (const [i, [label]] of COST_PAGES.entries()) {
      if (pageFilter !== undefined && !label.startsWith(pageFilter)) continue;
      const url = (serverUrl: string) => new URL(`cost-${i}.html`, serverUrl).href;
      for (const [phase, measure] of [
        [
          'loading',
          (context: BrowserContext, u: string, hold?: number, trace?: boolean) =>
            measurePageCost(context, u, hold, trace),
        ],
        [
          `reading: scrolling through ${SCROLL_MB} MB of text`,
          (context: BrowserContext, u: string, hold?: number, trace?: boolean) =>
            measureScrollCost(context, u, SCROLL_MB, hold, trace),
        ],
      ] as const) {
        if (phaseFilter !== undefined && !phase.startsWith(phaseFilter)) continue;
        const withExtension: CostFigures[] = [];
        const without: CostFigures[] = [];
        const withBase: CostFigures[] = [];
        const measureBase = async () => {
          if (base) withBase.push(await measure(base.context, url(base.serverUrl)));
        };
        // With a base build, an even number of runs, so each build goes first equally often: with 3
        // runs the build under test went first twice, and in one such run on a busy machine two
        // builds with the same loading code read +364 and -7 ms/MB of all work at load.
        const runs = base && COST_RUNS % 2 === 1 ? COST_RUNS + 1 : COST_RUNS;
        for (let run = 0; run < runs; run++) {
          // The two builds take turns going first: an A/A run (one build in both places, the first
          // always first) measured the first place ~120 ms/MB dearer in reading.
          if (run % 2 === 1) await measureBase();
          const measured = await measure(session.context, url(session.serverUrl));
          withExtension.push(measured);
          // The same window on the page without the extension: held open as long, polled alike.
          without.push(await measure(plain.context, url(plain.serverUrl), measured.elapsedMs));
          if (run % 2 === 0) await measureBase();
        }
        printCost(`${label}, ${phase}`, withExtension, without);
        if (base) printCost(`${label}, ${phase}, base build ${baseBuild}`, withBase, without);
        // Where the difference goes: one more run of each side, traced (tracing slows the page, so
        // these runs are kept out of the figures above).
        if (TRACE) {
          const traced = await measure(session.context, url(session.serverUrl), undefined, true);
          const plainTraced = await measure(plain.context, url(plain.serverUrl), traced.elapsedMs, true);
          const mb = plainTraced.textMB;
          if (traced.trace && plainTraced.trace)
            printTraceDifference(`${label}, ${phase}`, traced.trace, plainTraced.trace, mb);
          if (base) {
            const baseTraced = await measure(base.context, url(base.serverUrl), traced.elapsedMs, true);
            if (baseTraced.trace && plainTraced.trace)
              printTraceDifference(`${label}, ${phase}, base build`, baseTraced.trace, plainTraced.trace, mb);
          }
        }
      }
    }
  } finally {
    await Promise.all([session.close(), plain.close(), base?.close()]);
  }
}

async function main(): Promise<void> {
  // `slices` or `cost` runs one part; after `cost`, a size (`1` or `20`) runs one page, and
  // `loading` or `reading` one phase.
  const [only, pageFilter, phaseFilter] = process.argv.slice(2);
  const workDir = mkdtempSync(join(tmpdir(), 'kamerlens-bench-'));
  try {
    if (only !== 'slices') await pageCost(workDir, pageFilter && `${pageFilter} MB`, phaseFilter);
    if (only === 'cost') return;
    const html = scannerPage({
      bytes: TARGET_BYTES,
      references: REFERENCES,
      paragraphBytes: TARGET_BYTES / REFERENCES,
    });
    mkdirSync(join(workDir, 'pages'));
    writeFileSync(join(workDir, 'pages', 'bench.html'), html);
    const script = await syncScanScript(workDir);
    console.log(
      `Scanner: ${(Buffer.byteLength(html) / 1024 / 1024).toFixed(1)} MB page, ${REFERENCES} references ` +
        `(${REFERENCES / 4} split over inline elements), median of ${RUNS} runs, Chromium`,
    );

    const extension: RunFigures[] = [];
    const session = await launchExtension({ pagesDir: join(workDir, 'pages') });
    try {
      for (let i = 0; i < RUNS; i++) {
        const page = await session.context.newPage();
        extension.push(await extensionRun(page, new URL('bench.html', session.serverUrl).href));
        await page.close();
      }
    } finally {
      await session.close();
    }

    const baseline: RunFigures[] = [];
    const plain = await launchExtension({ pagesDir: join(workDir, 'pages'), withExtension: false });
    try {
      for (let i = 0; i < RUNS; i++) {
        const page = await plain.context.newPage();
        baseline.push(await syncRun(page, new URL('bench.html', plain.serverUrl).href, script));
        await page.close();
      }
    } finally {
      await plain.close();
    }

    table([
      ['extension (sliced, ~4 ms)', extension],
      ['baseline: one synchronous pass', baseline],
    ]);
    const ratio = (pick: (r: RunFigures) => number) =>
      (median(extension.map(pick)) / median(baseline.map(pick))).toFixed(2);
    console.log(
      `ratio sliced/synchronous: main thread ${ratio((r) => r.mainThreadMs)}, longest blocking ` +
        `(slice vs the one pass) ${ratio((r) => r.longestSliceMs)}, until marked ${ratio((r) => r.untilMarkedMs)}`,
    );
    console.log('target: longest task ≤ 50 ms while scanning');
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
