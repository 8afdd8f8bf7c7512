/**
 * Benchmark routines for the DB layer, run unchanged in Node (fake-indexeddb) and in Chromium
 * (real IndexedDB, bundled by _db-in-chromium.ts). The underscore keeps `npm run bench` from
 * running this file on its own.
 */

import { Dexie } from 'dexie';
import { readPack } from '../../data/dataset/read-pack';
import type { DatasetFile, DocumentRecord } from '../../data/dataset/types';
import { importDataset } from '../../data/db/import-dataset';
import { importPack } from '../../data/db/import-pack';
import { type KamerlensDB, openKamerlensDB } from '../../data/db/kamerlens-db';
import { holdLiveInMemory } from '../../data/db/live-sources';
import { lookupCards } from '../../data/db/lookup-cards';
import { lookupDocuments } from '../../data/db/lookup-documents';
import { putReadsFirst } from '../../data/db/read-priority';
import { generatedDataset, generatedIds } from '../../tests/fixtures/db/generated-dataset';
import { idPicker } from './_id-picker';
import { explainWaits, type Wait, watchImport, wrapTransactions } from './_import-waits';
import { lookupsWhile, percentiles, waited } from './_lookup-waits';

/** Bytes in use now, or null where the platform cannot say. */
export type HeapProbe = () => number | null;

/** Time and peak memory of one run. */
export interface RunFigures {
  ms: number;
  peakMb: number | null;
}

let counter = 0;
const freshDb = (label: string) => {
  counter += 1;
  return openKamerlensDB(`bench-${label}-${counter}-${Math.random().toString(36).slice(2)}`);
};

async function measure(heap: HeapProbe, work: () => Promise<unknown>): Promise<RunFigures> {
  const start = heap();
  let peak = start;
  const sampler = setInterval(() => {
    const now = heap();
    if (now !== null && peak !== null) peak = Math.max(peak, now);
  }, 20);
  const began = performance.now();
  try {
    await work();
  } finally {
    clearInterval(sampler);
  }
  const ms = performance.now() - began;
  const end = heap();
  if (start === null || peak === null || end === null) return { ms, peakMb: null };
  return { ms, peakMb: (Math.max(peak, end) - start) / 1048576 };
}

/** `importDataset` into a fresh database. */
export async function timeImport(dataset: DatasetFile, heap: HeapProbe): Promise<RunFigures> {
  const db = freshDb('import');
  await db.open();
  const figures = await measure(heap, async () => {
    const outcome = await importDataset(db, dataset);
    if (outcome.status !== 'imported')
      throw new Error(outcome.status === 'failed' ? outcome.error : outcome.status);
  });
  await db.delete();
  return figures;
}

/** What loading pack files cost: reading (unzip, hash, validation) and importing, each summed. */
export interface PackFigures {
  readMs: number;
  importMs: number;
  peakMb: number | null;
  documents: number;
  /**
   * A card lookup of one id issued every 25 ms while the packs were read and imported, as pages
   * keep asking the background meantime (ids of the packs imported so far), and the same with
   * nothing running after: how long each waited for its answer.
   */
  lookups: { during: ReturnType<typeof percentiles>; idle: ReturnType<typeof percentiles> };
  /**
   * The longest stalls of the thread (a 10 ms timer late by this much), the phase they fell in, and
   * when (`from` and `to` on the thread's clock, for a CPU profile of it).
   */
  stalls: Stall[];
  /** The lookups that waited over 50 ms: for the thread (stalls) or behind writes. */
  why: ReturnType<typeof explainWaits>;
}

/**
 * A 10 ms timer that notes how late it fires, tagged with `phase()`: where the thread was busy
 * (a worker has no long task observer). `stop` returns the longest stalls.
 */
interface Stall {
  ms: number;
  phase: string;
  from: number;
  to: number;
}

export function watchStalls(phase: () => string): { stop(): Stall[]; spans(): [number, number][] } {
  const stalls: Stall[] = [];
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    if (now - last > 60) stalls.push({ ms: now - last - 10, phase: phase(), from: last, to: now });
    last = now;
  }, 10);
  return {
    stop() {
      clearInterval(timer);
      return [...stalls].sort((a, b) => b.ms - a.ms).slice(0, 8);
    },
    spans: () => stalls.map((stall) => [stall.from, stall.to]),
  };
}

