/** Background services with a real (fake-indexeddb) database and recording fakes for the browser parts. */
import { importDataset } from '../../../data/db/import-dataset';
import type { ImportProgress, SiteStatus } from '../../../data/messages';
import type { Result } from '../../../data/result';
import type { SenderInfo } from '../../../entrypoints/background/sender';
import type { BackgroundServices } from '../../../entrypoints/background/services';
import { freshDB } from '../../fixtures/db/fresh-db';
import { seedLikeDataset } from '../../fixtures/db/seed-like';

/** Senders as `classifySender` produces them. */
export const SENDERS = {
  page: { kind: 'content-script', tabId: 7, windowId: 3 },
  panel: { kind: 'extension-page', tabId: null, windowId: null },
  foreign: { kind: 'foreign', tabId: null, windowId: null },
} as const satisfies Record<string, SenderInfo>;

/** Services whose side effects are recorded in `calls`. */
export async function forgedServices() {
  const db = freshDB();
  await importDataset(db, seedLikeDataset());
  const calls: { name: string; args: unknown[] }[] = [];
  const status: SiteStatus = {
    pattern: 'https://example.org/*',
    enabled: true,
    via: 'site',
    allSites: false,
  };
  const record =
    <T>(name: string, value: T) =>
    async (...args: unknown[]): Promise<Result<T>> => {
      calls.push({ name, args });
      return { ok: true, value };
    };
  const progress: ImportProgress = { state: 'idle', fraction: 0, datasetVersion: null, error: null };
  const services: BackgroundServices = {
    db,
    importProgress: () => progress,
    openSidePanel: record('openSidePanel', { shown: true } as const),
    siteAccess: {
      status: async (...args) => {
        calls.push({ name: 'status', args });
        return status;
      },
      enable: record('enable', status),
      disable: record('disable', status),
      enableAll: record('enableAll', { allSites: true }),
      disableAll: record('disableAll', { allSites: false }),
    },
    injectScript: async (...args) => {
      calls.push({ name: 'injectScript', args });
    },
  };
  return { services, calls, db };
}
