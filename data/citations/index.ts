/**
 * The recognizer's public API (pure TypeScript: no DOM, no `browser`, no Dexie).
 *
 * - `findCitations(text)`: every Dutch parliamentary reference in `text` (the forms in README.md),
 *   in order, not overlapping; `text.slice(c.start, c.end) === c.raw`. `raw` includes a pinpoint
 *   (`, p. 7`) but not surrounding brackets or sentence punctuation.
 * - `formatCitation(c)`: the official citation style (`Kamerstukken II 2025/26, 34352, nr. 349`).
 * - `formatId(id)`: the official citation for a canonical id, or null.
 * - `parseCanonicalId(id)` / `isCanonicalId(id)`: what an id says / whether it is one of ours.
 * - `officialUrl(id)`: officielebekendmakingen.nl or tweedekamer.nl URL for an id, or null.
 */
import { scanCitations } from './scan';
import type { Citation } from './types';

export { isCanonicalId, parseCanonicalId } from './canonical-id';
export { formatCitation, formatId } from './format';
export { officialUrl } from './official-url';
export type { Citation } from './types';

/** Every parliamentary reference in `text`, sorted by position, non-overlapping. Never throws. */
export function findCitations(text: string): Citation[] {
  return scanCitations(text);
}
