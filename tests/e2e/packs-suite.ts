/**
 * Dataset packs in every browser, written once against driver.ts and run by cross-browser.e2e.ts
 * (Chromium) and firefox.e2e.ts (Firefox): a release copy of the build with one bundled pack (as
 * `npm run -s data:bundle` leaves it in `packs/`) imports it on its first start; a pack file added
 * through the real file input is imported and listed; a file that is not a pack is refused in the
 * session's language and the data stays. Chromium-only cases (a worker stopped mid-import, axe)
 * are in packs.e2e.ts and bundled-packs.e2e.ts.
 */
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundlePacks } from '../../data/pipeline/packs/bundle-packs';
import { writePacks } from '../../data/pipeline/packs/write-packs';
import { fixtureDataset, fixturePack, packFile } from '../fixtures/opendata/fixture-packs';
import type { E2EBrowser, E2EPage } from './driver';

const BUNDLED = 'vergaderjaar-2024-2025';
const ADDED = 'vergaderjaar-2023-2024';

/** The pack names "about the data" lists, in order. */
const listed = (panel: E2EPage) =>
  panel.evaluate(
    () => [...document.querySelectorAll('.pack-name')].map((name) => name.textContent ?? ''),
    null,
  );

/** A document's title as the background's lookup answers it (a card's question), or null. */
const lookupTitle = (panel: E2EPage, id: string) =>
  panel.evaluate(async (wanted) => {
    type Runtime = { runtime: { sendMessage(message: unknown): Promise<unknown> } };
    const scope = globalThis as { browser?: Runtime; chrome?: Runtime };
    const api = scope.browser ?? scope.chrome;
    if (!api) throw new Error('not an extension page');
    const answer = (await api.runtime.sendMessage({ type: 'lookup', payload: { ids: [wanted] } })) as {
      ok: boolean;
      value?: { document: { title: string } | null }[];
    };
    return answer.ok ? (answer.value?.[0]?.document?.title ?? null) : null;
  }, id);

/**
 * Chooses `path` in the packs' file input once it takes a file, as a reader would: it is disabled
 * while an import finishes (the bundled pack's can still be ending when the pack is listed).
 */
async function choosePack(panel: E2EPage, path: string): Promise<void> {
  await panel.waitFor(
    () => (document.querySelector('#pack-file') as HTMLInputElement | null)?.disabled === false,
    undefined,
    30_000,
  );
  await panel.setInputFiles('#pack-file', path);
}

/** Waits until the element `selector` of `panel` has exactly `text`; returns what it last had. */
async function textOf(panel: E2EPage, selector: string, text: string): Promise<string> {
  await panel
    .waitFor(([s, t]) => document.querySelector(s)?.textContent === t, [selector, text] as const, 30_000)
    .catch(() => undefined);
  return panel.evaluate((s) => document.querySelector(s)?.textContent ?? '', selector);
}

/** Defines the packs scenarios for one browser, launched from a copy of `buildDir`. */
export function packsSuite(
  browserName: string,
  buildDir: string,
  launch: (options: { dir: string }) => Promise<E2EBrowser>,
): void {
  describe(`dataset packs in ${browserName}`, () => {
    const files = mkdtempSync(join(tmpdir(), 'kamerlens-pack-files-'));
    let browser: E2EBrowser;
    let panel: E2EPage;

    beforeAll(async () => {
      const release = mkdtempSync(join(tmpdir(), 'kamerlens-release-'));
      cpSync(buildDir, release, { recursive: true });
      const built = mkdtempSync(join(tmpdir(), 'kamerlens-built-packs-'));
      writePacks(fixtureDataset(), 'vergaderjaar', built);
      bundlePacks(built, [BUNDLED], join(release, 'packs'));
      browser = await launch({ dir: release });
      panel = await browser.openExtensionPage('sidepanel.html#/about');
    });

    afterAll(async () => {
      await browser?.close();
    });

    it('imports the bundled pack on the first start, lists it and looks its documents up', async () => {
      await panel.waitFor(
        (name) => document.querySelector('.pack-name')?.textContent === name,
        BUNDLED,
        30_000,
      );
      expect(await listed(panel)).toEqual([BUNDLED]);
      const pack = fixturePack(BUNDLED);
      // 2025D09876 is in the bundled pack only, not in the bundled dataset.
      expect(await lookupTitle(panel, '2025D09876')).toBe(
        pack.documents.find((d) => d.id === '2025D09876')?.title,
      );
    });

    it('adds a pack chosen in the file input and lists it', async () => {
      const pack = fixturePack(ADDED);
      const path = join(files, `${ADDED}.pack.json.gz`);
      writeFileSync(path, packFile(pack));
      await choosePack(panel, path);
      const added = browser.t('sidepanel_packs_added', ADDED, pack.version);
      expect(await textOf(panel, '.pack-status', added)).toBe(added);
      expect((await listed(panel)).sort()).toEqual([ADDED, BUNDLED].sort());
    });

    it("refuses a file that is not a pack in the reader's language, and the data stays", async () => {
      const name = 'geen-pakket.pack.json.gz';
      const path = join(files, name);
      writeFileSync(path, gzipSync('{"format":"iets anders"}'));
      await choosePack(panel, path);
      const refused = browser.t(
        'sidepanel_packs_failed',
        name,
        browser.t('sidepanel_packs_refusal_notAPack'),
      );
      expect(await textOf(panel, '.pack-error', refused)).toBe(refused);
      expect((await listed(panel)).sort()).toEqual([ADDED, BUNDLED].sort());
    });
  });
}
