/** Finds documents (by canonical id or any alias) and dossiers in their blocks, the winning record of each. */
import type { Dexie } from 'dexie';
import type { DocumentRecord, DossierRecord } from '../dataset/types';
import type { StoredCard } from './block-packing';
import type { KamerlensDB } from './kamerlens-db';
import { liveScope } from './live-sources';
import { best } from './precedence';
import { asRead } from './read-priority';
import {
  type BlockTableName,
  blockTable,
  entryParser,
  type FoundEntry,
  findEntries,
  wholeRecords,
  withDirectories,
} from './row-blocks';

/**
 * The record for `id` among `found`: its own record (the winner where several sources hold one),
 * unless that is a stub and a record listing `id` as an alias is not; so an id never resolves to a
 * less informative record.
 */
function pick(id: string, found: readonly FoundEntry[]): FoundEntry | undefined {
  const itself = own(id, found);
  if (itself && !itself.stub) return itself;
  return best(found.filter((entry) => entry.entry.id !== id && !entry.stub)) ?? itself ?? best(found);
}

/**
 * Each of `ids` to the record `choose` picks among the live entries answering to it, in one read
 * transaction (over the blocks, `meta` where the live row is not held, and the bodies when `whole`),
 * or in the caller's: one that called `holdDirectories` before it, over those tables. Documents
 * `whole` get their bodies (one more request); else a document whose body is stored apart comes
 * without it (what a card shows: block-packing.ts).
 */
async function read<T extends DocumentRecord | DossierRecord>(
  db: KamerlensDB,
  name: BlockTableName,
  ids: readonly string[],
  choose: (id: string, found: readonly FoundEntry[]) => FoundEntry | undefined,
  whole: boolean,
): Promise<Map<string, T>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const bodies = whole && name === 'documentBlocks';
  const work = async () => {
    const records = new Map<string, T>();
    const found = await findEntries(db, name, wanted);
    const chosen = new Map<string, FoundEntry>();
    for (const id of wanted) {
      const entry = choose(id, found.get(id) ?? []);
      if (entry) chosen.set(id, entry);
    }
    if (bodies) {
      const parsed = await wholeRecords<T>(db, [...chosen.values()]);
      for (const [id, entry] of chosen) records.set(id, parsed.get(entry) as T);
    } else {
      const parse = entryParser<T>();
      for (const [id, entry] of chosen) records.set(id, parse(entry));
    }
    return records;
  };
  const table = blockTable(db, name);
  const scope = [table, ...(bodies ? [db.documentBodies] : []), ...liveScope(db)];
  // Dexie's static, through the instance: importing Dexie here would load it before a test's fake
  // IndexedDB is installed.
  const lookup = () => asRead(db, () => db.transaction('r', scope, work));
  return (db.constructor as typeof Dexie).currentTransaction ? lookup() : withDirectories(db, lookup);
}

/** The record whose own id is `id` (the winner where several sources hold one). */
function own(id: string, found: readonly FoundEntry[]): FoundEntry | undefined {
  return best(found.filter((candidate) => candidate.entry.id === id));
}

/** Map each of `ids` that the dataset knows, by id or alias, to its document. */
export function resolveDocuments(
  db: KamerlensDB,
  ids: readonly string[],
): Promise<Map<string, DocumentRecord>> {
  return read(db, 'documentBlocks', ids, pick, true);
}

/**
 * As `resolveDocuments`, each document as a card reads it: without the body stored apart
 * (block-packing.ts), with the titles of the documents citing it that its import held.
 */
export function resolveCards(db: KamerlensDB, ids: readonly string[]): Promise<Map<string, StoredCard>> {
  return read(db, 'documentBlocks', ids, pick, false);
}

/** As `readDocuments`, each document as a card reads it (`resolveCards`). */
export function readCards(db: KamerlensDB, ids: readonly string[]): Promise<Map<string, StoredCard>> {
  return read(db, 'documentBlocks', ids, own, false);
}

/** The documents with the ids `ids` (not by alias), by id. */
export function readDocuments(db: KamerlensDB, ids: readonly string[]): Promise<Map<string, DocumentRecord>> {
  return read(db, 'documentBlocks', ids, own, true);
}

/** The dossiers with the ids `ids`, by id. */
export function readDossiers(db: KamerlensDB, ids: readonly string[]): Promise<Map<string, DossierRecord>> {
  return read(db, 'dossierBlocks', ids, own, false);
}
