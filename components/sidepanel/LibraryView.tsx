import { FilterPanel } from './FilterPanel';
import { usePanel } from './panel-context';
import { ReferenceHits, ResultList } from './ResultList';
import { documentHash } from './routes';

/** Search box: results follow every keystroke; Enter opens the first hit (a typed reference first). */
function SearchBox() {
  const { state, t } = usePanel();
  const onSubmit = (event: Event) => {
    event.preventDefault();
    const view = state.library.value;
    const reference = view.references[0];
    const first = view.items[0];
    const hit = first?.hits[0];
    if (reference) state.navigate(documentHash(reference.doc?.id ?? reference.id));
    else if (first) state.navigate(documentHash(first.doc.id, hit?.target ?? null));
  };
  return (
    <search>
      <form class="search" onSubmit={onSubmit}>
        <label for="search-input">{t('sidepanel_search_label')}</label>
        <input
          id="search-input"
          type="search"
          autoComplete="off"
          spellcheck={false}
          value={state.query.value}
          aria-describedby="search-hint"
          onInput={(e) => state.setQuery(e.currentTarget.value)}
        />
        <p id="search-hint" class="hint">
          {t('sidepanel_search_hint')}
        </p>
      </form>
    </search>
  );
}

/** The library: search, filters with counts, and the documents newest first (or ranked). */
export function LibraryView() {
  const { state, t } = usePanel();
  const view = state.library.value;
  const status = state.status.value;
  let summary: string;
  if (view.mode === 'browse') summary = t('sidepanel_library_count', String(view.total));
  else if (view.pending) summary = t('sidepanel_loading');
  else if (view.empty === 'no-words') summary = t('sidepanel_search_noWords');
  else if (view.empty === 'stop-words') summary = t('sidepanel_search_onlyStopWords');
  else if (view.total === 0) summary = t('sidepanel_search_none');
  else summary = t(view.complete ? 'sidepanel_search_count' : 'sidepanel_search_partial', String(view.total));
  return (
    <section class="library" aria-labelledby="view-heading">
      <h1 id="view-heading" tabIndex={-1}>
        {t('sidepanel_library_heading')}
      </h1>
      <SearchBox />
      <ReferenceHits hits={view.references} />
      <FilterPanel />
      {status === 'ready' ? (
        <p class="result-count" role="status" aria-live="polite">
          {summary}
        </p>
      ) : null}
      <ResultList items={view.items} />
      {view.items.length < view.total ? (
        <button type="button" class="secondary more" onClick={() => state.showMore()}>
          {t('sidepanel_showMore', String(view.total - view.items.length))}
        </button>
      ) : null}
    </section>
  );
}
