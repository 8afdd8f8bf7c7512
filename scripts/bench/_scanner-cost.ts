/**
 * What marking costs a page: all main-thread work (script, style, layout) of a page with the
 * extension against the same page without it, in the same run. CDP `Performance.getMetrics` sums
 * the renderer's work from navigation until the scan is over; a PerformanceObserver in the page
 * lists the long tasks (≥ 50 ms). The difference between the two browsers is what Kamerlens costs.
 *
 * Counted alike on both sides: the page without the extension is held open (and polled) exactly as
 * long as the page with it took, so the measurement windows match. `other` is what TaskDuration
 * holds beyond script, style and layout (parsing, paint, compositing, microtasks: CDP's
 * ScriptDuration leaves out promise callbacks, where the scanner's slices run, so the scanner's own
 * time is listed from its `kamerlens:slice` measures too).
 *
 * Reading (`measureScrollCost`): the scanner reads text as it nears the viewport, so loading is
 * only half the cost; the other half is paid while the reader scrolls. The page is scrolled one
 * viewport at a time through its first MB of text (the whole 1 MB page), and the work from the
 * first scroll until all is quiet again is compared the same way.
 */
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { type ProfileBreakdown, startProfile } from './_scanner-profile';
import { median, startTrace, type TraceBreakdown } from './_scanner-trace';

/** One page load, measured until nothing happened for a second. */
export interface CostFigures {
  taskMs: number;
  /**
   * CPU time of the page's main thread (`ThreadTime`): what the thread computed, without the time
   * it waited for a core. TaskDuration is wall time, so on the shared 2-core machine it swings with
   * the other processes' load; this swings far less, and says which build does less work.
   */
  cpuMs: number;
  scriptMs: number;
  styleMs: number;
  layoutMs: number;
  layoutCount: number;
  styleCount: number;
  /** TaskDuration beyond script, style and layout. */
  otherMs: number;
  /** The scanner's own slices (`kamerlens:slice` measures), 0 without the extension. */
  slicesMs: number;
  longTasks: number;
  longestTaskMs: number;
  /** How long the measurement took (the page without the extension is held as long). */
  elapsedMs: number;
  /** UTF-8 size of the text measured (`body.textContent`, or the part scrolled through), the unit of "per MB". */
  textMB: number;
  marked: number;
  /** The machine's load (1-minute average) when the measurement ended: figures swing with it. */
  load: number;
  /** Where the time went, when the run was traced (`_scanner-trace.ts`). */
  trace?: TraceBreakdown;
  /** Which functions ran, when the run was profiled (`_scanner-profile.ts`). */
  profile?: ProfileBreakdown;
}

/** What a run records besides its figures: a trace, a CPU profile, or nothing (the measured runs). */
export type Attribution = 'trace' | 'profile' | undefined;

/** Starts recording `attribution` on `cdp`; the returned function stops it and returns what it found. */
async function startAttribution(
  cdp: CDPSession,
  attribution: Attribution,
): Promise<(url: string) => Promise<Pick<CostFigures, 'trace' | 'profile'>>> {
  if (attribution === 'trace') {
    const tracing = await startTrace(cdp);
    return async (url) => ({ trace: await tracing.stop(url) });
  }
  if (attribution === 'profile') {
    // KAMERLENS_BENCH_PROFILE_DIR keeps each profile as a file (DevTools' Performance panel opens it).
    const dir = process.env.KAMERLENS_BENCH_PROFILE_DIR;
    const profiling = await startProfile(cdp, dir && join(dir, `scanner-${Date.now()}.cpuprofile`));
    return async () => ({ profile: await profiling.stop() });
  }
  return async () => ({});
}

const QUIET_MS = 1_000;

/** A build without the scanner (or one that found nothing) records no slice: quiet after this long. */
const NO_SLICE_MS = 5_000;

/**
 * Waits until the scanner recorded no new slice for a second, and at least `holdMs` (the time the
 * other side took, so both are polled alike).
 */
