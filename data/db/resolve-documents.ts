/** Finds documents by canonical id or any alias, in one read. */
import type { DocumentRecord } from '../dataset/types';
import type { KamerlensDB } from './kamerlens-db';

/**
 * Map each of `ids` that the dataset knows to its document (records list their own id in `ids`, as
 * the dataset schema requires). A full document wins over a stub, and a
 * primary-key match wins over an alias match, so an id never resolves to a less informative record.
 */
export async function resolveDocuments(
  db: KamerlensDB,
  ids: readonly string[],
): Promise<Map<string, DocumentRecord>> {
  const found = new Map<string, DocumentRecord>();
  if (ids.length === 0) return found;
  const wanted = new Set(ids);
  // One keyed `ids` index query per id, all issued at once (a transaction pipelines them: one round
  // of I/O). Every record lists its own id in `ids`, so the same query that finds aliases finds the
  // primary-key match; no separate primary-key read has to finish first. Not `anyOf`: it walks a
  // cursor across the index between the keys, which for ids spread over a large dataset costs more
  // than point queries (measured in scripts/bench/lookup.ts).
  const keys = [...wanted];
  const lists = await db.transaction('r', db.documents, () =>
    Promise.all(keys.map((id) => db.documents.where('ids').equals(id).toArray())),
  );
  // The same precedence as reading primary keys first and then aliases for the ids they left open.
  const byKey = keys.map((id, index) => lists[index]?.find((document) => document.id === id));
  const byAlias = lists.flatMap((list, index) => (byKey[index] && !byKey[index].stub ? [] : list));
  const consider = (id: string, document: DocumentRecord) => {
    const current = found.get(id);
    if (!current || (current.stub && !document.stub)) found.set(id, document);
  };
  for (const document of byKey) if (document) consider(document.id, document);
  for (const document of byAlias) {
    for (const alias of document.ids) if (wanted.has(alias)) consider(alias, document);
  }
  return found;
}
