/**
 * Content-script startup in Chromium and Firefox: what the built extension's content script costs
 * a page that has no references (and, for comparison, the demo pages that have some).
 *
 * Figures (printed, never asserted; median of LOADS loads per cell, the variants interleaved load
 * by load so drift in machine load hits them alike), each a moment after `load`, when the
 * document_idle content script has run its first scan:
 *   - Chromium: CDP `Performance.getMetrics` TaskDuration and ScriptDuration (every world of the
 *     page, so the content script's isolated world included), on pages without any script;
 *   - Firefox (no CDP): main-thread time the page could not use, from a page-side probe
 *     (_startup-probe.ts) on copies of the pages; it also counts the OS descheduling the browser,
 *     so it is noisy on a busy machine: read the medians, not single loads;
 *   - Firefox also: the scanner's own `kamerlens:slice` measures (the probed pages opt in).
 * Baseline in the same run: the same pages in the same browser without the extension. With
 * KAMERLENS_STARTUP_BEFORE=<checkout> (a checkout of an earlier commit with both test builds in
 * its .output) a "before" column compares that build with this tree's ("after"). Also prints the
 * content scripts' sizes, raw and gzipped.
 *
 *   npx tsx scripts/bench/content-startup.ts
 *   (needs `npx wxt build --mode test` and `npx wxt build -b firefox --mode test`)
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { E2EBrowser } from '../../tests/e2e/driver';
import { type ExtensionSession, launchExtension } from '../../tests/e2e/harness';
import { launchFirefox } from '../../tests/e2e/harness-firefox';
import { type ProbeReading, readProbe, withProbe } from './_startup-probe';

const LOADS = Number(process.env.KAMERLENS_STARTUP_LOADS ?? 7);
/** Long enough after `load` for a document_idle content script to have run its first scan. */
const SETTLE_MS = 1_500;
const EMPTY_PAGE =
  '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Leeg</title></head><body><p>Geen verwijzingen hier.</p></body></html>';
const FILES = ['empty.html', 'letter.html', 'news.html'];
/** The probed copy of each page is served under this prefix. */
const PROBE_PREFIX = 'probe-';

/** One browser build under test: null dir means the browser without the extension. */
interface Variant {
  name: string;
  chromiumDir: string | null;
  firefoxDir: string | null;
}

/** Figures of one load. */
type Sample = ProbeReading & { taskMs: number; scriptMs: number };

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

function variants(): Variant[] {
  const list: Variant[] = [{ name: 'without', chromiumDir: null, firefoxDir: null }];
  const before = process.env.KAMERLENS_STARTUP_BEFORE;
  if (before) {
    const root = resolve(before);
    list.push({
      name: 'before',
      chromiumDir: join(root, '.output/chrome-mv3-test'),
      firefoxDir: join(root, '.output/firefox-mv3-test'),
    });
  }
  list.push({
    name: 'after',
    chromiumDir: resolve('.output/chrome-mv3-test'),
    firefoxDir: resolve('.output/firefox-mv3-test'),
  });
  return list;
}

/**
 * Loads one page in a fresh Chromium tab and reads its CDP metrics; the navigation gets a new
 * renderer process (Chromium swaps processes here even within one origin), so the counters are
 * this page's alone.
 */
async function chromiumLoad(session: ExtensionSession, file: string): Promise<Sample> {
  const page = await session.context.newPage();
  try {
    const cdp = await session.context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(new URL(file, session.serverUrl).href, { waitUntil: 'load' });
    await page.waitForTimeout(SETTLE_MS);
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
    return {
      busyMs: Number.NaN,
      sliceMs: Number.NaN,
      taskMs: metric('TaskDuration'),
      scriptMs: metric('ScriptDuration'),
    };
  } finally {
    await page.close();
  }
}

/** Loads one page in a Firefox session and reads the probe. */
async function firefoxLoad(session: E2EBrowser, file: string): Promise<Sample> {
  const page = await session.openPage(`${PROBE_PREFIX}${file}`);
  try {
    await new Promise((done) => setTimeout(done, SETTLE_MS));
    const probe = await page.evaluate(readProbe, undefined);
    return { ...probe, taskMs: Number.NaN, scriptMs: Number.NaN };
  } finally {
    await page.close();
  }
}

