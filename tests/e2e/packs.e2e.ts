/**
 * Dataset packs in Chromium with the built extension: a pack file added in the side panel's "about
 * the data" (a real file input), listed, its documents looked up as a card would, removed after a
 * confirmation; and the service worker stopped during an import, after which the pack is there
 * whole once the worker woke (redone from the staged file), never half. Waits for states, never
 * asserts timings.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Translate } from '../../components/i18n';
import type { DatasetPack } from '../../data/dataset/pack-format';
import type { LookupEntry } from '../../data/messages';
import { splitDataset } from '../../data/pipeline/packs/write-packs';
import { fixtureDataset, fixturePack, packFile } from '../fixtures/opendata/fixture-packs';
import { callBackground } from './annotate-helpers';
import { type ExtensionSession, launchExtension, runAxe } from './harness';

const YEAR = 'vergaderjaar-2024-2025';
const LARGE = 'vergaderjaar-2099-2100';
const dir = mkdtempSync(join(tmpdir(), 'kamerlens-packs-'));
let session: ExtensionSession;
let panel: Page;

/** Writes `pack`'s file where the file chooser can pick it. */
function writePack(pack: DatasetPack): string {
  const path = join(dir, `${pack.id}.pack.json.gz`);
  writeFileSync(path, packFile(pack));
  return path;
}

/** A pack of `count` metadata-only records (copies of one fixture record under new ids). */
function largePack(count: number): DatasetPack {
  const model = fixtureDataset().documents.find((d) => d.id === '2025D09876');
  if (!model) throw new Error('no model record');
  const documents = Array.from({ length: count }, (_, i) => {
    const id = `2099D${String(i).padStart(5, '0')}`;
    return {
      ...model,
      id,
      ids: [id],
      vergaderjaar: '2099-2100',
      zaken: [],
      dossier: null,
      dossierSuffix: null,
    };
  });
  const [pack] = splitDataset({ ...fixtureDataset(), documents, dossiers: [] }, 'vergaderjaar');
  if (pack?.id !== LARGE) throw new Error(`unexpected pack ${pack?.id}`);
  return pack;
}

/**
 * Records the extension's database holds for `packId`, in every generation of its blocks (an import
 * deletes the one it replaced), read in the panel page (extension origin).
 */
function rowsOf(page: Page, packId: string): Promise<number> {
  return page.evaluate(
    (id) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('kamerlens');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const range = IDBKeyRange.bound([id, -Infinity, -Infinity], [id, Infinity, Infinity]);
          const blocks = db.transaction('documentBlocks').objectStore('documentBlocks').getAll(range);
          blocks.onsuccess = () => {
            db.close();
            resolve((blocks.result as { entries: unknown[] }[]).reduce((n, b) => n + b.entries.length, 0));
          };
        };
      }),
    packId,
  );
}

async function lookupTitle(id: string): Promise<string | null> {
  const [entry] = await callBackground<LookupEntry[]>(panel, 'lookup', { ids: [id] });
  return entry?.document?.title ?? null;
}

beforeAll(async () => {
  session = await launchExtension();
  panel = await session.openExtensionPage('sidepanel.html#/about');
  await panel.locator('.facts').waitFor({ timeout: 30_000 });
  await panel.locator('.packs-none').waitFor();
});

afterAll(async () => {
  await session?.close();
});

