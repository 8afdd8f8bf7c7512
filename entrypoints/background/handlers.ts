/** One handler per `BackgroundProtocol` call: who may call it, how its payload is checked, what it does. */

import { CONTENT_UI_FILE } from '../../components/content-ui-parts';
import { datasetInfo } from '../../data/db/dataset-info';
import { lookupCards } from '../../data/db/lookup-cards';
import type { BackgroundProtocol, ImportProgress } from '../../data/messages';
import type { Result } from '../../data/result';
import { createAnnotationHandlers } from './annotations-handlers';
import { notifyAnnotationsChanged } from './annotations-notify';
import { notifyExtensionPages, pageReferencesChangedHandler } from './page-references-handlers';
import type { SenderInfo } from './sender';
import type { BackgroundServices } from './services';
import {
  emptyPayload,
  lookupPayload,
  openSidePanelPayload,
  urlPayload,
  type Validator,
} from './validate-payload';

type Payload<K extends keyof BackgroundProtocol> = BackgroundProtocol[K]['payload'];
type Answer<K extends keyof BackgroundProtocol> = BackgroundProtocol[K]['result'];

/** How one call is handled. `from: 'extension-page'` refuses content scripts. */
export interface HandlerSpec<K extends keyof BackgroundProtocol> {
  from: 'any' | 'extension-page';
  validate: Validator<Payload<K>>;
  handle(
    payload: Payload<K>,
    sender: SenderInfo,
    services: BackgroundServices,
  ): Result<Answer<K>> | Promise<Result<Answer<K>>>;
}

/** Every call of the protocol has an entry; the type makes a missing one a compile error. */
export type HandlerTable = { [K in keyof BackgroundProtocol]: HandlerSpec<K> };

/** The background's handlers. */
export const HANDLERS: HandlerTable = {
  lookup: {
    from: 'any',
    validate: lookupPayload,
    handle: async ({ ids }, _sender, { db }) => ({ ok: true, value: await lookupCards(db, ids) }),
  },
  openSidePanel: {
    from: 'any',
    validate: openSidePanelPayload,
    handle: (request, sender, services) => services.openSidePanel(request, sender),
  },
  importStatus: {
    from: 'any',
    validate: emptyPayload,
    handle: async (_payload, _sender, services) => ({ ok: true, value: await importStatusOf(services) }),
  },
  getSiteStatus: {
    from: 'extension-page',
    validate: urlPayload,
    handle: async ({ url }, _sender, { siteAccess }) => ({ ok: true, value: await siteAccess.status(url) }),
  },
  enableSite: {
    from: 'extension-page',
    validate: urlPayload,
    handle: ({ url }, _sender, { siteAccess }) => siteAccess.enable(url),
  },
  disableSite: {
    from: 'extension-page',
    validate: urlPayload,
    handle: ({ url }, _sender, { siteAccess }) => siteAccess.disable(url),
  },
  enableAllSites: {
    from: 'extension-page',
    validate: emptyPayload,
    handle: (_payload, _sender, { siteAccess }) => siteAccess.enableAll(),
  },
  disableAllSites: {
    from: 'extension-page',
    validate: emptyPayload,
    handle: (_payload, _sender, { siteAccess }) => siteAccess.disableAll(),
  },
  ...createAnnotationHandlers(notifyAnnotationsChanged),
  pageReferencesChanged: pageReferencesChangedHandler(notifyExtensionPages),
  loadContentUi: {
    from: 'any',
    validate: emptyPayload,
    handle: async (_payload, { kind, tabId, frameId }, { injectScript }) => {
      if (kind !== 'content-script' || tabId === null || typeof frameId !== 'number') {
        return { ok: false, error: 'loadContentUi is only accepted from content scripts' };
      }
      await injectScript(tabId, frameId, CONTENT_UI_FILE);
      return { ok: true, value: null };
    },
  },
};

/** Live progress while this worker imports; otherwise the last outcome recorded in the database. */
async function importStatusOf(services: BackgroundServices): Promise<ImportProgress> {
  const live = services.importProgress();
  if (live.state !== 'idle') return live;
  const { dataset, importStatus } = await datasetInfo(services.db);
  if (importStatus?.state === 'failed') {
    return {
      state: 'failed',
      fraction: 0,
      datasetVersion: importStatus.datasetVersion,
      error: importStatus.error,
    };
  }
  if (dataset) return { state: 'done', fraction: 1, datasetVersion: dataset.datasetVersion, error: null };
  return live;
}
