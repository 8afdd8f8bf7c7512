/**
 * Lookup latency p50/p95 (`lookupDocuments`, the DB part of a popover lookup) for the seed dataset
 * and 100,000 generated documents: single ids and batches of 20 (a page's worth), in Chromium with
 * real IndexedDB and in Node with fake-indexeddb (labeled). Baseline in the same run: a full-table
 * scan per batch, as a store without the alias index would need. Target p95 ≤ 10 ms.
 */
import 'fake-indexeddb/auto';
import { existsSync, readFileSync } from 'node:fs';
import type { DatasetFile } from '../../data/documents/types';
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
