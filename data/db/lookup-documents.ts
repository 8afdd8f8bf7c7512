/** Batch lookup by canonical id or alias: what the popover asks for each marked reference. */
import type { LookupEntry } from '../messages';
import { dossierKeys, dossierKeysOfId, isWellFormedId } from './ids';
import type { KamerlensDB } from './kamerlens-db';
import { resolveDocuments } from './resolve-documents';

/**
 * One entry per input id, in input order (duplicates repeated). Unknown or malformed ids get
 * `document: null`; the dossier title is filled whenever the id or document names a known dossier.
 */
export async function lookupDocuments(db: KamerlensDB, ids: readonly string[]): Promise<LookupEntry[]> {
  const wellFormed = ids.filter(isWellFormedId);
  // One read transaction for documents and dossier titles: a page's batch costs one round of I/O.
  const [documents, keysPerId, titles] = await db.transaction('r', [db.documents, db.dossiers], async () => {
    const found = await resolveDocuments(db, wellFormed);
    const keys = new Map<string, string[]>();
    for (const id of wellFormed) {
      const document = found.get(id);
      const fromDocument = document ? dossierKeys(document.dossier, document.dossierSuffix) : [];
      keys.set(id, fromDocument.length > 0 ? fromDocument : dossierKeysOfId(id));
    }
    return [found, keys, await dossierTitles(db, [...new Set([...keys.values()].flat())])] as const;
  });
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
export async function dossierTitles(db: KamerlensDB, keys: readonly string[]): Promise<Map<string, string>> {
  const titles = new Map<string, string>();
  if (keys.length === 0) return titles;
  for (const dossier of await db.dossiers.bulkGet([...keys])) {
    if (dossier) titles.set(dossier.id, dossier.title);
  }
  return titles;
}
