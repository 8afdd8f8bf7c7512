import { render } from 'preact';
import { browser } from 'wxt/browser';
import { AnnotationsProvider } from '../../components/annotations/AnnotationsProvider';
import { createAnnotationSources } from '../../components/annotations/annotation-sources';
import { createBrowserI18n } from '../../components/i18n';
import { PanelApp } from '../../components/sidepanel/PanelApp';
import { createPanelState } from '../../components/sidepanel/panel-state';
import { sharedDB } from '../../data/db/index';
import { callBackground, callTab } from '../../data/messaging';
import { targetTab, watchTabs } from './active-tab';
import { windowHash } from './browser-hash';
import { createBrowserPanelSources } from './browser-sources';
import { listenForShowDocument } from './show-document';
import './style.css';

const i18n = createBrowserI18n(browser.i18n.getMessage, 'sidepanel_locale');
document.documentElement.lang = i18n.locale;

const state = createPanelState(createBrowserPanelSources(sharedDB()), { hash: windowHash() });
listenForShowDocument((hash) => state.navigate(hash));
void state.start();

const root = document.getElementById('app');
const notes = createAnnotationSources({ callBackground, callTab, targetTab, watchActiveTab: watchTabs });
if (root)
  render(
    <AnnotationsProvider sources={notes} i18n={i18n}>
      <PanelApp state={state} t={i18n.t} locale={i18n.locale} />
    </AnnotationsProvider>,
    root,
  );
