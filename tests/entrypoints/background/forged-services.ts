/** Background services with a real (fake-indexeddb) database and recording fakes for the browser parts. */
import { importDataset } from '../../../data/db/import-dataset';
import { createPackImporter } from '../../../data/db/pack-importer';
import type { ImportProgress, MessageOf, SidePanelProtocol, SiteStatus } from '../../../data/messages';
import type { Result } from '../../../data/result';
import {
  createNoteFrameSessions,
  type SessionArea,
} from '../../../entrypoints/background/note-frame-sessions';
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

/** `storage.session` as the tests see it: a map that outlives one worker (one set of services). */
export function memoryArea(): SessionArea {
  const items = new Map<string, unknown>();
  return {
    get: async (key) => (items.has(key) ? { [key]: structuredClone(items.get(key)) } : {}),
    set: async (values) => {
      for (const [key, value] of Object.entries(values)) items.set(key, structuredClone(value));
    },
    remove: async (key) => {
      items.delete(key);
    },
  };
}

/**
 * Services whose side effects are recorded: `calls` (browser actions), `notified` (sources of
 * changed notes), `pagesTold` (messages to extension pages), `sentToFrames` (messages to a tab's
 * frame, answered with `options.frameAnswer`). `clock.now` is the time; `options.area` the session
 * storage, shared to play a restarted worker.
 */
export async function forgedServices(
  options: { frameAnswer?: unknown; area?: SessionArea; clock?: { now: number } } = {},
) {
  const db = freshDB();
  await importDataset(db, seedLikeDataset());
  const calls: { name: string; args: unknown[] }[] = [];
  const notified: (string | null)[] = [];
  const pagesTold: MessageOf<SidePanelProtocol>[] = [];
  const sentToFrames: { tabId: number; frameId: number; message: unknown }[] = [];
  const clock = options.clock ?? { now: Date.parse('2026-05-01T12:00:00.000Z') };
  const area = options.area ?? memoryArea();
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
    packs: createPackImporter(db),
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
    notifyExtensionPages: async (message) => {
      pagesTold.push(message);
    },
    notifyAnnotationsChanged: (source) => notified.push(source),
    sendToFrame: async (tabId, frameId, message) => {
      sentToFrames.push({ tabId, frameId, message });
      return options.frameAnswer ?? { ok: true, value: null };
    },
    noteFrameSessions: createNoteFrameSessions(area),
    now: () => clock.now,
  };
  return { services, calls, db, notified, pagesTold, sentToFrames, clock, area };
}