/** Read and import every pack file (gzip bytes) into a fresh database, one after another. */
export async function timePackImport(
  files: Uint8Array<ArrayBuffer>[],
  heap: HeapProbe,
): Promise<PackFigures> {
  // Every transaction logged, to tell a lookup queued behind a write from one the thread held up.
  wrapTransactions();
  const db = freshDb('packs');
  // As the background: the context that imports holds the live generations (its lookups read no
  // meta) and lets its lookups go before its next block write.
  holdLiveInMemory(db);
  putReadsFirst(db);
  await db.open();
  let readMs = 0;
  let importMs = 0;
  let documents = 0;
  // Ids of the packs imported so far: a lookup a turn once there are any.
  const pool: string[] = [];
  const pick = () => (pool.length > 0 ? [pool[Math.floor(Math.random() * pool.length)] as string] : null);
  let during: Wait[] = [];
  let phase = 'start';
  const stalls = watchStalls(() => phase);
  const watch = watchImport();
  const figures = await measure(heap, async () => {
    during = await lookupsWhile(db, pick, async () => {
      for (const [i, bytes] of files.entries()) {
        const began = performance.now();
        phase = `reading pack ${i}`;
        const read = await readPack(new Blob([bytes]).stream());
        const readAt = performance.now();
        if (!read.ok) throw new Error(`pack ${i}: ${read.error}`);
        phase = `importing pack ${i}`;
        await importPack(db, read.value, { bytes: bytes.length, fileName: `pack-${i}.json.gz` });
        readMs += readAt - began;
        importMs += performance.now() - readAt;
        documents += read.value.documents.length;
        for (const document of read.value.documents) if (!document.stub) pool.push(document.id);
      }
    });
  });
  const longest = stalls.stop();
  const logged = watch.stop();
  logged.longTasks.push(...stalls.spans());
  const idle = waited(await lookupsWhile(db, pick, () => new Promise((done) => setTimeout(done, 3000))));
  await db.delete();
  return {
    readMs,
    importMs,
    peakMb: figures.peakMb,
    documents,
    lookups: { during: percentiles(waited(during)), idle: percentiles(idle) },
    stalls: longest,
    why: explainWaits(during, logged, ['documentBlocks', 'dossierBlocks']),
  };
}

/**
 * Baseline: the same documents written one `put` per record (a row each, keyed by id, with the
 * alias index), no bulk writes, no chunking.
 */
export async function timeNaiveImport(dataset: DatasetFile, heap: HeapProbe): Promise<RunFigures> {
  const db = new Dexie(`bench-naive-${Math.random().toString(36).slice(2)}`);
  db.version(1).stores({ documents: 'id, *ids', dossiers: 'id' });
  await db.open();
  const figures = await measure(heap, async () => {
    for (const document of dataset.documents) await db.table('documents').put(document);
    for (const dossier of dataset.dossiers) await db.table('dossiers').put(dossier);
  });
  await db.delete();
  return figures;
}

/** Baseline lookup: scan every record for the id (what a store without an alias index must do). */
async function scanLookup(db: KamerlensDB, ids: string[]): Promise<(DocumentRecord | null)[]> {
  const wanted = new Set(ids);
  const found = new Map<string, DocumentRecord>();
  await db.documentBlocks.each((block) => {
    for (const entry of block.entries)
      for (const id of entry.ids) if (wanted.has(id)) found.set(id, JSON.parse(entry.json) as DocumentRecord);
  });
  return ids.map((id) => found.get(id) ?? null);
}

/**
 * Lookup latency on an imported dataset: single ids, batches of 20 of whole records
 * (`lookupDocuments`) and of cards (`lookupCards`, what the background answers), the scan baseline,
 * and the JSON size of a batch of 20 in both shapes (what the message carries).
 */
export async function timeLookups(
  dataset: DatasetFile,
  pickIds: (n: number) => string[],
  options: { rounds: number; baselineRounds: number },
) {
  const db = freshDb('lookup');
  const outcome = await importDataset(db, dataset);
  if (outcome.status !== 'imported') throw new Error('import failed');
  const run = async (rounds: number, size: number, lookup: (ids: string[]) => Promise<unknown>) => {
    const samples: number[] = [];
    for (let round = 0; round < rounds; round += 1) {
      const ids = pickIds(size);
      const began = performance.now();
      await lookup(ids);
      samples.push(performance.now() - began);
    }
    return percentiles(samples);
  };
  await run(20, 20, (ids) => lookupDocuments(db, ids)); // warm-up
  const single = await run(options.rounds, 1, (ids) => lookupDocuments(db, ids));
  // Whole records and cards interleaved in blocks of 25, so load on the machine hits both alike.
  const batchSamples: number[] = [];
  const cardSamples: number[] = [];
  for (let round = 0; round < options.rounds; round += 25) {
    for (const [samples, lookup] of [
      [batchSamples, lookupDocuments],
      [cardSamples, lookupCards],
    ] as const) {
      for (let i = 0; i < 25; i += 1) {
        const ids = pickIds(20);
        const began = performance.now();
        await lookup(db, ids);
        samples.push(performance.now() - began);
      }
    }
  }
  const batch = percentiles(batchSamples);
  const cards = percentiles(cardSamples);
  const baseline = await run(options.baselineRounds, 20, (ids) => scanLookup(db, ids));
  const bytes = { documents: 0, cards: 0 };
  for (let round = 0; round < 50; round += 1) {
    const ids = pickIds(20);
    bytes.documents += JSON.stringify(await lookupDocuments(db, ids)).length / 50;
    bytes.cards += JSON.stringify(await lookupCards(db, ids)).length / 50;
  }
  await db.delete();
  return { single, batch, cards, baseline, bytes };
}

