/**
 * What origin.ts runs in each context (a web page, an extension page, the service worker): the real
 * `importDataset` into a fresh database, and probes of the causes that could set the contexts
 * apart. Bundled by _db-in-chromium.ts `bundleRoutines`; no DOM is used, so the same bundle runs in
 * the service worker. The underscore keeps `npm run bench` from running it on its own.
 */

import type { ChromeTransactionDurability } from 'dexie';
import type { DatasetFile } from '../../data/dataset/types';
import { importDataset } from '../../data/db/import-dataset';
import { KamerlensDB } from '../../data/db/kamerlens-db';
import { generatedDataset } from '../../tests/fixtures/db/generated-dataset';

/** Datasets built in this context, kept between runs so generation never falls inside a timing. */
const datasets = new Map<number, DatasetFile>();
const datasetOf = (count: number): DatasetFile => {
  let dataset = datasets.get(count);
  if (!dataset) {
    dataset = generatedDataset(count);
    datasets.set(count, dataset);
  }
  return dataset;
};

/** One timed import, and what the context was like while it ran. */
export interface OriginRun {
  ms: number;
  /** Longest gap between two 10 ms ticks of this context's timer during the import: event-loop stalls. */
  longestTickGapMs: number;
  /** Commits the import made (transactions that completed), counted by Dexie's `complete` hook. */
  transactions: number;
  /** Change messages Dexie broadcast to the origin's other contexts during the import. */
  broadcasts: number;
}

/** How one import runs; every field left out is what the product does. */
export interface OriginImportOptions {
  durability?: ChromeTransactionDurability;
  /** A fixed chunk size instead of the time-sized chunks (`inTimedChunks`). */
  chunkSize?: number;
  /**
   * Drop Dexie's cross-context change messages (BroadcastChannel `x-storagemutated-1`, which
   * reaches every context of the origin that loaded Dexie) while the import runs.
   */
  muteBroadcast?: boolean;
  /** Open the database without Dexie's Observability middleware (no change sets built, none sent). */
  withoutObservability?: boolean;
}

/** Dexie's channel for changes made in one context, heard by every other context of the origin. */
const DEXIE_CHANNEL = 'x-storagemutated-1';

/**
 * `importDataset` of `count` generated documents into a fresh database, run as `options` says,
 * deleted afterwards; also counts the change messages this context's Dexie broadcast meanwhile.
 */
export async function originImport(count: number, options: OriginImportOptions = {}): Promise<OriginRun> {
  const dataset = datasetOf(count);
  const name = `origin-bench-${count}-${Math.random().toString(36).slice(2)}`;
  const db = new KamerlensDB(name, { chromeTransactionDurability: options.durability ?? 'default' });
  if (options.withoutObservability) db.unuse({ stack: 'dbcore', name: 'Observability' });
  let transactions = 0;
  db.use({
    stack: 'dbcore',
    name: 'count-transactions',
    create: (down) => ({
      ...down,
      transaction: (tables, mode, transactionOptions) => {
        const tx = down.transaction(tables, mode, transactionOptions);
        (tx as unknown as IDBTransaction).addEventListener('complete', () => {
          transactions += 1;
        });
        return tx;
      },
    }),
  });
  await db.open();
  // A second channel object in this context hears what this context's Dexie posts.
  const listener = new BroadcastChannel(DEXIE_CHANNEL);
  let broadcasts = 0;
  listener.onmessage = () => {
    broadcasts += 1;
  };
  const post = BroadcastChannel.prototype.postMessage;
  if (options.muteBroadcast)
    BroadcastChannel.prototype.postMessage = function (this: BroadcastChannel, message: unknown) {
      if (this.name !== DEXIE_CHANNEL) post.call(this, message);
    };
  let last = performance.now();
  let longestTickGapMs = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    longestTickGapMs = Math.max(longestTickGapMs, now - last);
    last = now;
  }, 10);
  const began = performance.now();
  const outcome = await importDataset(db, dataset, options.chunkSize ? { chunkSize: options.chunkSize } : {});
  const ms = performance.now() - began;
  clearInterval(ticker);
  BroadcastChannel.prototype.postMessage = post;
  // Messages still in flight arrive within a task or two.
  await new Promise((done) => setTimeout(done, 50));
  listener.close();
  db.close();
  await KamerlensDB.delete(name);
  if (outcome.status !== 'imported')
    throw new Error(outcome.status === 'failed' ? outcome.error : outcome.status);
  return { ms, longestTickGapMs, transactions, broadcasts };
}

/**
 * Builds the dataset of `count` documents here now (outside any timing), dropping any other size
 * held; its generation time.
 */
export function originPrepare(count: number): number {
  for (const held of datasets.keys()) if (held !== count) datasets.delete(held);
  const began = performance.now();
  datasetOf(count);
  return performance.now() - began;
}

/** This context's storage as the browser sees it: quota, usage, persistence, scheduler. */
export async function originStorage(): Promise<{
  quotaMb: number | null;
  usageMb: number | null;
  persisted: boolean | null;
  postTask: boolean;
}> {
  const estimate = await navigator.storage?.estimate?.().catch(() => null);
  const persisted = await navigator.storage?.persisted?.().catch(() => null);
  const mb = (bytes: number | undefined) => (bytes === undefined ? null : bytes / 1048576);
  return {
    quotaMb: mb(estimate?.quota),
    usageMb: mb(estimate?.usage),
    persisted: persisted ?? null,
    postTask:
      typeof (globalThis as { scheduler?: { postTask?: unknown } }).scheduler?.postTask === 'function',
  };
}

/**
 * What handing the dataset over by message would add (the real path's alternative to fetching it
 * in the worker): one structured clone of the generated dataset, in ms.
 */
export function originCloneMs(count: number): number {
  const dataset = datasetOf(count);
  const began = performance.now();
  structuredClone(dataset);
  return performance.now() - began;
}

/** Waits until the extension's own first import (of its bundled dataset) has finished, if any. */
export async function originBackgroundSettled(timeoutMs = 60_000): Promise<string> {
  const db = new KamerlensDB();
  const until = performance.now() + timeoutMs;
  try {
    for (;;) {
      const status = await db.meta.get('import');
      const state = status && 'state' in status ? status.state : 'none';
      if (state === 'done' || state === 'failed' || performance.now() > until) return state;
      await new Promise((done) => setTimeout(done, 100));
    }
  } finally {
    db.close();
  }
}