/** Runs LOADS rounds; each round loads every page once in every variant's session, in turn. */
async function measure<S>(
  sessions: S[],
  load: (session: S, file: string) => Promise<Sample>,
): Promise<Map<string, Sample[]>[]> {
  const samples = sessions.map(() => new Map<string, Sample[]>(FILES.map((f) => [f, []])));
  for (let round = 0; round < LOADS; round += 1)
    for (const file of FILES)
      for (const [i, session] of sessions.entries()) samples[i]?.get(file)?.push(await load(session, file));
  return samples;
}

function printTable(browser: string, names: string[], samples: Map<string, Sample[]>[]): void {
  const keys: (keyof Sample)[] = browser === 'chromium' ? ['taskMs', 'scriptMs'] : ['busyMs', 'sliceMs'];
  console.log(`\n${browser} (median of ${LOADS} loads, ms)`);
  console.log(
    `${'page'.padEnd(12)} ${'figure'.padEnd(7)} ${names.map((n) => n.padStart(8)).join(' ')}   after-without${names.includes('before') ? '  before-without  after/before' : ''}`,
  );
  for (const file of FILES)
    for (const key of keys) {
      const values = samples.map((s) => median((s.get(file) ?? []).map((x) => x[key])));
      const by = (n: string) => values[names.indexOf(n)] ?? Number.NaN;
      const after = by('after') - by('without');
      const before = by('before') - by('without');
      const extra = names.includes('before')
        ? `  ${before.toFixed(1).padStart(14)}  ${(after / before).toFixed(2).padStart(12)}`
        : '';
      console.log(
        `${file.padEnd(12)} ${key.replace('Ms', '').padEnd(7)} ${values.map((v) => v.toFixed(1).padStart(8)).join(' ')}   ${after.toFixed(1).padStart(13)}${extra}`,
      );
    }
}

function printSizes(list: Variant[]): void {
  for (const v of list)
    for (const dir of [v.chromiumDir, v.firefoxDir]) {
      if (!dir) continue;
      const content = readFileSync(join(dir, 'content-scripts', 'content.js'));
      const gz = gzipSync(content, { level: 9 }).length;
      console.log(
        `${v.name.padEnd(7)} ${dir.split('/').at(-1)?.padEnd(17)} content.js ${(content.length / 1024).toFixed(1)} KB raw, ${(gz / 1024).toFixed(1)} KB gzipped`,
      );
    }
}

async function main(): Promise<void> {
  const list = variants();
  printSizes(list);
  const names = list.map((v) => v.name);
  const pagesDir = mkdtempSync(join(tmpdir(), 'kamerlens-startup-'));
  try {
    const sources: Record<string, string> = { 'empty.html': EMPTY_PAGE };
    for (const name of ['letter.html', 'news.html'])
      sources[name] = readFileSync(join('tests/fixtures/pages', name), 'utf8');
    for (const [name, html] of Object.entries(sources)) {
      writeFileSync(join(pagesDir, name), html);
      writeFileSync(join(pagesDir, `${PROBE_PREFIX}${name}`), withProbe(html));
    }

    const chromium: ExtensionSession[] = [];
    try {
      for (const v of list)
        chromium.push(
          await launchExtension({
            pagesDir,
            withExtension: v.chromiumDir !== null,
            dir: v.chromiumDir ?? undefined,
          }),
        );
      printTable('chromium', names, await measure(chromium, chromiumLoad));
    } finally {
      await Promise.all(chromium.map((s) => s.close()));
    }

    const firefox: E2EBrowser[] = [];
    try {
      for (const v of list)
        firefox.push(
          await launchFirefox({
            pagesDir,
            withExtension: v.firefoxDir !== null,
            dir: v.firefoxDir ?? undefined,
          }),
        );
      printTable('firefox', names, await measure(firefox, firefoxLoad));
    } finally {
      await Promise.all(firefox.map((s) => s.close()));
    }
  } finally {
    rmSync(pagesDir, { recursive: true, force: true });
  }
}

await main();
