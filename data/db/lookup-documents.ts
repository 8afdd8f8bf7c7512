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
 * `alongside` runs with the documents found, concurrently with the dossier reads still running, so
 * a caller's own follow-up reads share that round of I/O.
 */
export async function readLookup(
  db: KamerlensDB,
  ids: readonly string[],
  alongside?: (documents: ReadonlyMap<string, DocumentRecord>) => Promise<void>,
): Promise<DocumentLookup[]> {
  const wellFormed = ids.filter(isWellFormedId);
  // The dossiers an id names itself are read together with the documents (requests in one
  // transaction are pipelined); those a found record names are read as soon as its id's records
  // arrive, queued behind the document reads still running, so no second round follows the batch.
  const requested = new Set<string>();
  const reads: Promise<Map<string, string>>[] = [];
  const readDossiers = (keys: readonly string[]) => {
    const fresh = keys.filter((key) => !requested.has(key));
    for (const key of fresh) requested.add(key);
    if (fresh.length > 0) reads.push(dossierTitles(db, fresh));
  };
  readDossiers(wellFormed.flatMap(dossierKeysOfId));
  const documents = await resolveDocuments(db, wellFormed, (list) => {
    for (const document of list) readDossiers(dossierKeys(document.dossier, document.dossierSuffix));
  });
  const keysPerId = new Map<string, string[]>();
  for (const id of wellFormed) {
    const document = documents.get(id);
    const fromDocument = document ? dossierKeys(document.dossier, document.dossierSuffix) : [];
    keysPerId.set(id, fromDocument.length > 0 ? fromDocument : dossierKeysOfId(id));
  }
  // Every key named here was requested above (a resolved record is one of its id's records).
  const [found] = await Promise.all([Promise.all(reads), alongside?.(documents)]);
  const titles = new Map<string, string>();
  for (const read of found) for (const [key, title] of read) titles.set(key, title);
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
