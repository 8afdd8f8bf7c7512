/**
 * The side panel's state in signals, built by `createPanelState(sources)` and passed to the views
 * by context, so tests inject their own sources. Holds the route, the dataset (with first-run
 * import progress), the library's query and filters, and "on this page".
 */
import { computed, effect, signal } from '@preact/signals';
import type { DocumentRecord } from '../../data/dataset/types';
import type { ImportProgress } from '../../data/messages';
import type { SliceOptions } from '../../data/time-slices';
import { type LibraryFilters, NO_FILTERS } from './facets';
import { createLibraryModel, type LibraryModel, type LibraryView } from './library-model';
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

function resolverOf(documents: readonly DocumentRecord[]): (id: string) => DocumentRecord | null {
  const byId = new Map<string, DocumentRecord>();
  const consider = (id: string, doc: DocumentRecord) => {
    const current = byId.get(id);
    // A full document wins over a stub, a primary id over an alias.
    if (!current || (current.stub && !doc.stub)) byId.set(id, doc);
  };
  for (const doc of documents) consider(doc.id, doc);
  for (const doc of documents) for (const alias of doc.ids) consider(alias, doc);
  return (id) => byId.get(id) ?? null;
}

/** Options of `createPanelState`: the URL hash, import polling, and how the search index is sliced. */
export interface PanelStateOptions {
  hash?: HashPort;
  pollMs?: number;
  /** Slice budget and yielding of the search index build (tests hold it between slices). */
  searchSlices?: Pick<SliceOptions, 'budgetMs' | 'yieldTask'>;
}

/** Creates the panel state over `sources`; call `start()` once to load. */
export function createPanelState(sources: PanelSources, options: PanelStateOptions = {}) {
  const hash = options.hash ?? memoryHash();
  const pollMs = options.pollMs ?? POLL_MS;
  const route = signal<Route>(parseRoute(hash.current()));
  const status = signal<DatasetStatus>('loading');
  const info = signal<PanelDatasetInfo | null>(null);
  const progress = signal<ImportProgress | null>(null);
  const error = signal<string | null>(null);
  const documents = signal<DocumentRecord[]>([]);
  const dossierTitles = signal<Map<string, string>>(new Map());
  const query = signal('');
  const filters = signal<LibraryFilters>(NO_FILTERS);
  const limit = signal(PAGE_SIZE);
  /** The last answer from the active tab; grouped by document in `page`, which follows the dataset. */
  const pageScan = signal<PageScan | 'idle' | 'loading' | 'error'>('idle');
  const site = signal<ActiveSite | null>(null);
  /** Short status messages for the live region (copied, revealed, …). */
  const announcement = signal('');
  /** The search index, built in slices once the documents are in: done, and the share built (in tenths). */
  const searchReady = signal(false);
  const searchProgress = signal(0);
  /** "About the data": storage figures once read (null: not read yet or unknown), and a refused persist. */
  const storage = signal<StorageFigures | null | 'unknown'>(null);
  const persistRefused = signal(false);

  const resolve = computed(() => resolverOf(documents.value));
  const model = computed<LibraryModel>(() =>
    createLibraryModel(documents.value, (id) => resolve.value(id), sources.recognize, { indexing: 'sliced' }),
  );
  const library = computed<LibraryView>(() => {
    // Read so the pending query runs again by itself once the index is complete.
    void searchReady.value;
    return model.value.view(query.value, filters.value, limit.value);
  });

  /** Builds the current model's search index in slices; a newer dataset supersedes it. */
  function buildSearchIndex(signal: AbortSignal): () => void {
    return effect(() => {
      const current = model.value;
      const stop = new AbortController();
      const onAbort = () => stop.abort();
      signal.addEventListener('abort', onAbort);
      searchReady.value = current.searchReady();
      searchProgress.value = 0;
      current
        .buildSearch({
          ...options.searchSlices,
          signal: stop.signal,
          // Tenths: the live region should not chatter every slice.
          onProgress: (fraction) => {
            searchProgress.value = Math.floor(fraction * 10) / 10;
          },
        })
        .then(
          () => {
            if (!stop.signal.aborted) searchReady.value = true;
          },
          (cause: unknown) => {
            if (!stop.signal.aborted) console.error('Kamerlens: search index not built', cause);
          },
        );
      return () => {
        signal.removeEventListener('abort', onAbort);
        stop.abort();
      };
    });
  }
  const page = computed<PageState>(() => {
    const scan = pageScan.value;
    if (scan === 'idle' || scan === 'loading') return { status: scan };
    if (scan === 'error') return { status: 'unavailable', reason: 'error', url: null };
    if (!scan.ok) return { status: 'unavailable', reason: scan.reason, url: scan.url };
    const groups = groupPageReferences(scan.references, resolve.value);
    return { status: 'ready', ...scan, groups, total: scan.references.length };
  });

  function navigate(next: Route | string): void {
    const nextHash = typeof next === 'string' ? next : routeHash(next);
    route.value = parseRoute(nextHash);
    if (hash.current() !== nextHash) hash.push(nextHash);
  }

  async function loadDocuments(): Promise<void> {
    const [docs, dossiers] = await Promise.all([sources.listDocuments(), sources.listDossiers()]);
    dossierTitles.value = new Map(dossiers.map((d) => [d.id, d.title]));
    documents.value = docs;
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
    signal.addEventListener('abort', buildSearchIndex(signal));
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
    documents,
    dossierTitles,
    query,
    filters,
    limit,
    page,
    site,
    announcement,
    library,
    searchReady,
    searchProgress,
    /** The document for any of its ids (full documents win over stubs), or null. */
    resolve: (id: string) => resolve.value(id),
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
