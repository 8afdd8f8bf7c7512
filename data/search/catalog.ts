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
  const built = new CatalogBuilder(docs.length);
  for (const [d, doc] of docs.entries()) {
    if (d % CATALOG_STEP === CATALOG_STEP - 1) yield;
    const key = dossierKeyOf(doc);
    const authorCodes = new Set(doc.authors.map((a) => built.authors.code(a.name)));
    built.add(
      doc.id,
      dateKey(doc.date),
      built.kinds.code(doc.type),
      key ? built.dossiers.code(key) : -1,
      authorCodes,
    );
  }
  return built.finish();
}

/**
 * A catalog written document by document, in the order added: building one from records and
 * merging stored ones both write through it. Values are coded with its interners first.
 */
export class CatalogBuilder {
  readonly kinds = new Interner();
  readonly dossiers = new Interner();
  readonly authors = new Interner();
  private readonly ids: string[] = [];
  private readonly idStart: Uint32Array;
  private readonly date: Int32Array;
  private readonly kind: Uint16Array;
  private readonly dossier: Int32Array;
  private readonly authorStart: Uint32Array;
  private readonly authorOf: number[] = [];
  private at = 0;

  /** `count`: how many documents will be added. */
  constructor(private readonly count: number) {
    this.idStart = new Uint32Array(count + 1);
    this.date = new Int32Array(count);
    this.kind = new Uint16Array(count);
    this.dossier = new Int32Array(count);
    this.authorStart = new Uint32Array(count + 1);
  }

  /** The next document: its id, `dateKey`, kind and dossier codes (-1: none) and author codes. */
  add(id: string, date: number, kind: number, dossier: number, authors: Iterable<number>): void {
    const d = this.ids.length;
    if (d >= this.count) throw new Error('catalog: more documents than announced');
    this.ids.push(id);
    this.idStart[d] = this.at;
    this.at += id.length + 1;
    this.date[d] = date;
    this.kind[d] = kind;
    this.dossier[d] = dossier;
    this.authorStart[d] = this.authorOf.length;
    for (const author of authors) this.authorOf.push(author);
  }

  finish(): Catalog {
    if (this.ids.length !== this.count) throw new Error('catalog: fewer documents than announced');
    this.idStart[this.count] = this.at;
    this.authorStart[this.count] = this.authorOf.length;
    return {
      count: this.count,
      ids: this.ids.length > 0 ? `${this.ids.join('\n')}\n` : '',
      idStart: this.idStart,
      date: this.date,
      kinds: this.kinds.values,
      kind: this.kind,
      dossiers: this.dossiers.values,
      dossier: this.dossier,
      authors: this.authors.values,
      authorStart: this.authorStart,
      authorOf: Uint32Array.from(this.authorOf),
    };
  }
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
