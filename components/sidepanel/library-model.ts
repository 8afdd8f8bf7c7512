/**
 * What the library shows for a query and filters: the documents (newest first, or ranked by the
 * search), the passages that matched with their snippets, counts per filter value, and documents
 * named by a reference typed into the search box. It holds the stored catalog and search index
 * (read once at open); the records it shows are read per view, a page at a time. No signals, no DOM.
 */
import type { DocumentRecord } from '../../data/dataset/types';
import { catalogId } from '../../data/search/catalog';
import {
  createTermMatcher,
  type PassageWhere,
  passagesOf,
  type Recognize,
  referenceIdsInQuery,
  type Segment,
  snippetOf,
} from '../../data/search/index';
import type { OpenedIndex, OpenedLibrary } from '../../data/search/open-segments';
import { emptyQueryReason } from '../../data/search/query-terms';
import { matchRanges, segmentsOf } from '../../data/search/snippet';
import { createFacetIndex, facetsOfHead } from './facet-index';
import { type Facets, hasFilters, type LibraryFilters } from './facets';
import type { ReaderTarget } from './routes';

/** One matched passage, ready to show and to open. */
interface HitView {
  where: PassageWhere;
  segments: Segment[];
  target: ReaderTarget | null;
}

/** One document in the list. */
export interface LibraryItem {
  doc: DocumentRecord;
  titleSegments: Segment[];
  hits: HitView[];
}

/** A document a typed reference names; `doc` is null when the dataset does not have it. */
export interface ReferenceHit {
  id: string;
  doc: DocumentRecord | null;
}

export interface LibraryView {
  mode: 'browse' | 'search';
  items: LibraryItem[];
  /** All documents passing the filters (items holds the first `limit`). */
  total: number;
  facets: Facets;
  /** False when no document matched every word and the results match only some. */
  complete: boolean;
  references: ReferenceHit[];
  /** True while the library is still being opened: no text results yet (references work). */
  pending: boolean;
  /**
   * Why a query had nothing to search for (null when it had): no word at all (`!!!`), or only stop
   * words (`de het `), so the panel can say so instead of a bare "nothing found".
   */
  empty: 'no-words' | 'stop-words' | null;
}

/** What the model reads besides the index: records by id or alias. */
export type ReadDocuments = (ids: readonly string[]) => Promise<Map<string, DocumentRecord>>;

/**
 * The part of a query the recognizer reads: a reference is a few words, and recognizing a pasted
 * page of text at every keystroke would stall the panel (tens of milliseconds per 10,000 characters).
 */
const REFERENCE_QUERY_LENGTH = 200;

/** `query` cut to `REFERENCE_QUERY_LENGTH` at a space, so no reference is cut in half. */
function referencePart(query: string): string {
  const text = query.trim();
  if (text.length <= REFERENCE_QUERY_LENGTH) return text;
  const space = text.lastIndexOf(' ', REFERENCE_QUERY_LENGTH);
  return text.slice(0, space > 0 ? space : REFERENCE_QUERY_LENGTH);
}

/** Records kept from the last views (a few pages' worth): what the next keystroke likely shows again. */
const RECENT_RECORDS = 250;

/** Snippets per document in the result list: enough to see where, not a second reader. */
const HITS_PER_DOCUMENT = 2;

const NO_FACETS: Facets = { kind: [], year: [], author: [], dossier: [] };

/** Where a passage opens in the reader. */
function targetOfWhere(where: PassageWhere): ReaderTarget | null {
  switch (where.kind) {
    case 'question':
      return { kind: 'question', number: where.number };
    case 'answer':
      return { kind: 'answer', number: where.numbers[0] ?? '' };
    case 'section':
      return { kind: 'section', index: where.index };
    default:
      return null;
  }
}

/** Documents named by a reference typed into `query` (ids first, then read in one go). */
async function referencesIn(
  query: string,
  recognize: Recognize,
  read: ReadDocuments,
): Promise<ReferenceHit[]> {
  const ids = referenceIdsInQuery(referencePart(query), recognize);
  if (ids.length === 0) return [];
  const found = await read(ids);
  return (
    ids
      .map((id) => ({ id, doc: found.get(id) ?? null }))
      // A bare dossier number is better served by the text search than by a "not in the data" card.
      .filter((hit) => hit.doc !== null || !hit.id.startsWith('dossier-'))
  );
}

/** The view while the library is not open yet: references only. */
export async function pendingView(
  query: string,
  recognize: Recognize,
  read: ReadDocuments,
): Promise<LibraryView> {
  const blank = query.trim() === '';
  return {
    mode: blank ? 'browse' : 'search',
    items: [],
    total: 0,
    facets: NO_FACETS,
    complete: true,
    references: blank ? [] : await referencesIn(query, recognize, read),
    pending: true,
    empty: null,
  };
}

/**
 * Builds the library over the `opened` library; `records` reads by primary key, `read` also by
 * alias. Until the catalog is read, the first page without filters comes from the stored head.
 */
