/**
 * "On this page": the references the content script marked in the active tab, grouped by the
 * document they point at (a reference naming several papers counts for each), in page order.
 */
import type { Citation } from '../../data/citations/types';
import type { DocumentRecord } from '../../data/dataset/types';
import type { PageReference } from '../../data/messages';

/** One document referred to on the page. */
export interface PageGroupView {
  /** The document's id when the dataset has it, else the canonical id of the reference. */
  id: string;
  doc: DocumentRecord | null;
  /** The first reference to it on the page (for a label when the dataset lacks the document). */
  citation: Citation;
  /** Mark groups on the page that refer to it, in page order (`revealReference` takes one). */
  marks: number[];
}

/** Groups `references` by document; `resolve` finds a document by any of its ids. */
export function groupPageReferences(
  references: readonly PageReference[],
  resolve: (id: string) => DocumentRecord | null,
): PageGroupView[] {
  const groups = new Map<string, PageGroupView>();
  const ordered = [...references].sort((a, b) => a.group - b.group);
  for (const reference of ordered) {
    for (const id of new Set(reference.citation.ids)) {
      const doc = resolve(id);
      const key = doc?.id ?? id;
      const group = groups.get(key);
      if (group) {
        if (!group.marks.includes(reference.group)) group.marks.push(reference.group);
      } else {
        groups.set(key, { id: key, doc, citation: reference.citation, marks: [reference.group] });
      }
    }
  }
  return [...groups.values()];
}
