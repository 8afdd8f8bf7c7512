import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import type { CONTENT_UI_FILE } from '../../components/content-ui-parts';
import { SIDEBAR_COMMAND } from '../../data/commands';
import { traceThread } from '../../data/db/idb-trace';
import { importThread, workerThread } from '../../data/db/import-thread';
import { sharedDB } from '../../data/db/kamerlens-db';
import { holdLiveInMemory, publishLive } from '../../data/db/live-sources';
import { type PackImporter, packWorkWaiting, storedPackProgress } from '../../data/db/pack-importer';
import { putReadsFirst } from '../../data/db/read-priority';
import { readDirectoriesAhead } from '../../data/db/row-blocks';
import { notifyAnnotationsChanged } from './annotations-notify';
import { extensionPackFiles, stageBundledPacks } from './bundled-packs';
import { bundledDatasetSource, createDatasetLoader } from './dataset-loader';
import { dispatchMessage } from './dispatch-message';
import { createNoteFrameSessions } from './note-frame-sessions';
import { type ChromeOffscreenApi, chromeOffscreen, offscreenImporter } from './offscreen-importer';
import { classifySender } from './sender';
import type { BackgroundServices } from './services';
import { type ChromeSidePanelApi, createSidePanelOpener, type FirefoxSidebarApi } from './side-panel';
import { createSiteAccess, type SiteAccessPlatform } from './site-access';

export default defineBackground(() => {
  // Bench builds only (idb-trace.ts): every other build leaves this out.
  if (import.meta.env.VITE_KAMERLENS_TRACE === '1') {
    const heard = traceThread('background');
    browser.runtime.onMessage.addListener((message) => {
      heard(String((message as { type?: unknown } | undefined)?.type));
      return undefined;
    });
  }
  const db = sharedDB();
  // The background holds which generations are live (the pack import's thread tells it when they
  // change), so the popover's lookups need no read of the table an import's last transaction holds;
  // and reads a new generation's directories as soon as it is told, before a lookup needs them.
  holdLiveInMemory(db, () => readDirectoriesAhead(db));
  // And its imports let those lookups go before their next write (read-priority.ts).
  putReadsFirst(db);
  const loader = createDatasetLoader(db, bundledDatasetSource(extensionUrl('/dataset.json')));
  const packs = packImporter(db);
  const panels = browser as unknown as {
    sidePanel?: ChromeSidePanelApi & PanelBehavior;
    sidebarAction?: Sidebar;
  };
  const siteAccess = createSiteAccess({
    permissions: browser.permissions,
    scripting: browser.scripting as unknown as SiteAccessPlatform['scripting'],
    manifest: browser.runtime.getManifest() as SiteAccessPlatform['manifest'],
  });
  const services: BackgroundServices = {
    db,
    injectScript: async (tabId: number, frameId: number, file: typeof CONTENT_UI_FILE) => {
      await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [file] });
    },
    importProgress: loader.progress,
    packs,
    siteAccess,
    openSidePanel: createSidePanelOpener({
      sidePanel: panels.sidePanel,
      sidebarAction: panels.sidebarAction,
      extensionUrl: (path: string) => extensionUrl(`/${path}`),
      notifyPanel: (message) => browser.runtime.sendMessage(message),
      sidebarShortcut: async () => {
        const commands = await browser.commands.getAll();
        return commands.find((command) => command.name === SIDEBAR_COMMAND)?.shortcut || null;
      },
    }),
    notifyExtensionPages: (message) => browser.runtime.sendMessage(message),
    notifyAnnotationsChanged,
    sendToFrame: (tabId, frameId, message) => browser.tabs.sendMessage(tabId, message, { frameId }),
    noteFrameSessions: createNoteFrameSessions(browser.storage.session),
    now: Date.now,
  };
  const extensionOrigin = extensionUrl('/');

  // Listeners are registered synchronously so a message or event that woke the worker is delivered.
  browser.runtime.onMessage.addListener((message, sender) =>
    dispatchMessage(
      message,
      {
        ...classifySender(sender, browser.runtime.id, extensionOrigin),
        frameId: sender.frameId,
        url: sender.url,
        documentId: (sender as { documentId?: string }).documentId,
      },
      services,
    ),
  );
  browser.runtime.onInstalled.addListener(() => {
    void loader.importBundled();
    void siteAccess.reconcile();
  });
  browser.runtime.onStartup.addListener(() => void siteAccess.reconcile());
  browser.permissions.onAdded.addListener(() => void siteAccess.reconcile());
  browser.permissions.onRemoved.addListener(() => void siteAccess.reconcile());
  // The toolbar button opens the panel: Chrome by panel behavior, Firefox from the click (a user action).
  if (panels.sidePanel)
    void panels.sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => undefined);
  const sidebar = panels.sidebarAction;
  if (sidebar) browser.action.onClicked.addListener(() => void sidebar.toggle());
  // A worker that died during the first import finishes it on its next start. Then the release's
  // bundled packs are staged (once per release), and every staged pack file is imported: those just
  // staged, and one a stopped worker did not import to the end.
  void loader
    .importIfMissing()
    .catch(() => null)
    .then(() => stageBundledPacks(db, extensionPackFiles(extensionUrl)))
    .then((staging) => {
      if (staging.status === 'failed') console.warn(`Kamerlens: ${staging.error}`);
    })
    .catch((error: unknown) => console.warn('Kamerlens: bundled packs not staged', error))
    .finally(() => void packs.importStaged());
});

