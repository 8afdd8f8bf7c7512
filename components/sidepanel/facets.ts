/**
 * Library filters and their counts. Counts are disjunctive, as in most faceted search: a filter's
 * counts apply every *other* active filter, so the reader sees what each value would give.
 */
import type { DocumentRecord } from '../../data/documents/types';

/** The library's filters; null/empty means "any". Dates are ISO (`2024-12-16`), inclusive. */
export interface LibraryFilters {
  kinds: string[];
  from: string | null;
  to: string | null;
  author: string | null;
  dossier: string | null;
}

export const NO_FILTERS: LibraryFilters = { kinds: [], from: null, to: null, author: null, dossier: null };

export type FacetName = 'kind' | 'year' | 'author' | 'dossier';

/** One value of a filter with the number of documents it would give. */
export interface FacetCount {
  value: string;
  count: number;
}

export type Facets = Record<FacetName, FacetCount[]>;

/** `34352`, or `36600-XV` with a budget chapter or sub-dossier (the dossier table's key). */
export function dossierKeyOf(doc: DocumentRecord): string | null {
  if (!doc.dossier) return null;
  return doc.dossierSuffix ? `${doc.dossier}-${doc.dossierSuffix}` : doc.dossier;
}

/** Whether any filter is set. */
export function hasFilters(filters: LibraryFilters): boolean {
  return filters.kinds.length > 0 || !!filters.from || !!filters.to || !!filters.author || !!filters.dossier;
}

/** Whether `doc` passes `filters`, leaving out the filter named `except`. */
export function passesFilters(doc: DocumentRecord, filters: LibraryFilters, except?: FacetName): boolean {
  if (except !== 'kind' && filters.kinds.length > 0 && !filters.kinds.includes(doc.type)) return false;
  if (except !== 'year' && (filters.from || filters.to)) {
    if (!doc.date) return false;
    if (filters.from && doc.date < filters.from) return false;
    if (filters.to && doc.date > filters.to) return false;
  }
  if (except !== 'author' && filters.author && !doc.authors.some((a) => a.name === filters.author))
    return false;
  if (except !== 'dossier' && filters.dossier && dossierKeyOf(doc) !== filters.dossier) return false;
  return true;
}

function valuesOf(doc: DocumentRecord, facet: FacetName): string[] {
  switch (facet) {
    case 'kind':
      return [doc.type];
    case 'year':
      return doc.date ? [doc.date.slice(0, 4)] : [];
    case 'author':
      return [...new Set(doc.authors.map((a) => a.name))];
    case 'dossier': {
      const key = dossierKeyOf(doc);
      return key ? [key] : [];
    }
  }
}

const FACETS: FacetName[] = ['kind', 'year', 'author', 'dossier'];

/** Counts per value of every filter over `docs`, each under the other active filters. */
export function countFacets(docs: Iterable<DocumentRecord>, filters: LibraryFilters): Facets {
  const counts = Object.fromEntries(FACETS.map((f) => [f, new Map<string, number>()])) as Record<
    FacetName,
    Map<string, number>
  >;
  for (const doc of docs) {
    for (const facet of FACETS) {
      if (!passesFilters(doc, filters, facet)) continue;
      for (const value of valuesOf(doc, facet)) counts[facet].set(value, (counts[facet].get(value) ?? 0) + 1);
    }
  }
  const byCount = (map: Map<string, number>) =>
    [...map]
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  return {
    kind: byCount(counts.kind),
    year: [...counts.year]
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.value.localeCompare(a.value)),
    author: byCount(counts.author),
    dossier: byCount(counts.dossier),
  };
}
