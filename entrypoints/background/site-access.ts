/**
 * Where Kamerlens runs beyond its default sites. The granted optional host permissions are the
 * state: each granted site (or all sites) gets a dynamically registered copy of the manifest's
 * content scripts. The page requests permissions (it has the user gesture); the background only
 * registers, unregisters and gives permissions back.
 */
import { ALL_SITES_PATTERN, type SiteStatus, sitePattern } from '../../data/messages';
import type { Result } from '../../data/result';
import { matchesPattern } from './match-pattern';
import type { SiteAccess } from './services';

/** A dynamically registered content script, as `scripting` describes it. */
export interface RegisteredScript {
  id: string;
  matches?: string[];
  excludeMatches?: string[];
  js?: string[];
  css?: string[];
  runAt?: 'document_start' | 'document_end' | 'document_idle';
  allFrames?: boolean;
  persistAcrossSessions?: boolean;
}

/** The static content script entries of the manifest, which dynamic registrations mirror. */
interface ManifestContentScript {
  matches?: string[];
  js?: string[];
  css?: string[];
  run_at?: string;
  all_frames?: boolean;
}

/** The browser pieces site access uses. */
export interface SiteAccessPlatform {
  permissions: {
    contains(permissions: { origins: string[] }): Promise<boolean>;
    remove(permissions: { origins: string[] }): Promise<boolean>;
    getAll(): Promise<{ origins?: string[] }>;
  };
  scripting: {
    getRegisteredContentScripts(): Promise<RegisteredScript[]>;
    registerContentScripts(scripts: RegisteredScript[]): Promise<void>;
    unregisterContentScripts(filter: { ids: string[] }): Promise<void>;
  };
  manifest: { content_scripts?: ManifestContentScript[]; host_permissions?: string[] };
}

