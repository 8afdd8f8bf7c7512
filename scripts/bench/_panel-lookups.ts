/**
 * The panel bench's lookups (issue 12, item 3): single ids and batches of 20 on the imported
 * database, as records (`lookupDocuments`) and as cards (`lookupCards`, what the background
 * answers), each round's variants run on the same ids in a rotating order. Baselines in the same
 * run: the floor (the blocks holding the ids read by their index in one transaction, nothing
 * parsed, no titles: what the storage itself costs), and today's lookup with the titles read from
 * the database (what a worker's first lookups do).
 */
import { readAllRecords } from '../../data/db/documents';
import { dossierTitlesSettled } from '../../data/db/dossier-titles';
import type { KamerlensDB } from '../../data/db/kamerlens-db';
import { lookupCards } from '../../data/db/lookup-cards';
import { lookupDocuments, lookupTables, readLookup } from '../../data/db/lookup-documents';
import { idPicker } from './_id-picker';
import { percentiles } from './_lookup-waits';
import { panelDocumentIds } from './_panel-corpus';

/** Ids a page asks for: canonical and alias ids of generated documents, a tenth unknown. */
export function picker(count: number, seed = 11) {
  return idPicker(count, (n) => panelDocumentIds(n, count), { seed, canonical: 0.6 });
}

/** Baseline, the floor: the blocks holding the ids, by their index, in one transaction; nothing parsed. */
function lookupFloor(db: KamerlensDB, ids: readonly string[]) {
  return db.transaction('r', db.documentBlocks, () =>
    Promise.all(ids.map((id) => db.documentBlocks.where('ids').equals(id).toArray())),
  );
}

/** Baseline: today's lookup with the dossier titles read from the database (none held). */
function lookupTitlesRead(db: KamerlensDB, ids: readonly string[]) {
  const none = { titles: null, done: Promise.resolve() };
  return db.transaction('r', lookupTables(db), () => readLookup(db, ids, none));
}

type Lookup = (ids: string[]) => Promise<unknown>;

/** Each variant on the same ids each round, in an order that rotates (none always first, or last). */
async function timeVariants<N extends string>(
  rounds: number,
  size: number,
  pick: (size: number) => string[],
  variants: Record<N, Lookup>,
) {
  const names = Object.keys(variants) as N[];
  const samples = new Map<N, number[]>(names.map((name) => [name, []]));
  for (let i = 0; i < rounds; i++) {
    const ids = pick(size);
    for (let k = 0; k < names.length; k++) {
      const name = names[(i + k) % names.length] as N;
      const began = performance.now();
      await variants[name](ids);
      samples.get(name)?.push(performance.now() - began);
    }
  }
  return Object.fromEntries(names.map((name) => [name, percentiles(samples.get(name) ?? [])])) as Record<
    N,
    ReturnType<typeof percentiles>
  >;
}

/** Lookups on `db` (holding `count` generated documents), with their baselines. */
export async function timePanelLookups(db: KamerlensDB, count: number, rounds = 300) {
  const pick = picker(count, 23);
  // A worker's first lookup starts loading the titles; how long until they are held.
  const loadStart = performance.now();
  await lookupCards(db, pick(20));
  await dossierTitlesSettled(db);
  const titlesLoadMs = performance.now() - loadStart;
  for (let i = 0; i < 20; i++) await lookupCards(db, pick(20));
  const single = await timeVariants(rounds, 1, pick, {
    now: (ids) => lookupDocuments(db, ids),
    cards: (ids) => lookupCards(db, ids),
    floor: (ids) => lookupFloor(db, ids),
    titlesRead: (ids) => lookupTitlesRead(db, ids),
  });
  const batch = await timeVariants(rounds, 20, pick, {
    records: (ids) => lookupDocuments(db, ids),
    cards: (ids) => lookupCards(db, ids),
    floor: (ids) => lookupFloor(db, ids),
    titlesRead: (ids) => lookupTitlesRead(db, ids),
  });
  return { titlesLoadMs, dossiers: (await readAllRecords(db, 'dossierBlocks')).size, single, batch };
}
