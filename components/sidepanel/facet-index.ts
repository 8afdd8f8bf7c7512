/**
 * Filters and their counts over many documents, fast enough for every keystroke: they read the
 * library's stored catalog (data/search/catalog.ts), where each document's kind, date, dossier and
 * authors are small integer codes in typed arrays, so a count is a pass over those arrays and never
 * reads a record. Semantics are those of `facets.ts`.
 */
import {
  type Catalog,
  type CatalogHead,
  dateKey,
  Interner,
  type ValueCount,
} from '../../data/search/catalog';
import { createTopK } from '../../data/search/select-top';
import { type FacetCount, type FacetName, type Facets, hasFilters, type LibraryFilters } from './facets';

/** `localeCompare` as a shared collator (same default locale and options, without a lookup per call). */
const byName = new Intl.Collator().compare;

/** One bit per facet in a document's failure mask. */
const FACET_BIT: Record<FacetName, number> = { kind: 1, year: 2, author: 4, dossier: 8 };

/** Filters turned into codes once per view. */
interface CompiledFilters {
  /** No filter is set: everything passes (the common case, checked first). */
  none: boolean;
  kinds: Set<number> | null;
  from: number | null;
  to: number | null;
  author: number | null;
  dossier: number | null;
}

/** Builds the facet index over `catalog` (positions are the doc indexes used everywhere else). */
export function createFacetIndex(catalog: Catalog) {
  const n = catalog.count;
  const { kind, dossier, authorStart, authorOf } = catalog;
  const kinds = new Interner(catalog.kinds);
  const dossiers = new Interner(catalog.dossiers);
  const authors = new Interner(catalog.authors);
  const dates = catalog.date;
  // Years as codes: one pass over the dates (the catalog stores the dates themselves).
  const years = new Interner();
  const year = new Int32Array(n);
  for (let d = 0; d < n; d++) {
    const date = dates[d] ?? 0;
    year[d] = date > 0 ? years.code(String(Math.floor(date / 10_000)).padStart(4, '0')) : -1;
  }

  function compile(filters: LibraryFilters): CompiledFilters {
    return {
      none: !hasFilters(filters),
      kinds: filters.kinds.length > 0 ? new Set(filters.kinds.map((k) => kinds.find(k))) : null,
      from: filters.from ? dateKey(filters.from) : null,
      to: filters.to ? dateKey(filters.to) : null,
      author: filters.author ? authors.find(filters.author) : null,
      dossier: filters.dossier ? dossiers.find(filters.dossier) : null,
    };
  }

  function hasAuthor(d: number, code: number): boolean {
    for (let i = authorStart[d] ?? 0; i < (authorStart[d + 1] ?? 0); i++)
      if (authorOf[i] === code) return true;
    return false;
  }

  /**
   * The values with a count, most frequent first (ties by name), at most `max` of them plus the
   * chosen one: a large dataset has thousands of authors, and sorting them all by name per
   * keystroke would cost more than the search.
   */
  function counted(counts: Int32Array, values: string[], max = Infinity, chosen = -1): FacetCount[] {
    let codes: number[] = [];
    for (let code = 0; code < counts.length; code++) if ((counts[code] as number) > 0) codes.push(code);
    if (codes.length > max) {
      // The `max` most frequent (ties to the lower code) by a bounded heap, not a sort of thousands.
      const top = createTopK(max);
      for (const code of codes) top.offer(code, counts[code] as number);
      const kept = top.take().map((entry) => entry.doc);
      if (chosen >= 0 && (counts[chosen] ?? 0) > 0 && !kept.includes(chosen)) kept.push(chosen);
      codes = kept;
    }
    return codes
      .map((code) => ({ value: values[code] ?? '', count: counts[code] ?? 0 }))
      .sort((a, b) => b.count - a.count || byName(a.value, b.value));
  }

  /** Which filters document `d` fails, one bit per facet (see `FACET_BIT`). */
  function failures(d: number, f: CompiledFilters): number {
    let bits = 0;
    if (f.kinds && !f.kinds.has(kind[d] ?? -1)) bits |= FACET_BIT.kind;
    if (f.from !== null || f.to !== null) {
      const date = dates[d] ?? 0;
      if (date === 0 || (f.from !== null && date < f.from) || (f.to !== null && date > f.to))
        bits |= FACET_BIT.year;
    }
    if (f.author !== null && !hasAuthor(d, f.author)) bits |= FACET_BIT.author;
    if (f.dossier !== null && dossier[d] !== f.dossier) bits |= FACET_BIT.dossier;
    return bits;
  }

  /**
   * Counts per value of each filter over `subset` (doc indexes; all documents when null); authors
   * and dossiers are limited to the `maxValues` most frequent (plus the chosen one).
   */
  function count(subset: ArrayLike<number> | null, filters: LibraryFilters, maxValues = 100): Facets {
    const f = compile(filters);
    const kindCounts = new Int32Array(kinds.values.length);
    const yearCounts = new Int32Array(years.values.length);
    const dossierCounts = new Int32Array(dossiers.values.length);
    const authorCounts = new Int32Array(authors.values.length);
    const total = subset ? subset.length : n;
    for (let i = 0; i < total; i++) {
      const d = subset ? (subset[i] ?? 0) : i;
      // A value counts when the document passes every filter but its own facet's.
      const fails = f.none ? 0 : failures(d, f);
      if ((fails & ~FACET_BIT.kind) === 0) kindCounts[kind[d] ?? 0] = (kindCounts[kind[d] ?? 0] ?? 0) + 1;
      const y = year[d] ?? -1;
      if (y >= 0 && (fails & ~FACET_BIT.year) === 0) yearCounts[y] = (yearCounts[y] ?? 0) + 1;
      const s = dossier[d] ?? -1;
      if (s >= 0 && (fails & ~FACET_BIT.dossier) === 0) dossierCounts[s] = (dossierCounts[s] ?? 0) + 1;
      if ((fails & ~FACET_BIT.author) === 0) {
        for (let a = authorStart[d] ?? 0; a < (authorStart[d + 1] ?? 0); a++) {
          const code = authorOf[a] ?? 0;
          authorCounts[code] = (authorCounts[code] ?? 0) + 1;
        }
      }
    }
    return {
      kind: counted(kindCounts, kinds.values),
      year: counted(yearCounts, years.values).sort((a, b) => byName(b.value, a.value)),
      author: counted(authorCounts, authors.values, maxValues, f.author ?? -1),
      dossier: counted(dossierCounts, dossiers.values, maxValues, f.dossier ?? -1),
    };
  }

  /** A predicate for `filters` over doc indexes (compiled once). */
  function acceptor(filters: LibraryFilters): (d: number) => boolean {
    const f = compile(filters);
    return f.none ? () => true : (d) => failures(d, f) === 0;
  }

  return { count, acceptor };
}

/** Most frequent first (ties in stored order), at most `max`, then ordered as `count` orders them. */
function topValues(values: readonly ValueCount[], max = Infinity): FacetCount[] {
  const kept =
    values.length > max ? [...values].sort((a, b) => b.count - a.count).slice(0, max) : [...values];
  return kept.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

/** The counts `count(null, NO_FILTERS)` gives, from a stored head (before the catalog is read). */
export function facetsOfHead(head: CatalogHead, maxValues = 100): Facets {
  return {
    kind: topValues(head.kind),
    year: topValues(head.year).sort((a, b) => b.value.localeCompare(a.value)),
    author: topValues(head.author, maxValues),
    dossier: topValues(head.dossier, maxValues),
  };
}
