/**
 * Loading and removing a dataset pack. Its records are written as blocks of a new generation
 * (row-blocks.ts) in short transactions, beside the pack's current ones, so lookups keep answering
 * from the previous version meanwhile; the pack becomes whole in one last small transaction (its
 * generation made live, its record, its search segment's flip), after which its previous blocks
 * are deleted. An import that fails leaves nothing visible, and its blocks are deleted (by the next
 * worker, `deadGenerations`, if this one stopped): never half a pack. Where another source holds a
 * record with the same id, the reading side decides which wins (precedence.ts), and the search
 * segments follow the same rule. Notes are in their own table, never touched.
 */
import type { DatasetPack } from '../dataset/pack-format';
import { segmentSteps } from '../search/segment';
import { runSliced, type SlicedWork } from '../time-slices';
import type { KamerlensDB } from './kamerlens-db';
import { newGeneration, setLive } from './live-sources';
import { ownedIdsSteps, type SourceDocuments } from './precedence';
import type { PackRecord } from './records';
import { deleteGeneration, writeBlocks } from './row-blocks';
import { deleteSegment, flipSegment, stageSegment } from './search-segments';
import { BUNDLED_SEGMENT } from './segment-owner';
import { finishChange, lastTransactionTables, planOwnership, settleOwnership } from './segment-ownership';
import { documentIds, readSources, type SourcesRead } from './source-documents';

/** Options for `importPack`. */
export interface ImportPackOptions {
  /** Size of the pack file. */
  bytes: number;
  fileName: string;
  /** Called with the share of rows written (0…1), at least at the start and the end. */
  onProgress?: (fraction: number) => void;
  /** Records per transaction, fixed (tests); by default sized to keep each transaction short. */
  chunkSize?: number;
  /** The sources the previous import of a run left (`PackImported.sources`), read again if stale. */
  sources?: SourcesRead;
}

/** What loading a pack did: the stored pack, and the version it replaced (null: it was new). */
export interface PackImported {
  pack: PackRecord;
  replaced: string | null;
  /**
   * The sources as planned with this pack, for the next import of the run
   * (`ImportPackOptions.sources`); read again there if something else went live meanwhile.
   */
  sources: SourcesRead;
}

/** Store `pack`, replacing the pack with the same id if one is loaded. */
export async function importPack(
  db: KamerlensDB,
  pack: DatasetPack,
  options: ImportPackOptions,
): Promise<PackImported> {
  options.onProgress?.(0);
  // The sources as they are now, read once for the pack's ownership here and its plan below (every
  // source's id list: 280,000 ids, some MB, by the last of 16 packs at 300,000 documents; the
  // storage engine that reads it is the one the lookups wait for), unless the previous pack's are.
  const [generation, sources] = await Promise.all([newGeneration(db), readSources(db, options.sources)]);
  const { all } = sources;
  const own: SourceDocuments = { source: pack.id, generation, documents: documentIds(pack.documents) };
  const { value: owned } = await runSliced(ownedIdsSteps(own, all.values()));
  const { value: inBundled } = await runSliced(
    countAmong(
      all.get(BUNDLED_SEGMENT)?.documents ?? [],
      new Set(pack.documents.map((document) => document.id)),
    ),
  );
  let indexed = 0;
  let written = 0;
  let committed = false;
  const total = Math.max(pack.documents.length + pack.dossiers.length, 1);
  // The index and the rows advance together: the index takes a fifth of the progress, the rows the
  // rest but the last tenth (each reporting its own share alone made the fraction jump back and forth).
  const report = () => options.onProgress?.(0.2 * indexed + (0.7 * written) / total);
  const chunks = {
    size: options.chunkSize,
    onDone: (count: number) => {
      written += count;
      report();
    },
  };
  try {
    // The pack's search segment is built in slices while its blocks are written (this thread
    // prepares the one while the database writes the other), over the documents it wins.
    const toIndex = pack.documents.filter((document) => owned.has(document.id));
    const [{ value: built }] = await Promise.all([
      runSliced(segmentSteps(pack.id, toIndex), {
        onProgress: (fraction) => {
          indexed = fraction;
          report();
        },
      }),
      writeBlocks(db, 'documentBlocks', pack.id, generation, pack.documents, chunks).then(() =>
        writeBlocks(db, 'dossierBlocks', pack.id, generation, pack.dossiers, chunks),
      ),
    ]);
    const staged = await stageSegment(db, built, pack.version);
    const plan = await planOwnership(db, pack.id, own, owned, sources);
    const { result, previous, replacedPostings, rebuild } = await db.transaction(
      'rw',
      [db.packs, ...lastTransactionTables(db)],
      async () => {
        const record: PackRecord = {
          id: pack.id,
          split: pack.split,
          key: pack.key,
          version: pack.version,
          contentHash: pack.contentHash,
          counts: pack.counts,
          inBundled,
          bytes: options.bytes,
          fileName: options.fileName,
          importedAt: new Date().toISOString(),
        };
        const [replacedPack, previous] = await Promise.all([
          db.packs.get(pack.id),
          setLive(db, pack.id, generation),
          db.packs.put(record),
        ]);
        const replacedPostings = await flipSegment(db, staged);
        return {
          result: { pack: record, replaced: replacedPack?.version ?? null, sources: plan.after },
          previous,
          replacedPostings,
          rebuild: await settleOwnership(db, pack.id, own, owned, plan),
        };
      },
    );
    committed = true;
    await finishChange(db, pack.id, { previous, replacedPostings, rebuild });
    options.onProgress?.(1);
    return result;
  } catch (error) {
    // Before its last transaction the new generation is nobody's: it goes. After, it is the pack
    // (what failed is clean-up, which the next importer's sweep finishes).
    if (!committed) await deleteGeneration(db, pack.id, generation).catch(() => undefined);
    throw error;
  }
}

/**
 * How many of `ids` are in `among`, in steps: the pack's documents the bundled dataset holds too,
 * counted over the bundled dataset's list instead of a set of it made at once (one task, however large that dataset; not measured apart).
 * Both lists hold each id once (validated).
 */
function* countAmong(ids: readonly string[], among: ReadonlySet<string>): SlicedWork<number> {
  let count = 0;
  for (let i = 0; i < ids.length; i++) {
    if (among.has(ids[i] as string)) count++;
    if (i % 8192 === 8191) yield;
  }
  return count;
}

/** Remove the pack `id`: its records, and its search segment. */
export async function removePack(db: KamerlensDB, id: string): Promise<boolean> {
  if (!(await db.packs.get(id))) return false;
  const plan = await planOwnership(db, id, null);
  const { previous, rebuild } = await db.transaction(
    'rw',
    [db.packs, ...lastTransactionTables(db)],
    async () => {
      const [previous] = await Promise.all([
        setLive(db, id, null),
        db.packs.delete(id),
        deleteSegment(db, id),
      ]);
      return { previous, rebuild: await settleOwnership(db, id, null, undefined, plan) };
    },
  );
  await finishChange(db, id, { previous, replacedPostings: null, rebuild });
  return true;
}

/** The loaded packs, by id. */
export function listPacks(db: KamerlensDB): Promise<PackRecord[]> {
  return db.packs.orderBy('id').toArray();
}
