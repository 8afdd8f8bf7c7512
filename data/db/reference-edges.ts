/** Turns a document's outgoing references into graph edges (one per cited id). */
import type { DocumentRecord } from '../dataset/types';
import type { ReferenceEdge } from './records';

/** Every edge leaving `document`: one per cited id, duplicates kept (each is a distinct place). */
export function edgesOf(document: DocumentRecord): ReferenceEdge[] {
  const edges: ReferenceEdge[] = [];
  for (const reference of document.references) {
    for (const to of reference.ids) {
      edges.push({
        from: document.id,
        to,
        qa: reference.location?.qa ?? null,
        section: reference.location?.section ?? null,
        footnote: reference.location?.footnote ?? null,
        context: reference.context,
        raw: reference.raw,
        citedAs: reference.citedAs,
      });
    }
  }
  return edges;
}
