/**
 * "Typing a reference jumps to the document": the canonical ids a search query names, found by
 * the recognizer. A bare `34352 nr 349` carries no label, and the recognizer rejects unlabelled
 * numbers for precision, so a query starting with a dossier number is tried again as `Kamerstuk …`.
 */
import type { Citation } from '../citations/types';

/** The recognizer's signature (`findCitations` from data/citations). */
export type Recognize = (text: string) => Citation[];

const STARTS_WITH_DOSSIER = /^\d{2}\s?\d{3}\b/;
/** Zaak/document numbers are written with a capital (`2024Z15690`); users type them in any case. */
const REGISTRY_NUMBER = /\b(\d{4})([zd])(\d{5})\b/gi;

function idsOf(citations: Citation[]): string[] {
  return [...new Set(citations.flatMap((c) => c.ids))];
}

/** Canonical ids named by `query` (empty when it names none). */
export function referenceIdsInQuery(query: string, recognize: Recognize): string[] {
  const text = query
    .trim()
    .replace(REGISTRY_NUMBER, (_, year, letter, n) => `${year}${letter.toUpperCase()}${n}`);
  if (text.length < 5) return [];
  const found = idsOf(recognize(text));
  if (found.length > 0) return found;
  if (!STARTS_WITH_DOSSIER.test(text)) return [];
  return idsOf(recognize(`Kamerstuk ${text}`));
}