/** Prefix of every script id this module registers (others are left alone). */
const SCRIPT_ID_PREFIX = 'kamerlens-';
const ALL_SITES_ID = `${SCRIPT_ID_PREFIX}all-sites`;
const ALL_SITES_GRANTS = [ALL_SITES_PATTERN, '*://*/*'];
const WEB_PAGES = ['http://*/*', 'https://*/*'];
/** The shape `sitePattern` produces: one scheme, one host, every path. */
const SITE_GRANT = /^https?:\/\/[^/*]+\/\*$/;

/** Site access operations plus `reconcile`, which makes the registrations follow the granted permissions. */
export function createSiteAccess(platform: SiteAccessPlatform): SiteAccess & { reconcile(): Promise<void> } {
  const entries = platform.manifest.content_scripts ?? [];
  const defaultMatches = [...new Set(entries.flatMap((entry) => entry.matches ?? []))];
  const required = new Set(platform.manifest.host_permissions ?? []);
  let queue: Promise<void> = Promise.resolve();

  const desiredScripts = (granted: string[]): RegisteredScript[] => {
    const allSites = granted.some((origin) => ALL_SITES_GRANTS.includes(origin));
    const sites = allSites
      ? [{ id: ALL_SITES_ID, matches: WEB_PAGES }]
      : granted
          .filter((origin) => !required.has(origin) && SITE_GRANT.test(origin))
          .map((origin) => ({ id: `${SCRIPT_ID_PREFIX}site ${origin}`, matches: [origin] }));
    return sites.flatMap((site) =>
      entries.map((entry, index) => ({
        id: `${site.id}#${index}`,
        matches: site.matches,
        // The static script already runs on the default sites; never inject twice.
        excludeMatches: entry.matches ?? [],
        js: entry.js ?? [],
        css: entry.css ?? [],
        runAt: runAtOf(entry.run_at),
        allFrames: entry.all_frames ?? false,
        persistAcrossSessions: true,
      })),
    );
  };

  const reconcileNow = async () => {
    const granted = (await platform.permissions.getAll()).origins ?? [];
    const desired = desiredScripts(granted);
    const current = (await platform.scripting.getRegisteredContentScripts()).filter((script) =>
      script.id.startsWith(SCRIPT_ID_PREFIX),
    );
    const wanted = new Map(desired.map((script) => [script.id, script]));
    const stale = current.filter((script) => !sameTargets(script, wanted.get(script.id)));
    const kept = new Set(current.filter((script) => !stale.includes(script)).map((script) => script.id));
    if (stale.length > 0)
      await platform.scripting.unregisterContentScripts({ ids: stale.map((script) => script.id) });
    const missing = desired.filter((script) => !kept.has(script.id));
    if (missing.length > 0) await platform.scripting.registerContentScripts(missing);
  };

  /** Serialized: permission events and handler calls may overlap. */
  const reconcile = () => {
    queue = queue.then(reconcileNow, reconcileNow);
    return queue;
  };

  const status = async (url: string): Promise<SiteStatus> => {
    const pattern = sitePattern(url);
    const registered = new Set(
      (await platform.scripting.getRegisteredContentScripts()).map((script) =>
        script.id.replace(/#\d+$/, ''),
      ),
    );
    const allSites = registered.has(ALL_SITES_ID);
    if (pattern === null) return { pattern, enabled: false, via: null, allSites };
    const via = defaultMatches.some((match) => matchesPattern(url, match))
      ? 'default'
      : allSites
        ? 'all'
        : registered.has(`${SCRIPT_ID_PREFIX}site ${pattern}`)
          ? 'site'
          : null;
    return { pattern, enabled: via !== null, via, allSites };
  };

  return {
    reconcile,
    status,
    async enable(url) {
      const pattern = sitePattern(url);
      if (pattern === null) return { ok: false, error: 'Kamerlens only runs on web pages (http or https).' };
      const current = await status(url);
      if (current.via === 'default') return { ok: true, value: current };
      if (!(await platform.permissions.contains({ origins: [pattern] }))) {
        return {
          ok: false,
          error: `permission for ${pattern} not granted; request it in the click handler first`,
        };
      }
      await reconcile();
      return { ok: true, value: await status(url) };
    },
    async disable(url) {
      const pattern = sitePattern(url);
      if (pattern === null) return { ok: false, error: 'Kamerlens only runs on web pages (http or https).' };
      const current = await status(url);
      if (current.via === 'default') {
        return {
          ok: false,
          error: `${pattern} is a default site; its access is managed in the browser's extension settings`,
        };
      }
      await platform.permissions.remove({ origins: [pattern] });
      await reconcile();
      return { ok: true, value: await status(url) };
    },
    async enableAll(): Promise<Result<{ allSites: boolean }>> {
      if (!(await platform.permissions.contains({ origins: [ALL_SITES_PATTERN] }))) {
        return {
          ok: false,
          error: `permission for ${ALL_SITES_PATTERN} not granted; request it in the click handler first`,
        };
      }
      await reconcile();
      return { ok: true, value: { allSites: (await status('https://example.invalid/')).allSites } };
    },
    async disableAll(): Promise<Result<{ allSites: boolean }>> {
      const granted = (await platform.permissions.getAll()).origins ?? [];
      const allGrants = granted.filter((origin) => ALL_SITES_GRANTS.includes(origin));
      if (allGrants.length > 0) await platform.permissions.remove({ origins: allGrants });
      await reconcile();
      return { ok: true, value: { allSites: (await status('https://example.invalid/')).allSites } };
    },
  };
}

function runAtOf(value: string | undefined): RegisteredScript['runAt'] {
  return value === 'document_start' || value === 'document_end' ? value : 'document_idle';
}

function sameTargets(current: RegisteredScript, wanted: RegisteredScript | undefined): boolean {
  if (!wanted) return false;
  const same = (a: string[] | undefined, b: string[] | undefined) =>
    JSON.stringify([...(a ?? [])].sort()) === JSON.stringify([...(b ?? [])].sort());
  return (
    same(current.matches, wanted.matches) &&
    same(current.excludeMatches, wanted.excludeMatches) &&
    same(current.js, wanted.js) &&
    same(current.css, wanted.css)
  );
}
