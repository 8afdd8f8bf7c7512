/**
 * Lookup latency p50/p95 (`lookupDocuments`, the DB part of a popover lookup) for the seed dataset
 * and 100,000 generated documents: single ids and batches of 20 (a page's worth), in Chromium with
 * real IndexedDB and in Node with fake-indexeddb (labeled). Baseline in the same run: a full-table
 * scan per batch, as a store without the alias index would need. Target p95 ≤ 10 ms.
 *
 * Message round trip: the built test extension (`wxt build --mode test`) in Chromium, `lookup`
 * sent with runtime.sendMessage from an extension page to the service worker and answered from the
 * bundled seed dataset, then again after the bench imported the generated dataset into the
 * extension's database (from the extension page, through the DevTools protocol: no bench path in
 * any build); baseline the `importStatus` call (same path, no lookup work), interleaved.
 */
import 'fake-indexeddb/auto';
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import type { Page } from 'playwright-core';
import type { DatasetFile } from '../../data/dataset/types';
import { launchExtension } from '../../tests/e2e/harness';
import { seedLikeDataset } from '../../tests/fixtures/db/seed-like';
import { bundledImported, bundleRoutines, openBenchPage } from './_db-in-chromium';
import { datasetPicker, generatedDataset, generatedPicker, timeLookups, withText } from './_db-routines';

type Figures = Awaited<ReturnType<typeof timeLookups>>;

const size = Number(process.env.KAMERLENS_BENCH_DOCS ?? 100_000);
/**
 * Every how many full generated documents one is as long as a real one with its text (13,000-55,000
 * chars, `withText`); 0: none, every one ~2,000 chars, which hid what a card lookup paid for reading
 * whole records (npm run bench -- card-size).
 */
const textEvery = Number(process.env.KAMERLENS_BENCH_TEXT_EVERY ?? 0);
const generatedLabel = `${size.toLocaleString('en')} generated${textEvery > 0 ? `, every ${textEvery}. full one of real size` : ''}`;
/** Cold rounds per kind (the service worker stopped before each message; read before the top-level run below). */
const COLD_ROUNDS = Number(process.env.KAMERLENS_BENCH_COLD_ROUNDS ?? 15);
/** Seconds idle after the import before the round trips are timed again (0: not again). */
const SETTLE_S = Number(process.env.KAMERLENS_BENCH_SETTLE_S ?? 60);
const seed: { label: string; dataset: DatasetFile } = existsSync('public/dataset.json')
  ? { label: 'seed (public/dataset.json)', dataset: JSON.parse(readFileSync('public/dataset.json', 'utf8')) }
  : { label: 'seed-like fixture (public/dataset.json not built yet)', dataset: seedLikeDataset() };

function report(where: string, label: string, figures: Figures) {
  const ms = (value: number) => `${value.toFixed(2)} ms`;
  const { single, batch, cards, baseline, bytes } = figures;
  const kb = (value: number) => `${(value / 1000).toFixed(1)} kB`;
  console.log(
    `[${where}] ${label}: single id p50 ${ms(single.p50)} p95 ${ms(single.p95)}; batch of 20 p50 ${ms(batch.p50)} p95 ${ms(batch.p95)} (n=${batch.n}); ` +
      `batch of 20 as cards p50 ${ms(cards.p50)} p95 ${ms(cards.p95)}; JSON per batch of 20: whole records ${kb(bytes.documents)}, cards ${kb(bytes.cards)}; ` +
      `baseline full scan p50 ${ms(baseline.p50)} p95 ${ms(baseline.p95)} (n=${baseline.n}); batch p95 ratio ${(baseline.p95 / batch.p95).toFixed(0)}x`,
  );
}

// KAMERLENS_BENCH_ROUND_TRIP_ONLY=1 skips the DB-only figures (the round trip alone takes ~1 min).
const roundTripOnly = process.env.KAMERLENS_BENCH_ROUND_TRIP_ONLY === '1';
if (!roundTripOnly) await databaseFigures();

