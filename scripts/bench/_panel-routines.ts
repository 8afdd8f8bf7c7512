/**
 * Panel benchmark routines, run in Chromium with real IndexedDB (bundled with _db-routines.ts by
 * _db-in-chromium.ts): import a generated dataset while a page's lookups keep coming, open the
 * library as the side panel does (stored catalog and index, first page of records), type queries
 * through the whole library view, look ids up; and the old way as baseline (every record read, the
 * in-memory index built). State between calls lives on `globalThis`, so the bench can read the
 * heap (DevTools protocol) between them.
 */
import { createFacetIndex } from '../../components/sidepanel/facet-index';
import { NO_FILTERS } from '../../components/sidepanel/facets';
import { createLibraryModel } from '../../components/sidepanel/library-model';
import { findCitations } from '../../data/citations/index';
import { blocksOf } from '../../data/db/block-packing';
import { listDocuments, listDossiers } from '../../data/db/documents';
import { importDataset } from '../../data/db/import-dataset';
import { type KamerlensDB, openKamerlensDB } from '../../data/db/kamerlens-db';
import { holdLiveInMemory } from '../../data/db/live-sources';
import { putReadsFirst } from '../../data/db/read-priority';
import { readDocuments, resolveDocuments } from '../../data/db/resolve-documents';
import { openStoredIndex } from '../../data/db/search-segments';
import { writeInChunks } from '../../data/db/write-in-chunks';
import { catalogId } from '../../data/search/catalog';
import { buildSearchIndex, createSearcher } from '../../data/search/index';
import type { OpenedIndex } from '../../data/search/open-segments';
import { explainWaits, watchImport, wrapTransactions } from './_import-waits';
import { lookupsWhile, percentiles, waited } from './_lookup-waits';
import { panelDataset } from './_panel-corpus';
import { picker, timePanelLookups } from './_panel-lookups';

interface Held {
  db?: KamerlensDB;
  count?: number;
  panel?: unknown;
  index?: OpenedIndex;
  old?: unknown;
}
/** Time the open panel's view spent reading records, and how many, since last reset. */
const viewReads = { ms: 0, ids: 0 };
const held = (globalThis as { kamerlensPanelBench?: Held }).kamerlensPanelBench ?? {};
(globalThis as { kamerlensPanelBench?: Held }).kamerlensPanelBench = held;

/**
 * Runs `work` while a lookup of one id is issued every 25 ms (as pages keep asking during an
 * import), as the background answers it (`lookupCards`): how long it took, how long each lookup
 * waited for its answer meanwhile, and (`explain`) why the lookups that waited over 50 ms did
 * (_import-waits.ts).
 */
async function withLookups(db: KamerlensDB, count: number, work: () => Promise<unknown>, explain = false) {
  const pick = picker(count);
  const watch = explain ? watchImport() : null;
  let ms = 0;
  const waits = await lookupsWhile(
    db,
    () => pick(1),
    async () => {
      const start = performance.now();
      await work();
      ms = performance.now() - start;
    },
  );
  const logged = watch?.stop();
  return {
    ms,
    waits: percentiles(waited(waits)),
    why: logged ? explainWaits(waits, logged, ['documentBlocks', 'dossierBlocks']) : null,
  };
}

/**
 * Generates `count` documents and imports them into a fresh database while lookups keep coming:
 * the import time, how long lookups waited meanwhile, and (the baseline) how long the same lookups
 * take on the imported database with nothing else running.
 */
export async function panelImport(count: number, words: string[], name?: string) {
  const began = performance.now();
  const dataset = panelDataset(count, words);
  const generateMs = performance.now() - began;
  wrapTransactions();
  const db = openKamerlensDB(name ?? `panel-bench-${count}-${Math.random().toString(36).slice(2)}`);
  // As the background: the context that imports holds the live generations (its lookups read no
  // meta) and lets its lookups go before its next block write.
  holdLiveInMemory(db);
  putReadsFirst(db);
  await db.open();
  const imported = await withLookups(
    db,
    count,
    async () => {
      const outcome = await importDataset(db, dataset);
      if (outcome.status !== 'imported')
        throw new Error(outcome.status === 'failed' ? outcome.error : outcome.status);
    },
    true,
  );
  const idle = await withLookups(db, count, () => new Promise((r) => setTimeout(r, 5000)));
  held.db = db;
  held.count = count;
  return {
    generateMs,
    importMs: imported.ms,
    lookupsDuringImport: imported.waits,
    whyWaits: imported.why,
    lookupsIdle: idle.waits,
  };
}

