import { useEffect, useState } from 'preact/hooks';
import { kindLabel } from './labels';
import type { PageGroupView } from './page-model';
import { usePanel } from './panel-context';
import { documentHash } from './routes';
import { SiteControl } from './SiteControl';

/** Why there is nothing to list (message names may not contain '-', so the reasons are mapped). */
const UNAVAILABLE_MESSAGES = {
  'no-tab': 'sidepanel_page_unavailable_noTab',
  'not-scanned': 'sidepanel_page_unavailable_notScanned',
  error: 'sidepanel_page_unavailable_error',
} as const;

function PageGroup({ group }: { group: PageGroupView }) {
  const { state, t } = usePanel();
  // Each click shows the next occurrence, so repeated clicks walk through the page.
  const [next, setNext] = useState(0);
  const count = group.marks.length;
  const label = group.doc?.title ?? group.citation.raw;
  const reveal = () => {
    const mark = group.marks[next % count];
    if (mark === undefined) return;
    void state.reveal(mark, t('sidepanel_page_revealed', label));
    setNext((next + 1) % count);
  };
  return (
    <li class="page-group">
      <p class="page-group-title">
        <span class="kind-badge">
          {group.doc ? kindLabel(t, group.doc.type) : kindLabel(t, group.citation.kind)}
        </span>{' '}
        <strong>{label}</strong> <span class="count">{t('sidepanel_page_times', String(count))}</span>
      </p>
      <p class="page-group-actions">
        <button type="button" onClick={reveal}>
          {count > 1
            ? t('sidepanel_page_showNth', String((next % count) + 1), String(count))
            : t('sidepanel_page_show')}
        </button>{' '}
        <a href={documentHash(group.id)}>
          {group.doc && !group.doc.stub ? t('sidepanel_page_open') : t('sidepanel_page_whatIs')}
        </a>
      </p>
    </li>
  );
}

/** The references marked on the page in the active tab, grouped by document. */
export function PageView() {
  const { state, t } = usePanel();
  useEffect(() => state.watchPage(), [state]);
  const page = state.page.value;
  return (
    <section class="page" aria-labelledby="view-heading">
      <h1 id="view-heading" tabIndex={-1}>
        {t('sidepanel_page_heading')}
      </h1>
      <SiteControl />
      {page.status === 'idle' || page.status === 'loading' ? (
        <p class="muted">{t('sidepanel_page_loading')}</p>
      ) : null}
      {page.status === 'unavailable' ? <p class="notice">{t(UNAVAILABLE_MESSAGES[page.reason])}</p> : null}
      {page.status === 'ready' ? (
        <>
          <p role="status">
            {page.total === 0
              ? t('sidepanel_page_none', page.title || page.url)
              : t(
                  'sidepanel_page_summary',
                  String(page.total),
                  String(page.groups.length),
                  page.title || page.url,
                )}
          </p>
          <ul class="page-groups">
            {page.groups.map((group) => (
              <PageGroup key={group.id} group={group} />
            ))}
          </ul>
        </>
      ) : null}
      <button type="button" class="secondary" onClick={() => void state.refreshPage()}>
        {t('sidepanel_page_refresh')}
      </button>
    </section>
  );
}
