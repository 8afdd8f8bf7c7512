/**
 * The library's catalog: per document, in the library's order (newest first), its id and what the
 * filters read (kind, date, dossier, authors), as small integer codes in typed arrays. Written with
 * the search index at import time, so the side panel lists, filters and counts without reading
 * records.
 */
import type { DocumentRecord } from '../dataset/types';
import { runToEnd } from '../time-slices';

/** The catalog of some documents; doc `d` is position `d`. */
export interface Catalog {
  count: number;
  /** The ids, each followed by `\n`; doc `d`'s id is `ids.slice(idStart[d], idStart[d + 1] - 1)`. */
  ids: string;
  idStart: Uint32Array;
  /** `yyyymmdd` as a number (`2024-12-16` → 20241216); 0 when the date is unknown. */
  date: Int32Array;
  kinds: string[];
  kind: Uint16Array;
  /** Dossier keys (`34352`, `36600-XV`); -1 when a document names none. */
  dossiers: string[];
  dossier: Int32Array;
  /** Author names of doc `d`: codes `authorOf[authorStart[d] … authorStart[d + 1] - 1]`. */
  authors: string[];
  authorStart: Uint32Array;
  authorOf: Uint32Array;
}

/** `34352`, or `36600-XV` with a budget chapter or sub-dossier (the dossier table's key). */
export function dossierKeyOf(doc: Pick<DocumentRecord, 'dossier' | 'dossierSuffix'>): string | null {
  if (!doc.dossier) return null;
  return doc.dossierSuffix ? `${doc.dossier}-${doc.dossierSuffix}` : doc.dossier;
}

/** An ISO date (or its start) as a number that sorts like it; 0 for none. */
export function dateKey(date: string | null | undefined): number {
  if (!date) return 0;
  const digits = date.slice(0, 10).replace(/-/g, '');
  return /^\d+$/.test(digits) ? Number(digits.padEnd(8, '0')) : 0;
}

/** Newest first, undated last, then by id: the library's order. */
export function newestFirst(a: DocumentRecord, b: DocumentRecord): number {
  return (b.date ?? '').localeCompare(a.date ?? '') || a.id.localeCompare(b.id);
}

