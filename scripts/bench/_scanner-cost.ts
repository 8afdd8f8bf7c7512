/**
 * What marking costs a page: all main-thread work (script, style, layout) of a page with the
 * extension against the same page without it, in the same run. CDP `Performance.getMetrics` sums
 * the renderer's work from navigation until the scan is over; a PerformanceObserver in the page
 * lists the long tasks (≥ 50 ms). The difference between the two browsers is what Kamerlens costs.
 */
import type { BrowserContext, Page } from 'playwright-core';

/** One page load, measured until nothing happened for a second. */
export interface CostFigures {
  taskMs: number;
  scriptMs: number;
  styleMs: number;
  layoutMs: number;
  layoutCount: number;
  styleCount: number;
  longTasks: number;
  longestTaskMs: number;
  /** UTF-8 size of the page's text (`body.textContent`), the unit of "per MB". */
  textMB: number;
  marked: number;
}

const QUIET_MS = 1_000;

/** Waits until the scanner recorded no new slice for a second (with the extension, at least one). */
async function waitForQuiet(page: Page, expectSlices: boolean): Promise<void> {
  let last = -1;
  let stableSince = Date.now();
  const started = Date.now();
  for (;;) {
    const count = (await page.evaluate(`performance.getEntriesByName('kamerlens:slice').length`)) as number;
    if (count !== last) {
      last = count;
      stableSince = Date.now();
    } else if ((count > 0 || !expectSlices) && Date.now() - stableSince > QUIET_MS) return;
    if (Date.now() - started > 1_200_000) throw new Error('the scan did not finish within 20 minutes');
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** Loads `url` in a new tab of `context` and measures the page's main thread until the scan is over. */
export async function measurePageCost(
  context: BrowserContext,
  url: string,
  withExtension: boolean,
): Promise<CostFigures> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(url, { waitUntil: 'load', timeout: 600_000 });
    await waitForQuiet(page, withExtension);
    const { metrics } = (await cdp.send('Performance.getMetrics')) as {
      metrics: { name: string; value: number }[];
    };
    const metric = (name: string): number => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
    // Read after the metrics, so these reads are not counted.
    const page_ = (await page.evaluate(`({
      longTasks: window.benchLongTasks.map(([, d]) => d),
      textBytes: new Blob([document.body.textContent]).size,
      marked: new Set([...document.querySelectorAll('kamerlens-ref')].map((m) => m.getAttribute('data-kamerlens-group'))).size,
    })`)) as { longTasks: number[]; textBytes: number; marked: number };
    return {
      taskMs: metric('TaskDuration') * 1000,
      scriptMs: metric('ScriptDuration') * 1000,
      styleMs: metric('RecalcStyleDuration') * 1000,
      layoutMs: metric('LayoutDuration') * 1000,
      layoutCount: metric('LayoutCount'),
      styleCount: metric('RecalcStyleCount'),
      longTasks: page_.longTasks.length,
      longestTaskMs: Math.max(0, ...page_.longTasks),
      textMB: page_.textBytes / 1024 / 1024,
      marked: page_.marked,
    };
  } finally {
    await page.close();
  }
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

/** Prints one page's figures: per MB of text with and without the extension, and the difference. */
export function printCost(label: string, extension: CostFigures[], plain: CostFigures[]): void {
  const mb = median(plain.map((r) => r.textMB));
  const m = (runs: CostFigures[], pick: (r: CostFigures) => number) => median(runs.map(pick));
  const columns: [string, (r: CostFigures) => number, boolean][] = [
    ['all work', (r) => r.taskMs, true],
    ['script', (r) => r.scriptMs, true],
    ['style', (r) => r.styleMs, true],
    ['layout', (r) => r.layoutMs, true],
    ['layouts', (r) => r.layoutCount, false],
    ['recalcs', (r) => r.styleCount, false],
    ['long tasks', (r) => r.longTasks, false],
    ['longest', (r) => r.longestTaskMs, false],
  ];
  console.log(
    `\n${label}: ${mb.toFixed(2)} MB of text, median of ${extension.length} runs (ms per MB of text)`,
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
    columns.map(([, pick]) => (m(extension, pick) / m(plain, pick)).toFixed(2)),
  );
  console.log(
    `marked ${m(extension, (r) => r.marked)} references; target: difference in all work ≤ 50 ms per MB, ` +
      'no long task more than without',
  );
}
