/**
 * Lookup latency p50/p95 (`lookupDocuments`, the DB part of a popover lookup) for the seed dataset
 * and 100,000 generated documents: single ids and batches of 20 (a page's worth), in Chromium with
 * real IndexedDB and in Node with fake-indexeddb (labeled). Baseline in the same run: a full-table
 * scan per batch, as a store without the alias index would need. Target p95 ≤ 10 ms.
 *
 * Message round trip: the built test extension (`wxt build --mode test`) in Chromium, `lookup`
 * sent with runtime.sendMessage from an extension page to the service worker and answered from the
 * bundled dataset; baseline the `importStatus` call (same path, no lookup work).
 */
import 'fake-indexeddb/auto';
import { existsSync, readFileSync } from 'node:fs';
import type { DatasetFile } from '../../data/documents/types';
import { launchExtension } from '../../tests/e2e/harness';
import { seedLikeDataset } from '../../tests/fixtures/db/seed-like';
import { openBenchPage } from './_db-in-chromium';
import { datasetPicker, generatedDataset, generatedPicker, timeLookups } from './_db-routines';

type Figures = Awaited<ReturnType<typeof timeLookups>>;

const size = Number(process.env.KAMERLENS_BENCH_DOCS ?? 100_000);
const seed: { label: string; dataset: DatasetFile } = existsSync('public/dataset.json')
  ? { label: 'seed (public/dataset.json)', dataset: JSON.parse(readFileSync('public/dataset.json', 'utf8')) }
  : { label: 'seed-like fixture (public/dataset.json not built yet)', dataset: seedLikeDataset() };

function report(where: string, label: string, figures: Figures) {
  const ms = (value: number) => `${value.toFixed(2)} ms`;
  const { single, batch, baseline } = figures;
  console.log(
    `[${where}] ${label}: single id p50 ${ms(single.p50)} p95 ${ms(single.p95)}; batch of 20 p50 ${ms(batch.p50)} p95 ${ms(batch.p95)} (n=${batch.n}); ` +
      `baseline full scan p50 ${ms(baseline.p50)} p95 ${ms(baseline.p95)} (n=${baseline.n}); batch p95 ratio ${(baseline.p95 / batch.p95).toFixed(0)}x`,
  );
}

const { page, close } = await openBenchPage();
try {
  await page.evaluate(`window.seedDataset = ${JSON.stringify(seed.dataset)}`);
  const seedFigures = (await page.evaluate(
    `kamerlensBench.timeLookups(window.seedDataset, kamerlensBench.datasetPicker(window.seedDataset), { rounds: 500, baselineRounds: 200 })`,
  )) as Figures;
  report('Chromium, IndexedDB', seed.label, seedFigures);
  const largeFigures = (await page.evaluate(`(async () => {
    const dataset = kamerlensBench.generatedDataset(${size});
    return kamerlensBench.timeLookups(dataset, kamerlensBench.generatedPicker(${size}), { rounds: 500, baselineRounds: 5 });
  })()`)) as Figures;
  report('Chromium, IndexedDB', `${size.toLocaleString('en')} generated`, largeFigures);
} finally {
  await close();
}

report(
  'Node, fake-indexeddb',
  seed.label,
  await timeLookups(seed.dataset, datasetPicker(seed.dataset), { rounds: 500, baselineRounds: 200 }),
);
report(
  'Node, fake-indexeddb',
  `${size.toLocaleString('en')} generated`,
  await timeLookups(generatedDataset(size), generatedPicker(size), { rounds: 300, baselineRounds: 3 }),
);

// The message round trip through the real extension (seed dataset only: the extension imports
// what it ships).
const session = await launchExtension().catch((error: unknown) => {
  console.log(
    `[Chromium, extension] round trip not measured: ${error instanceof Error ? error.message : error}`,
  );
  return null;
});
if (session) {
  try {
    const page = await session.openExtensionPage('sidepanel.html');
    // Distinct canonical ids, as the content script sends them (the recognizer yields canonical ids).
    const ids = seed.dataset.documents.map((document) => document.id);
    const figures = (await page.evaluate(`(async () => {
      const ids = ${JSON.stringify(ids)};
      const send = (message) => chrome.runtime.sendMessage(message);
      // The first run imports the dataset; wait for it before timing.
      for (let i = 0; i < 200; i += 1) {
        const status = await send({ type: 'importStatus', payload: {} });
        if (status.ok && status.value.state === 'done') break;
        await new Promise((r) => setTimeout(r, 100));
      }
      const time = async (rounds, message) => {
        const samples = [];
        for (let i = 0; i < rounds; i += 1) {
          const began = performance.now();
          const answer = await send(message(i));
          samples.push(performance.now() - began);
          if (!answer.ok) throw new Error(answer.error);
        }
        samples.sort((a, b) => a - b);
        return { p50: samples[Math.floor(samples.length * 0.5)], p95: samples[Math.floor(samples.length * 0.95)], n: samples.length };
      };
      const pick = (i, n) => Array.from({ length: n }, (_, k) => ids[(i * n + k) % ids.length]);
      return {
        single: await time(500, (i) => ({ type: 'lookup', payload: { ids: pick(i, 1) } })),
        batch: await time(500, (i) => ({ type: 'lookup', payload: { ids: pick(i, 20) } })),
        baseline: await time(500, () => ({ type: 'importStatus', payload: {} })),
      };
    })()`)) as Record<'single' | 'batch' | 'baseline', { p50: number; p95: number; n: number }>;
    const ms = (value: number) => `${value.toFixed(2)} ms`;
    console.log(
      `[Chromium, extension] ${seed.label} round trip (sendMessage → service worker → IndexedDB): single id p50 ${ms(figures.single.p50)} p95 ${ms(figures.single.p95)}; ` +
        `batch of 20 p50 ${ms(figures.batch.p50)} p95 ${ms(figures.batch.p95)} (n=${figures.batch.n}); baseline importStatus round trip p50 ${ms(figures.baseline.p50)} p95 ${ms(figures.baseline.p95)}; batch/baseline p95 ${(figures.batch.p95 / figures.baseline.p95).toFixed(1)}x`,
    );
  } finally {
    await session.close();
  }
}
