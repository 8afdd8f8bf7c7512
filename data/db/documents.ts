/** Reading documents and dossiers for the side panel's library and reader. */

import type { DocumentRecord, DossierRecord } from '../dataset/types';
import type { KamerlensDB } from './kamerlens-db';

/** Options for `listDocuments`. */
export interface ListDocumentsOptions {
  /** Include stub records of cited documents that are not in the dataset (default false). */
  includeStubs?: boolean;
}

/** Every document, newest first (undated last, then by id for a stable order). */
export async function listDocuments(
  db: KamerlensDB,
  options: ListDocumentsOptions = {},
): Promise<DocumentRecord[]> {
  const all = await db.documents.toArray();
  const shown = options.includeStubs ? all : all.filter((document) => !document.stub);
  return shown.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.id.localeCompare(b.id));
}

/** Every dossier the dataset knows, by id. */
export async function listDossiers(db: KamerlensDB): Promise<DossierRecord[]> {
  return db.dossiers.orderBy('id').toArray();
}
