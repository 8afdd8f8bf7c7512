/**
 * Keeping the search segments in step with which source wins each document (precedence.ts), at
 * the end of an import or removal: inside its last transaction, so an import that ended meanwhile
 * (the bundled dataset and a pack are imported side by side on a first start) is counted.
 */

import { runSliced, runToEnd, type SlicedWork } from '../time-slices';
import type { KamerlensDB } from './kamerlens-db';
import { publishLive, readLive } from './live-sources';
import { overlappingSteps, ownedIdsSteps, type SourceDocuments } from './precedence';
import { deleteGeneration } from './row-blocks';
import { dropPostings, rebuildStaleSegments } from './search-segments';
import { readSourceDocuments, readSources, type SourcesRead } from './source-documents';

/**
 * The segments to rebuild when `source`'s documents become `own` (null: the source goes), from
 * every source's documents `all` (changed to hold `own`): those of the other sources holding
 * documents it held or holds, and `source`'s own when the documents it was built over (`indexed`)
 * are no longer those it wins.
 */
function* rebuildSteps(
  all: Map<string, SourceDocuments>,
  source: string,
  own: SourceDocuments | null,
  indexed?: ReadonlySet<string>,
): SlicedWork<string[]> {
  const before = all.get(source)?.documents ?? [];
  if (own) all.set(source, own);
  else all.delete(source);
  const rebuild = yield* overlappingSteps(source, before, own?.documents ?? [], all.values());
  if (own && indexed) {
    const owned = yield* ownedIdsSteps(own, all.values());
    if (owned.size !== indexed.size || [...owned].some((id) => !indexed.has(id))) rebuild.push(source);
  }
  return rebuild;
}

/**
 * `settleOwnership`'s work done ahead of the last transaction, in steps, from the sources live
 * then (`revision`): comparing 280,000 ids at 300,000 documents was a task of 90–110 ms inside that
 * transaction (`KAMERLENS_PACKS_CPUPROFILE=1 npm run bench -- packs`), where nothing can yield.
 */
export interface OwnershipPlan {
  revision: number;
  rebuild: string[];
  /**
   * The sources as they will be once this change is live, tagged with the plan's revision + 1:
   * once this change has committed, the live row has that revision only if nothing else went live
   * since the plan's read (otherwise this change took a later one, and `readSources` reads again).
   */
  after: SourcesRead;
}

/**
 * Work out `settleOwnership`'s answer for `source` becoming `own` now, in steps (see
 * `OwnershipPlan`), from the sources `read` (an import's own read at its start, or what the
 * previous import of its run left: the plan holds only if nothing went live since, which
 * `settleOwnership` checks), else as they are now.
 */
export async function planOwnership(
  db: KamerlensDB,
  source: string,
  own: SourceDocuments | null,
  indexed?: ReadonlySet<string>,
  read?: SourcesRead,
): Promise<OwnershipPlan> {
  const { revision, all } = read ?? (await readSources(db));
  // `rebuildSteps` changes the map it is given into the sources after the change.
  const after = new Map(all);
  const { value } = await runSliced(rebuildSteps(after, source, own, indexed));
  return { revision, rebuild: value, after: { revision: revision + 1, all: after } };
}

/**
 * Record `own` as `source`'s documents (null: the source goes), inside an import's or removal's
 * last transaction (over `meta`, `sourceIds` and the search tables), after its `setLive`; returns
 * the segments to rebuild for it (`rebuildSteps`). With a `plan` made from the sources as they
 * are now (no other change made live since: the live row's revision is the plan's and this
 * transaction's `setLive`), its answer is taken; otherwise it is worked out here, in one go.
 * Rebuilding reads records, so it runs after, in `rebuildAfter`: the last transaction does not hold
 * the document blocks, which lookups read (it writes search rows of megabytes at 300,000 documents).
 */
export async function settleOwnership(
  db: KamerlensDB,
  source: string,
  own: SourceDocuments | null,
  indexed?: ReadonlySet<string>,
  plan?: OwnershipPlan,
): Promise<string[]> {
  const planned = plan !== undefined && ((await readLive(db)).revision ?? 0) === plan.revision + 1;
  // Read before the write: the source's documents before this change are the ones compared.
  const all = planned ? null : await readSourceDocuments(db);
  if (own) await db.sourceIds.put(own);
  else await db.sourceIds.delete(source);
  return all ? runToEnd(rebuildSteps(all, source, own, indexed)) : [...(plan?.rebuild ?? [])];
}

/** The tables of an import's or removal's last transaction, besides its own record's. */
export function lastTransactionTables(db: KamerlensDB) {
  return [db.meta, db.sourceIds, db.searchHeads, db.searchCatalogs, db.searchSegments, db.searchPostings];
}

/**
 * Rebuild the segments `settleOwnership` named from the records they win now, right after the last
 * transaction, as stale segments are (records read, index built in slices, postings staged, then
 * flipped in a small transaction of its own). Until then a document another source now wins may be
 * found by search in both segments, or in neither: only where two sources hold it.
 */
async function rebuildAfter(db: KamerlensDB, segments: readonly string[]): Promise<void> {
  if (segments.length > 0) await rebuildStaleSegments(db, { rebuild: [...new Set(segments)], orphans: [] });
}

/** What an import's or removal's last transaction replaced and left to do. */
export interface EndedChange {
  /** The generation of the source's blocks it replaced (null: none). */
  previous: number | null;
  /** The postings key of the search segment it replaced (null: none, or already dropped). */
  replacedPostings: string | null;
  /** The segments `settleOwnership` named. */
  rebuild: string[];
}

/**
 * After an import's or removal's last transaction of `source` committed: the held live row read
 * again, the segments of other sources rebuilt, then what it replaced deleted (lookups find the
 * previous generation until the live row they use names the new one).
 */
export async function finishChange(db: KamerlensDB, source: string, ended: EndedChange): Promise<void> {
  await publishLive(db);
  await rebuildAfter(db, ended.rebuild);
  await dropPostings(db, ended.replacedPostings);
  if (ended.previous !== null) await deleteGeneration(db, source, ended.previous);
}
