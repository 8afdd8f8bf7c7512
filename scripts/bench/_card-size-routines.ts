/**
 * Routines of card-size.ts, bundled into a Chromium page: the seed dataset's card lookups as
 * stored, and the same dataset with what no card shows emptied, with the read of each block of a
 * non-stub document timed alone.
 */
import type { DatasetFile } from '../../data/dataset/types';
import { importDataset } from '../../data/db/import-dataset';
import { openKamerlensDB } from '../../data/db/kamerlens-db';
import { lookupCards } from '../../data/db/lookup-cards';
import type { BlockKey } from '../../data/db/records';
import { datasetPicker } from './_db-routines';

/** `dataset` with sections and footnotes emptied and each question's text cut to its short form. */
export function cardSized(dataset: DatasetFile): DatasetFile {
  return {
    ...dataset,
    documents: dataset.documents.map((document) => ({
      ...document,
      sections: [],
      footnotes: [],
      // The validator wants a non-empty answer.
      qa: document.qa.map((qa) => ({ ...qa, question: qa.questionShort, answer: '-' })),
    })),
  };
}

/** p50 and p95 (ms) of card lookups and block reads on `dataset`, imported into a fresh database. */
export async function timeCardReads(dataset: DatasetFile, rounds: number) {
  const db = openKamerlensDB(`card-size-${Math.random().toString(36).slice(2)}`);
  const outcome = await importDataset(db, dataset);
  if (outcome.status !== 'imported') throw new Error(`import: ${JSON.stringify(outcome)}`);
  const pick = datasetPicker(dataset);
  const full = dataset.documents.filter((document) => !document.stub).map((document) => document.id);
  const blocks = await db.documentBlocks.toArray();
  const chars = (i: number) => blocks[i]?.entries.reduce((n, entry) => n + entry.json.length, 0) ?? 0;
  const keys = blocks.map((block): BlockKey => [block.source, block.generation, block.seq]);
  const large = keys.filter((_, i) => chars(i) > 4096);
  const samples: Record<string, number[]> = {};
  const time = async (name: string, work: () => Promise<unknown>) => {
    const began = performance.now();
    await work();
    samples[name] ??= [];
    samples[name].push(performance.now() - began);
  };
  for (let round = 0; round < rounds; round += 1) {
    const ids = pick(20);
    await time('cards, batch of 20', () => lookupCards(db, ids));
    const [one = ''] = pick(1);
    await time('card, single id', () => lookupCards(db, [one]));
    await time('cards, the non-stub documents', () => lookupCards(db, full));
    await time('blocks over 4,096 chars, one bulkGet', () => db.documentBlocks.bulkGet(large));
    for (const [i, key] of keys.entries())
      if (chars(i) > 4096) await time(`block of ${chars(i)} chars`, () => db.documentBlocks.get(key));
  }
  db.close();
  const figures: Record<string, { p50: number; p95: number }> = {};
  for (const [name, list] of Object.entries(samples)) {
    list.sort((a, b) => a - b);
    const at = (q: number) => list[Math.min(list.length - 1, Math.floor(q * list.length))] ?? 0;
    figures[name] = { p50: at(0.5), p95: at(0.95) };
  }
  return figures;
}