async function waitForQuiet(page: Page, holdMs: number): Promise<void> {
  let last = -1;
  let stableSince = Date.now();
  const started = Date.now();
  for (;;) {
    const count = (await page.evaluate(`performance.getEntriesByName('kamerlens:slice').length`)) as number;
    const now = Date.now();
    if (count !== last) {
      last = count;
      stableSince = now;
    } else if (
      (count > 0 || holdMs > 0 || now - started > NO_SLICE_MS) &&
      now - stableSince > QUIET_MS &&
      now - started >= holdMs
    )
      return;
    if (now - started > 1_200_000) throw new Error('the scan did not finish within 20 minutes');
    await new Promise((done) => setTimeout(done, 100));
  }
}

type Metrics = Record<string, number>;

async function readMetrics(cdp: CDPSession): Promise<Metrics> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as {
    metrics: { name: string; value: number }[];
  };
  return Object.fromEntries(metrics.map(({ name, value }) => [name, value]));
}

/** Figures of the work between two metric readings, with what the page recorded since `since` (page clock). */
async function figures(
  page: Page,
  from: Metrics,
  to: Metrics,
  since: number,
  textMB: number,
  elapsedMs: number,
) {
  const delta = (name: string): number => (to[name] ?? Number.NaN) - (from[name] ?? 0);
  // Read after the metrics, so these reads are not counted.
  const recorded = (await page.evaluate(`({
    longTasks: window.benchLongTasks.filter(([start]) => start >= ${since}).map(([, d]) => d),
    slicesMs: performance.getEntriesByName('kamerlens:slice').filter((e) => e.startTime >= ${since})
      .reduce((sum, e) => sum + e.duration, 0),
    marked: new Set([...document.querySelectorAll('kamerlens-ref')].map((m) => m.getAttribute('data-kamerlens-group'))).size,
  })`)) as { longTasks: number[]; slicesMs: number; marked: number };
  const taskMs = delta('TaskDuration') * 1000;
  const cpuMs = delta('ThreadTime') * 1000;
  const scriptMs = delta('ScriptDuration') * 1000;
  const styleMs = delta('RecalcStyleDuration') * 1000;
  const layoutMs = delta('LayoutDuration') * 1000;
  return {
    taskMs,
    cpuMs,
    scriptMs,
    styleMs,
    layoutMs,
    otherMs: taskMs - scriptMs - styleMs - layoutMs,
    slicesMs: recorded.slicesMs,
    layoutCount: delta('LayoutCount'),
    styleCount: delta('RecalcStyleCount'),
    longTasks: recorded.longTasks.length,
    longestTaskMs: Math.max(0, ...recorded.longTasks),
    elapsedMs,
    textMB,
    marked: recorded.marked,
    load: loadavg()[0] ?? Number.NaN,
  };
}

const textMBOf = async (page: Page): Promise<number> =>
  ((await page.evaluate('new Blob([document.body.textContent]).size')) as number) / 1024 / 1024;

/**
 * Loads `url` in a new tab of `context` and measures the page's main thread until the scan is over
 * and at least `holdMs` have passed.
 */
export async function measurePageCost(
  context: BrowserContext,
  url: string,
  holdMs = 0,
  attribution?: Attribution,
): Promise<CostFigures> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const recording = await startAttribution(cdp, attribution);
    const started = Date.now();
    await page.goto(url, { waitUntil: 'load', timeout: 600_000 });
    await waitForQuiet(page, holdMs - (Date.now() - started));
    const metrics = await readMetrics(cdp);
    const result = await figures(page, {}, metrics, 0, await textMBOf(page), Date.now() - started);
    return { ...result, ...(await recording(url)) };
  } finally {
    await page.close();
  }
}

/** Viewports scrolled per step, and the pause between steps (a brisk reader, ~13 screens a second). */
const SCROLL_PAUSE_MS = 75;

/**
 * Loads `url`, waits until the scan at load is over, then scrolls one viewport at a time through
 * the first `scrollMB` of the page's text and measures the work from the first scroll until all is
 * quiet again (and at least `holdMs`).
 */
