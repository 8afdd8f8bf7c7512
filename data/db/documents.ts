/** Reading documents and dossiers for the side panel's library and reader. */

import type { DocumentRecord, DossierRecord } from '../dataset/types';
import type { BlockRecord } from './block-packing';
import type { KamerlensDB } from './kamerlens-db';
import { readLive } from './live-sources';
import { best } from './precedence';
import { type BlockTableName, eachEntry, type FoundEntry, wholeRecords } from './row-blocks';

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
  const all = [...(await readAllRecords<DocumentRecord>(db, 'documentBlocks')).values()];
  const shown = options.includeStubs ? all : all.filter((document) => !document.stub);
  return shown.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.id.localeCompare(b.id));
}

/** Every dossier the dataset knows, by id. */
export async function listDossiers(db: KamerlensDB): Promise<DossierRecord[]> {
  return [...(await readAllRecords<DossierRecord>(db, 'dossierBlocks')).values()].sort((a, b) =>
    a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
}

/**
 * Every record of the table `name`, the winner of each id, read source by source, a read each (the
 * dossier titles lookups hold; benchmarks and tests: the panel reads documents through queries).
 */
export async function readAllRecords<T extends BlockRecord>(
  db: KamerlensDB,
  name: BlockTableName,
): Promise<Map<string, T>> {
  const live = await readLive(db);
  const winners = new Map<string, FoundEntry>();
  for (const [source, generation] of Object.entries(live.sources)) {
    await eachEntry(db, name, source, generation, (entry, seq) => {
      const found: FoundEntry = { entry, source, generation, seq, stub: entry.stub };
      const current = winners.get(entry.id);
      winners.set(entry.id, current ? (best([current, found]) ?? found) : found);
    });
  }
  const whole = await wholeRecords<T>(db, [...winners.values()]);
  return new Map([...winners].map(([id, found]) => [id, whole.get(found) as T]));
}
