/**
 * End-to-end harness: the built extension (`.output/chrome-mv3-test`, built before the e2e run) in
 * Debian's Chromium through playwright-core, with the fixture pages served on 127.0.0.1.
 *
 *   const session = await launchExtension();            // starts the server and Chromium
 *   const page = await session.openPage('letter.html'); // a fixture page, scanned by Kamerlens
 *   await waitForReferences(page, 9);                    // marks appear in slices: wait, never sleep
 *   const violations = await runAxe(page);               // WCAG 2.x A/AA only
 *   await saveScreenshot(page, 'letter');                // → test-results/e2e/letter.png
 *   await session.close();                               // Chromium, server and profile gone
 *
 * Extension pages: `session.openExtensionPage('sidepanel.html')`, then `runAxe(page)` works there
 * too (it evaluates axe's source, as the extension CSP blocks script tags).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Frame, type Page, type Worker } from 'playwright-core';
import type { Translate } from '../../components/i18n';
import { startServer } from '../../scripts/serve-fixtures';
import {
  defaultUiLocale,
  localeEnvironment,
  localeTag,
  parseUiLocale,
  type UiLocale,
  uiTranslator,
} from './ui-locale';

/**
 * Where Chrome builds land: `wxt build --mode test` (what `npm test` and `npm run build` make)
 * writes `chrome-mv3-test`, `wxt build` writes `chrome-mv3`. Only builds whose content script runs
 * on 127.0.0.1 can load the fixtures; a release build does not. KAMERLENS_EXTENSION_DIR overrides.
 */
export const BUILD_DIRS = [resolve('.output/chrome-mv3-test'), resolve('.output/chrome-mv3')];

/** Whether the manifest's content scripts run on the local fixture server. */
function runsOnLocalHost(dir: string): boolean {
  try {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
      content_scripts?: { matches?: string[] }[];
    };
    return (manifest.content_scripts ?? []).some((script) => script.matches?.includes('http://127.0.0.1/*'));
  } catch {
    return false;
  }
}

/** The unpacked Chrome build the tests load: the newest one that runs on 127.0.0.1. */
export function extensionDir(): string {
  if (process.env.KAMERLENS_EXTENSION_DIR) return resolve(process.env.KAMERLENS_EXTENSION_DIR);
  const usable = BUILD_DIRS.filter(runsOnLocalHost).map((dir) => ({
    dir,
    built: statSync(join(dir, 'manifest.json')).mtimeMs,
  }));
  usable.sort((a, b) => b.built - a.built);
  return usable[0]?.dir ?? (BUILD_DIRS[0] as string);
}

/** Debian's Chromium (Playwright's own browser download does not work on these machines). */
export const CHROMIUM_PATH = process.env.KAMERLENS_CHROMIUM ?? '/usr/bin/chromium';
/** The fixture pages served by default. */
export const FIXTURE_PAGES_DIR = resolve('tests/fixtures/pages');
/** Screenshots and other artifacts (gitignored). */
export const ARTIFACTS_DIR = resolve('test-results/e2e');

/** What `launchExtension` starts; `close()` stops all of it. */
export interface ExtensionSession {
  context: BrowserContext;
  /** The extension's id (`chrome-extension://<id>/`), from its service worker. */
  extensionId: string;
  /** The background service worker (evaluate in it with `serviceWorker.evaluate`). */
  serviceWorker: Worker;
  /** The static server's base URL, with a trailing slash: `http://127.0.0.1:<port>/`. */
  serverUrl: string;
  /** The UI language the browser (and so the extension) speaks in this session. */
  locale: UiLocale;
  /** The session's temporary browser profile (removed by `close`): benches read the browser's own logs there. */
  profileDir: string;
  /** The extension's messages in that language: expected UI texts for assertions. */
  t: Translate;
  /** Opens a served page (path relative to the served directory) and waits for its load event. */
  openPage(path: string): Promise<Page>;
  /** Opens an extension page such as `sidepanel.html` in a tab. */
  openExtensionPage(path: string): Promise<Page>;
  /**
   * Resolves once the bundled dataset is imported (About the data lists its facts): on a first start
   * an import is under way, and a lookup meanwhile answers from nothing ("not in the dataset").
   */
  datasetReady(): Promise<void>;
  close(): Promise<void>;
}

