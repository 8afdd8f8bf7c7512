/** Finds documents by canonical id or any alias, in one read. */
import type { DocumentRecord } from '../documents/types';
import type { KamerlensDB } from './kamerlens-db';

/**
 * Map each of `ids` that the dataset knows to its document. A full document wins over a stub, and a
 * primary-key match wins over an alias match, so an id never resolves to a less informative record.
 */
export async function resolveDocuments(
  db: KamerlensDB,
  ids: readonly string[],
): Promise<Map<string, DocumentRecord>> {
  const found = new Map<string, DocumentRecord>();
  if (ids.length === 0) return found;
  const wanted = new Set(ids);
  // Primary keys first, then one keyed index query per id the keys did not answer. Not `anyOf`:
  // it walks a cursor across the index between the keys, which for ids spread over a large dataset
  // costs more than point queries (measured in scripts/bench/lookup.ts).
  const keys = [...wanted];
  const [byKey, byAlias] = await db.transaction('r', db.documents, async () => {
    const records = await db.documents.bulkGet(keys);
    const unanswered = keys.filter((_id, index) => records[index] === undefined || records[index]?.stub);
    const lists = await Promise.all(unanswered.map((id) => db.documents.where('ids').equals(id).toArray()));
    return [records, lists.flat()] as const;
  });
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