export function createLibraryModel(
  opened: OpenedLibrary,
  records: ReadDocuments,
  read: ReadDocuments,
  recognize: Recognize,
) {
  const { head } = opened;
  type Open = { index: OpenedIndex; facets: ReturnType<typeof createFacetIndex> };
  let open: Open | null = null;
  let opening: Promise<Open> | null = null;
  /** The catalog and search index, read on first need (or once the first page is shown). */
  function whenOpen(): Promise<Open> {
    opening ??= opened.index().then((index) => {
      open = { index, facets: createFacetIndex(index.catalog) };
      return open;
    });
    return opening;
  }
  // Browse counts without a query depend only on the filters: kept for the last filters.
  let browseCounts: { key: string; facets: Facets } | null = null;

  // Records of the last views, most recent last: the next keystroke mostly shows the same documents,
  // so it reads only those it adds. The model is made again when the data changes.
  const recent = new Map<string, DocumentRecord>();

  async function idsRead(ids: readonly string[]): Promise<(DocumentRecord | undefined)[]> {
    const missing = ids.filter((id) => !recent.has(id));
    const found = missing.length > 0 ? await records(missing) : new Map<string, DocumentRecord>();
    const shown = ids.map((id) => recent.get(id) ?? found.get(id));
    for (const [i, id] of ids.entries()) {
      const doc = shown[i];
      if (!doc) continue;
      recent.delete(id);
      recent.set(id, doc);
    }
    for (const id of recent.keys()) {
      if (recent.size <= RECENT_RECORDS) break;
      recent.delete(id);
    }
    return shown;
  }

  /** The first page from the head: the same view as `browse` without filters, before the catalog. */
  async function fromHead(limit: number): Promise<LibraryView> {
    const shown = await idsRead(head.newest.slice(0, limit));
    // The first page is read: now the larger reads, so the next view finds them done or under way.
    whenOpen().catch(() => undefined);
    return {
      mode: 'browse',
      items: shown.flatMap((doc) => (doc ? [{ doc, titleSegments: [], hits: [] }] : [])),
      total: head.count,
      facets: facetsOfHead(head),
      complete: true,
      references: [],
      pending: false,
      empty: null,
    };
  }

  async function browse(filters: LibraryFilters, limit: number): Promise<LibraryView> {
    if (!open && !hasFilters(filters) && limit <= head.newest.length) return fromHead(limit);
    const { index, facets } = open ?? (await whenOpen());
    const { catalog } = index;
    const key = JSON.stringify(filters);
    if (browseCounts?.key !== key) browseCounts = { key, facets: facets.count(null, filters) };
    const counts = browseCounts.facets;
    const accept = facets.acceptor(filters);
    const shown: number[] = [];
    let total = 0;
    for (let d = 0; d < catalog.count; d++) {
      if (!accept(d)) continue;
      if (shown.length < limit) shown.push(d);
      total++;
    }
    const found = await idsRead(shown.map((d) => catalogId(catalog, d)));
    return {
      mode: 'browse',
      items: found.flatMap((doc) => (doc ? [{ doc, titleSegments: [], hits: [] }] : [])),
      total,
      facets: counts,
      complete: true,
      references: [],
      pending: false,
      empty: null,
    };
  }

  /** The view for `query` (blank: browse) under `filters`, at most `limit` items. */
  async function view(query: string, filters: LibraryFilters, limit: number): Promise<LibraryView> {
    if (query.trim() === '') return browse(filters, limit);
    const { index, facets } = open ?? (await whenOpen());
    const accept = hasFilters(filters) ? facets.acceptor(filters) : undefined;
    const [outcome, references] = await Promise.all([
      index.search(query, { limit, passagesPerDoc: HITS_PER_DOCUMENT + 1, accept }),
      referencesIn(query, recognize, read),
    ]);
    const reading = idsRead(outcome.top.map((hit) => catalogId(index.catalog, hit.doc)));
    // Counted while the records are being read: the count is work for the CPU, the read waits.
    const counts = facets.count(outcome.matched, filters);
    const found = await reading;
    const matches = createTermMatcher(outcome.terms);
    const items = outcome.top.flatMap((hit, i) => {
      const doc = found[i];
      if (!doc) return [];
      const passages = passagesOf(doc);
      const hits = hit.passages
        .flatMap((h) => {
          const passage = passages[h.passage];
          return passage && passage.where.kind !== 'title' ? [passage] : [];
        })
        .slice(0, HITS_PER_DOCUMENT)
        .map((p) => ({
          where: p.where,
          segments: snippetOf(p.text, matches),
          target: targetOfWhere(p.where),
        }));
      const title = doc.title ?? '';
      return [{ doc, titleSegments: segmentsOf(title, matchRanges(title, matches)), hits }];
    });
    return {
      mode: 'search',
      items,
      total: outcome.total,
      facets: counts,
      complete: outcome.complete,
      references,
      pending: false,
      empty: outcome.terms.length === 0 ? emptyQueryReason(query) : null,
    };
  }

  return { view, count: head.count };
}

/** The library model's interface. */
export type LibraryModel = ReturnType<typeof createLibraryModel>;
