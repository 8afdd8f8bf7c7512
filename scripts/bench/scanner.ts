/**
 * Page scanner benchmark in Chromium: a generated 5 MB page with 5,000 references (one per
 * paragraph, a quarter of them split over inline elements), scanned by the built extension.
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
 *   npx tsx scripts/bench/scanner.ts      (needs the test build: npm run build)
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { launchExtension } from '../../tests/e2e/harness';

const REFERENCES = 5_000;
const TARGET_BYTES = 5 * 1024 * 1024;
const RUNS = 3;

const FILLER = [
  'De regering wil dat gemeenten meer ruimte krijgen om mensen in de bijstand op maat te ondersteunen.',
  'Uit de evaluatie blijkt dat de uitvoering ingewikkeld is en dat de regels vaak als streng worden ervaren.',
  'Klantmanagers geven aan dat zij te weinig tijd hebben voor persoonlijke begeleiding van hun cliënten.',
  'In 2024 ontvingen ruim 400 duizend mensen een bijstandsuitkering, een lichte stijging ten opzichte van 2023.',
  'Het kabinet verwacht dat de nieuwe regels in de loop van het jaar stap voor stap zullen worden ingevoerd.',
  'Ook de Vereniging van Nederlandse Gemeenten en Divosa zijn bij de voorbereiding betrokken geweest.',
  'De Kamer heeft gevraagd om jaarlijks te worden geïnformeerd over de belangrijkste ontwikkelingen.',
  'Daarbij gaat het onder meer om de instroom, de uitstroom naar werk en het gebruik van voorzieningen.',
];

/** The i-th reference as HTML: six kinds of reference, every fourth split over inline elements. */
function referenceHtml(i: number): string {
  const n = 100 + (i % 900);
  const split = i % 4 === 3;
  switch (i % 6) {
    case 0:
      return split
        ? `<b>Kamerstukken II</b> 2024/25, <i>34 352</i>, nr. ${n}`
        : `Kamerstukken II 2024/25, 34 352, nr. ${n}`;
    case 1:
      return split ? `Kamerstuk 36 600 XV, <a href="#r${i}">nr. ${n}</a>` : `Kamerstuk 36 600 XV, nr. ${n}`;
    case 2:
      return split
        ? `<em>Aanhangsel Handelingen&nbsp;II</em> 2024/25, <a href="#r${i}">nr.&nbsp;${n}</a>`
        : `Aanhangsel Handelingen II 2024/25, nr. ${n}`;
    case 3:
      return split
        ? `<em>Kamerstukken&nbsp;II</em> 2023/24, <a href="#r${i}">26 448, nr.&nbsp;${n}</a>`
        : `Handelingen II 2024/25, nr. ${n % 150}, item ${1 + (i % 9)}`;
    case 4:
      return `2024Z${String(10_000 + i).padStart(5, '0')}`;
    default:
      return split
        ? `Kamerstukken I 2025/26, <span>36 582</span>, ${'ABCDEFGH'[i % 8]}`
        : `Kamerstukken II, 17 050, nr. ${n}`;
  }
}

/** A page of about `TARGET_BYTES` with `REFERENCES` references, one per paragraph. */
function benchPage(): string {
  const paragraphBytes = Math.floor(TARGET_BYTES / REFERENCES);
  const parts: string[] = [];
  for (let i = 0; i < REFERENCES; i++) {
    if (i % 50 === 0) parts.push(`${i > 0 ? '</section>' : ''}<section><h2>Hoofdstuk ${i / 50 + 1}</h2>`);
    let text = '';
    for (let k = i; text.length < paragraphBytes - 120; k++) text += `${FILLER[k % FILLER.length]} `;
    const cut = text.indexOf(' ', Math.floor(text.length / 2));
    parts.push(`<p>${text.slice(0, cut)} (zie ${referenceHtml(i)}). ${text.slice(cut + 1)}</p>`);
  }
  return `<!doctype html><html lang="nl" data-kamerlens-measure><head><meta charset="utf-8">
<title>Scanner benchmark</title>
<script>
  window.benchLongTasks = [];
  window.benchFrames = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.benchLongTasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.benchFrames.push([e.startTime, e.duration]);
  }).observe({ type: 'long-animation-frame', buffered: true });
</script></head><body><main>${parts.join('\n')}</section></main></body></html>`;
}

/** The same scanning code, bundled as one script that scans the whole page synchronously. */
async function syncScanScript(workDir: string): Promise<string> {
  const content = resolve('entrypoints/content');
  const entry = join(workDir, 'sync-scan.ts');
  writeFileSync(
    entry,
    `import { markBlock } from '${content}/mark-block';
import { createMarkRegistry } from '${content}/mark-registry';
import { textBlocks } from '${content}/text-blocks';
(window as unknown as { benchSyncScan: () => unknown }).benchSyncScan = () => {
  const registry = createMarkRegistry();
  const start = performance.now();
  for (const block of textBlocks(document.body, true)) if (block) markBlock(block, registry, 'verwijzing');
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

async function main(): Promise<void> {
  const workDir = mkdtempSync(join(tmpdir(), 'kamerlens-bench-'));
  try {
    const html = benchPage();
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
