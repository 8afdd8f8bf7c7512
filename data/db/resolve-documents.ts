/** Finds documents (by canonical id or any alias) and dossiers in their blocks, the winning record of each. */
import type { DocumentRecord, DossierRecord } from '../dataset/types';
import type { KamerlensDB } from './kamerlens-db';
import { liveFor, liveScope } from './live-sources';
import { best } from './precedence';
import { type BlockTableName, blockTable, entryParser, type FoundEntry, findEntries } from './row-blocks';

/** The live entries answering to each of `ids`, in one read transaction over the blocks and `meta`. */
function find(db: KamerlensDB, name: BlockTableName, ids: readonly string[]) {
  const table = blockTable(db, name);
  return db.transaction('r', [table, ...liveScope(db)], () => findEntries(table, liveFor(db), ids));
}

/**
 * The record for `id` among `found`: its own record (the winner where several sources hold one),
 * unless that is a stub and a record listing `id` as an alias is not; so an id never resolves to a
 * less informative record.
 */
function pick(id: string, found: readonly FoundEntry[]): FoundEntry | undefined {
  const own = best(found.filter((entry) => entry.entry.id === id));
  if (own && !own.stub) return own;
  return best(found.filter((entry) => entry.entry.id !== id && !entry.stub)) ?? own ?? best(found);
}

/** Map each of `ids` that the dataset knows, by id or alias, to its document. */
export async function resolveDocuments(
  db: KamerlensDB,
  ids: readonly string[],
): Promise<Map<string, DocumentRecord>> {
  const resolved = new Map<string, DocumentRecord>();
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return resolved;
  const found = await find(db, 'documentBlocks', wanted);
  const parse = entryParser<DocumentRecord>();
  for (const id of wanted) {
    const entry = pick(id, found.get(id) ?? []);
    if (entry) resolved.set(id, parse(entry));
  }
  return resolved;
}

/** The records whose own id is one of `ids` (the winner where several sources hold one). */
async function readOwn<T extends DocumentRecord | DossierRecord>(
  db: KamerlensDB,
  name: BlockTableName,
  ids: readonly string[],
): Promise<Map<string, T>> {
  const records = new Map<string, T>();
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return records;
  const found = await find(db, name, wanted);
  const parse = entryParser<T>();
  for (const id of wanted) {
    const entry = best((found.get(id) ?? []).filter((candidate) => candidate.entry.id === id));
    if (entry) records.set(id, parse(entry));
  }
  return records;
}

/** The documents with the ids `ids` (not by alias), by id. */
export function readDocuments(db: KamerlensDB, ids: readonly string[]): Promise<Map<string, DocumentRecord>> {
  return readOwn(db, 'documentBlocks', ids);
}

/** The dossiers with the ids `ids`, by id. */
export function readDossiers(db: KamerlensDB, ids: readonly string[]): Promise<Map<string, DossierRecord>> {
  return readOwn(db, 'dossierBlocks', ids);
}
