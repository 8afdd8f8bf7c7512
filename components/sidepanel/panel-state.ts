/**
 * The side panel's state in signals, built by `createPanelState(sources)` and passed to the views
 * by context, so tests inject their own sources. Holds the route, the dataset (with first-run
 * import progress), the library's query, filters and current view, and "on this page". Documents
 * are read by query: the stored catalog and search index at open, then the records views show.
 */
import { computed, effect, signal } from '@preact/signals';
import type { ImportProgress } from '../../data/messages';
import { StaleIndexError } from '../../data/search/open-segments';
import { createDocumentCache } from './document-cache';
import { type LibraryFilters, NO_FILTERS } from './facets';
import { createLibraryModel, type LibraryModel, type LibraryView, pendingView } from './library-model';
import { createPacksState } from './packs-state';
import { groupPageReferences, type PageGroupView } from './page-model';
import type { ActiveSite, PageScan, PanelDatasetInfo, PanelSources, StorageFigures } from './panel-sources';
import { parseRoute, type Route, routeHash } from './routes';
import { wait } from './wait';

/** Where the URL hash lives: `window.location` in the panel, memory in tests. */
export interface HashPort {
  current(): string;
  push(hash: string): void;
  /** Calls back on outside changes (back button, links); returns a function that stops. */
  listen(onChange: (hash: string) => void): () => void;
}

/** A hash port in memory (tests, or pages without a location). */
export function memoryHash(initial = '#/'): HashPort {
  let hash = initial;
  return {
    current: () => hash,
    push(next) {
      hash = next;
    },
    listen: () => () => undefined,
  };
}

export type DatasetStatus = 'loading' | 'importing' | 'ready' | 'failed';

/** "On this page" as shown. */
export type PageState =
  | { status: 'idle' | 'loading' }
  | { status: 'ready'; tabId: number; title: string; url: string; groups: PageGroupView[]; total: number }
  | { status: 'unavailable'; reason: 'no-tab' | 'not-scanned' | 'error'; url: string | null };

/** Items added per "show more". */
const PAGE_SIZE = 50;
const POLL_MS = 400;

/** Options of `createPanelState`: the URL hash and import polling. */
export interface PanelStateOptions {
  hash?: HashPort;
  pollMs?: number;
}

const EMPTY_VIEW: LibraryView = {
  mode: 'browse',
  items: [],
  total: 0,
  facets: { kind: [], year: [], author: [], dossier: [] },
  complete: true,
  references: [],
  pending: true,
  empty: null,
};

