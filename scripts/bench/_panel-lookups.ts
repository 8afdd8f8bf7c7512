/**
 * The panel bench's lookups (issue 12, item 3): single ids and batches of 20 on the imported
 * database, as records (`lookupDocuments`) and as cards (`lookupCards`, what the background
 * answers), each round's variants run on the same ids in a rotating order. Baselines in the same
 * run: the floor (the same ids by primary key alone, one bulkGet), the lookup as it was before the
 * dossier titles were held in memory (two rounds of dossier reads), and today's lookup with the
 * titles read from the database (what a worker's first lookups and those during an import do).
 */
import { dossierKeys, dossierKeysOfId, isWellFormedId } from '../../data/citations/ids';
import { dossierTitlesSettled } from '../../data/db/dossier-titles';
import type { KamerlensDB } from '../../data/db/kamerlens-db';
import { lookupCards } from '../../data/db/lookup-cards';
import { lookupDocuments, readLookup } from '../../data/db/lookup-documents';
import { resolveDocuments } from '../../data/db/resolve-documents';
import { idPicker } from './_id-picker';
import { panelDocumentIds } from './_panel-corpus';

/** p50, p95, max and count of a list of milliseconds. */
export function summary(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return { p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] ?? Number.NaN, n: sorted.length };
}

/** Ids a page asks for: canonical and alias ids of generated documents, a tenth unknown. */
export function picker(count: number, seed = 11) {
  return idPicker(count, (n) => panelDocumentIds(n, count), { seed, canonical: 0.6 });
}

/** Baseline, the floor: the same ids by primary key alone in one `bulkGet` (no alias index, no titles). */
function lookupFloor(db: KamerlensDB, ids: readonly string[]) {
  return db.documents.bulkGet([...ids]);
}

/** Baseline: today's lookup with the dossier titles read from the database (none held). */
function lookupTitlesRead(db: KamerlensDB, ids: readonly string[]) {
  const none = { titles: null, done: Promise.resolve() };
  return db.transaction('r', [db.documents, db.dossiers], () => readLookup(db, ids, none));
}

/**
 * Baseline: the lookup as it was before (commit e3f49e0): the dossiers an id names read beside the
 * documents, those the found documents add in a second round, no titles held.
 */
function lookupBefore(db: KamerlensDB, ids: readonly string[]) {
  const titlesOf = async (keys: string[]) =>
    new Map(
      (await db.dossiers.bulkGet(keys)).flatMap((dossier) => (dossier ? [[dossier.id, dossier.title]] : [])),
    );
  return db.transaction('r', [db.documents, db.dossiers], async () => {
    const wellFormed = ids.filter(isWellFormedId);
    const keysOfIds = [...new Set(wellFormed.flatMap(dossierKeysOfId))];
    const [documents, titles] = await Promise.all([resolveDocuments(db, wellFormed), titlesOf(keysOfIds)]);
    const keysPerId = new Map(
      wellFormed.map((id) => {
        const document = documents.get(id);
        const own = document ? dossierKeys(document.dossier, document.dossierSuffix) : [];
        return [id, own.length > 0 ? own : dossierKeysOfId(id)] as const;
      }),
    );
    const unread = [...new Set([...keysPerId.values()].flat())].filter((key) => !titles.has(key));
    for (const [key, title] of await titlesOf(unread)) titles.set(key, title);
    return ids.map((id) => ({
      id,
      document: documents.get(id) ?? null,
      dossierTitle: titles.get((keysPerId.get(id) ?? []).find((key) => titles.has(key)) ?? '') ?? null,
    }));
  });
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
  return Object.fromEntries(names.map((name) => [name, summary(samples.get(name) ?? [])])) as Record<
    N,
    ReturnType<typeof summary>
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
    before: (ids) => lookupBefore(db, ids),
    titlesRead: (ids) => lookupTitlesRead(db, ids),
  });
  const batch = await timeVariants(rounds, 20, pick, {
    records: (ids) => lookupDocuments(db, ids),
    cards: (ids) => lookupCards(db, ids),
    floor: (ids) => lookupFloor(db, ids),
    before: (ids) => lookupBefore(db, ids),
    titlesRead: (ids) => lookupTitlesRead(db, ids),
  });
  return { titlesLoadMs, dossiers: await db.dossiers.count(), single, batch };
}
