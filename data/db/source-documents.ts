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

/**
 * `readSourceDocuments` with the live row's revision, read together (one read transaction), or
 * `known` where that is of the live revision: nothing went live since it was read or planned
 * (`OwnershipPlan.after`). One importer's packs in a row each read every source's id list
 * otherwise, 280,000 ids by the last of 16 packs at 300,000 documents (7 → 561 ms a read under
 * load, 3.9 s an import), on the import's path and in the storage engine lookups wait for. Taking
 * `known`, an import's transactions here took 0.56-0.79 s in all against 2.50-2.57 s (the first
 * pack's read, then checks of the revision mostly queued behind the pack's own `newGeneration`;
 * product packs bench, 300,000 record-shaped documents, traced, two alternating rounds, load
 * 3.1-3.7).
 */
export function readSources(db: KamerlensDB, known?: SourcesRead): Promise<SourcesRead> {
  return db.transaction('r', [db.meta, db.sourceIds], async () => {
    if (known && ((await readLive(db)).revision ?? 0) === known.revision) return known;
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
