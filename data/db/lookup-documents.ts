/** Batch lookup by canonical id or alias: the records behind the popover's `lookup` (see lookup-cards.ts). */

import { dossierKeys, dossierKeysOfId, isWellFormedId } from '../citations/ids';
import type { DocumentRecord } from '../dataset/types';
import { dossierTitles, type TitlesCheck } from './dossier-titles';
import type { KamerlensDB } from './kamerlens-db';
import { liveScope } from './live-sources';
import { readDossiers, resolveDocuments } from './resolve-documents';
import { withDirectories } from './row-blocks';

/** One id's whole stored record (null when the dataset does not know it) and its dossier title. */
export interface DocumentLookup<T extends DocumentRecord = DocumentRecord> {
  id: string;
  document: T | null;
  /** Title of the dossier the id belongs to, when known. */
  dossierTitle: string | null;
}

/**
 * One entry per input id, in input order (duplicates repeated). Unknown or malformed ids get
 * `document: null`; the dossier title is filled whenever the id or document names a known dossier.
 */
export async function lookupDocuments(db: KamerlensDB, ids: readonly string[]): Promise<DocumentLookup[]> {
  const held = heldTitlesFor(db, ids);
  // One read transaction for documents and dossier titles: a page's batch costs one round of I/O,
  // two when the titles are not held (or the lookup is of a few ids).
  return withDirectories(db, () => db.transaction('r', lookupTables(db), () => readLookup(db, ids, held)));
}

/**
 * The tables a lookup reads: the blocks, and `meta` for which generations are live (unless held);
 * the documents' bodies unless it reads cards only.
 */
export function lookupTables(db: KamerlensDB, bodies = true) {
  return [db.documentBlocks, ...(bodies ? [db.documentBodies] : []), db.dossierBlocks, ...liveScope(db)];
}

/** Ids from which a lookup uses the held dossier titles; fewer read theirs (see `heldTitlesFor`). */
const HELD_TITLES_FROM = 4;

const READ_TITLES: TitlesCheck = { titles: null, done: Promise.resolve() };

/**
 * For a lookup of `ids`, started before its transaction (beside it): whether the held dossier
 * titles are current. A lookup of fewer than `HELD_TITLES_FROM` ids reads its few titles instead:
 * the check is a transaction of three requests, more than the gets it would save (at 300,000
 * documents a single id took p50 2.1 ms with the check, 1.4 ms reading its title; npm run bench --
 * panel).
 */
export function heldTitlesFor(db: KamerlensDB, ids: readonly string[]): TitlesCheck {
  return new Set(ids).size >= HELD_TITLES_FROM ? dossierTitles(db) : READ_TITLES;
}

/**
 * The work of `lookupDocuments`, for callers already inside a read transaction over both tables,
 * with `held` started before it. The documents are read first; the dossier titles come from `held`
 * when its check is back and current, else from the database in one more round, which
 * `alongside` shares (it runs with the documents found, so a caller's own follow-up reads cost no
 * round of their own). Documents come whole, or as `resolve` reads them (lookup-cards.ts: cards).
 */
export async function readLookup<T extends DocumentRecord = DocumentRecord>(
  db: KamerlensDB,
  ids: readonly string[],
  held: TitlesCheck,
  alongside?: (documents: ReadonlyMap<string, T>) => Promise<void>,
  resolve: (db: KamerlensDB, ids: readonly string[]) => Promise<Map<string, T>> = resolveDocuments as never,
): Promise<DocumentLookup<T>[]> {
  const wellFormed = ids.filter(isWellFormedId);
  const documents = await resolve(db, wellFormed);
  const keysPerId = new Map<string, string[]>();
  for (const id of wellFormed) {
    const document = documents.get(id);
    const fromDocument = document ? dossierKeys(document.dossier, document.dossierSuffix) : [];
    keysPerId.set(id, fromDocument.length > 0 ? fromDocument : dossierKeysOfId(id));
  }
  const keys = [...new Set([...keysPerId.values()].flat())];
  const [titles] = await Promise.all([held.titles ?? readDossierTitles(db, keys), alongside?.(documents)]);
  return ids.map((id) => {
    const dossierKey = (keysPerId.get(id) ?? []).find((key) => titles.has(key));
    return {
      id,
      document: documents.get(id) ?? null,
      dossierTitle: dossierKey ? (titles.get(dossierKey) ?? null) : null,
    };
  });
}

/** Titles of the given dossier keys that the dataset knows. */
export async function readDossierTitles(
  db: KamerlensDB,
  keys: readonly string[],
): Promise<Map<string, string>> {
  const titles = new Map<string, string>();
  for (const dossier of (await readDossiers(db, keys)).values()) titles.set(dossier.id, dossier.title);
  return titles;
}
