/**
 * What the library shows for a query and filters: the documents (newest first, or ranked by the
 * search), the passages that matched with their snippets, counts per filter value, and documents
 * named by a reference typed into the search box. Pure: no signals, no DOM.
 */
import type { DocumentRecord } from '../../data/dataset/types';
import {
  buildSearchIndex,
  createSearcher,
  createTermMatcher,
  type PassageWhere,
  passagesOf,
  type Recognize,
  referenceIdsInQuery,
  type Searcher,
  type SearchIndex,
  type Segment,
  searcherSteps,
  searchIndexSteps,
  snippetOf,
} from '../../data/search/index';
import { matchRanges, segmentsOf } from '../../data/search/snippet';
import {
  runSliced,
  runToEnd,
  type SlicedWork,
  type SliceOptions,
  type SliceStats,
  withinProgress,
} from '../../data/time-slices';
import { createFacetIndex } from './facet-index';
import type { Facets, LibraryFilters } from './facets';
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
  /** True while the search index is still being built: no text results yet (references work). */
  pending: boolean;
}

/** How the library gets its search index. */
export interface LibraryModelOptions {
  /**
   * `on-demand` (default): built in one go by the first search. `sliced`: only by `buildSearch()`,
   * in slices; until it is done, searches answer `pending` (the panel must never freeze on a keystroke).
   */
  indexing?: 'on-demand' | 'sliced';
}

/** Snippets per document in the result list: enough to see where, not a second reader. */
const HITS_PER_DOCUMENT = 2;

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

function newestFirst(a: DocumentRecord, b: DocumentRecord): number {
  return (b.date ?? '').localeCompare(a.date ?? '') || a.id.localeCompare(b.id);
}

/** Builds the library over `documents` (stubs included: they are found by typed references only). */
export function createLibraryModel(
  documents: readonly DocumentRecord[],
  resolve: (id: string) => DocumentRecord | null,
  recognize: Recognize,
  options: LibraryModelOptions = {},
) {
  const library = documents.filter((d) => !d.stub).sort(newestFirst);
  const facets = createFacetIndex(library);
  let index: SearchIndex | null = null;
  let searcher: Searcher | null = null;
  let building: Promise<SliceStats> | null = null;

  function ensureSearcher(): { index: SearchIndex; searcher: Searcher } | null {
    if (index && searcher) return { index, searcher };
    if (options.indexing === 'sliced') return null;
    index ??= buildSearchIndex(library);
    searcher ??= createSearcher(index);
    return { index, searcher };
  }

  function* searchSteps(): SlicedWork<void> {
    // The index is most of the work; the searcher's short-prefix table and scratch the rest.
    const built = yield* withinProgress(searchIndexSteps(library), 0, 0.9);
    const made = yield* withinProgress(searcherSteps(built), 0.9, 1);
    index = built;
    searcher = made;
  }

  /**
   * Builds the search index in time-budgeted slices (once; later calls share the first build).
   * Resolves with the slice figures when searches can run.
   */
  function buildSearch(sliceOptions: SliceOptions = {}): Promise<SliceStats> {
    // Nothing to slice before the documents are in (the panel's model over no documents yet).
    if (library.length === 0) runToEnd(searchSteps());
    if (index && searcher) return Promise.resolve({ slices: 0, longestSliceMs: 0 });
    building ??= runSliced(searchSteps(), sliceOptions).then(
      ({ stats }) => stats,
      (error: unknown) => {
        building = null;
        throw error;
      },
    );
    return building;
  }

  function browse(filters: LibraryFilters, limit: number): LibraryView {
    const accept = facets.acceptor(filters);
    const shown = library.filter((_, d) => accept(d));
    return {
      mode: 'browse',
      items: shown.slice(0, limit).map((doc) => ({ doc, titleSegments: [], hits: [] })),
      total: shown.length,
      facets: facets.count(null, filters),
      complete: true,
      references: [],
      pending: false,
    };
  }

  function referencesIn(query: string): ReferenceHit[] {
    return (
      referenceIdsInQuery(query, recognize)
        .map((id) => ({ id, doc: resolve(id) }))
        // A bare dossier number is better served by the text search than by a "not in the data" card.
        .filter((hit) => hit.doc !== null || !hit.id.startsWith('dossier-'))
    );
  }

  /** The view for `query` (blank: browse) under `filters`, at most `limit` items. */
  function view(query: string, filters: LibraryFilters, limit: number): LibraryView {
    if (query.trim() === '') return browse(filters, limit);
    const ready = ensureSearcher();
    if (!ready) {
      const waiting = browse(filters, 0);
      return { ...waiting, mode: 'search', total: 0, references: referencesIn(query), pending: true };
    }
    const { index, searcher } = ready;
    // The index holds `library` in the same order, so doc indexes are shared with the facet index.
    const outcome = searcher.search(query, {
      limit,
      passagesPerDoc: HITS_PER_DOCUMENT + 1,
      accept: facets.acceptor(filters),
    });
    const matches = createTermMatcher(outcome.terms);
    const items = outcome.top.flatMap((hit) => {
      const doc = index.docs[hit.doc];
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
      facets: facets.count(outcome.matched, filters),
      complete: outcome.complete,
      references: referencesIn(query),
      pending: false,
    };
  }

  return {
    view,
    library,
    buildSearch,
    /** True once searches can run (built in one go or by `buildSearch`). */
    searchReady: () => index !== null && searcher !== null,
  };
}

/** The library model's interface. */
export type LibraryModel = ReturnType<typeof createLibraryModel>;
