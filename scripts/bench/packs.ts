/**
 * Pack import (`npm run bench -- packs`): a generated dataset of KAMERLENS_BENCH_DOCS documents
 * (default 100,000) split into packs by vergaderjaar, as `data:build --packs` writes them, then
 * read (unzip, hash, validate) and imported pack by pack into a fresh database. Baseline in the same
 * run: `importDataset` of the same documents as one dataset file. In Chromium (real IndexedDB, the
 * figure that counts) and in Node with fake-indexeddb (labeled as such). Prints figures; asserts
 * nothing.
 */
import 'fake-indexeddb/auto';
import { loadavg } from 'node:os';
import type { DatasetFile } from '../../data/dataset/types';
import { packBytes, splitDataset } from '../../data/pipeline/packs/write-packs';
import { openBenchPage } from './_db-in-chromium';
import {
  generatedDataset,
  type PackFigures,
  type RunFigures,
  timeImport,
  timePackImport,
} from './_db-routines';

const size = Number(process.env.KAMERLENS_BENCH_DOCS ?? 100_000);
// The generated records carry no session year: spread them over sixteen, as a release's packs would be.
const withYears = (generated: DatasetFile): DatasetFile => ({
  ...generated,
  documents: generated.documents.map((document, i) => {
    const year = 2010 + (i % 16);
    return { ...document, vergaderjaar: `${year}-${year + 1}` };
  }),
});
const dataset = withYears(generatedDataset(size));
const packs = splitDataset(dataset, 'vergaderjaar');
const files = packs.map((pack) => new Uint8Array(packBytes(pack)));
const gzBytes = files.reduce((sum, file) => sum + file.length, 0);
console.log(
  `${size.toLocaleString('en')} generated documents → ${packs.length} packs by vergaderjaar, ${(gzBytes / 1048576).toFixed(1)} MB gzip (load ${loadavg()[0]?.toFixed(1)})`,
);

const line = (where: string, packsRun: PackFigures, baseline: RunFigures) => {
  const total = packsRun.readMs + packsRun.importMs;
  const heap = packsRun.peakMb === null ? '' : `, peak JS heap +${packsRun.peakMb.toFixed(0)} MB`;
  console.log(
    `[${where}] packs: read ${(packsRun.readMs / 1000).toFixed(1)} s + import ${(packsRun.importMs / 1000).toFixed(1)} s = ${(total / 1000).toFixed(1)} s for ${packsRun.documents.toLocaleString('en')} documents${heap}; baseline importDataset of the same documents ${(baseline.ms / 1000).toFixed(1)} s; ratio ${(total / baseline.ms).toFixed(2)}x`,
  );
};

const served = new Map(files.map((file, i) => [`/pack-${i}.json.gz`, file]));
const { page, close } = await openBenchPage(undefined, served);
try {
  // The baseline's dataset is generated in the page (the same generator, the same years): sending
  // 100,000 records as JSON would cost the page more memory than the import itself.
  await page.evaluate(`window.withYears = ${withYears.toString()}`);
  // The packs are fetched from the bench's loopback server before the clock starts.
  await page.evaluate(`(async () => {
    window.packFiles = await Promise.all(${JSON.stringify([...served.keys()])}
      .map(async (path) => new Uint8Array(await (await fetch(path)).arrayBuffer())));
  })()`);
  const chromium = (await page.evaluate(`(async () => {
    const heap = () => performance.memory.usedJSHeapSize;
    const packs = await kamerlensBench.timePackImport(window.packFiles, heap);
    window.packFiles = null;
    const baseline = await kamerlensBench.timeImport(window.withYears(kamerlensBench.generatedDataset(${size})), heap);
    return { packs, baseline };
  })()`)) as { packs: PackFigures; baseline: RunFigures };
  line('Chromium, IndexedDB', chromium.packs, chromium.baseline);
} finally {
  await close();
}

// fake-indexeddb keeps everything in this process's heap: past 100,000 documents it measures Node's
// garbage collector, not an import, so the Node run is skipped there.
if (size <= 100_000) {
  const heap = () => process.memoryUsage().heapUsed;
  line('Node, fake-indexeddb', await timePackImport(files, heap), await timeImport(dataset, heap));
} else {
  console.log(
    `[Node, fake-indexeddb] skipped above 100,000 documents (the whole store lives in Node's heap)`,
  );
}
