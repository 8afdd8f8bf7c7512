/**
 * Content-script startup in Chromium: what the built extension's content script costs a page
 * that has no references (and, for comparison, the demo pages that have some).
 *
 * Figure (printed, never asserted; median of 7 loads per page): the page's main-thread script
 * time (CDP `Performance.getMetrics` ScriptDuration, every world of the page, so the content
 * script's isolated world included) a moment after load, when the content script has run.
 * Baseline in the same run: the same pages in the same Chromium without the extension; the
 * difference is the content script's evaluation and first scan. Also prints the content script's
 * size, raw and gzipped, in the test build.
 *
 *   npx tsx scripts/bench/content-startup.ts      (needs the test build: npm run build)
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { extensionDir, launchExtension } from '../../tests/e2e/harness';

const LOADS = 7;
/** Long enough after `load` for a document_idle content script to have run its first scan. */
const SETTLE_MS = 1_500;
const PAGES: Record<string, string> = {
  'empty.html': '<!doctype html><html lang="nl"><title>Leeg</title><p>Geen verwijzingen hier.</p></html>',
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function scriptMs(
  withExtension: boolean,
  pagesDir: string,
  files: string[],
): Promise<Map<string, number>> {
  const session = await launchExtension({ pagesDir, withExtension });
  const result = new Map<string, number>();
  try {
    for (const file of files) {
      const samples: number[] = [];
      for (let i = 0; i < LOADS; i += 1) {
        const page = await session.context.newPage();
        const cdp = await session.context.newCDPSession(page);
        await cdp.send('Performance.enable');
        await page.goto(new URL(file, session.serverUrl).href, { waitUntil: 'load' });
        await page.waitForTimeout(SETTLE_MS);
        const { metrics } = await cdp.send('Performance.getMetrics');
        samples.push((metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0) * 1000);
        await cdp.detach();
        await page.close();
      }
      result.set(file, median(samples));
    }
  } finally {
    await session.close();
  }
  return result;
}

async function main(): Promise<void> {
  const content = readFileSync(join(extensionDir(), 'content-scripts', 'content.js'));
  console.log(
    `content script: ${(content.length / 1024).toFixed(1)} KB raw, ${(gzipSync(content, { level: 9 }).length / 1024).toFixed(1)} KB gzipped`,
  );
  const pagesDir = mkdtempSync(join(tmpdir(), 'kamerlens-startup-'));
  try {
    for (const [name, html] of Object.entries(PAGES)) writeFileSync(join(pagesDir, name), html);
    for (const name of ['letter.html', 'news.html'])
      writeFileSync(join(pagesDir, name), readFileSync(join('tests/fixtures/pages', name)));
    const files = ['empty.html', 'letter.html', 'news.html'];
    const baseline = await scriptMs(false, pagesDir, files);
    const withKamerlens = await scriptMs(true, pagesDir, files);
    console.log('page           without   with Kamerlens   content script (difference)');
    for (const file of files) {
      const base = baseline.get(file) ?? 0;
      const ext = withKamerlens.get(file) ?? 0;
      console.log(
        `${file.padEnd(14)} ${base.toFixed(1).padStart(6)} ms ${ext.toFixed(1).padStart(9)} ms ${(ext - base).toFixed(1).padStart(12)} ms`,
      );
    }
  } finally {
    rmSync(pagesDir, { recursive: true, force: true });
  }
}

await main();