export async function measureScrollCost(
  context: BrowserContext,
  url: string,
  scrollMB: number,
  holdMs = 0,
  attribution?: Attribution,
): Promise<CostFigures> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(url, { waitUntil: 'load', timeout: 600_000 });
    await waitForQuiet(page, 0);
    const textMB = await textMBOf(page);
    const share = Math.min(1, scrollMB / textMB);
    const recording = await startAttribution(cdp, attribution);
    const before = await readMetrics(cdp);
    const since = (await page.evaluate('performance.now()')) as number;
    const started = Date.now();
    const { height, viewport } = (await page.evaluate(
      '({ height: document.documentElement.scrollHeight, viewport: innerHeight })',
    )) as { height: number; viewport: number };
    const end = height * share;
    for (let y = viewport; y < end; y += viewport) {
      await page.evaluate(`scrollTo(0, ${y})`);
      await new Promise((done) => setTimeout(done, SCROLL_PAUSE_MS));
    }
    await waitForQuiet(page, holdMs - (Date.now() - started));
    const after = await readMetrics(cdp);
    const result = await figures(page, before, after, since, textMB * share, Date.now() - started);
    return { ...result, ...(await recording(url)) };
  } finally {
    await page.close();
  }
}

/** Prints one page's figures: per MB of text with and without the extension, and the difference. */
export function printCost(label: string, extension: CostFigures[], plain: CostFigures[]): void {
  const mb = median(plain.map((r) => r.textMB));
  const m = (runs: CostFigures[], pick: (r: CostFigures) => number) => median(runs.map(pick));
  const columns: [string, (r: CostFigures) => number, boolean][] = [
    ['all work', (r) => r.taskMs, true],
    ['cpu', (r) => r.cpuMs, true],
    ['script', (r) => r.scriptMs, true],
    ['style', (r) => r.styleMs, true],
    ['layout', (r) => r.layoutMs, true],
    ['other', (r) => r.otherMs, true],
    ['slices', (r) => r.slicesMs, true],
    ['layouts', (r) => r.layoutCount, false],
    ['recalcs', (r) => r.styleCount, false],
    ['long tasks', (r) => r.longTasks, false],
    ['longest', (r) => r.longestTaskMs, false],
  ];
  const loads = [...extension, ...plain].map((r) => r.load);
  console.log(
    `\n${label}: ${mb.toFixed(2)} MB of text, median of ${extension.length} runs (ms per MB of text), ` +
      `machine load ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}`,
  );
  console.log(
    ['', ...columns.map(([name]) => name)].map((h, i) => (i ? h.padStart(11) : h.padEnd(26))).join(''),
  );
  const row = (name: string, cells: string[]) =>
    console.log(name.padEnd(26) + cells.map((c) => c.padStart(11)).join(''));
  const cell = (value: number, perMb: boolean) => (perMb ? (value / mb).toFixed(1) : value.toFixed(0));
  row(
    'with Kamerlens',
    columns.map(([, pick, perMb]) => cell(m(extension, pick), perMb)),
  );
  row(
    'without (same run)',
    columns.map(([, pick, perMb]) => cell(m(plain, pick), perMb)),
  );
  row(
    'difference',
    columns.map(([, pick, perMb]) => cell(m(extension, pick) - m(plain, pick), perMb)),
  );
  row(
    'ratio with/without',
    columns.map(([, pick]) =>
      m(plain, pick) === 0 ? '–' : (m(extension, pick) / m(plain, pick)).toFixed(2),
    ),
  );
  // The spread says how far to trust the medians: at a load of 3-5 on 2 cores, all work of one side
  // swung by a third between runs of the same build, mostly in `other`.
  const spread = (runs: CostFigures[], pick: (r: CostFigures) => number) =>
    runs
      .map((r) => pick(r) / mb)
      .sort((a, b) => a - b)
      .map((v) => v.toFixed(0))
      .join(' ');
  for (const [name, pick] of [
    ['all work', (r: CostFigures) => r.taskMs],
    ['cpu', (r: CostFigures) => r.cpuMs],
  ] as const)
    console.log(
      `${name} per run, sorted (ms per MB): with ${spread(extension, pick)}; without ${spread(plain, pick)}`,
    );
  console.log(
    `marked at the end: ${m(extension, (r) => r.marked)} references; target: difference in all work ≤ 50 ms per MB, ` +
      'no long task more than without',
  );
}