/** Options for `launchExtension`. */
export interface LaunchOptions {
  /** Directory to serve on 127.0.0.1 (default: tests/fixtures/pages). */
  pagesDir?: string;
  /** Emulated `prefers-color-scheme` (default light). */
  colorScheme?: 'light' | 'dark';
  /**
   * Browser UI language, `nl` or `en` (`nl-NL`, `en-US` also read): chooses the extension's locale.
   * Default: KAMERLENS_E2E_LOCALE, else Dutch.
   */
  locale?: string;
  /** Load the extension (default true); false gives a plain browser for baselines. */
  withExtension?: boolean;
  /** Run without a window (default true); the demo shows a window when there is a display. */
  headless?: boolean;
  /** Port for the page server (default: any free port). */
  port?: number;
  /** The unpacked build to load (default: `extensionDir()`). */
  dir?: string;
  /**
   * Serve the pages under this host name, resolved to the loopback server (e.g. `www.tweedekamer.nl`,
   * one of the default sites): a release build, whose content script skips 127.0.0.1, then runs.
   */
  siteHost?: string;
}

/** Throws a clear message when the extension is not built, or built without the local test hosts. */
function assertBuilt(dir = extensionDir(), needsLocalHost = true): void {
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) {
    throw new Error(
      `No built extension at ${manifestPath}. Build it first: \`npx wxt build --mode test\` ` +
        '(or `npm run build`); `npm test` builds before the e2e run.',
    );
  }
  if (needsLocalHost && !runsOnLocalHost(dir)) {
    throw new Error(
      `${manifestPath} is a release build: its content script does not run on 127.0.0.1, where the ` +
        'fixtures are served. Build with `npx wxt build --mode test`.',
    );
  }
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}: apt-get install -y chromium (or set KAMERLENS_CHROMIUM).`,
    );
  }
}

/** Chromium flags: headless, the extension only, and no network beyond 127.0.0.1/localhost. */
function chromiumArgs(dir: string | null, headless: boolean, siteHost?: string): string[] {
  return [
    ...(headless ? ['--headless=new'] : []),
    ...(dir ? [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`] : ['--disable-extensions']),
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    `--host-resolver-rules=${siteHost ? `MAP ${siteHost} 127.0.0.1, ` : ''}MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1`,
  ];
}

/** Starts the fixture server and Chromium with the built extension in a fresh temporary profile. */
export async function launchExtension(options: LaunchOptions = {}): Promise<ExtensionSession> {
  const withExtension = options.withExtension ?? true;
  const dir = withExtension ? (options.dir ?? extensionDir()) : null;
  if (dir) assertBuilt(dir, options.siteHost === undefined);
  const server = await startServer(options.pagesDir ?? FIXTURE_PAGES_DIR, options.port ?? 0);
  const serverUrl = options.siteHost
    ? server.url.replace('//127.0.0.1:', `//${options.siteHost}:`)
    : server.url;
  const locale = options.locale ? parseUiLocale(options.locale) : defaultUiLocale();
  const profile = mkdtempSync(join(tmpdir(), 'kamerlens-profile-'));
  const cleanUp = async (context?: BrowserContext): Promise<void> => {
    await context?.close().catch(() => {});
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  };

  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: false, // the new headless mode comes from --headless=new: it runs extensions
      args: chromiumArgs(dir, options.headless ?? true, options.siteHost),
      colorScheme: options.colorScheme ?? 'light',
      // Debian's Chromium takes its UI language (and browser.i18n's) from the environment only.
      env: { ...stringEnv(process.env), ...localeEnvironment(locale) },
      locale: localeTag(locale),
      viewport: { width: 1280, height: 900 },
    });
    const serviceWorker = withExtension
      ? (context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 })))
      : undefined;
    const extensionId = serviceWorker ? new URL(serviceWorker.url()).host : '';
    const ctx = context;
    return {
      context: ctx,
      extensionId,
      serviceWorker: serviceWorker as Worker,
      serverUrl,
      locale,
      profileDir: profile,
      t: uiTranslator(locale),
      async openPage(path) {
        const page = await ctx.newPage();
        await page.goto(new URL(path, serverUrl).href, { waitUntil: 'load' });
        return page;
      },
      async openExtensionPage(path) {
        if (!extensionId)
          throw new Error('openExtensionPage: the session was launched without the extension');
        const page = await ctx.newPage();
        await page.goto(`chrome-extension://${extensionId}/${path}`, { waitUntil: 'load' });
        return page;
      },
      async datasetReady() {
        const about = await ctx.newPage();
        await about.goto(`chrome-extension://${extensionId}/sidepanel.html#/about`, { waitUntil: 'load' });
        await about.locator('.facts').waitFor({ timeout: 30_000 });
        await about.close();
      },
      close: () => cleanUp(ctx),
    };
  } catch (error) {
    await cleanUp(context);
    throw error;
  }
}

