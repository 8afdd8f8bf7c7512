/**
 * Names of linked documents for the editor and the note card: the recognizer's official citation
 * at once, then the dataset's citation and title from `lookup` calls of at most `MAX_LOOKUP_IDS` ids
 * (cached per page).
 */

import {
  describeLinkedDocument,
  type KnownDocument,
  type LinkedDocument,
} from '../../data/annotations/linked-documents';
import { findCitations, formatCitation } from '../../data/citations';
import { isWellFormedId } from '../../data/citations/ids';
import { type BackgroundProtocol, MAX_LOOKUP_IDS } from '../../data/messages';
import type { Result } from '../../data/result';

type Lookup = (ids: string[]) => Promise<Result<BackgroundProtocol['lookup']['result']>>;

/** Most documents pre-linked from one selection. */
const MAX_PRELINKED = 10;

/**
 * Documents a selected text refers to, one per cited paper, in order: named by the citation as the
 * text gives it (chamber and year included, which an id alone does not carry); a reference to
 * several papers names each by its id's citation.
 */
export function referencedDocuments(text: string): LinkedDocument[] {
  const out = new Map<string, LinkedDocument>();
  for (const citation of findCitations(text)) {
    const ids = citation.ids.filter((id) => isWellFormedId(id));
    for (const id of ids) {
      if (out.has(id)) continue;
      const named = ids.length === 1 ? formatCitation({ ...citation, pages: null }) : null;
      out.set(id, { ...describeLinkedDocument(id, undefined), ...(named ? { citation: named } : {}) });
    }
  }
  return [...out.values()].slice(0, MAX_PRELINKED);
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
      for (let start = 0; start < missing.length; start += MAX_LOOKUP_IDS) {
        const answer = await lookup(missing.slice(start, start + MAX_LOOKUP_IDS));
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