interface PanelBehavior {
  setPanelBehavior(behavior: { openPanelOnActionClick: boolean }): Promise<void>;
}

interface Sidebar extends FirefoxSidebarApi {
  toggle(): Promise<void>;
}

/**
 * Packs are imported on a thread of their own (data/db/import-thread.ts): Firefox's background page
 * starts it; Chrome's service worker cannot, and opens an offscreen document that does.
 */
function packImporter(db: ReturnType<typeof sharedDB>): PackImporter {
  const stored = () => storedPackProgress(db);
  // Each wake asks the importer to import what is staged: Chrome's offscreen document or Firefox's
  // thread is started only when there is work (or when that cannot be told).
  const workWaiting = () => packWorkWaiting(db).catch(() => true);
  const chrome = browser as unknown as Partial<ChromeOffscreenApi>;
  if (chrome.offscreen && chrome.runtime)
    return offscreenImporter(chromeOffscreen(chrome as ChromeOffscreenApi, stored, workWaiting));
  // Firefox's MV3 background is an event page, stopped (its worker with it) once nothing reset its
  // idle timer for `extensions.background.idle.timeout` (30 s by default). An import outlasts that
  // when no page asks about it: 100,000 generated documents in 16 packs, staged and sent from an
  // extension page that then closed, stopped after 11 packs, 33 s in, and stayed so for 300 s
  // (Firefox ESR 153, tests/e2e/firefox-import-idle.ts with KAMERLENS_IDLE_DOCS=100000 and
  // KAMERLENS_IDLE_TIMEOUT_S=30, load 2–6). A call from the background to an extension API resets
  // that timer (Firefox's ExtensionParent; Chrome documents the same for its service worker), so
  // one is made while the import thread has calls waiting: the same import then ended within 67 s
  // of the page closing (load 6–7.5). One stopped anyway (the browser closed) is imported again
  // at the next start (below), as its staged files stay until it ended.
  return importThread({
    spawn: () => workerThread(new Worker(extensionUrl('/import-worker.js'))),
    liveChanged: () => publishLive(db),
    stored,
    keepAlive: () => browser.runtime.getPlatformInfo(),
    workWaiting,
  });
}

/** Absolute URL of an extension file (WXT types `getURL` to known public files; dataset.json is built). */
function extensionUrl(path: string): string {
  return (browser.runtime.getURL as (path: string) => string)(path);
}
