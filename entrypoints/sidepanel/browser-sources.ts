/** The panel's sources in the extension: the database directly (an extension page), tabs by message. */
import { browser } from 'wxt/browser';
import { copyText } from '../../components/shared/clipboard';
import type {
  ActiveSite,
  PageScan,
  PanelDatasetInfo,
  PanelSources,
  StorageFigures,
} from '../../components/sidepanel/panel-sources';
import { findCitations } from '../../data/citations/index';
import { listPacks } from '../../data/db/import-pack';
import { datasetInfo, type KamerlensDB } from '../../data/db/index';
import { readDossierTitles } from '../../data/db/lookup-documents';
import { readDocuments, resolveDocuments } from '../../data/db/resolve-documents';
import { openStoredIndex } from '../../data/db/search-segments';
import { ALL_SITES_PATTERN, sitePattern } from '../../data/messages';
import { callBackground, callTab } from '../../data/messaging';
import { targetTab, watchTabs } from './active-tab';

import { listenForTabReferences } from './tab-references-changed';

async function readDatasetInfo(db: KamerlensDB): Promise<PanelDatasetInfo> {
  const { dataset, importStatus } = await datasetInfo(db);
  return {
    dataset: dataset
      ? {
          datasetVersion: dataset.datasetVersion,
          schemaVersion: dataset.schemaVersion,
          contentHash: dataset.contentHash,
          importedAt: dataset.importedAt,
          counts: dataset.counts,
          sources: dataset.sources,
        }
      : null,
    importState: importStatus?.state ?? null,
    importError: importStatus?.error ?? null,
  };
}

async function scanActiveTab(): Promise<PageScan> {
  const tab = await targetTab();
  if (tab?.id === undefined) return { ok: false, reason: 'no-tab', url: null };
  const answer = await callTab(tab.id, 'pageReferences', {});
  // No answer: no content script in the tab (site not enabled, page not loaded, or a browser page).
  if (!answer.ok) return { ok: false, reason: 'not-scanned', url: tab.url ?? null };
  return { ok: true, tabId: tab.id, title: tab.title ?? '', url: tab.url ?? '', references: answer.value };
}

async function siteOf(url: string | undefined): Promise<ActiveSite | null> {
  const pattern = url ? sitePattern(url) : null;
  if (!url || !pattern) return null;
  const status = await callBackground('getSiteStatus', { url });
  if (!status.ok) return null;
  return {
    url,
    pattern,
    enabled: status.value.enabled,
    via: status.value.via,
    allSites: status.value.allSites,
  };
}

async function readStorage(): Promise<StorageFigures | null> {
  const storage = navigator.storage;
  if (typeof storage?.estimate !== 'function') return null;
  const [estimate, persisted] = await Promise.all([
    storage.estimate(),
    typeof storage.persisted === 'function' ? storage.persisted() : Promise.resolve(false),
  ]);
  return { usage: estimate.usage ?? 0, quota: estimate.quota ?? 0, persisted };
}

/**
 * Sources over the shared database and the browser's tabs. The panel reads documents from the
 * database directly (it is an extension page of the same origin), not through the background: the
 * worker is single-threaded and busy while it imports, and IndexedDB already gives a reader the last
 * committed state during an import, so reads here never wait behind import work. Notes go through
 * the background (components/annotations), which owns their writes and the tabs to tell.
 */
export function createBrowserPanelSources(db: KamerlensDB): PanelSources {
  return {
    openLibrary: () => openStoredIndex(db),
    readRecords: (ids) => readDocuments(db, ids),
    readDocuments: (ids) => resolveDocuments(db, ids),
    dossierTitles: (keys) => readDossierTitles(db, keys),
    datasetInfo: () => readDatasetInfo(db),
    async importProgress() {
      const answer = await callBackground('importStatus', {});
      if (answer.ok) return answer.value;
      return { state: 'failed', fraction: 0, datasetVersion: null, error: answer.error };
    },
    pageReferences: scanActiveTab,
    async revealReference(tabId, group) {
      const answer = await callTab(tabId, 'revealReference', { group });
      return answer.ok && answer.value;
    },
    watchActiveTab: watchTabs,
    watchPageReferences: listenForTabReferences,
    async copyText(text) {
      if (!(await copyText(text, document.body))) throw new Error('clipboard refused');
    },
    recognize: findCitations,
    async activeSite() {
      return siteOf((await targetTab())?.url);
    },
    setSiteEnabled(url, enabled) {
      const pattern = sitePattern(url);
      if (!pattern) return Promise.resolve(null);
      // Requested before anything is awaited: the permission prompt needs the click's user gesture.
      const granted = enabled ? browser.permissions.request({ origins: [pattern] }) : Promise.resolve(true);
      return granted.then(async (ok) => {
        if (!ok) return siteOf(url);
        const answer = await callBackground(enabled ? 'enableSite' : 'disableSite', { url });
        return answer.ok
          ? {
              url,
              pattern,
              enabled: answer.value.enabled,
              via: answer.value.via,
              allSites: answer.value.allSites,
            }
          : siteOf(url);
      });
    },
    storageEstimate: readStorage,
    listPacks: () => listPacks(db),
    async addPack(file) {
      await db.stagedPacks.add({ fileName: file.name, file, stagedAt: new Date().toISOString() });
      return callBackground('importStagedPacks', {});
    },
    async packImportStatus() {
      const [answer, waiting] = await Promise.all([
        callBackground('packImportStatus', {}),
        db.stagedPacks.count(),
      ]);
      if (!answer.ok) throw new Error(answer.error);
      return { progress: answer.value, waiting };
    },
    async removePack(id) {
      const answer = await callBackground('removePack', { id });
      if (!answer.ok) throw new Error(answer.error);
      return answer.value;
    },
    async persistStorage() {
      if (typeof navigator.storage?.persist !== 'function') return false;
      return navigator.storage.persist();
    },
    setAllSitesEnabled(enabled) {
      // As above: the prompt for every site is asked for inside the click, before any await.
      const granted = enabled
        ? browser.permissions.request({ origins: [ALL_SITES_PATTERN] })
        : Promise.resolve(true);
      return granted.then(async (ok) => {
        if (!ok) return false;
        const answer = await callBackground(enabled ? 'enableAllSites' : 'disableAllSites', {});
        return answer.ok ? answer.value.allSites : !enabled;
      });
    },
  };
}