async function databaseFigures() {
  const { page, close } = await openBenchPage();
  try {
    await page.evaluate(`window.seedDataset = ${JSON.stringify(seed.dataset)}`);
    const seedFigures = (await page.evaluate(
      `kamerlensBench.timeLookups(window.seedDataset, kamerlensBench.datasetPicker(window.seedDataset), { rounds: 500, baselineRounds: 200 })`,
    )) as Figures;
    report('Chromium, IndexedDB', seed.label, seedFigures);
    const largeFigures = (await page.evaluate(`(async () => {
    const dataset = kamerlensBench.withText(kamerlensBench.generatedDataset(${size}), ${textEvery});
    return kamerlensBench.timeLookups(dataset, kamerlensBench.generatedPicker(${size}), { rounds: 500, baselineRounds: 5 });
  })()`)) as Figures;
    report('Chromium, IndexedDB', generatedLabel, largeFigures);
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
    generatedLabel,
    await timeLookups(withText(generatedDataset(size), textEvery), generatedPicker(size), {
      rounds: 300,
      baselineRounds: 3,
    }),
  );
}

// The message round trip through the real extension: first on the bundled seed dataset, then, in
// the same session, after the bench replaced it in the extension's database with the generated
// dataset (imported from the extension page by evaluating the routines bundle there).
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
    // The first run imports the bundled dataset; wait for it before timing.
    await bundledImported(page);
    await page.evaluate(`window.benchIds = ${JSON.stringify(ids)}`);
    reportRoundTrip(
      seed.label,
      await timeRoundTrips(
        page,
        '(i, n) => Array.from({ length: n }, (_, k) => window.benchIds[(i * n + k) % window.benchIds.length])',
      ),
    );
    if (COLD_ROUNDS > 0)
      reportColdStarts(
        seed.label,
        await timeColdStarts(
          session,
          page,
          '(i, n) => Array.from({ length: n }, (_, k) => window.benchIds[(i * n + k) % window.benchIds.length])',
        ),
      );
    await page.evaluate(await bundleRoutines());
    const imported = (await page.evaluate(
      `kamerlensBench.importGeneratedIntoExtension(${size}, ${textEvery})`,
    )) as {
      ms: number;
    };
    console.log(
      `[Chromium, extension] imported ${generatedLabel} documents into the extension DB in ${(imported.ms / 1000).toFixed(1)} s`,
    );
    // The bench imported behind the worker's back: the worker still holds the seed's live row (a
    // product import tells it, live-sources.ts publishLive), so its lookups would answer from a
    // generation that is gone, and fast, with nothing. A stopped worker reads the row again on wake.
    await stopWorkers(session, page);
    const picker = `(() => { const pick = kamerlensBench.generatedPicker(${size}); return (_i, n) => pick(n); })()`;
    reportRoundTrip(generatedLabel, await timeRoundTrips(page, picker));
    // Right after writing hundreds of MB the browser's storage engine is still busy in the background
    // (compacting what was written) and the machine's load with it: the same rounds again once the
    // import's after-work had time to end, as a reader meets the data a while after it was imported.
    if (SETTLE_S > 0) {
      await new Promise((done) => setTimeout(done, SETTLE_S * 1000));
      reportRoundTrip(
        `${generatedLabel}, ${SETTLE_S} s after the import`,
        await timeRoundTrips(page, picker),
      );
    }
    if (COLD_ROUNDS > 0) reportColdStarts(generatedLabel, await timeColdStarts(session, page, picker));
  } finally {
    await session.close();
  }
}

