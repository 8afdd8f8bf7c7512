/**
 * Lookups while something else runs, as pages keep asking the background during an import: a card
 * lookup issued every 25 ms and how long each waited for its answer. Shared by the panel bench (a
 * bundled import in a page) and the packs bench (pack imports in the extension's service worker).
 */
import type { KamerlensDB } from '../../data/db/kamerlens-db';
import { lookupCards } from '../../data/db/lookup-cards';
import type { Wait } from './_import-waits';

/** p50, p95 and the largest of a list of milliseconds. */
export function percentiles(samples: number[]): { p50: number; p95: number; max: number; n: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return { p50: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? Number.NaN, n: sorted.length };
}

/**
 * Runs `work` while a lookup of the ids `pick` gives (null: none this turn) is issued every 25 ms,
 * as the background answers it (`lookupCards`); returns when each was issued and answered.
 */
export async function lookupsWhile(
  db: KamerlensDB,
  pick: () => string[] | null,
  work: () => Promise<unknown>,
): Promise<Wait[]> {
  const waits: Wait[] = [];
  let working = true;
  const probe = (async () => {
    while (working) {
      const ids = pick();
      if (ids) {
        const issued = performance.now();
        await lookupCards(db, ids);
        waits.push({ issued, answered: performance.now() });
      }
      await new Promise((done) => setTimeout(done, 25));
    }
  })();
  try {
    await work();
  } finally {
    working = false;
    await probe;
  }
  return waits;
}

/** How long each of `waits` took. */
export const waited = (waits: readonly Wait[]): number[] => waits.map((wait) => wait.answered - wait.issued);