/**
 * Baseline: the same documents' and dossiers' blocks written in one read-write transaction (no
 * search index, no flip: the storage's floor, and what lookups wait for when an import does not
 * write in short transactions) into a fresh database, while the same lookups keep coming.
 */
export async function panelImportBaseline(count: number, words: string[]) {
  const dataset = panelDataset(count, words);
  const db = openKamerlensDB(`panel-bench-base-${count}-${Math.random().toString(36).slice(2)}`);
  await db.open();
  const written = await withLookups(db, count, () =>
    db.transaction('rw', [db.documentBlocks, db.dossierBlocks], () =>
      Promise.all([
        writeInChunks(db.documentBlocks, blocksOf('bundled', 1, dataset.documents), { mode: 'add' }),
        writeInChunks(db.dossierBlocks, blocksOf('bundled', 1, dataset.dossiers), { mode: 'add' }),
      ]),
    ),
  );
  await db.delete();
  return { ms: written.ms, lookups: written.waits };
}

/**
 * Opens database `name` when an earlier run imported `count` documents into it (a kept profile,
 * PANEL_BENCH_PROFILE): true when it can be used as is, false when it must be imported first.
 */
export async function panelReuse(count: number, name: string): Promise<boolean> {
  const db = openKamerlensDB(name);
  await db.open();
  const meta = await db.meta.get('dataset');
  if (!meta || !('counts' in meta) || meta.counts.documents !== count) {
    db.close();
    await db.delete();
    return false;
  }
  held.db = db;
  held.count = count;
  return true;
}

function database(): KamerlensDB {
  if (!held.db) throw new Error('panelImport first');
  return held.db;
}

/** The panel's open: the stored head, the first page of the newest documents, then search readiness. */
export async function panelOpen() {
  const db = database();
  // The catalog rows' read alone, once before the clock (then the panel's open reads them again).
  const readStart = performance.now();
  await db.searchCatalogs.orderBy('id').toArray();
  const readMs = performance.now() - readStart;
  await new Promise((resolve) => setTimeout(resolve, 0));
  const began = performance.now();
  const opened = await openStoredIndex(db);
  const openMs = performance.now() - began;
  // The records the view reads (those its recent-records cache misses), timed as the view waits for them.
  const records = async (ids: readonly string[]) => {
    const start = performance.now();
    try {
      return await readDocuments(db, ids);
    } finally {
      viewReads.ms += performance.now() - start;
      viewReads.ids += ids.length;
    }
  };
  const model = createLibraryModel(opened, records, (ids) => resolveDocuments(db, ids), findCitations);
  const view = await model.view('', NO_FILTERS, 50);
  const firstResultsMs = performance.now() - began;
  const index = await opened.index();
  await index.ready;
  const searchReadyMs = performance.now() - began;
  held.panel = model;
  held.index = index;
  return { readMs, openMs, firstResultsMs, searchReadyMs, listed: view.items.length, total: view.total };
}

