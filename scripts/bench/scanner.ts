/**
 * Page scanner benchmark in Chromium, in two parts.
 *
 * What marking costs the page (`_scanner-cost.ts`): a 1 MB page of prose with 370 references and
 * a 20 MB page with 21,500, loaded with and without the extension in the same run; all main-thread
 * work (script, style, layout, the rest of TaskDuration, and their counts, long tasks) per MB of
 * page text, and the difference. Then reading: the same pages scrolled a viewport at a time through
 * their first MB of text, where the scanner (which reads text as it nears the viewport) does the
 * rest of its work. After the measured runs of each phase, more runs per side are traced (CDP
 * Tracing, `_scanner-trace.ts`) and the differences in main-thread CPU self time are printed, by
 * kind of work (script, style, layout, the compositing-inputs walk, paint and commit, intersection
 * observers, GC, task scheduling) and per event, largest first, with the frames each run painted.
 * Then runs under V8's sampling profiler (`_scanner-profile.ts`) name our functions inside "script":
 * the scanner's walk, the recognizer, the writing of marks, the observers' callbacks. Each figure
 * of the attribution is the median of its runs: single runs on the shared machine swing.
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
 *   npx tsx scripts/bench/scanner.ts steps        our own steps (reach walks, blocks, plans, writes) cold, one
 *                                                 at a time, in an isolated world (`_scanner-steps.ts`;
 *                                                 KAMERLENS_BENCH_BASE_TREE=<dir> adds an older copy of the code)
 *   KAMERLENS_BENCH_BASE_BUILD=<dir>|floor         cost: another test build side by side; `floor`: this
 *                                                 build with an empty content script (what is not ours)
 *   KAMERLENS_BENCH_TRACE=0                       leaves out the traced runs
 *   KAMERLENS_BENCH_RUNS=N                        measured runs per side (0: only the attribution runs)
 *   KAMERLENS_BENCH_TRACE_RUNS=N, _PROFILE_RUNS=N traced and profiled runs per side (default 1; 0 skips)
 *   KAMERLENS_BENCH_TRACE_ROWS=N                  events listed per trace difference (default 20)
 *   KAMERLENS_BENCH_TRACE_DIR, _PROFILE_DIR=dir   keep each trace and profile as a file (DevTools opens them)
 * The profile names functions only in an unminified build: `npx wxt build --mode test` with a
 * config that sets `vite: () => ({ build: { minify: false } })` and another `outDir`, loaded with
 * KAMERLENS_EXTENSION_DIR=<outDir>/chrome-mv3-test (the code is the same, only the names stay).
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';
import { extensionDir, launchExtension } from '../../tests/e2e/harness';
import {
  type Attribution,
  type CostFigures,
  measurePageCost,
  measureScrollCost,
  printCost,
} from './_scanner-cost';
import { type PageShape, scannerPage } from './_scanner-page';
import { type ProfileBreakdown, printProfileDifference } from './_scanner-profile';
import { measureSteps } from './_scanner-steps';
import { printTraceDifference, type TraceBreakdown } from './_scanner-trace';

const REFERENCES = 5_000;
const TARGET_BYTES = 5 * 1024 * 1024;
const RUNS = 3;
/**
 * Runs per page of the cost comparison; KAMERLENS_BENCH_RUNS lowers it on a busy machine (0 leaves
 * the measured runs out: only the traced and profiled ones).
 */
const COST_RUNS = Number(process.env.KAMERLENS_BENCH_RUNS ?? RUNS);
/** One traced run per side after the measured ones, to say where the time goes (KAMERLENS_BENCH_TRACE=0 skips it). */
const TRACE = process.env.KAMERLENS_BENCH_TRACE !== '0';
/** Traced runs per side (KAMERLENS_BENCH_TRACE_RUNS; each figure of the attribution is their median). */
const TRACE_RUNS = TRACE ? Number(process.env.KAMERLENS_BENCH_TRACE_RUNS ?? 1) : 0;
/**
 * CPU-profiled runs per side after those, to name our functions (KAMERLENS_BENCH_PROFILE_RUNS, 0
 * skips them; readable names need an unminified build, see `_scanner-profile.ts`).
 */