/** Creates the panel state over `sources`; call `start()` once to load. */
export function createPanelState(sources: PanelSources, options: PanelStateOptions = {}) {
  const hash = options.hash ?? memoryHash();
  const pollMs = options.pollMs ?? POLL_MS;
  const route = signal<Route>(parseRoute(hash.current()));
  const status = signal<DatasetStatus>('loading');
  const info = signal<PanelDatasetInfo | null>(null);
  const progress = signal<ImportProgress | null>(null);
  const error = signal<string | null>(null);
  const cache = createDocumentCache(sources);
  /** The library over the stored index; null until it is open. */
  const model = signal<LibraryModel | null>(null);
  const library = signal<LibraryView>(EMPTY_VIEW);
  const query = signal('');
  const filters = signal<LibraryFilters>(NO_FILTERS);
  const limit = signal(PAGE_SIZE);
  /** The last answer from the active tab; grouped by document in `page`, which follows the dataset. */
  const pageScan = signal<PageScan | 'idle' | 'loading' | 'error'>('idle');
  const site = signal<ActiveSite | null>(null);
  /** Short status messages for the live region (copied, revealed, …). */
  const announcement = signal('');
  /** True once the stored search index is open (searches answer). */
  const searchReady = computed(() => model.value !== null);
  /** "About the data": storage figures once read (null: not read yet or unknown), and a refused persist. */
  const storage = signal<StorageFigures | null | 'unknown'>(null);
  const persistRefused = signal(false);

  /** Views answer out of order (a slow read, a fast keystroke): only the newest lands. */
  let views = 0;
  /** Times in a row the library was opened again because an import changed the index under it. */
  let staleReopens = 0;
  /** The model that was found stale and is being replaced. */
  let reopenedFrom: LibraryModel | null = null;
  function followLibrary(): () => void {
    return effect(() => {
      const current = model.value;
      const request = [query.value, filters.value, limit.value] as const;
      const seq = ++views;
      const answer = current
        ? current.view(...request)
        : pendingView(request[0], sources.recognize, sources.readDocuments);
      answer.then(
        (view) => {
          if (seq !== views) return;
          // The records shown are the reader's first reads too.
          const shown = [
            ...view.items.map((item) => item.doc),
            ...view.references.flatMap((r) => r.doc ?? []),
          ];
          cache.store(
            shown.map((doc) => doc.id),
            new Map(shown.map((doc) => [doc.id, doc])),
          );
          staleReopens = 0;
          library.value = view;
        },
        (cause: unknown) => {
          // An import replaced the index the library was opened on (before the panel heard the
          // import end): open it again, and the view is asked again of the new model. Once in a
          // row: an index that stays inconsistent is an error, not a race.
          if (cause instanceof StaleIndexError && current !== null && current === reopenedFrom) return;
          if (cause instanceof StaleIndexError && current === model.value && staleReopens === 0) {
            staleReopens++;
            reopenedFrom = current;
            void loadDocuments().catch((reopen: unknown) =>
              console.error('Kamerlens: library could not be opened again', reopen),
            );
            return;
          }
          console.error('Kamerlens: library view failed', cause);
        },
      );
    });
  }

  const page = computed<PageState>(() => {
    const scan = pageScan.value;
    if (scan === 'idle' || scan === 'loading') return { status: scan };
    if (scan === 'error') return { status: 'unavailable', reason: 'error', url: null };
    if (!scan.ok) return { status: 'unavailable', reason: scan.reason, url: scan.url };
    const groups = groupPageReferences(scan.references, cache.resolve);
    return { status: 'ready', ...scan, groups, total: scan.references.length };
  });

  function navigate(next: Route | string): void {
    const nextHash = typeof next === 'string' ? next : routeHash(next);
    route.value = parseRoute(nextHash);
    if (hash.current() !== nextHash) hash.push(nextHash);
  }

  /** Opens the stored library (again, after the data changed). */
  async function loadDocuments(): Promise<void> {
    const opened = await sources.openLibrary();
    cache.clear();
    model.value = createLibraryModel(opened, sources.readRecords, sources.readDocuments, sources.recognize);
  }

  /** Polls the background until the running import ends; true when it succeeded. */
  async function followImport(signal: AbortSignal): Promise<boolean> {
    while (!signal.aborted) {
      const current = await sources.importProgress();
      progress.value = current;
      if (current.state === 'done') return true;
      if (current.state === 'failed') {
        error.value = current.error;
        return false;
      }
      await wait(pollMs, signal);
    }
    return false;
  }

  async function start(signal: AbortSignal = new AbortController().signal): Promise<void> {
    const stopHash = hash.listen((next) => {
      route.value = parseRoute(next);
    });
    signal.addEventListener('abort', stopHash);
    signal.addEventListener('abort', followLibrary());
    try {
      let current = await sources.datasetInfo();
      info.value = current;
      if (current.dataset) {
        await loadDocuments();
        status.value = 'ready';
        if (current.importState === 'failed') error.value = current.importError;
      }
      if (current.importState === 'importing' || !current.dataset) {
        if (!current.dataset) status.value = 'importing';
        const imported = await followImport(signal);
        if (imported) {
          current = await sources.datasetInfo();
          info.value = current;
          await loadDocuments();
          status.value = 'ready';
        } else if (!current.dataset && !signal.aborted) {
          status.value = 'failed';
        }
      }
    } catch (cause) {
      error.value = cause instanceof Error ? cause.message : String(cause);
      status.value = 'failed';
    }
  }

  /** Refreshes may overlap (a tab switch while references arrive): only the newest one lands. */
  let pageReads = 0;

  async function refreshPage(): Promise<void> {
    const read = ++pageReads;
    if (pageScan.value === 'idle') pageScan.value = 'loading';
    let scan: PageScan | 'error';
    try {
      scan = await sources.pageReferences();
    } catch {
      scan = 'error';
    }
    if (read !== pageReads) return;
    pageScan.value = scan;
    const current = await sources.activeSite().catch(() => null);
    if (read === pageReads) site.value = current;
  }

  /**
   * Watches the active tab while "on this page" is shown: reads it again when another tab becomes
   * active or loads, and when the references on the shown tab change. Returns a function that stops.
   */
  function watchPage(): () => void {
    void refreshPage();
    const stopTabs = sources.watchActiveTab(() => void refreshPage());
    const stopReferences = sources.watchPageReferences((tabId) => {
      const shown = page.value;
      // Another tab's page changed: not what is listed (unless nothing is listed yet).
      if (shown.status === 'ready' && shown.tabId !== tabId) return;
      void refreshPage();
    });
    return () => {
      stopTabs();
      stopReferences();
    };
  }

  async function reveal(group: number, message: string): Promise<boolean> {
    const current = page.value;
    if (current.status !== 'ready') return false;
    const ok = await sources.revealReference(current.tabId, group).catch(() => false);
    announcement.value = ok ? message : '';
    if (!ok) await refreshPage();
    return ok;
  }

  async function copy(text: string, message: string, failure: string): Promise<void> {
    try {
      await sources.copyText(text);
      announcement.value = message;
    } catch {
      announcement.value = failure;
    }
  }

  async function setSiteEnabled(enabled: boolean): Promise<void> {
    const current = site.value;
    if (!current) return;
    site.value = await sources.setSiteEnabled(current.url, enabled);
    await refreshPage();
  }

  /** Every site on or off; then the active site's status and its page are read again. */
  async function setAllSitesEnabled(enabled: boolean): Promise<void> {
    await sources.setAllSitesEnabled(enabled);
    site.value = await sources.activeSite().catch(() => null);
    await refreshPage();
  }

  /** The packs the reader added; after one is added or removed, the dataset and library are read again. */
  const packs = createPacksState(sources, {
    pollMs,
    onChanged: async () => {
      info.value = await sources.datasetInfo();
      await loadDocuments();
    },
  });

  async function loadStorage(): Promise<void> {
    storage.value = (await sources.storageEstimate().catch(() => null)) ?? 'unknown';
  }

  /** Asks to keep the data persistently (from a click), then reads the figures again. */
  async function persistStorage(): Promise<void> {
    const granted = await sources.persistStorage().catch(() => false);
    persistRefused.value = !granted;
    await loadStorage();
  }

  return {
    route,
    status,
    storage,
    persistRefused,
    loadStorage,
    persistStorage,
    packs,
    info,
    progress,
    error,
    query,
    filters,
    limit,
    page,
    site,
    announcement,
    library,
    searchReady,
    /** How many documents the library holds (0 until it is open). */
    libraryCount: computed(() => model.value?.count ?? 0),
    /** The document for any of its ids (full documents win over stubs); null when unknown or not read yet. */
    resolve: cache.resolve,
    /** Whether `resolve(id)` has its answer (a read for it came back). */
    answered: cache.answered,
    /** The title of the dossier with this key; null when unknown or not read yet. */
    dossierTitle: cache.dossierTitle,
    /** The recognizer, for making references in document text live. */
    recognize: sources.recognize,
    navigate,
    start,
    setQuery(next: string) {
      query.value = next;
      limit.value = PAGE_SIZE;
    },
    setFilters(next: Partial<LibraryFilters>) {
      filters.value = { ...filters.value, ...next };
      limit.value = PAGE_SIZE;
    },
    clearFilters() {
      filters.value = NO_FILTERS;
    },
    showMore() {
      limit.value += PAGE_SIZE;
    },
    refreshPage,
    watchPage,
    reveal,
    copy,
    setSiteEnabled,
    setAllSitesEnabled,
  };
}

/** The panel state's interface. */
export type PanelState = ReturnType<typeof createPanelState>;
