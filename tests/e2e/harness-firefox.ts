/**
 * Firefox end-to-end harness: the built `.output/firefox-mv3-test` in Debian's firefox-esr,
 * headless, driven over WebDriver BiDi by puppeteer-core (no geckodriver), behind the common
 * interface of driver.ts. The extension is installed as a temporary add-on under a pinned UUID, so
 * its pages are `moz-extension://<FIREFOX_UUID>/…`. Every http(s) request to a host other than
 * 127.0.0.1 goes to a recording proxy (network silence is checked, and nothing leaves the machine).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, {
  type Browser,
  type ElementHandle,
  type Frame,
  type KeyInput,
  type Page,
} from 'puppeteer-core';
import { startServer } from '../../scripts/serve-fixtures';
import type { E2EBrowser, E2EPage, InPage } from './driver';
import { FIXTURE_PAGES_DIR } from './harness';
import { startRecordingProxy } from './recording-proxy';
import { defaultUiLocale, localeEnvironment, parseUiLocale, uiTranslator } from './ui-locale';

/** The Firefox test build (`wxt build -b firefox --mode test`); KAMERLENS_FIREFOX_EXTENSION_DIR overrides. */
export const FIREFOX_BUILD_DIR = resolve(
  process.env.KAMERLENS_FIREFOX_EXTENSION_DIR ?? '.output/firefox-mv3-test',
);
/** Debian's Firefox ESR (KAMERLENS_FIREFOX overrides). */
const FIREFOX_PATH = process.env.KAMERLENS_FIREFOX ?? '/usr/bin/firefox-esr';
/** The extension's UUID in tests (pinned through the `extensions.webextensions.uuids` pref). */
const FIREFOX_UUID = '4b6f1c2e-9d3a-4e5b-8f70-1a2b3c4d5e6f';
/** The oldest Firefox the manifest accepts (`strict_min_version`). */
const MIN_MAJOR = 142;

/** Options for `launchFirefox`. */
export interface FirefoxLaunchOptions {
  /** Directory to serve on 127.0.0.1 (default: tests/fixtures/pages). */
  pagesDir?: string;
  /** `nl` or `en` (default: KAMERLENS_E2E_LOCALE, else Dutch). */
  locale?: string;
  /** The unpacked Firefox build to install (default: FIREFOX_BUILD_DIR). */
  dir?: string;
  /** Install the extension (default true); false gives a plain Firefox for baselines. */
  withExtension?: boolean;
  /** More Firefox prefs, over the harness's own (e.g. a shorter event-page idle timeout). */
  prefs?: Record<string, unknown>;
}

/** Throws a clear message when the build, Firefox or its version is missing or wrong. */
function assertFirefoxReady(dir = FIREFOX_BUILD_DIR): string {
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath))
    throw new Error(`No Firefox build at ${manifestPath}: npx wxt build -b firefox --mode test`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
    host_permissions?: string[];
  };
  if (!manifest.host_permissions?.includes('http://127.0.0.1/*'))
    throw new Error(`${manifestPath} is a release build; build with --mode test`);
  if (!existsSync(FIREFOX_PATH))
    throw new Error(`No Firefox at ${FIREFOX_PATH}: apt-get update && apt-get install -y firefox-esr`);
  const version = execFileSync(FIREFOX_PATH, ['--version'], { encoding: 'utf8' }).match(/(\d+)\./);
  if (!version || Number(version[1]) < MIN_MAJOR)
    throw new Error(`${FIREFOX_PATH} is older than Firefox ${MIN_MAJOR}: apt-get update, then install again`);
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${manifestPath} has no gecko id`);
  return id;
}

/** Checks Firefox alone (for a baseline without the extension); returns no gecko id. */
function assertFirefoxOnly(): string {
  if (!existsSync(FIREFOX_PATH))
    throw new Error(`No Firefox at ${FIREFOX_PATH}: apt-get update && apt-get install -y firefox-esr`);
  return '';
}

/** Starts the fixture server, the recording proxy and Firefox with the extension installed. */
export async function launchFirefox(options: FirefoxLaunchOptions = {}): Promise<E2EBrowser> {
  const dir = options.dir ?? FIREFOX_BUILD_DIR;
  const withExtension = options.withExtension ?? true;
  const geckoId = withExtension ? assertFirefoxReady(dir) : assertFirefoxOnly();
  const locale = options.locale ? parseUiLocale(options.locale) : defaultUiLocale();
  const server = await startServer(options.pagesDir ?? FIXTURE_PAGES_DIR, 0);
  const proxy = await startRecordingProxy();
  let browser: Browser | undefined;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: true,
      defaultViewport: { width: 1280, height: 900 },
      // Needed to load moz-extension:// pages over WebDriver BiDi.
      args: ['--remote-allow-system-access'],
      env: { ...definedEnv(), ...localeEnvironment(locale) },
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: FIREFOX_UUID }),
        // The UI language (and browser.i18n's); the Dutch language pack ships with Debian's
        // firefox-esr-l10n-nl, installed in the application scope, which must not be disabled.
        'intl.locale.requested': locale === 'nl' ? 'nl' : 'en-US',
        'extensions.autoDisableScopes': 0,
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': proxy.port,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': proxy.port,
        'network.proxy.no_proxies_on': 'localhost, 127.0.0.1',
        ...options.prefs,
      },
    });
    if (withExtension) await browser.installExtension(dir);
  } catch (error) {
    await browser?.close().catch(() => undefined);
    await Promise.all([server.close(), proxy.close()]);
    throw error;
  }
  const running = browser;
  const errors: string[] = [];
  const extensionOrigin = `moz-extension://${FIREFOX_UUID}/`;
  const wrap = (page: Page) => firefoxPage(page, errors);
  return {
    name: 'firefox',
    locale,
    t: uiTranslator(locale),
    serverUrl: server.url,
    extensionOrigin,
    async openPage(path) {
      const page = await running.newPage();
      const wrapped = wrap(page);
      await page.goto(new URL(path, server.url).href, { waitUntil: 'load' });
      return wrapped;
    },
    async openExtensionPage(path) {
      const wrapped = wrap(await running.newPage());
      await wrapped.goto(`${extensionOrigin}${path}`);
      return wrapped;
    },
    outsideRequests: () => proxy.requests.filter((url) => !isFirefoxService(url)),
    consoleErrors: () => [...errors],
    async close() {
      await running.close().catch(() => undefined);
      await Promise.all([server.close(), proxy.close()]);
    },
  };
}

