import { useEffect, useRef } from 'preact/hooks';
import { AnnotationsView } from '../annotations/AnnotationsView';
import type { Translate } from '../i18n';
import { AboutView } from './AboutView';
import { LibraryView } from './LibraryView';
import { PageView } from './PageView';
import { PanelContext, usePanel } from './panel-context';
import type { PanelState } from './panel-state';
import { ReaderView } from './ReaderView';
import type { Route } from './routes';
import { StatusBanner } from './StatusBanner';

const NAV: { name: Route['name']; hash: string; label: string }[] = [
  { name: 'library', hash: '#/', label: 'sidepanel_nav_library' },
  { name: 'page', hash: '#/page', label: 'sidepanel_nav_page' },
  { name: 'notes', hash: '#/notes', label: 'annotate_nav' },
  { name: 'about', hash: '#/about', label: 'sidepanel_nav_about' },
];

function CurrentView() {
  const { state } = usePanel();
  const route = state.route.value;
  switch (route.name) {
    case 'doc':
      return <ReaderView id={route.id} target={route.target} />;
    case 'page':
      return <PageView />;
    case 'about':
      return <AboutView />;
    case 'notes':
      return <AnnotationsView />;
    default:
      return <LibraryView />;
  }
}

function Shell() {
  const { state, t } = usePanel();
  const route = state.route.value;
  const first = useRef(true);
  // After navigating (not on first paint), move focus to the new view's heading, as a page load would.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (route.name !== 'doc') document.getElementById('view-heading')?.focus();
  }, [route]);
  const status = state.status.value;
  // For the benchmark: when the panel first shows the loaded dataset (an effect runs after the commit).
  useEffect(() => {
    if (status === 'ready') performance.mark('kamerlens:panel-ready');
  }, [status]);
  // In-panel links change the route without a page load, also where `location` is not ours (tests).
  const onClick = (event: MouseEvent) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey)
      return;
    const link = (event.target as Element | null)?.closest?.('a[href^="#/"]');
    if (!link) return;
    event.preventDefault();
    state.navigate(link.getAttribute('href') ?? '#/');
  };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: delegated handler for the links inside; each is keyboard operable itself.
    // biome-ignore lint/a11y/useKeyWithClickEvents: links fire click on Enter, so the keyboard path is the same.
    <div class="panel" onClick={onClick}>
      <header class="topbar">
        <nav aria-label={t('sidepanel_nav_label')}>
          <ul>
            {NAV.map((item) => (
              <li key={item.name}>
                <a href={item.hash} aria-current={route.name === item.name ? 'page' : undefined}>
                  {t(item.label)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <StatusBanner />
      <main>
        <CurrentView />
      </main>
      <p class="visually-hidden" role="status" aria-live="polite">
        {state.announcement.value}
      </p>
    </div>
  );
}

/** The side panel: navigation, first-run status, the current view, and a live region. */
export function PanelApp({ state, t, locale }: { state: PanelState; t: Translate; locale: string }) {
  return (
    <PanelContext.Provider value={{ state, t, locale }}>
      <Shell />
    </PanelContext.Provider>
  );
}
