/**
 * A reader's long pack import in Firefox ends with no extension page open (issue #12). Firefox's
 * MV3 background is an event page, suspended once idle for `extensions.background.idle.timeout`
 * (30 s by default), and the dedicated worker that imports goes with it: an import outlasting the
 * timeout with nothing talking to the background would stop half-way and be redone only at the
 * next wake-up. The packs are staged and `importStagedPacks` sent from an extension page, as the
 * side panel does; the page is then closed and the import must still end. Run by firefox.e2e.ts.
 * KAMERLENS_IDLE_DOCS sets how many documents (for measuring; the test's own size is below).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatasetFile } from '../../data/dataset/types';
import { packBytes, splitDataset } from '../../data/pipeline/packs/write-packs';
import { generatedDataset } from '../fixtures/db/generated-dataset';
import type { E2EBrowser, E2EPage } from './driver';
import { launchFirefox } from './harness-firefox';

/** Documents generated for the test (KAMERLENS_IDLE_DOCS overrides, to measure). */
const DOCUMENTS = Number(process.env.KAMERLENS_IDLE_DOCS ?? 20_000);
/** The event page's idle timeout in the test (KAMERLENS_IDLE_TIMEOUT_S overrides; 30 is Firefox's default). */
const IDLE_TIMEOUT_S = Number(process.env.KAMERLENS_IDLE_TIMEOUT_S ?? 30);
/** How long the import may take with no page open before the test calls it stopped. */
const GIVE_UP_MS = Number(process.env.KAMERLENS_IDLE_GIVE_UP_S ?? 180) * 1000;

/** The generated records spread over sixteen session years, as a release's packs would be. */
function withYears(dataset: DatasetFile): DatasetFile {
  return {
    ...dataset,
    documents: dataset.documents.map((document, i) => {
      const year = 2010 + (i % 16);
      return { ...document, vergaderjaar: `${year}-${year + 1}` };
    }),
  };
}

/** Sends one message to the background from an extension page; returns its answer. */
const send = (page: E2EPage, type: string) =>
  page.evaluate(async (wanted) => {
    type Runtime = { runtime: { sendMessage(message: unknown): Promise<unknown> } };
    const api = (globalThis as { browser?: Runtime }).browser;
    if (!api) throw new Error('not an extension page');
    return (await api.runtime.sendMessage({ type: wanted, payload: {} })) as {
      ok: boolean;
      value?: { state?: string; fileName?: string | null; fraction?: number };
      error?: string;
    };
  }, type);

/**
 * The packs the database lists and the files still staged, read from IndexedDB by an extension
 * document that runs none of the extension's code (an icon), so nothing talks to the background.
 */
async function stored(browser: E2EBrowser): Promise<{ packs: number; staged: number }> {
  const page = await browser.openExtensionPage('icon-16.png');
  try {
    return await page.evaluate(
      () =>
        new Promise<{ packs: number; staged: number }>((done, failed) => {
          const open = indexedDB.open('kamerlens');
          open.onerror = () => failed(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction(['packs', 'stagedPacks'], 'readonly');
            const packs = tx.objectStore('packs').count();
            const staged = tx.objectStore('stagedPacks').count();
            tx.oncomplete = () => {
              db.close();
              done({ packs: packs.result, staged: staged.result });
            };
            tx.onerror = () => failed(tx.error);
          };
        }),
      null,
    );
  } finally {
    await page.close();
  }
}

/** Defines the scenario in Firefox. */
export function importWithNoPageOpenSuite(): void {
  describe('a long pack import in Firefox with no extension page open', () => {
    const files = mkdtempSync(join(tmpdir(), 'kamerlens-idle-packs-'));
    let names: string[] = [];
    let browser: E2EBrowser;

    beforeAll(async () => {
      const packs = splitDataset(withYears(generatedDataset(DOCUMENTS)), 'vergaderjaar');
      names = packs.map((pack, i) => {
        const name = `pack-${i}.pack.json.gz`;
        writeFileSync(join(files, name), packBytes(pack));
        return name;
      });
      browser = await launchFirefox({
        pagesDir: files,
        prefs: { 'extensions.background.idle.timeout': IDLE_TIMEOUT_S * 1000 },
      });
    }, 300_000);

    afterAll(async () => {
      await browser?.close();
    });

    it('imports every staged pack to the end after the page that asked closed', async () => {
      const page = await browser.openExtensionPage('sidepanel.html#/about');
      // The bundled dataset's first import ends before the packs are staged.
      for (let i = 0; (await send(page, 'importStatus')).value?.state !== 'done'; i += 1) {
        if (i > 600) throw new Error('the bundled dataset was not imported');
        await new Promise((done) => setTimeout(done, 100));
      }
      await page.evaluate(
        async ([base, packNames]) => {
          const blobs = await Promise.all(packNames.map(async (name) => (await fetch(base + name)).blob()));
          await new Promise<void>((staged, failed) => {
            const open = indexedDB.open('kamerlens');
            open.onerror = () => failed(open.error);
            open.onsuccess = () => {
              const db = open.result;
              const tx = db.transaction('stagedPacks', 'readwrite');
              for (const [i, file] of blobs.entries())
                tx.objectStore('stagedPacks').add({
                  fileName: packNames[i],
                  file,
                  stagedAt: new Date().toISOString(),
                });
              tx.oncomplete = () => {
                db.close();
                staged();
              };
              tx.onerror = () => failed(tx.error);
            };
          });
        },
        [browser.serverUrl.endsWith('/') ? browser.serverUrl : `${browser.serverUrl}/`, names] as const,
      );
      const began = Date.now();
      // Not awaited: the page closes once the background has begun, as a reader closes the panel.
      void send(page, 'importStagedPacks').catch(() => undefined);
      for (let i = 0; (await send(page, 'packImportStatus')).value?.state !== 'importing'; i += 1) {
        if (i > 300) throw new Error('the import did not begin');
        await new Promise((done) => setTimeout(done, 100));
      }
      await page.close();
      let last = { packs: 0, staged: names.length };
      while (Date.now() - began < GIVE_UP_MS) {
        await new Promise((done) => setTimeout(done, 5_000));
        last = await stored(browser);
        console.log(
          `[idle] ${((Date.now() - began) / 1000).toFixed(0)} s: ${last.packs} packs listed, ${last.staged} staged (load ${loadavg()[0]?.toFixed(1)})`,
        );
        if (last.staged === 0) break;
      }
      console.log(
        `[idle] ${DOCUMENTS.toLocaleString('en')} documents in ${names.length} packs: ${last.staged === 0 ? `imported within ${((Date.now() - began) / 1000).toFixed(0)} s` : 'NOT imported'} with no page open (idle timeout ${IDLE_TIMEOUT_S} s)`,
      );
      // The bundled pack, if the build has one, is listed besides.
      expect(last.staged).toBe(0);
      expect(last.packs).toBeGreaterThanOrEqual(names.length);
    }, GIVE_UP_MS + 120_000);
  });
}
