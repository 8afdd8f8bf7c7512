/** Finds documents (by canonical id or any alias) and dossiers in their blocks, the winning record of each. */
import type { Dexie } from 'dexie';
import type { DocumentRecord, DossierRecord } from '../dataset/types';
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
  withDirectories,
} from './row-blocks';

/**
 * The live entries answering to each of `ids`, in one read transaction (over the blocks, and `meta`
 * where the live row is not held), or in the caller's: one that called `holdDirectories` before it.
 */
async function find(db: KamerlensDB, name: BlockTableName, ids: readonly string[]) {
  const table = blockTable(db, name);
  // Dexie's static, through the instance: importing Dexie here would load it before a test's fake
  // IndexedDB is installed.
  const lookup = () =>
    asRead(db, () => db.transaction('r', [table, ...liveScope(db)], () => findEntries(db, name, ids)));
  return (db.constructor as typeof Dexie).currentTransaction ? lookup() : withDirectories(db, lookup);
}

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

/** Each of `ids` to the record `choose` picks among the live entries answering to it. */
async function read<T extends DocumentRecord | DossierRecord>(
  db: KamerlensDB,
  name: BlockTableName,
  ids: readonly string[],
  choose: (id: string, found: readonly FoundEntry[]) => FoundEntry | undefined,
): Promise<Map<string, T>> {
  const records = new Map<string, T>();
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return records;
  const found = await find(db, name, wanted);
  const parse = entryParser<T>();
  for (const id of wanted) {
    const entry = choose(id, found.get(id) ?? []);
    if (entry) records.set(id, parse(entry));
  }
  return records;
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
  return read(db, 'documentBlocks', ids, pick);
}

/** The documents with the ids `ids` (not by alias), by id. */
export function readDocuments(db: KamerlensDB, ids: readonly string[]): Promise<Map<string, DocumentRecord>> {
  return read(db, 'documentBlocks', ids, own);
}

/** The dossiers with the ids `ids`, by id. */
export function readDossiers(db: KamerlensDB, ids: readonly string[]): Promise<Map<string, DossierRecord>> {
  return read(db, 'dossierBlocks', ids, own);
}