/** A paragraph of generated text, about 700 chars. */
const PARAGRAPH =
  'De minister antwoordt dat de gemeenten de uitvoering van de regeling per kwartaal rapporteren en dat de Kamer ' +
  'over de voortgang wordt geïnformeerd in de eerstvolgende monitoringsbrief, met de cijfers over bijstand, ' +
  're-integratie en handhaving die het CBS en de Inspectie SZW daarvoor leveren. ' +
  'Daarbij wordt ook ingegaan op de signalen uit de praktijk die de Kamer bij het commissiedebat heeft genoemd, ' +
  'en op de vraag of de maatregelen uit het wetsvoorstel het beoogde effect hebben op de bestaanszekerheid ' +
  'van mensen in de bijstand, zoals in de memorie van toelichting is beschreven.';

/**
 * `dataset` with every `every`-th of its full documents (0: none) as long as the seed's: 13,000-55,000
 * chars of JSON (sections, footnotes, questions and answers in full), as real documents with their
 * text are, instead of the generator's ~2,000. A card shows about 1 kB of either.
 */
export function withText(dataset: DatasetFile, every: number): DatasetFile {
  if (every <= 0) return dataset;
  let full = 0;
  const documents = dataset.documents.map((document, n) => {
    if (document.stub || full++ % every !== 0) return document;
    // Spread over the seed's range, the same for every run.
    const paragraphs = Math.round((13_000 + ((n * 7919) % 42_000)) / PARAGRAPH.length);
    const text = (k: number) => `${k}. ${PARAGRAPH}`;
    if (document.type === 'antwoord') {
      const questions = Math.max(2, Math.round(paragraphs / 2));
      return {
        ...document,
        qa: Array.from({ length: questions }, (_, q) => ({
          number: String(q + 1),
          question: text(q),
          questionShort: `Vraag ${q + 1} over de uitvoering`,
          answer: text(q + 1),
          sharedWith: [],
          refersTo: null,
          flags: [],
        })),
      };
    }
    return {
      ...document,
      sections: [
        { heading: 'Inleiding', paragraphs: Array.from({ length: paragraphs - 2 }, (_, k) => text(k)) },
      ],
      footnotes: [
        { number: '1', text: text(1), anchor: null },
        { number: '2', text: text(2), anchor: null },
      ],
    };
  });
  return { ...dataset, documents };
}

/** Ids a page would ask for among `generatedDataset(count)`: mostly known (canonical or alias), some unknown. */
export function generatedPicker(count: number, seed = 7) {
  return idPicker(count, generatedIds, { seed, canonical: 0.7 });
}

/** Ids from a real dataset file: every id and alias it holds, plus unknown ones. */
export function datasetPicker(dataset: DatasetFile) {
  const known = dataset.documents.flatMap((document) => [document.id, ...document.ids]);
  let i = 0;
  return (size: number) =>
    Array.from({ length: size }, () => {
      i += 1;
      return i % 10 === 0 ? `kst-99999-${i}` : (known[i % known.length] ?? 'kst-1-1');
    });
}

/**
 * Replace the bundled dataset in the extension's own database (`kamerlens`) with `count` generated
 * documents. Run from an extension page of the test build (the bench evaluates this bundle there
 * through the DevTools protocol), so release builds carry no bench-only path.
 */
export async function importGeneratedIntoExtension(count: number, textEvery = 0): Promise<{ ms: number }> {
  const db = openKamerlensDB();
  // Generating 100k records takes seconds of its own: build them before the clock starts.
  const dataset = withText(generatedDataset(count), textEvery);
  const began = performance.now();
  const outcome = await importDataset(db, dataset);
  db.close();
  if (outcome.status !== 'imported')
    throw new Error(outcome.status === 'failed' ? outcome.error : outcome.status);
  return { ms: performance.now() - began };
}

export * from './_db-import-profile';
export * from './_panel-routines';
export { generatedDataset };