/** Stop the extension's service worker (the next message starts it again). */
async function stopWorkers(session: NonNullable<Awaited<ReturnType<typeof launchExtension>>>, page: Page) {
  const cdp = await session.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

type ColdStarts = Record<'lookup' | 'baseline', { p50: number; p95: number; max: number; n: number }>;

/**
 * What a reader's first hover after an idle pause pays: Chrome stops an idle service worker after
 * ~30 s, so the next lookup starts it and reads whatever the worker keeps in memory again. Each
 * round stops the worker (DevTools protocol) and times one message: a batch of 20 ids, or, as the
 * baseline in the same rounds, `importStatus` (the worker's start, no lookup work), alternating.
 */
async function timeColdStarts(
  session: NonNullable<Awaited<ReturnType<typeof launchExtension>>>,
  page: Page,
  picker: string,
): Promise<ColdStarts> {
  const cdp = await session.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await page.evaluate(`window.benchPick = ${picker}`);
  const samples: Record<keyof ColdStarts, number[]> = { lookup: [], baseline: [] };
  for (let round = 0; round < COLD_ROUNDS; round++) {
    for (const kind of round % 2 === 0
      ? (['lookup', 'baseline'] as const)
      : (['baseline', 'lookup'] as const)) {
      await cdp.send('ServiceWorker.stopAllWorkers');
      // Let the stopped worker go before the message wakes a new one.
      await new Promise((done) => setTimeout(done, 300));
      const ms = (await page.evaluate(`(async () => {
        const message = ${kind === 'lookup'} ? { type: 'lookup', payload: { ids: window.benchPick(${round}, 20) } } : { type: 'importStatus', payload: {} };
        const began = performance.now();
        const answer = await chrome.runtime.sendMessage(message);
        if (!answer.ok) throw new Error(answer.error);
        return performance.now() - began;
      })()`)) as number;
      samples[kind].push(ms);
    }
  }
  await cdp.detach();
  const figures = {} as ColdStarts;
  for (const kind of ['lookup', 'baseline'] as const) {
    const list = samples[kind].sort((a, b) => a - b);
    const at = (q: number) => list[Math.min(list.length - 1, Math.floor(q * list.length))] as number;
    figures[kind] = { p50: at(0.5), p95: at(0.95), max: list[list.length - 1] as number, n: list.length };
  }
  return figures;
}

function reportColdStarts(label: string, figures: ColdStarts) {
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const line = ({ p50, p95, max, n }: ColdStarts['lookup']) =>
    `p50 ${ms(p50)} p95 ${ms(p95)} max ${ms(max)} (n=${n})`;
  console.log(
    `[Chromium, extension] ${label}, the service worker stopped before each message (a first hover after an idle pause): batch of 20 ${line(figures.lookup)}; baseline importStatus (the worker's start alone) ${line(figures.baseline)}; the lookup's own p50 ${ms(figures.lookup.p50 - figures.baseline.p50)} (load ${(loadavg()[0] ?? 0).toFixed(1)})`,
  );
}

type RoundTrips = Record<'single' | 'batch' | 'baseline', { p50: number; p95: number; n: number }> & {
  /** Ids the timed lookups asked for, and how many of them came back with a document. */
  asked: number;
  found: number;
};

/**
 * `lookup` round trips from the page (single ids, batches of 20) and the `importStatus` baseline,
 * interleaved in blocks so drift on the shared machine hits all three alike. `picker` is a page
 * expression for `(round, size) => ids`.
 */
function timeRoundTrips(page: Page, picker: string): Promise<RoundTrips> {
  return page.evaluate(`(async () => {
    const pick = ${picker};
    const send = (message) => chrome.runtime.sendMessage(message);
    const samples = { single: [], batch: [], baseline: [] };
    let asked = 0;
    let found = 0;
    const messages = {
      single: (i) => ({ type: 'lookup', payload: { ids: pick(i, 1) } }),
      batch: (i) => ({ type: 'lookup', payload: { ids: pick(i, 20) } }),
      baseline: () => ({ type: 'importStatus', payload: {} }),
    };
    const once = async (kind, i, keep) => {
      const message = messages[kind](i);
      const began = performance.now();
      const answer = await send(message);
      if (keep) samples[kind].push(performance.now() - began);
      if (!answer.ok) throw new Error(answer.error);
      if (keep && message.type === 'lookup') {
        asked += message.payload.ids.length;
        found += answer.value.filter((entry) => entry.document).length;
      }
    };
    for (let i = 0; i < 30; i += 1) for (const kind of Object.keys(messages)) await once(kind, i, false);
    for (let block = 0; block < 10; block += 1)
      for (const kind of Object.keys(messages))
        for (let i = 0; i < 50; i += 1) await once(kind, block * 50 + i, true);
    const at = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    const figures = { asked, found };
    for (const [kind, list] of Object.entries(samples)) {
      list.sort((a, b) => a - b);
      figures[kind] = { p50: at(list, 0.5), p95: at(list, 0.95), n: list.length };
    }
    return figures;
  })()`) as Promise<RoundTrips>;
}

function reportRoundTrip(label: string, figures: RoundTrips) {
  const ms = (value: number) => `${value.toFixed(2)} ms`;
  console.log(
    `[Chromium, extension] ${label} round trip (sendMessage → service worker → IndexedDB): single id p50 ${ms(figures.single.p50)} p95 ${ms(figures.single.p95)}; ` +
      `batch of 20 p50 ${ms(figures.batch.p50)} p95 ${ms(figures.batch.p95)} (n=${figures.batch.n}); baseline importStatus round trip p50 ${ms(figures.baseline.p50)} p95 ${ms(figures.baseline.p95)}; batch/baseline p95 ${(figures.batch.p95 / figures.baseline.p95).toFixed(1)}x; ` +
      `found ${figures.found.toLocaleString('en')} of ${figures.asked.toLocaleString('en')} ids asked (load ${(loadavg()[0] ?? 0).toFixed(1)})`,
  );
}
