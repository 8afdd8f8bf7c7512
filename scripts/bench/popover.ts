/**
 * Popover benchmark in Chromium with the built extension: time from the pointer entering a reference
 * to the card painted on screen (the content script's opt-in `kamerlens:popover-paint` measure: the
 * pointerover timestamp to the task after the frame that shows the card), over many hovers.
 * Baseline in the same run: the lookup round trip alone (`kamerlens:popover-lookup`), and the fixed
 * hover-intent dwell (150 ms) that the design adds on purpose. Also the first hover on fresh pages,
 * where the card UI is loaded at that first contact, against later cold hovers. Figures are printed, never asserted.
 *
 *   npx tsx scripts/bench/popover.ts        (needs `npm run build` first)
 */
import type { Page } from 'playwright-core';
import { launchExtension } from '../../tests/e2e/harness';

const DISTINCT = 60;
const INTENT_MS = 150;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
const line = (label: string, values: number[]) =>
  `${label.padEnd(44)} p50 ${fmt(percentile(values, 50)).padStart(9)}   p95 ${fmt(percentile(values, 95)).padStart(9)}   (n=${values.length})`;

/** References to hover: ids from the seeds (found or stubs) and made-up numbers (not in the dataset). */
function benchReferences(): string[] {
  const known = [
    'Kamerstukken II 2025/26, 34352, nr. 349',
    'Kamerstukken II 2024/25, 34 352, nr. 330',
    'Aanhangsel Handelingen II 2024/25, nr. 520',
    'Kamerstukken II 2024/25, 34 352, nr. 327',
    'Kamerstuk 36 600 XV, nr. 85',
  ];
  const made = Array.from(
    { length: DISTINCT - known.length },
    (_, i) => `Kamerstukken II 2022/23, 31 ${100 + i}, nr. ${i + 2}`,
  );
  return [...known, ...made];
}

async function entries(page: Page, name: string): Promise<number[]> {
  return page.evaluate((n) => performance.getEntriesByName(n).map((e) => e.duration), name);
}

/** Hovers each reference in turn (pointer moves straight from one to the next) and waits for its card. */
async function hoverAll(page: Page, count: number): Promise<number[]> {
  const before = (await entries(page, 'kamerlens:popover-paint')).length;
  for (let i = 0; i < count; i += 1) {
    const target = page.locator('kamerlens-ref[tabindex="0"]').nth(i);
    await page.mouse.move(2, 2);
    await page.waitForTimeout(20);
    await target.hover();
    await page.waitForFunction(
      (expected) => performance.getEntriesByName('kamerlens:popover-paint').length >= expected,
      before + i + 1,
      { timeout: 10_000 },
    );
  }
  return (await entries(page, 'kamerlens:popover-paint')).slice(before);
}

/** Loads of a fresh page whose first hover is measured (the card UI is loaded at that first contact). */
const FRESH_PAGES = 7;

/** The first hover on each of several fresh pages: pointer enter → card painted, UI loading included. */
async function firstHovers(session: Awaited<ReturnType<typeof launchExtension>>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < FRESH_PAGES; i += 1) {
    const page = await session.openPage('news.html');
    await page.evaluate(() => document.documentElement.setAttribute('data-kamerlens-measure', ''));
    await page.locator('kamerlens-ref[tabindex="0"]').first().waitFor();
    samples.push(...(await hoverAll(page, 1)));
    await page.close();
  }
  return samples;
}

async function main() {
  const session = await launchExtension();
  try {
    const first = await firstHovers(session);
    const page = await session.openPage('news.html');
    await page.locator('kamerlens-ref').first().waitFor();
    const references = benchReferences();
    await page.evaluate((refs) => {
      document.documentElement.setAttribute('data-kamerlens-measure', '');
      const list = document.createElement('ol');
      list.style.cssText = 'columns: 2; font-size: 14px;';
      for (const ref of refs) {
        const item = document.createElement('li');
        item.textContent = `Zie ${ref}.`;
        list.append(item);
      }
      document.body.replaceChildren(list);
    }, references);
    await page.waitForFunction(
      (n) => document.querySelectorAll('kamerlens-ref[tabindex="0"]').length >= n,
      references.length,
      { timeout: 20_000 },
    );

    const cold = await hoverAll(page, references.length);
    const lookups = await entries(page, 'kamerlens:popover-lookup');
    const warm = await hoverAll(page, references.length);

    const minusIntent = (values: number[]) => values.map((v) => v - INTENT_MS);
    console.log(`Popover: pointer enter → card painted, ${references.length} distinct references, Chromium`);
    console.log(line('cold (first hover, lookup sent)', cold));
    console.log(line('warm (cached lookup)', warm));
    console.log(line('cold minus the 150 ms intent dwell', minusIntent(cold)));
    console.log(line('warm minus the 150 ms intent dwell', minusIntent(warm)));
    console.log(line('baseline: lookup round trip alone', lookups));
    console.log(line('first hover on a fresh page (loads card UI)', first));
    console.log(
      `ratio (first hover p50) / (cold p50 on a page with the UI loaded): ${(percentile(first, 50) / percentile(cold, 50)).toFixed(2)}`,
    );
    const ratio = (percentile(minusIntent(cold), 50) / percentile(lookups, 50)).toFixed(2);
    console.log(`ratio (cold p50 after intent) / (lookup p50): ${ratio}`);
    console.log(`target: card by ~500 ms after pointer enter; cold p95 ${fmt(percentile(cold, 95))}`);
  } finally {
    await session.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
