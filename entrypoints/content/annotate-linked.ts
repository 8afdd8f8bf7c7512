/**
 * Names of linked documents for the editor and the note card: the recognizer's official citation
 * at once, then the dataset's citation and title from one `lookup` per batch (cached per page).
 */

import {
  describeLinkedDocument,
  type KnownDocument,
  type LinkedDocument,
} from '../../data/annotations/linked-documents';
import { findCitations } from '../../data/citations';
import { isWellFormedId } from '../../data/db/ids';
import type { BackgroundProtocol, Result } from '../../data/messages';

type Lookup = (ids: string[]) => Promise<Result<BackgroundProtocol['lookup']['result']>>;

/** Documents a selected text refers to: one id per cited paper, in order, well-formed only. */
export function referencedIds(text: string): string[] {
  return [...new Set(findCitations(text).flatMap((c) => c.ids))]
    .filter((id) => isWellFormedId(id))
    .slice(0, 10);
}

/** A cache of what the dataset says about ids. */
export function createLinkedNames(lookup: Lookup) {
  const known = new Map<string, KnownDocument | undefined>();
  return {
    /** Names from what is known now (the recognizer's citation for the rest). */
    now(ids: readonly string[]): LinkedDocument[] {
      return ids.map((id) => describeLinkedDocument(id, known.get(id)));
    },
    /** Names after asking the dataset about ids not asked before. */
    async resolve(ids: readonly string[]): Promise<LinkedDocument[]> {
      const missing = ids.filter((id) => !known.has(id));
      if (missing.length > 0) {
        const answer = await lookup(missing);
        if (answer.ok) {
          for (const entry of answer.value) {
            const doc = entry.document;
            known.set(entry.id, doc ? { citation: doc.citation, title: doc.title } : undefined);
          }
        }
      }
      return ids.map((id) => describeLinkedDocument(id, known.get(id)));
    },
  };
}