/** Every keystroke of `words` typed letter by letter, through the whole library view (records, snippets, facets). */
export async function panelKeystrokes(words: string[], repeats = 3) {
  const model = held.panel as ReturnType<typeof createLibraryModel> | undefined;
  if (!model) throw new Error('panelOpen first');
  const prefixes = words.flatMap((word) =>
    Array.from({ length: word.length }, (_, i) => word.slice(0, i + 1)),
  );
  for (const prefix of prefixes) await model.view(prefix, NO_FILTERS, 50);
  // Postings the measured keystrokes still read from the database (the cache's misses).
  const postings = database().searchPostings;
  const bulkGet = postings.bulkGet;
  const misses = { rows: 0, postings: 0 };
  postings.bulkGet = (async (keys: [string, string][]) => {
    const rows = await bulkGet.call(postings, keys);
    misses.rows += rows.length;
    for (const row of rows) misses.postings += row && 'passages' in row ? row.passages.length : 0;
    return rows;
  }) as typeof bulkGet;
  const perKeystroke: number[][] = prefixes.map(() => []);
  const viewReadMs: number[][] = prefixes.map(() => []);
  const viewReadIds: number[] = prefixes.map(() => 0);
  const searchAlone: number[][] = prefixes.map(() => []);
  const recordsAlone: number[][] = prefixes.map(() => []);
  const facetsAlone: number[][] = prefixes.map(() => []);
  const matchedSizes: number[] = prefixes.map(() => 0);
  let facets: ReturnType<typeof createFacetIndex> | undefined;
  const index = held.index;
  for (let r = 0; r < repeats; r++) {
    for (const [i, prefix] of prefixes.entries()) {
      viewReads.ms = 0;
      viewReads.ids = 0;
      const began = performance.now();
      await model.view(prefix, NO_FILTERS, 50);
      perKeystroke[i]?.push(performance.now() - began);
      viewReadMs[i]?.push(viewReads.ms);
      viewReadIds[i] = viewReads.ids;
      // The same keystroke's parts: the search alone (postings read and ranking), the records of
      // its top 50, the filter counts over its matches.
      const searched = performance.now();
      const outcome = await index?.search(prefix, { limit: 50, passagesPerDoc: 3 });
      searchAlone[i]?.push(performance.now() - searched);
      if (index && outcome) {
        const ids = outcome.top.map((hit) => catalogId(index.catalog, hit.doc));
        const read = performance.now();
        await readDocuments(database(), ids);
        recordsAlone[i]?.push(performance.now() - read);
        const counted = performance.now();
        facets ??= createFacetIndex(index.catalog);
        facets.count(outcome.matched, NO_FILTERS);
        facetsAlone[i]?.push(performance.now() - counted);
        matchedSizes[i] = outcome.matched.length;
      }
    }
  }
  postings.bulkGet = bulkGet;
  const slowest = prefixes
    .map((prefix, i) => ({
      prefix,
      ms: percentiles(perKeystroke[i] ?? []).p50,
      matched: matchedSizes[i] ?? 0,
    }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 5);
  return {
    ...percentiles(perKeystroke.map((times) => percentiles(times).p50)),
    /** Within the view: its records read (the ones its cache missed), and how many per keystroke. */
    viewRecords: percentiles(viewReadMs.map((times) => percentiles(times).p50)),
    viewRecordIds: percentiles(viewReadIds),
    search: percentiles(searchAlone.map((times) => percentiles(times).p50)),
    records: percentiles(recordsAlone.map((times) => percentiles(times).p50)),
    facets: percentiles(facetsAlone.map((times) => percentiles(times).p50)),
    misses,
    slowest,
  };
}

/** Lookups on the imported database, with their baselines (_panel-lookups.ts). */
export function panelLookups() {
  return timePanelLookups(database(), held.count ?? 1);
}

/** Baseline, the panel before the stored index: every record read, then the in-memory index built. */
export async function oldPanelOpen() {
  const db = database();
  const began = performance.now();
  const [documents, dossiers] = await Promise.all([
    listDocuments(db, { includeStubs: true }),
    listDossiers(db),
  ]);
  const listedMs = performance.now() - began;
  const library = documents.filter((d) => !d.stub);
  const index = buildSearchIndex(library);
  const searcher = createSearcher(index);
  const searchableMs = performance.now() - began;
  held.old = { documents, dossiers, index, searcher };
  return { listedMs, searchableMs };
}

/** Drops what the panel held (before measuring the heap again). */
export function panelRelease(): void {
  held.panel = undefined;
  held.index = undefined;
  held.old = undefined;
}

/** Closes the database and keeps it (a kept profile, for the next run). */
export function panelClose(): void {
  held.db?.close();
  held.db = undefined;
}

/** Deletes the database. */
export async function panelDelete(): Promise<void> {
  await held.db?.delete();
  held.db = undefined;
}

/** Baseline keystrokes: the in-memory searcher alone over every record (no records read, no snippets). */
export function oldPanelKeystrokes(words: string[]) {
  const old = held.old as { searcher: ReturnType<typeof createSearcher> } | undefined;
  if (!old) throw new Error('oldPanelOpen first');
  const prefixes = words.flatMap((word) =>
    Array.from({ length: word.length }, (_, i) => word.slice(0, i + 1)),
  );
  for (const prefix of prefixes) old.searcher.search(prefix, { limit: 50 });
  const times = prefixes.map((prefix) => {
    const began = performance.now();
    old.searcher.search(prefix, { limit: 50 });
    return performance.now() - began;
  });
  return percentiles(times);
}