/** The defined variables of an environment (Playwright takes strings only). */
function stringEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

/** One marked reference as the page shows it: group, ids, kind and the text of its pieces. */
export interface PageMark {
  group: string;
  ids: string;
  kind: string;
  text: string;
  pieces: number;
  focusable: boolean;
}

/** The marked references on a page, in document order. */
export function markedReferences(page: Page): Promise<PageMark[]> {
  return page.evaluate(() => {
    const groups = new Map<string, PageMark>();
    for (const mark of document.querySelectorAll('kamerlens-ref[data-kamerlens-group]')) {
      const group = mark.getAttribute('data-kamerlens-group') ?? '';
      const seen = groups.get(group);
      if (seen) {
        seen.text += mark.textContent ?? '';
        seen.pieces += 1;
        seen.focusable ||= mark.getAttribute('tabindex') === '0';
      } else {
        groups.set(group, {
          group,
          ids: mark.getAttribute('data-kamerlens-ref') ?? '',
          kind: mark.getAttribute('data-kamerlens-kind') ?? '',
          text: mark.textContent ?? '',
          pieces: 1,
          focusable: mark.getAttribute('tabindex') === '0',
        });
      }
    }
    return [...groups.values()];
  });
}

/** Waits until at least `count` references are marked (the scanner works in slices after load). */
export async function waitForReferences(page: Page, count: number, timeout = 15_000): Promise<PageMark[]> {
  await page.waitForFunction(
    (n) =>
      new Set(
        [...document.querySelectorAll('kamerlens-ref')].map((m) => m.getAttribute('data-kamerlens-group')),
      ).size >= n,
    count,
    { timeout, polling: 50 },
  );
  return markedReferences(page);
}

const axeSource = (): string =>
  readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** One axe-core violation, trimmed to what a test report needs. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core in the page with WCAG 2.0/2.1/2.2 A and AA rules only and returns the violations.
 * `include` limits the run to a CSS selector. Works on web pages (script tag) and on extension
 * pages (their CSP blocks script tags, so the source is evaluated instead).
 */
export async function runAxe(page: Page | Frame, include?: string): Promise<AxeViolation[]> {
  const source = axeSource();
  if (page.url().startsWith('chrome-extension://')) await page.evaluate(source);
  else await page.addScriptTag({ content: source });
  return page.evaluate(async (selector) => {
    type AxeResult = {
      violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
    };
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<AxeResult> } }).axe;
    const result = await axe.run(selector ? { include: [selector] } : document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.map(String).join(' ')),
    }));
  }, include ?? null);
}

/** Saves a full-page screenshot as test-results/e2e/<name>.png; returns the path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const path = join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
