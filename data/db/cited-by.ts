/** "Cited by": every place in the dataset that cites a document, under any of its identifiers. */

import { isWellFormedId } from '../citations/ids';
import type { DocumentRecord } from '../dataset/types';
import type { KamerlensDB } from './kamerlens-db';
import type { ReferenceEdge } from './records';
import { resolveDocuments } from './resolve-documents';

/** One citing place, with enough of the citing document to show it in a list. */
export interface CitingPlace extends Omit<ReferenceEdge, 'key'> {
  fromTitle: string | null;
  fromDate: string | null;
  fromType: DocumentRecord['type'] | null;
}

/** Places citing `id` (or any alias of its document), newest citing document first. */
export async function citedBy(db: KamerlensDB, id: string): Promise<CitingPlace[]> {
  if (!isWellFormedId(id)) return [];
  const document = (await resolveDocuments(db, [id])).get(id);
  const aliases = document ? [...new Set([document.id, ...document.ids, id])] : [id];
  const edges = await db.references.where('to').anyOf(aliases).toArray();
  const unique = [...new Map(edges.map((edge) => [edge.key, edge])).values()];
  const citing = await db.documents.bulkGet([...new Set(unique.map((edge) => edge.from))]);
  const byId = new Map(citing.filter((doc) => doc !== undefined).map((doc) => [doc.id, doc]));
  const places = unique.map(({ key: _key, ...edge }) => {
    const from = byId.get(edge.from);
    return {
      ...edge,
      fromTitle: from?.title ?? null,
      fromDate: from?.date ?? null,
      fromType: from?.type ?? null,
    };
  });
  // Stable sort: places of one document keep their order in the text.
  return places.sort((a, b) => (b.fromDate ?? '').localeCompare(a.fromDate ?? ''));
}