const PROFILE_RUNS = Number(process.env.KAMERLENS_BENCH_PROFILE_RUNS ?? 1);
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
 * A copy of the build under test whose content script is empty, in `workDir`: what any extension
 * with a content script on the page costs it (the browser makes the script's world and injects it),
 * before any of our code runs.
 */
function floorBuild(workDir: string): string {
  const dir = join(workDir, 'floor-build');
  cpSync(extensionDir(), dir, { recursive: true });
  writeFileSync(
    join(dir, 'content-scripts', 'content.js'),
    '// The floor: a content script that does nothing.\n',
  );
  return dir;
}

/**
 * Each cost page with and without the extension, runs interleaved so both see the same machine
 * load. KAMERLENS_BENCH_BASE_BUILD=<dir of another test build> adds that build side by side (a
 * before/after comparison in one run); `=floor` adds a copy of this build with an empty content
 * script, the part of the difference that is not our code's. On the 1 MB page at load 3.5–4.3, 6 runs a
 * side, with a build whose content script returned at once: loading +18.6 of Kamerlens' +28.2 ms
 * of CPU per MB over the page without an extension, reading +9.2 of +156.1.
 */
async function pageCost(workDir: string, pageFilter?: string, phaseFilter?: string): Promise<void> {
  const dir = join(workDir, 'cost');
  mkdirSync(dir);
  for (const [i, [, shape]] of COST_PAGES.entries())
    writeFileSync(join(dir, `cost-${i}.html`), scannerPage(shape));
  console.log(
    '\nWhat marking costs the page: CDP Performance.getMetrics, Chromium, from navigation until the scan is over + 1 s',
  );
  const asked = process.env.KAMERLENS_BENCH_BASE_BUILD;
  const baseBuild = asked === 'floor' ? floorBuild(workDir) : asked;
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
          (context: BrowserContext, u: string, hold?: number, attribution?: Attribution) =>
            measurePageCost(context, u, hold, attribution),
        ],
        [
          `reading: scrolling through ${SCROLL_MB} MB of text`,
          (context: BrowserContext, u: string, hold?: number, attribution?: Attribution) =>
            measureScrollCost(context, u, SCROLL_MB, hold, attribution),
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
        // The tables print the runs made: say here why that is one more than asked.
        const runs = base && COST_RUNS % 2 === 1 ? COST_RUNS + 1 : COST_RUNS;
        if (runs !== COST_RUNS)
          console.log(
            `${phase}: ${runs} runs a side, not the ${COST_RUNS} asked (KAMERLENS_BENCH_RUNS): an even count with a base build`,
          );
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
        if (runs > 0) printCost(`${label}, ${phase}`, withExtension, without);
        if (base && runs > 0) printCost(`${label}, ${phase}, base build ${baseBuild}`, withBase, without);
        // Where the difference goes: more runs of each side, traced, then profiled (tracing and
        // profiling slow the page, so these runs are kept out of the figures above).
        for (const attribution of ['trace', 'profile'] as const) {
          const runs = attribution === 'trace' ? TRACE_RUNS : PROFILE_RUNS;
          const traced: CostFigures[] = [];
          const plainTraced: CostFigures[] = [];
          const baseTraced: CostFigures[] = [];
          for (let run = 0; run < runs; run++) {
            const measured = await measure(session.context, url(session.serverUrl), undefined, attribution);
            traced.push(measured);
            plainTraced.push(
              await measure(plain.context, url(plain.serverUrl), measured.elapsedMs, attribution),
            );
            if (base)
              baseTraced.push(
                await measure(base.context, url(base.serverUrl), measured.elapsedMs, attribution),
              );
          }
          if (runs === 0) continue;
          const mb = median(plainTraced.map((r) => r.textMB));
          const print = (name: string, side: CostFigures[]) => {
            if (attribution === 'trace')
              printTraceDifference(
                name,
                side.map((r) => r.trace as TraceBreakdown),
                plainTraced.map((r) => r.trace as TraceBreakdown),
                mb,
              );
            else
              printProfileDifference(
                name,
                side.map((r) => r.profile as ProfileBreakdown),
                plainTraced.map((r) => r.profile as ProfileBreakdown),
                mb,
              );
          };
          print(`${label}, ${phase}`, traced);
          if (base) print(`${label}, ${phase}, base build`, baseTraced);
          const loads = [...traced, ...plainTraced, ...baseTraced].map((r) => r.load);
          console.log(`machine load ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}`);
        }
      }
    }
  } finally {
    await Promise.all([session.close(), plain.close(), base?.close()]);
  }
}

async function main(): Promise<void> {
  // `slices`, `steps` or `cost` runs one part; after `cost`, a size (`1` or `20`) runs one page, and
  // `loading` or `reading` one phase.
  const [only, pageFilter, phaseFilter] = process.argv.slice(2);
  const workDir = mkdtempSync(join(tmpdir(), 'kamerlens-bench-'));
  try {
    if (only === 'steps') {
      const [, shape] = COST_PAGES[0] as [string, PageShape];
      writeFileSync(join(workDir, 'steps.html'), scannerPage(shape));
      await measureSteps(workDir, 'steps.html');
      return;
    }
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
