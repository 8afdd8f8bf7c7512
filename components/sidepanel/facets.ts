/**
 * Library filters and their counts (computed by `facet-index.ts`). Counts are disjunctive, as in
 * most faceted search: a filter's counts apply every *other* active filter, so the reader sees what
 * each value would give.
 */

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

/** Whether any filter is set. */
export function hasFilters(filters: LibraryFilters): boolean {
  return filters.kinds.length > 0 || !!filters.from || !!filters.to || !!filters.author || !!filters.dossier;
}