/** Interns strings to codes in first-seen order. */
export class Interner {
  readonly values: string[] = [];
  private readonly codes = new Map<string, number>();
  constructor(values: readonly string[] = []) {
    for (const value of values) this.code(value);
  }
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

/** The catalog of `docs`, in their order (sort them with `newestFirst` first). */
export function catalogOf(docs: readonly DocumentRecord[]): Catalog {
  return runToEnd(catalogSteps(docs));
}

/** Documents between two yields of `catalogSteps`. */
const CATALOG_STEP = 8192;

/** `catalogOf` in steps (a yield every few thousand documents), for an import's sliced build. */
export function* catalogSteps(docs: readonly DocumentRecord[]): Generator<undefined, Catalog, void> {
  const n = docs.length;
  const kinds = new Interner();
  const dossiers = new Interner();
  const authors = new Interner();
  const idStart = new Uint32Array(n + 1);
  const date = new Int32Array(n);
  const kind = new Uint16Array(n);
  const dossier = new Int32Array(n);
  const authorStart = new Uint32Array(n + 1);
  const authorCodes: number[] = [];
  const ids: string[] = [];
  let at = 0;
  for (let d = 0; d < n; d++) {
    const doc = docs[d] as DocumentRecord;
    if (d % CATALOG_STEP === CATALOG_STEP - 1) yield;
    idStart[d] = at;
    ids.push(doc.id);
    at += doc.id.length + 1;
    date[d] = dateKey(doc.date);
    kind[d] = kinds.code(doc.type);
    const key = dossierKeyOf(doc);
    dossier[d] = key ? dossiers.code(key) : -1;
    authorStart[d] = authorCodes.length;
    for (const name of new Set(doc.authors.map((a) => a.name))) authorCodes.push(authors.code(name));
  }
  idStart[n] = at;
  authorStart[n] = authorCodes.length;
  return {
    count: n,
    ids: ids.length > 0 ? `${ids.join('\n')}\n` : '',
    idStart,
    date,
    kinds: kinds.values,
    kind,
    dossiers: dossiers.values,
    dossier,
    authors: authors.values,
    authorStart,
    authorOf: Uint32Array.from(authorCodes),
  };
}

/** The id of doc `d`. */
export function catalogId(catalog: Pick<Catalog, 'ids' | 'idStart'>, d: number): string {
  return catalog.ids.slice(catalog.idStart[d] ?? 0, (catalog.idStart[d + 1] ?? 1) - 1);
}

/** A value and how many documents have it. */
export interface ValueCount {
  value: string;
  count: number;
}

/**
 * The start of a catalog, stored apart and read first when the panel opens: how many documents,
 * the newest ones, and the counts per filter value over all of them (no filter set). Enough to
 * show the library's first page before the catalog itself is read.
 */
export interface CatalogHead {
  count: number;
  /** Ids of the newest documents, in the library's order, and their dates (as `date`). */
  newest: string[];
  newestDates: number[];
  kind: ValueCount[];
  year: ValueCount[];
  author: ValueCount[];
  dossier: ValueCount[];
}

/** Documents a head lists: two pages of the panel's list. */
const HEAD_SIZE = 100;

function countCodes(values: readonly string[], codes: ArrayLike<number>): ValueCount[] {
  const counts = new Uint32Array(values.length);
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i] ?? -1;
    if (code >= 0) counts[code] = (counts[code] ?? 0) + 1;
  }
  return values.map((value, code) => ({ value, count: counts[code] ?? 0 })).filter((c) => c.count > 0);
}

/** The head of `catalog`. */
export function headOf(catalog: Catalog): CatalogHead {
  const shown = Math.min(HEAD_SIZE, catalog.count);
  const years = new Map<string, number>();
  for (let d = 0; d < catalog.count; d++) {
    const date = catalog.date[d] ?? 0;
    if (date === 0) continue;
    const year = String(Math.floor(date / 10_000)).padStart(4, '0');
    years.set(year, (years.get(year) ?? 0) + 1);
  }
  return {
    count: catalog.count,
    newest: Array.from({ length: shown }, (_, d) => catalogId(catalog, d)),
    newestDates: Array.from(catalog.date.subarray(0, shown)),
    kind: countCodes(catalog.kinds, catalog.kind),
    year: [...years].map(([value, count]) => ({ value, count })),
    author: countCodes(catalog.authors, catalog.authorOf),
    dossier: countCodes(catalog.dossiers, catalog.dossier),
  };
}

/** The heads of several segments as one (the newest merged in the library's order, counts summed). */
export function mergeHeads(heads: readonly CatalogHead[]): CatalogHead {
  if (heads.length === 1) return heads[0] as CatalogHead;
  const newest: { id: string; date: number }[] = heads.flatMap((head) =>
    head.newest.map((id, i) => ({ id, date: head.newestDates[i] ?? 0 })),
  );
  newest.sort((a, b) => b.date - a.date || a.id.localeCompare(b.id));
  const shown = newest.slice(0, HEAD_SIZE);
  const sum = (lists: ValueCount[][]) => {
    const totals = new Map<string, number>();
    for (const list of lists)
      for (const { value, count } of list) totals.set(value, (totals.get(value) ?? 0) + count);
    return [...totals].map(([value, count]) => ({ value, count }));
  };
  return {
    count: heads.reduce((total, head) => total + head.count, 0),
    newest: shown.map((entry) => entry.id),
    newestDates: shown.map((entry) => entry.date),
    kind: sum(heads.map((head) => head.kind)),
    year: sum(heads.map((head) => head.year)),
    author: sum(heads.map((head) => head.author)),
    dossier: sum(heads.map((head) => head.dossier)),
  };
}
