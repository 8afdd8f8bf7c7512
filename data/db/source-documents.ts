/**
 * Each live source's documents (the `sourceIds` table, written in the same transaction as the
 * generation it lists is made live), and from them the records a source's search segment indexes:
 * its documents it is the winner for (precedence.ts).
 */
import type { DocumentRecord } from '../dataset/types';
import type { KamerlensDB } from './kamerlens-db';
import { readLive } from './live-sources';
import { ownedIds, type SourceDocuments } from './precedence';
import { recordsOfSource } from './row-blocks';

/** Every source's document ids, by source. */
export async function readSourceDocuments(db: KamerlensDB): Promise<Map<string, SourceDocuments>> {
  const rows = await db.sourceIds.toArray();
  return new Map(rows.map((row) => [row.source, row]));
}

/** Every source's documents and the live row's revision they go with (`planOwnership`). */
export interface SourcesRead {
  revision: number;
  all: Map<string, SourceDocuments>;
}

/** `readSourceDocuments` with the live row's revision, read together (one read transaction). */
export function readSources(db: KamerlensDB): Promise<SourcesRead> {
  return db.transaction('r', [db.meta, db.sourceIds], async () => {
    const [live, all] = await Promise.all([readLive(db), readSourceDocuments(db)]);
    return { revision: live.revision ?? 0, all };
  });
}

/** The ids of `documents` that are not stubs, in order. */
export function documentIds(documents: readonly DocumentRecord[]): string[] {
  return documents.filter((document) => !document.stub).map((document) => document.id);
}

/** The records segment `source` indexes now (none when it is not live). */
export async function ownedRecords(db: KamerlensDB, source: string): Promise<DocumentRecord[]> {
  const [live, all] = await Promise.all([readLive(db), readSourceDocuments(db)]);
  const generation = live.sources[source];
  const own = all.get(source);
  if (generation === undefined || !own) return [];
  const owned = ownedIds(own, all.values());
  return recordsOfSource<DocumentRecord>(
    db,
    'documentBlocks',
    source,
    generation,
    (entry) => !entry.stub && owned.has(entry.id),
  );
}
