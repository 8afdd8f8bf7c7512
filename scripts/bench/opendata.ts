/**
 * Open data: sync throughput (entities/s) and memory against a loopback SyncFeed, and build time,
 * memory and output size for 100,000 and 300,000 generated documents with the real vocabulary of
 * document kinds. Baselines in the same run: for the sync, fetching the same pages without parsing
 * or storing them (interleaved rounds, medians); for the build, the bundled build from the source documents alone.
 * KAMERLENS_BENCH_SYNC sets the synced document count, KAMERLENS_BENCH_BUILD the build sizes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildDataset } from '../../data/pipeline/build';
import { buildWithOpenData } from '../../data/pipeline/opendata/build-opendata';
import type { Category } from '../../data/pipeline/opendata/categories';
import { commitPage, readState } from '../../data/pipeline/opendata/store';
import { syncCategory } from '../../data/pipeline/opendata/sync';
import { datasetText } from '../../data/pipeline/write-dataset';
import { startFeedServer } from '../../tests/fixtures/opendata/feed-server';
import { entityXml, generatedEntities } from './_opendata-generator';

const SYNC_DOCS = Number(process.env.KAMERLENS_BENCH_SYNC ?? 10_000);
const ROUNDS = 3;
const BUILD_SIZES = (process.env.KAMERLENS_BENCH_BUILD ?? '100000,300000').split(',').map(Number);
const PAGE = 250;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** Run `work` while sampling the resident set; returns its result, time and peak RSS growth. */
async function measured<T>(work: () => Promise<T> | T): Promise<{ value: T; ms: number; peakRss: number }> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const started = performance.now();
  try {
    const value = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { value, ms: performance.now() - started, peakRss: peak - before };
  } finally {
    clearInterval(timer);
  }
}

async function benchSync(): Promise<void> {
  const documents = generatedEntities(SYNC_DOCS).Document ?? [];
  const log = documents.map((e) => ({ element: e.element, id: e.id, xml: entityXml(e) }));
  const server = await startFeedServer({ Document: log }, PAGE);
  const outs: string[] = [];
  // Interleaved rounds, medians reported: the machine is shared and its load drifts.
  const baselines: number[] = [];
  const syncs: { ms: number; peakRss: number }[] = [];
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const baseline = await measured(async () => {
        for (let token = 0; token < log.length; token += PAGE) {
          const response = await fetch(`${server.base}/Feed?category=Document&skiptoken=${token}`);
          await response.text();
        }
      });
      baselines.push(baseline.ms);
      const out = mkdtempSync(join(tmpdir(), 'kamerlens-bench-sync-'));
      outs.push(out);
      syncs.push(await measured(() => syncCategory('Document', { feed: server.base, out })));
    }
    const sync = median(syncs.map((r) => r.ms));
    const baseline = median(baselines);
    const rate = (ms: number) => Math.round(log.length / (ms / 1000));
    console.log(
      `sync ${log.length} documents (${Math.ceil(log.length / PAGE)} pages of ${PAGE}) from 127.0.0.1, median of ${ROUNDS}: ${rate(sync)} entities/s, ${sync.toFixed(0)} ms, peak +${mb(Math.max(...syncs.map((r) => r.peakRss)))} RSS`,
    );
    console.log(
      `  baseline, fetching the same pages without parsing or storing, median of ${ROUNDS}: ${rate(baseline)} entities/s, ${baseline.toFixed(0)} ms; sync/baseline time ratio ${(sync / baseline).toFixed(2)}`,
    );
  } finally {
    await server.close();
    for (const out of outs) rmSync(out, { recursive: true, force: true });
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function storeOf(count: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'kamerlens-bench-build-'));
  for (const [category, entities] of Object.entries(generatedEntities(count)) as [
    Category,
    typeof Array.prototype,
  ][]) {
    for (let i = 0; i < entities.length; i += PAGE * 4)
      commitPage(dir, readState(dir, category), entities.slice(i, i + PAGE * 4), String(i));
  }
  return dir;
}

async function benchBuild(): Promise<void> {
  const bundled = await measured(() => buildDataset().dataset);
  const bundledBytes = Buffer.byteLength(datasetText(bundled.value));
  console.log(
    `baseline: bundled build (sources only, ${bundled.value.documents.length} records): ${bundled.ms.toFixed(0)} ms, ${bundledBytes} bytes`,
  );
  let first: { size: number; ms: number } | null = null;
  for (const size of BUILD_SIZES) {
    const dir = storeOf(size);
    try {
      const built = await measured(() => buildWithOpenData({ opendataDir: dir }));
      const text = datasetText(built.value.dataset);
      const bytes = Buffer.byteLength(text);
      const gzip = gzipSync(text).length;
      const perDoc = (built.ms * 1000) / size;
      const scaling = first
        ? `; ${(built.ms / first.ms).toFixed(2)}× the time of ${first.size} for ${(size / first.size).toFixed(1)}× the documents`
        : '';
      console.log(
        `build with ${size} open-data documents: ${built.ms.toFixed(0)} ms (${perDoc.toFixed(1)} µs/document, ${(built.ms / bundled.ms).toFixed(1)}× the bundled build), peak +${mb(built.peakRss)} RSS, output ${mb(bytes)} (${mb(gzip)} gzip), ${built.value.dataset.documents.length} records${scaling}`,
      );
      first ??= { size, ms: built.ms };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

await benchSync();
await benchBuild();