describe('dataset packs in Chromium', () => {
  const pack = fixturePack(YEAR);
  const t: Translate = (key, ...substitutions) => session.t(key, ...substitutions);

  it('adds a pack from a file, lists it and finds its documents', async () => {
    // 2025D09876 is not in the bundled dataset; kst-36600-XV-86 is, as a stub without a title.
    expect(await lookupTitle('2025D09876')).toBeNull();
    expect(await lookupTitle('kst-36600-XV-86')).toBeNull();
    await panel.locator('#pack-file').setInputFiles(writePack(pack));
    await expect
      .poll(() => panel.locator('.pack-status').textContent(), { timeout: 20_000 })
      .toBe(t('sidepanel_packs_added', YEAR, pack.version));
    expect(await panel.locator('.pack-name').allTextContents()).toEqual([YEAR]);
    for (const id of ['2025D09876', 'kst-36600-XV-86'])
      expect(await lookupTitle(id)).toBe(pack.documents.find((d) => d.id === id)?.title);
    // The pack keeps all its records; two of its papers are in the bundled dataset with their text,
    // and lookups read those from the bundled dataset (data/db/precedence.ts).
    expect(await rowsOf(panel, YEAR)).toBe(pack.counts.documents);
    const violations = await runAxe(panel, '.packs');
    expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });

  it('removes the pack after a confirmation; its records go and the bundled stubs come back', async () => {
    await panel.locator('.pack-remove').click();
    await panel.getByRole('button', { name: t('sidepanel_packs_confirmRemove') }).click();
    await panel.locator('.packs-none').waitFor();
    expect(await panel.locator('.pack-status').textContent()).toBe(t('sidepanel_packs_removed', YEAR));
    expect(await lookupTitle('kst-36582-4')).not.toBe(
      pack.documents.find((d) => d.id === 'kst-36582-4')?.title,
    );
    expect(await rowsOf(panel, YEAR)).toBe(0);
  });

  it('refuses a file that is not a pack and keeps the data', async () => {
    const path = join(dir, 'niet-een-pakket.gz');
    writeFileSync(path, packFile(pack).subarray(0, 200));
    await panel.locator('#pack-file').setInputFiles(path);
    await expect
      .poll(() => panel.locator('.pack-error').textContent(), { timeout: 20_000 })
      .toContain('niet-een-pakket.gz');
    expect(await panel.locator('.packs-none').count()).toBe(1);
  });

  it('imports in an offscreen document of its own, open while a pack is imported and closed after', async () => {
    // The importer document is listed among the extension's contexts (the import thread it starts
    // is a dedicated worker of it, which CDP does not list); panel pages can ask for contexts too.
    const importerOpen = () =>
      panel.evaluate(async () => {
        type Runtime = {
          getContexts(filter: { contextTypes: string[] }): Promise<{ documentUrl?: string }[]>;
        };
        const { runtime } = (globalThis as unknown as { chrome: { runtime: Runtime } }).chrome;
        const contexts = await runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] });
        return contexts.map((context) => new URL(context.documentUrl ?? '').pathname);
      });
    expect(await importerOpen()).toEqual([]);
    const large = largePack(20_000);
    await panel.locator('#pack-file').setInputFiles(writePack(large));
    await expect.poll(importerOpen, { timeout: 20_000, interval: 50 }).toEqual(['/importer.html']);
    // Lookups are answered by the service worker meanwhile (the bundled dataset's record).
    expect(await lookupTitle('kst-34352-330')).toBeTruthy();
    await expect
      .poll(() => panel.locator('.pack-status').textContent(), { timeout: 60_000 })
      .toBe(t('sidepanel_packs_added', LARGE, large.version));
    expect(await lookupTitle('2099D19999')).toBe(large.documents[0]?.title);
    await expect.poll(importerOpen, { timeout: 10_000 }).toEqual([]);
    await callBackground(panel, 'removePack', { id: LARGE });
    // Removed behind the panel's back: it lists the packs again when it is opened again.
    await panel.reload();
    await panel.locator('.packs-none').waitFor();
    expect(await importerOpen()).toEqual([]);
  }, 90_000);

  it('a worker stopped during an import: the pack is there whole once the worker woke', async () => {
    const large = largePack(20_000);
    const path = writePack(large);
    const cdp = await session.context.newCDPSession(panel);
    await cdp.send('ServiceWorker.enable');
    await panel.locator('#pack-file').setInputFiles(path);
    // Stopped while the import runs (or just after it ended): either way, never half a pack.
    await panel
      .locator('.pack-progress')
      .waitFor({ timeout: 10_000 })
      .catch(() => undefined);
    await cdp.send('ServiceWorker.stopAllWorkers');
    await expect
      .poll(() => panel.locator('.pack-name').allTextContents(), { timeout: 150_000, interval: 250 })
      .toEqual([LARGE]);
    expect(await rowsOf(panel, LARGE)).toBe(large.counts.documents);
    expect(await lookupTitle('2099D19999')).toBe(large.documents[0]?.title);
    await cdp.detach();
    // A bound, not a timing assertion: 20,000 records are imported twice on a machine that may be
    // busy (the full suite under load took 68 s here once), so the wait is generous.
  }, 180_000);
});