/**
 * Firefox's own services (remote settings, which it polls from start whatever the prefs say):
 * the browser's requests, not the extension's, which has no reason to contact Mozilla.
 */
const FIREFOX_SERVICE_HOSTS =
  /^https?:\/\/[^/]*\.(mozilla\.com|mozilla\.net|mozilla\.org|firefox\.com)(:\d+)?(\/|$)/;

function isFirefoxService(url: string): boolean {
  return FIREFOX_SERVICE_HOSTS.test(url);
}

function definedEnv(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

/** Puppeteer's page behind the common interface. */
function firefoxPage(page: Page, errors: string[]): E2EPage {
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${String(error)}`));
  // Puppeteer's frame.url() can stay at about:blank for an extension frame inside a web page: ask
  // each frame where it is instead.
  const frames = async (urlPart: string): Promise<Frame[]> => {
    const located = await Promise.all(
      page
        .frames()
        .map(async (f) => ({ f, href: await f.evaluate(() => location.href).catch(() => f.url()) })),
    );
    return located.filter(({ href }) => href.includes(urlPart)).map(({ f }) => f);
  };
  const frame = async (urlPart: string): Promise<Frame> => {
    for (let i = 0; i < 200; i += 1) {
      const last = (await frames(urlPart)).at(-1);
      if (last) return last;
      await new Promise((done) => setTimeout(done, 50));
    }
    const seen = page.frames().map((f) => f.url());
    throw new Error(`no frame with ${urlPart} in ${page.url()} (frames: ${seen.join(', ')})`);
  };
  const evaluate = <A, R>(target: Page | Frame, fn: InPage<A, R>, arg: A): Promise<R> =>
    target.evaluate(fn as (arg: unknown) => R, arg as unknown) as Promise<R>;
  const waitComplete = async (url: string) => {
    // page.goto to a moz-extension:// page never settles: navigate without waiting, then poll.
    const context = page.mainFrame() as Frame & {
      browsingContext: { navigate(u: string, w: string): Promise<void> };
    };
    await context.browsingContext.navigate(url, 'none');
    for (let i = 0; i < 400; i += 1) {
      const state = await page
        .evaluate(() => [location.href, document.readyState])
        .catch(() => ['', 'loading']);
      if (state[0] === url && state[1] === 'complete') return;
      await new Promise((done) => setTimeout(done, 50));
    }
    throw new Error(`${url} did not load`);
  };
  return {
    url: async () => page.url(),
    evaluate: (fn, arg) => evaluate(page, fn, arg),
    waitFor: async (fn, arg, timeout = 15_000) => {
      await page.waitForFunction(fn as (arg: unknown) => unknown, { timeout, polling: 50 }, arg as unknown);
    },
    evaluateInFrame: async (urlPart, fn, arg) => evaluate(await frame(urlPart), fn, arg),
    countFrames: async (urlPart) => (await frames(urlPart)).length,
    moveMouse: (x, y) => page.mouse.move(x, y),
    click: (x, y) => page.mouse.click(x, y),
    press: async (key) => {
      const parts = key.split('+') as KeyInput[];
      const main = parts.pop() as KeyInput;
      for (const modifier of parts) await page.keyboard.down(modifier);
      await page.keyboard.press(main);
      for (const modifier of parts.reverse()) await page.keyboard.up(modifier);
    },
    goto: async (url) => {
      if (url.startsWith('moz-extension:')) await waitComplete(url);
      else await page.goto(url, { waitUntil: 'load' });
    },
    reload: async () => {
      await page.reload({ waitUntil: 'load' });
    },
    setInputFiles: async (selector, path) => {
      // Wait until the input can take a file, as a reader would: the packs input is disabled while
      // an import finishes (the bundled pack's can still be ending when it is listed).
      const input = await page
        .waitForSelector(`${selector}:not([disabled])`, { timeout: 30_000 })
        .catch(() => page.$(selector));
      if (!input) throw new Error(`no ${selector} in ${page.url()}`);
      await (input as ElementHandle<HTMLInputElement>).uploadFile(path);
    },
    bringToFront: () => page.bringToFront(),
    close: () => page.close(),
  };
}
