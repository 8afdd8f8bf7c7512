/**
 * Chrome's pack importer, seen from the service worker: the import runs on a thread of its own
 * (data/db/import-thread.ts), which only a document can start, so each import or removal opens the
 * offscreen document `importer.html` (entrypoints/importer) and passes the call to it; the document
 * is closed once no call is waiting for it. Progress asked while it is closed comes from the
 * database. A worker stopped meanwhile leaves the document importing; on waking it calls
 * `importStaged` again (index.ts), which waits for the running import and then closes it.
 */
import type { PackImporter } from '../../data/db/pack-importer';
import type { ImporterCall, ImporterProtocol, MessageOf, PackImportProgress } from '../../data/messages';

/** The offscreen API and messaging, injected so tests can forge them. */
export interface OffscreenPlatform {
  /** Whether the importer document is open (a stopped worker may have left it open). */
  isOpen(): Promise<boolean>;
  open(): Promise<void>;
  close(): Promise<void>;
  /** Sends to the extension's documents; resolves to the importer document's answer. */
  send(message: MessageOf<ImporterProtocol>): Promise<unknown>;
  /** The last import's outcome from the database. */
  stored(): Promise<PackImportProgress>;
  /**
   * Whether an import has anything to do (data/db/pack-importer.ts `packWorkWaiting`): when not,
   * and no document is open, `importStaged` opens none. Left out: it always opens one.
   */
  workWaiting?(): Promise<boolean>;
}

/** The importer, through the offscreen document. */
export function offscreenImporter(platform: OffscreenPlatform): PackImporter {
  let waiting = 0;
  // Opening and closing one after the other: never two documents, never a close under a call.
  let lifecycle: Promise<unknown> = Promise.resolve();
  const inTurn = (step: () => Promise<void>) => {
    const next = lifecycle.then(step);
    lifecycle = next.catch(() => undefined);
    return next;
  };

  const ask = async (call: ImporterCall): Promise<unknown> => {
    const answer = await platform.send({ type: 'importerCall', payload: call });
    if (typeof answer !== 'object' || answer === null || typeof (answer as { ok?: unknown }).ok !== 'boolean')
      throw new Error(`pack importer: no answer to ${call.call}`);
    const result = answer as { ok: true; value: unknown } | { ok: false; error: string };
    if (!result.ok) throw new Error(result.error);
    return result.value;
  };

  /** Send `request` to the document, opened for it unless `needed` says no (then: the stored progress). */
  const call = async (request: ImporterCall, needed?: () => Promise<boolean>): Promise<unknown> => {
    waiting += 1;
    try {
      let skipped = false;
      // Checked in turn, so calls still reach the document in the order they were made.
      await inTurn(async () => {
        if (await platform.isOpen()) return;
        if (needed && !(await needed())) skipped = true;
        else await platform.open();
      });
      if (skipped) return await platform.stored();
      return await ask(request);
    } finally {
      waiting -= 1;
      if (waiting === 0)
        void inTurn(async () => {
          if (waiting === 0 && (await platform.isOpen())) await platform.close();
        }).catch((error: unknown) => console.warn('Kamerlens: importer document not closed', error));
    }
  };

  return {
    async progress() {
      // A progress call never opens the document; one that finds it closing answers from storage.
      if (!(await platform.isOpen())) return platform.stored();
      return (ask({ call: 'progress' }) as Promise<PackImportProgress>).catch(() => platform.stored());
    },
    // Every wake of the worker asks (index.ts): a document is opened only when there is work, or
    // used when one is open (a stopped worker may have left it).
    importStaged: () =>
      call({ call: 'importStaged' }, platform.workWaiting?.bind(platform)) as Promise<PackImportProgress>,
    remove: (id) => call({ call: 'remove', id }) as Promise<boolean>,
  };
}

/** Chrome's `offscreen` and `runtime.getContexts`, as far as the importer uses them. */
export interface ChromeOffscreenApi {
  offscreen: {
    createDocument(parameters: { url: string; reasons: string[]; justification: string }): Promise<void>;
    closeDocument(): Promise<void>;
  };
  runtime: {
    getContexts(filter: { contextTypes: string[]; documentUrls: string[] }): Promise<unknown[]>;
    getURL(path: string): string;
    sendMessage(message: unknown): Promise<unknown>;
  };
}

/** The platform over Chrome's API. */
export function chromeOffscreen(
  chrome: ChromeOffscreenApi,
  stored: () => Promise<PackImportProgress>,
  workWaiting?: () => Promise<boolean>,
): OffscreenPlatform {
  const url = chrome.runtime.getURL('/importer.html');
  return {
    isOpen: async () =>
      (await chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [url] }))
        .length > 0,
    open: () =>
      chrome.offscreen.createDocument({
        url,
        reasons: ['WORKERS'],
        justification: 'Imports data packs on a worker thread so lookups stay fast.',
      }),
    close: () => chrome.offscreen.closeDocument(),
    send: (message) => chrome.runtime.sendMessage(message),
    stored,
    workWaiting,
  };
}
