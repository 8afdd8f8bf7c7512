/**
 * Chrome's offscreen importer: the service worker cannot start a dedicated worker, so it opens this
 * document (reason WORKERS) while packs are imported or removed, and closes it after
 * (entrypoints/background/offscreen-importer.ts). It starts the import thread and passes the
 * worker's calls to it; the thread's notice that the live generations changed goes back to the
 * service worker, which holds them.
 */
import { browser } from 'wxt/browser';
import { importThread, workerThread } from '../../data/db/import-thread';
import { sharedDB } from '../../data/db/kamerlens-db';
import { storedPackProgress } from '../../data/db/pack-importer';
import { callBackground } from '../../data/messaging';
import { answerImporterCall } from './importer-calls';

const db = sharedDB();
const importer = importThread({
  spawn: () => workerThread(new Worker(browser.runtime.getURL('/import-worker.js'))),
  liveChanged: async () => {
    const answer = await callBackground('liveChanged', {});
    if (!answer.ok) throw new Error(answer.error);
  },
  stored: () => storedPackProgress(db),
});
const extension = { id: browser.runtime.id, origin: browser.runtime.getURL('/') };
browser.runtime.onMessage.addListener((message, sender) =>
  answerImporterCall(message, sender, extension, importer),
);
