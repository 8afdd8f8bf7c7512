/**
 * Filters and their counts over many documents, fast enough for every keystroke: each document's
 * kind, year, dossier and authors are interned to small integer codes once, so a count is a pass
 * over typed arrays instead of strings and sets. Semantics are those of `facets.ts`.
 */
import type { DocumentRecord } from '../../data/dataset/types';
import {
  dossierKeyOf,
  type FacetCount,
  type FacetName,
  type Facets,
  hasFilters,
  type LibraryFilters,
} from './facets';

class Interner {
  readonly values: string[] = [];
  private readonly codes = new Map<string, number>();
  code(value: string): number {
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.codes.set(value, code);
    }
    return code;
  }
  find(value: string): number {
    return this.codes.get(value) ?? -2;
  }
}

/** One bit per facet in a document's failure mask. */
const FACET_BIT: Record<FacetName, number> = { kind: 1, year: 2, author: 4, dossier: 8 };

/** Filters turned into codes once per view. */
interface CompiledFilters {
  /** No filter is set: everything passes (the common case, checked first). */
  none: boolean;
  kinds: Set<number> | null;
  from: string | null;
  to: string | null;
  author: number | null;
  dossier: number | null;
}

/** Builds the facet index over `docs` (positions are the doc indexes used everywhere else). */
export function createFacetIndex(docs: readonly DocumentRecord[]) {
  const n = docs.length;
  const kinds = new Interner();
  const years = new Interner();
  const dossiers = new Interner();
  const authors = new Interner();
  const kind = new Uint16Array(n);
  const year = new Int32Array(n);
  const dossier = new Int32Array(n);
  const dates = docs.map((d) => d.date ?? '');
  const authorStart = new Uint32Array(n + 1);
  const authorCodes: number[] = [];
  docs.forEach((doc, d) => {
    kind[d] = kinds.code(doc.type);
    year[d] = doc.date ? years.code(doc.date.slice(0, 4)) : -1;
    const key = dossierKeyOf(doc);
    dossier[d] = key ? dossiers.code(key) : -1;
    authorStart[d] = authorCodes.length;
    for (const name of new Set(doc.authors.map((a) => a.name))) authorCodes.push(authors.code(name));
  });
  authorStart[n] = authorCodes.length;
  const authorOf = Uint32Array.from(authorCodes);

  function compile(filters: LibraryFilters): CompiledFilters {
    return {
      none: !hasFilters(filters),
      kinds: filters.kinds.length > 0 ? new Set(filters.kinds.map((k) => kinds.find(k))) : null,
      from: filters.from,
      to: filters.to,
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
    counts.forEach((count, code) => {
      if (count > 0) codes.push(code);
    });
    if (codes.length > max) {
      codes.sort((a, b) => (counts[b] ?? 0) - (counts[a] ?? 0) || a - b);
      const kept = codes.slice(0, max);
      if (chosen >= 0 && (counts[chosen] ?? 0) > 0 && !kept.includes(chosen)) kept.push(chosen);
      codes = kept;
    }
    return codes
      .map((code) => ({ value: values[code] ?? '', count: counts[code] ?? 0 }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  }

  /** Which filters document `d` fails, one bit per facet (see `FACET_BIT`). */
  function failures(d: number, f: CompiledFilters): number {
    let bits = 0;
    if (f.kinds && !f.kinds.has(kind[d] ?? -1)) bits |= FACET_BIT.kind;
    if (f.from || f.to) {
      const date = dates[d] ?? '';
      if (!date || (f.from && date < f.from) || (f.to && date > f.to)) bits |= FACET_BIT.year;
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
      year: counted(yearCounts, years.values).sort((a, b) => b.value.localeCompare(a.value)),
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
