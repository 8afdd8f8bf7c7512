/** Reading documents and dossiers for the side panel's library and reader. */

import { isWellFormedId } from '../citations/ids';
import type { DocumentRecord, DossierRecord } from '../dataset/types';
import type { KamerlensDB } from './kamerlens-db';
import { resolveDocuments } from './resolve-documents';

/** The document with this canonical id or alias, or null. */
export async function getDocument(db: KamerlensDB, id: string): Promise<DocumentRecord | null> {
  if (!isWellFormedId(id)) return null;
  return (await resolveDocuments(db, [id])).get(id) ?? null;
}

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

/** The title of a dossier (`34352`, `36600-XV`), or null when unknown. */
export async function dossierTitle(db: KamerlensDB, dossierId: string): Promise<string | null> {
  if (!isWellFormedId(dossierId)) return null;
  return (await db.dossiers.get(dossierId))?.title ?? null;
}
