/** Filtering the side panel's list of notes, and the values each filter can take. */
import type { AnnotationRecord } from './model';
import { quoteOf } from './model';
import { siteOf } from './url';

/** Active filters; null or '' means "any". */
export interface AnnotationFilter {
  tag: string | null;
  documentId: string | null;
  site: string | null;
  /** Words that must all occur in quote, note, tags or page title (case-insensitive). */
  text: string;
}

/** No filter at all. */
export const NO_FILTER: AnnotationFilter = { tag: null, documentId: null, site: null, text: '' };

function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('nl');
}

/** Whether a note passes every active filter. */
export function matchesFilter(record: AnnotationRecord, filter: AnnotationFilter): boolean {
  if (filter.tag && !record.body.tags.includes(filter.tag)) return false;
  if (filter.documentId && !record.body.linkedDocumentIds.includes(filter.documentId)) return false;
  if (filter.site && siteOf(record.target.source) !== filter.site) return false;
  const words = fold(filter.text).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = fold(
    [
      quoteOf(record)?.exact ?? '',
      record.body.note,
      record.body.tags.join(' '),
      record.target.title ?? '',
    ].join(' '),
  );
  return words.every((word) => haystack.includes(word));
}

/** One value a filter can take, with how many notes have it. */
export interface FacetValue {
  value: string;
  count: number;
}

/** Tags, linked documents and sites of `records`, most frequent first. */
export function facetsOf(records: readonly AnnotationRecord[]): {
  tags: FacetValue[];
  documents: FacetValue[];
  sites: FacetValue[];
} {
  const count = (values: string[][]): FacetValue[] => {
    const counts = new Map<string, number>();
    for (const list of values) for (const v of new Set(list)) counts.set(v, (counts.get(v) ?? 0) + 1);
    return [...counts]
      .map(([value, n]) => ({ value, count: n }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  };
  return {
    tags: count(records.map((r) => r.body.tags)),
    documents: count(records.map((r) => r.body.linkedDocumentIds)),
    sites: count(records.map((r) => [siteOf(r.target.source)])),
  };
}
