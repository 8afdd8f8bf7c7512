import { render } from 'preact';
import { browser } from 'wxt/browser';
import { AnnotationsProvider } from '../../components/annotations/AnnotationsProvider';
import { createAnnotationSources } from '../../components/annotations/annotation-sources';
import { PanelApp } from '../../components/sidepanel/PanelApp';
import { createPanelState } from '../../components/sidepanel/panel-state';
import type { Translate } from '../../components/sidepanel/translate';
import { sharedDB } from '../../data/db/index';
import { callBackground, callTab } from '../../data/messaging';
import { targetTab, watchTabs } from './active-tab';
import { windowHash } from './browser-hash';
import { createBrowserPanelSources } from './browser-sources';
import { listenForShowDocument } from './show-document';
import './style.css';

// Typed loosely: WXT types only the message keys it generated at prepare time. Substitutions go
// as one array: a third argument would be taken for getMessage's options.
const getMessage = browser.i18n.getMessage as unknown as (key: string, substitutions?: string[]) => string;
const t: Translate = (key, ...substitutions) => getMessage(key, substitutions);
const locale = t('sidepanel_locale') || 'nl';
document.documentElement.lang = locale;

const state = createPanelState(createBrowserPanelSources(sharedDB()), { hash: windowHash() });
listenForShowDocument((hash) => state.navigate(hash));
void state.start();

const root = document.getElementById('app');
const notes = createAnnotationSources({ callBackground, callTab, targetTab, watchActiveTab: watchTabs });
if (root)
  render(
    <AnnotationsProvider sources={notes} i18n={{ t, locale }}>
      <PanelApp state={state} t={t} locale={locale} />
    </AnnotationsProvider>,
    root,
  );
