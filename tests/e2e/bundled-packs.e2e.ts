/**
 * Packs bundled into a release, in Chromium: the built extension copied with two packs in its
 * `packs/` folder (as `npm run -s data:bundle` puts them there before a build). On its first start
 * the extension imports them without the reader doing anything; "about the data" lists them and
 * their documents are looked up. A bundled pack the reader removes stays removed after the service
 * worker restarts (the release's packs are staged once). Waits for states, never asserts timings.
 */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Translate } from '../../components/i18n';
import type { LookupEntry } from '../../data/messages';
import { bundlePacks } from '../../data/pipeline/packs/bundle-packs';
import { writePacks } from '../../data/pipeline/packs/write-packs';
import { fixtureDataset, fixturePack } from '../fixtures/opendata/fixture-packs';
import { callBackground } from './annotate-helpers';
import { type ExtensionSession, extensionDir, launchExtension, runAxe } from './harness';

const BUNDLED = ['vergaderjaar-2024-2025', 'vergaderjaar-2025-2026'];
let session: ExtensionSession;
let panel: Page;

async function lookupTitle(id: string): Promise<string | null> {
  const [entry] = await callBackground<LookupEntry[]>(panel, 'lookup', { ids: [id] });
  return entry?.document?.title ?? null;
}

beforeAll(async () => {
  const release = mkdtempSync(join(tmpdir(), 'kamerlens-release-'));
  cpSync(extensionDir(), release, { recursive: true });
  const built = mkdtempSync(join(tmpdir(), 'kamerlens-built-packs-'));
  writePacks(fixtureDataset(), 'vergaderjaar', built);
  bundlePacks(built, BUNDLED, join(release, 'packs'));
  session = await launchExtension({ dir: release });
  panel = await session.openExtensionPage('sidepanel.html#/about');
  await panel.locator('.facts').waitFor({ timeout: 30_000 });
});

afterAll(async () => {
  await session?.close();
});

describe('packs bundled into a release', () => {
  const t: Translate = (key, ...substitutions) => session.t(key, ...substitutions);

  it('are imported on the first start, listed and looked up', async () => {
    await expect
      .poll(async () => (await panel.locator('.pack-name').allTextContents()).sort(), {
        timeout: 30_000,
        interval: 250,
      })
      .toEqual(BUNDLED);
    const pack = fixturePack('vergaderjaar-2024-2025');
    // 2025D09876 is not in the bundled dataset: only the bundled pack has it.
    expect(await lookupTitle('2025D09876')).toBe(pack.documents.find((d) => d.id === '2025D09876')?.title);
    const violations = await runAxe(panel, '.packs');
    expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });

  it('a bundled pack the reader removed stays removed when the worker starts again', async () => {
    const [removed, kept] = BUNDLED as [string, string];
    await panel.locator('.pack', { hasText: removed }).locator('.pack-remove').click();
    await panel.getByRole('button', { name: t('sidepanel_packs_confirmRemove') }).click();
    await expect.poll(() => panel.locator('.pack-name').allTextContents()).toEqual([kept]);
    const cdp = await session.context.newCDPSession(panel);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
    // The lookup wakes the worker, whose start runs the bundled-pack check again.
    expect(await lookupTitle('2025D09876')).toBeNull();
    await panel.reload();
    await panel.locator('.facts').waitFor({ timeout: 30_000 });
    expect(await panel.locator('.pack-name').allTextContents()).toEqual([kept]);
    expect(await lookupTitle('2025D09876')).toBeNull();
  });
});
