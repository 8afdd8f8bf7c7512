/** Batch lookup by canonical id or alias: the records behind the popover's `lookup` (see lookup-cards.ts). */

import { dossierKeys, dossierKeysOfId, isWellFormedId } from '../citations/ids';
import type { DocumentRecord } from '../dataset/types';
import type { KamerlensDB } from './kamerlens-db';
import { resolveDocuments } from './resolve-documents';

/** One id's whole stored record (null when the dataset does not know it) and its dossier title. */
export interface DocumentLookup {
  id: string;
  document: DocumentRecord | null;
  /** Title of the dossier the id belongs to, when known. */
  dossierTitle: string | null;
}

/**
 * One entry per input id, in input order (duplicates repeated). Unknown or malformed ids get
 * `document: null`; the dossier title is filled whenever the id or document names a known dossier.
 */
export function lookupDocuments(db: KamerlensDB, ids: readonly string[]): Promise<DocumentLookup[]> {
  // One read transaction for documents and dossier titles: a page's batch costs one round of I/O.
  return db.transaction('r', [db.documents, db.dossiers], () => readLookup(db, ids));
}

/**
 * The work of `lookupDocuments`, for callers already inside a read transaction over both tables.
 * `alongside` runs with the documents found, concurrently with the last dossier read, so a caller's
 * own follow-up reads share that round of I/O.
 */
export async function readLookup(
  db: KamerlensDB,
  ids: readonly string[],
  alongside?: (documents: ReadonlyMap<string, DocumentRecord>) => Promise<void>,
): Promise<DocumentLookup[]> {
  const wellFormed = ids.filter(isWellFormedId);
  // The dossiers an id names itself are read together with the documents (requests in one
  // transaction are pipelined); only the keys a found document adds need a second read.
  const keysOfIds = [...new Set(wellFormed.flatMap(dossierKeysOfId))];
  const [documents, titles] = await Promise.all([
    resolveDocuments(db, wellFormed),
    dossierTitles(db, keysOfIds),
  ]);
  const keysPerId = new Map<string, string[]>();
  for (const id of wellFormed) {
    const document = documents.get(id);
    const fromDocument = document ? dossierKeys(document.dossier, document.dossierSuffix) : [];
    keysPerId.set(id, fromDocument.length > 0 ? fromDocument : dossierKeysOfId(id));
  }
  const read = new Set(keysOfIds);
  const unread = [...new Set([...keysPerId.values()].flat())].filter((key) => !read.has(key));
  const [more] = await Promise.all([dossierTitles(db, unread), alongside?.(documents)]);
  for (const [key, title] of more) titles.set(key, title);
  return ids.map((id) => {
    const keys = keysPerId.get(id) ?? [];
    const dossierKey = keys.find((key) => titles.has(key));
    return {
      id,
      document: documents.get(id) ?? null,
      dossierTitle: dossierKey ? (titles.get(dossierKey) ?? null) : null,
    };
  });
}

/** Titles of the given dossier keys that the dataset knows. */
async function dossierTitles(db: KamerlensDB, keys: readonly string[]): Promise<Map<string, string>> {
  const titles = new Map<string, string>();
  if (keys.length === 0) return titles;
  for (const dossier of await db.dossiers.bulkGet([...keys])) {
    if (dossier) titles.set(dossier.id, dossier.title);
  }
  return titles;
}
