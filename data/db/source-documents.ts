/**
 * Each live source's documents (the `sourceIds` table, written in the same transaction as the
 * generation it lists is made live), and from them the records a source's search segment indexes:
 * its documents it is the winner for (precedence.ts).
 */
import type { Dexie } from 'dexie';
import type { DocumentRecord } from '../dataset/types';
import type { KamerlensDB } from './kamerlens-db';
import { readLive } from './live-sources';
import { ownedIds, type SourceDocuments } from './precedence';
import { recordsOfSource } from './row-blocks';

/**
 * Per database, the table as of a revision of the live row: every write of `sourceIds` is made in
 * the transaction that makes a generation live, which advances the revision (`settleOwnership`).
 */
const known = new WeakMap<KamerlensDB, { revision: number; all: ReadonlyMap<string, SourceDocuments> }>();

/**
 * Every source's document ids, by source: read once per revision of the live row. The table holds
 * every id of every source: at 300,000 documents in 16 packs, each pack's import read it whole
 * twice, a read of up to 561 ms that grew with every pack (3.9 s over an import, the storage engine
 * busy meanwhile and a lookup waiting: traced product packs bench, load 3.3); the importer now
 * reads its own writes from memory (`noteSourceDocuments`).
 */
export async function readSourceDocuments(db: KamerlensDB): Promise<Map<string, SourceDocuments>> {
  // One transaction (or the caller's, over both tables): the rows read are the revision's.
  return db.transaction('r', [db.meta, db.sourceIds], async () => {
    const revision = (await readLive(db)).revision ?? 0;
    const cached = known.get(db);
    if (cached?.revision === revision) return new Map(cached.all);
    const rows = await db.sourceIds.toArray();
    const all = new Map(rows.map((row) => [row.source, row]));
    known.set(db, { revision, all: new Map(all) });
    return all;
  });
}

/**
 * In the transaction that made `source`'s change live (at `revision`) and wrote `own` (null: the
 * source went): once it commits, `readSourceDocuments` answers from memory, where it held the
 * revision before this one.
 */
export function noteSourceDocuments(
  db: KamerlensDB,
  revision: number,
  source: string,
  own: SourceDocuments | null,
): void {
  const before = known.get(db);
  // Held from before this transaction's write: the revision before, or this one read inside it.
  const base = before && (before.revision === revision - 1 || before.revision === revision) ? before : null;
  known.delete(db);
  const tx = (db.constructor as typeof Dexie).currentTransaction;
  if (!tx || !base) return;
  tx.on('complete', () => {
    if (known.has(db)) return;
    const all = new Map(base.all);
    if (own) all.set(source, own);
    else all.delete(source);
    known.set(db, { revision, all });
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
