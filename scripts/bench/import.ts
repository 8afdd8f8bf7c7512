/**
 * Dataset import: time and peak memory for the seed dataset and for 100,000 generated documents,
 * in Chromium (real IndexedDB, the figure that counts) and in Node with fake-indexeddb (a pure-JS
 * IndexedDB, labeled as such). Baseline in the same run: the same 10,000 documents written one
 * `put` per record. Set KAMERLENS_BENCH_DOCS to change the large size.
 */
import 'fake-indexeddb/auto';
import { existsSync, readFileSync } from 'node:fs';
import type { DatasetFile } from '../../data/dataset/types';
import { seedLikeDataset } from '../../tests/fixtures/db/seed-like';
import { openBenchPage } from './_db-in-chromium';
import { generatedDataset, type RunFigures, timeImport, timeNaiveImport } from './_db-routines';

const size = Number(process.env.KAMERLENS_BENCH_DOCS ?? 100_000);
const memory = (figures: RunFigures) =>
  figures.peakMb === null ? 'n/a' : `+${figures.peakMb.toFixed(0)} MB`;
const nodeHeap = () => {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
};

const seed: { label: string; dataset: DatasetFile } = existsSync('public/dataset.json')
  ? { label: 'seed (public/dataset.json)', dataset: JSON.parse(readFileSync('public/dataset.json', 'utf8')) }
  : { label: 'seed-like fixture (public/dataset.json not built yet)', dataset: seedLikeDataset() };

const { page, close } = await openBenchPage();
try {
  await page.evaluate(`window.seedDataset = ${JSON.stringify(seed.dataset)}`);
  const chromiumSeed = (await page.evaluate(
    'kamerlensBench.timeImport(window.seedDataset, () => performance.memory.usedJSHeapSize)',
  )) as RunFigures;
  console.log(
    `[Chromium, IndexedDB] ${seed.label}: ${seed.dataset.documents.length} records, ${chromiumSeed.ms.toFixed(1)} ms`,
  );
  const chromium = (await page.evaluate(`(async () => {
    const heap = () => performance.memory.usedJSHeapSize;
    const slice = kamerlensBench.generatedDataset(10000);
    const sliceImport = await kamerlensBench.timeImport(slice, heap);
    const sliceNaive = await kamerlensBench.timeNaiveImport(slice, heap);
    const large = kamerlensBench.generatedDataset(${size});
    const largeImport = await kamerlensBench.timeImport(large, heap);
    return { sliceImport, sliceNaive, largeImport };
  })()`)) as Record<'sliceImport' | 'sliceNaive' | 'largeImport', RunFigures>;
  console.log(
    `[Chromium, IndexedDB] 10,000 generated: importDataset ${chromium.sliceImport.ms.toFixed(0)} ms; baseline one put per record ${chromium.sliceNaive.ms.toFixed(0)} ms; ratio ${(chromium.sliceNaive.ms / chromium.sliceImport.ms).toFixed(1)}x`,
  );
  console.log(
    `[Chromium, IndexedDB] ${size.toLocaleString('en')} generated: import ${(chromium.largeImport.ms / 1000).toFixed(1)} s (target ≤ 15 s), peak JS heap ${memory(chromium.largeImport)} (dataset object itself excluded: built before)`,
  );
} finally {
  await close();
}

const slice = generatedDataset(10_000);
const nodeSlice = await timeImport(slice, nodeHeap);
const nodeNaive = await timeNaiveImport(slice, nodeHeap);
console.log(
  `[Node, fake-indexeddb] 10,000 generated: importDataset ${nodeSlice.ms.toFixed(0)} ms; baseline ${nodeNaive.ms.toFixed(0)} ms; ratio ${(nodeNaive.ms / nodeSlice.ms).toFixed(1)}x`,
);
const large = generatedDataset(size);
const nodeLarge = await timeImport(large, nodeHeap);
console.log(
  `[Node, fake-indexeddb] ${size.toLocaleString('en')} generated (${(JSON.stringify(large).length / 1048576).toFixed(0)} MB JSON): import ${(nodeLarge.ms / 1000).toFixed(1)} s, peak heap ${memory(nodeLarge)} (includes fake-indexeddb's in-memory store)`,
);
