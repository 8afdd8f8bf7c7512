/**
 * Which search segment indexes a document row (see search-segments.ts): the pack that wrote it
 * last, or the bundled dataset. Apart from the database class, so its upgrade can use it.
 */
import type { Table } from 'dexie';
import type { DocumentRecord } from '../dataset/types';
import { type BuiltSegment, buildSegment } from '../search/segment';
import type { PackMembership } from './records';

/** The segment of the bundled dataset's documents. */
export const BUNDLED_SEGMENT = 'bundled';

/** The segment a stored document row is indexed in. */
function ownerOf(row: PackMembership<unknown>): string {
  const packs = row.packs ?? [];
  return packs[packs.length - 1] ?? BUNDLED_SEGMENT;
}

/** Every segment from the stored rows (the upgrade to the stored index, or a repair). */
export async function buildAllSegments(
  documents: Table<DocumentRecord & PackMembership<DocumentRecord>, string>,
): Promise<BuiltSegment[]> {
  const byOwner = new Map<string, DocumentRecord[]>();
  await documents.each((row) => {
    if (row.stub) return;
    const owner = ownerOf(row);
    let list = byOwner.get(owner);
    if (!list) {
      list = [];
      byOwner.set(owner, list);
    }
    list.push(row);
  });
  return [...byOwner].map(([id, rows]) => buildSegment(id, rows));
}
