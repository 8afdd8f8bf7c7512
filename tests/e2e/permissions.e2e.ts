/**
 * Where Kamerlens runs: least-privilege manifests for the release and the test
 * build, and the site-access calls in Chromium. Granting an optional permission needs the browser's
 * own prompt, which automation cannot answer, so the registration that follows a grant is covered by
 * tests/entrypoints/background/site-access.test.ts; here the browser shows that nothing is granted
 * or registered beyond the defaults and that the background refuses to act without a grant.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionSession, extensionDir, launchExtension } from './harness';
import { buildRelease } from './release-build';

const DEFAULT_SITES = [
  '*://*.tweedekamer.nl/*',
  '*://*.eerstekamer.nl/*',
  '*://*.officielebekendmakingen.nl/*',
  '*://*.rijksoverheid.nl/*',
];
const LOCAL_SITES = ['http://127.0.0.1/*', 'http://localhost/*'];

interface Manifest {
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  optional_permissions?: string[];
  content_scripts?: { matches?: string[] }[];
  web_accessible_resources?: unknown[];
}

/**
 * The only web-accessible resource: the note frame page (the editor and note card live there, out of
 * the page's reach), under Chrome's per-session dynamic id so pages cannot probe for Kamerlens.
 */
const WEB_ACCESSIBLE = [
  { resources: ['annotate-frame.html'], matches: ['http://*/*', 'https://*/*'], use_dynamic_url: true },
];

/** What Chrome's manifest asks for, sorted (offscreen: the document that starts the pack import's thread). */
const CHROME_PERMISSIONS = ['activeTab', 'offscreen', 'scripting', 'sidePanel', 'storage'];

const readManifest = (dir: string) =>
  JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;

describe('manifests', () => {
  let release: ReturnType<typeof buildRelease>;
  beforeAll(() => {
    release = buildRelease();
  }, 200_000);
  afterAll(() => release?.cleanUp());

  it('release build: default sites only, nothing local, <all_urls> only as optional', () => {
    const manifest = readManifest(release.dir);
    expect(manifest.permissions?.sort()).toEqual(CHROME_PERMISSIONS);
    expect(manifest.host_permissions).toEqual(DEFAULT_SITES);
    expect(manifest.optional_host_permissions).toEqual(['<all_urls>']);
    expect(manifest.optional_permissions ?? []).toEqual([]);
    const matches = (manifest.content_scripts ?? []).flatMap((script) => script.matches ?? []);
    expect(matches.sort()).toEqual([...DEFAULT_SITES].sort());
    expect(manifest.web_accessible_resources).toEqual(WEB_ACCESSIBLE);
  });

  it('test build (`wxt build --mode test`): the same plus the local hosts for fixtures and demo', () => {
    const manifest = readManifest(extensionDir());
    expect(manifest.permissions?.sort()).toEqual(CHROME_PERMISSIONS);
    expect(manifest.host_permissions).toEqual([...DEFAULT_SITES, ...LOCAL_SITES]);
    expect(manifest.optional_host_permissions).toEqual(['<all_urls>']);
    const matches = (manifest.content_scripts ?? []).flatMap((script) => script.matches ?? []);
    expect(matches.sort()).toEqual([...DEFAULT_SITES, ...LOCAL_SITES].sort());
    expect(manifest.web_accessible_resources).toEqual(WEB_ACCESSIBLE);
  });
});

describe('site access in Chromium', () => {
  let session: ExtensionSession;
  let panel: Page;
  const call = (type: string, payload: unknown) =>
    panel.evaluate(
      ([t, p]) =>
        (
          globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
        ).chrome.runtime.sendMessage({ type: t, payload: p }),
      [type, payload] as const,
    );

  beforeAll(async () => {
    session = await launchExtension();
    panel = await session.openExtensionPage('sidepanel.html');
  });
  afterAll(async () => {
    await session?.close();
  });

  it('grants nothing beyond the manifest and registers no extra content script', async () => {
    const granted = await panel.evaluate(() =>
      (
        globalThis as unknown as { chrome: { permissions: { getAll(): Promise<{ origins: string[] }> } } }
      ).chrome.permissions.getAll(),
    );
    expect(granted.origins.sort()).toEqual([...DEFAULT_SITES, ...LOCAL_SITES].sort());
    const registered = await session.serviceWorker.evaluate(() =>
      (
        globalThis as unknown as {
          chrome: { scripting: { getRegisteredContentScripts(): Promise<unknown[]> } };
        }
      ).chrome.scripting.getRegisteredContentScripts(),
    );
    expect(registered).toEqual([]);
  });

  it.each([
    ['fixture server', () => session.serverUrl, { enabled: true, via: 'default' }],
    ['tweedekamer.nl', () => 'https://www.tweedekamer.nl/kamerstukken', { enabled: true, via: 'default' }],
    [
      'officielebekendmakingen.nl',
      () => 'https://zoek.officielebekendmakingen.nl/kst-34352-349.html',
      { enabled: true, via: 'default' },
    ],
    ['a news site', () => 'https://www.nu.nl/politiek', { enabled: false, via: null }],
  ])('getSiteStatus: %s', async (_label, url, expected) => {
    expect(await call('getSiteStatus', { url: url() })).toMatchObject({
      ok: true,
      value: { ...expected, allSites: false },
    });
  });

  it('refuses to enable a site or all sites without the permission the page must request first', async () => {
    expect(await call('enableSite', { url: 'https://www.nu.nl/' })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/not granted/),
    });
    expect(await call('enableAllSites', {})).toMatchObject({
      ok: false,
      error: expect.stringMatching(/not granted/),
    });
    expect(await call('disableSite', { url: session.serverUrl })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/default site/),
    });
    expect(await call('disableAllSites', {})).toEqual({ ok: true, value: { allSites: false } });
  });

  it('a web page cannot reach the background at all', async () => {
    const page = await session.openPage('letter.html');
    const reachable = await page.evaluate((id) => {
      const runtime = (globalThis as unknown as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome
        ?.runtime;
      return typeof runtime?.sendMessage === 'function' ? `sendMessage available for ${id}` : 'no runtime';
    }, session.extensionId);
    expect(reachable).toBe('no runtime');
  });
});
