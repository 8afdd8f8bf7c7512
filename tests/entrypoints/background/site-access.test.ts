import { describe, expect, it } from 'vitest';
import {
  createSiteAccess,
  type RegisteredScript,
  type SiteAccessPlatform,
} from '../../../entrypoints/background/site-access';

const DEFAULTS = ['*://*.tweedekamer.nl/*', '*://*.rijksoverheid.nl/*'];

/** A browser with permissions and registered scripts in memory. */
function fakePlatform(granted: string[] = []) {
  const origins = new Set([...DEFAULTS, ...granted]);
  const scripts = new Map<string, RegisteredScript>();
  const platform: SiteAccessPlatform = {
    permissions: {
      contains: async ({ origins: asked }) =>
        asked.every((origin) => origins.has(origin) || origins.has('<all_urls>')),
      remove: async ({ origins: removed }) => {
        for (const origin of removed) origins.delete(origin);
        return true;
      },
      getAll: async () => ({ origins: [...origins] }),
    },
    scripting: {
      getRegisteredContentScripts: async () => [...scripts.values()].map((script) => structuredClone(script)),
      registerContentScripts: async (added) => {
        for (const script of added) {
          if (scripts.has(script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
          scripts.set(script.id, script);
        }
      },
      unregisterContentScripts: async ({ ids }) => {
        for (const id of ids) scripts.delete(id);
      },
    },
    manifest: {
      host_permissions: DEFAULTS,
      content_scripts: [
        { matches: DEFAULTS, js: ['content-scripts/content.js'], css: ['content-scripts/content.css'] },
      ],
    },
  };
  return { platform, origins, scripts, grant: (origin: string) => origins.add(origin) };
}

describe('site access', () => {
  it.each([
    [
      'https://www.tweedekamer.nl/kamerstukken',
      { pattern: 'https://www.tweedekamer.nl/*', enabled: true, via: 'default' },
    ],
    ['http://rijksoverheid.nl/', { pattern: 'http://rijksoverheid.nl/*', enabled: true, via: 'default' }],
    ['https://www.nu.nl/artikel?x=1#y', { pattern: 'https://www.nu.nl/*', enabled: false, via: null }],
    [
      'https://tweedekamer.nl.evil.com/',
      { pattern: 'https://tweedekamer.nl.evil.com/*', enabled: false, via: null },
    ],
    ['chrome://extensions/', { pattern: null, enabled: false, via: null }],
    ['file:///home/x.html', { pattern: null, enabled: false, via: null }],
  ])('status of %s', async (url, expected) => {
    const { platform } = fakePlatform();
    expect(await createSiteAccess(platform).status(url)).toEqual({ ...expected, allSites: false });
  });

  it('enables a site only after the page obtained its permission, mirroring the manifest script', async () => {
    const { platform, grant, scripts } = fakePlatform();
    const access = createSiteAccess(platform);
    const refused = await access.enable('https://www.nu.nl/a');
    expect(refused.ok).toBe(false);
    expect(scripts.size).toBe(0);

    grant('https://www.nu.nl/*'); // what permissions.request in the side panel does
    expect(await access.enable('https://www.nu.nl/a')).toEqual({
      ok: true,
      value: { pattern: 'https://www.nu.nl/*', enabled: true, via: 'site', allSites: false },
    });
    expect([...scripts.values()]).toEqual([
      {
        id: 'kamerlens-site https://www.nu.nl/*#0',
        matches: ['https://www.nu.nl/*'],
        excludeMatches: DEFAULTS,
        js: ['content-scripts/content.js'],
        css: ['content-scripts/content.css'],
        runAt: 'document_idle',
        allFrames: false,
        persistAcrossSessions: true,
      },
    ]);
    // Enabling twice registers nothing twice.
    expect((await access.enable('https://www.nu.nl/b')).ok).toBe(true);
    expect(scripts.size).toBe(1);
  });

  it('disables a site: unregisters and gives the permission back', async () => {
    const { platform, origins, scripts } = fakePlatform(['https://www.nu.nl/*']);
    const access = createSiteAccess(platform);
    await access.reconcile();
    expect(scripts.size).toBe(1);
    const answer = await access.disable('https://www.nu.nl/');
    expect(answer).toEqual({
      ok: true,
      value: { pattern: 'https://www.nu.nl/*', enabled: false, via: null, allSites: false },
    });
    expect(origins.has('https://www.nu.nl/*')).toBe(false);
    expect(scripts.size).toBe(0);
  });

  it('does not disable a default site', async () => {
    const { platform, origins } = fakePlatform();
    const answer = await createSiteAccess(platform).disable('https://www.tweedekamer.nl/');
    expect(answer.ok).toBe(false);
    expect(origins.has('*://*.tweedekamer.nl/*')).toBe(true);
  });

  it('enables and disables all sites, replacing per-site scripts while on', async () => {
    const { platform, grant, scripts, origins } = fakePlatform(['https://www.nu.nl/*']);
    const access = createSiteAccess(platform);
    await access.reconcile();
    expect((await access.enableAll()).ok).toBe(false);
    grant('<all_urls>');
    expect(await access.enableAll()).toEqual({ ok: true, value: { allSites: true } });
    expect([...scripts.keys()]).toEqual(['kamerlens-all-sites#0']);
    expect(scripts.get('kamerlens-all-sites#0')?.matches).toEqual(['http://*/*', 'https://*/*']);
    expect(await access.status('https://example.org/')).toMatchObject({
      enabled: true,
      via: 'all',
      allSites: true,
    });
    expect(await access.status('https://www.tweedekamer.nl/')).toMatchObject({
      via: 'default',
      allSites: true,
    });

    expect(await access.disableAll()).toEqual({ ok: true, value: { allSites: false } });
    expect(origins.has('<all_urls>')).toBe(false);
    // The site enabled on its own comes back.
    expect([...scripts.keys()]).toEqual(['kamerlens-site https://www.nu.nl/*#0']);
  });

  it('follows permissions granted or withdrawn in the browser UI on reconcile, leaving foreign scripts alone', async () => {
    const { platform, grant, origins, scripts } = fakePlatform();
    scripts.set('someone-else', { id: 'someone-else', matches: ['https://a.nl/*'] });
    const access = createSiteAccess(platform);
    grant('https://a.nl/*');
    grant('https://b.nl/*');
    await Promise.all([access.reconcile(), access.reconcile()]);
    expect([...scripts.keys()].sort()).toEqual([
      'kamerlens-site https://a.nl/*#0',
      'kamerlens-site https://b.nl/*#0',
      'someone-else',
    ]);
    origins.delete('https://a.nl/*');
    await access.reconcile();
    expect([...scripts.keys()].sort()).toEqual(['kamerlens-site https://b.nl/*#0', 'someone-else']);
  });

  it('refuses non-web URLs', async () => {
    const { platform } = fakePlatform();
    const access = createSiteAccess(platform);
    expect((await access.enable('about:blank')).ok).toBe(false);
    expect((await access.disable('chrome://settings')).ok).toBe(false);
  });
});
