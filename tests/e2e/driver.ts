/**
 * The small common interface the cross-browser end-to-end scenarios drive: one implementation per
 * browser (driver-chromium.ts over Playwright, harness-firefox.ts over Puppeteer's WebDriver BiDi).
 * Everything a scenario does goes through it, so the same test code runs in Chromium and Firefox.
 */
import type { Translate } from '../../components/i18n';
import type { UiLocale } from './ui-locale';

/** A function evaluated inside a page or frame (serialized: it may not close over test variables). */
export type InPage<A, R> = (arg: A) => R | Promise<R>;

/** One tab: a fixture page or an extension page. */
export interface E2EPage {
  url(): Promise<string>;
  evaluate<A, R>(fn: InPage<A, R>, arg: A): Promise<R>;
  /** Polls `fn` until it returns something truthy; throws after `timeout` ms. */
  waitFor<A>(fn: InPage<A, unknown>, arg: A, timeout?: number): Promise<void>;
  /** Evaluates in the newest frame of this tab whose URL contains `urlPart` (waits for one). */
  evaluateInFrame<A, R>(urlPart: string, fn: InPage<A, R>, arg: A): Promise<R>;
  /** How many frames of this tab have a URL containing `urlPart`. */
  countFrames(urlPart: string): Promise<number>;
  moveMouse(x: number, y: number): Promise<void>;
  click(x: number, y: number): Promise<void>;
  /** A key or chord in Playwright's notation: `Tab`, `Escape`, `Alt+Shift+KeyN`. */
  press(key: string): Promise<void>;
  /** Loads a URL in this tab (extension pages included) and waits until its document is complete. */
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  /** Chooses the file at `path` in the file input `selector`, as a reader does in the file dialog. */
  setInputFiles(selector: string, path: string): Promise<void>;
  bringToFront(): Promise<void>;
  close(): Promise<void>;
}

/** A browser with the built extension installed, fixture server running. */
export interface E2EBrowser {
  readonly name: 'chromium' | 'firefox';
  readonly locale: UiLocale;
  /** The extension's messages in the session's language. */
  readonly t: Translate;
  /** `http://127.0.0.1:<port>/` */
  readonly serverUrl: string;
  /** `chrome-extension://<id>/` or `moz-extension://<uuid>/` */
  readonly extensionOrigin: string;
  openPage(path: string): Promise<E2EPage>;
  openExtensionPage(path: string): Promise<E2EPage>;
  /** Every request any context made to a host other than 127.0.0.1/localhost, since launch. */
  outsideRequests(): string[];
  /** Console errors and uncaught exceptions of every page opened through this browser. */
  consoleErrors(): string[];
  close(): Promise<void>;
}

/** Starts a browser with the extension, serving `pagesDir` (the shared suites' entry). */
export type Launch = (options: { pagesDir: string }) => Promise<E2EBrowser>;

/** Polls `read` every 50 ms until `accept` holds or `timeout` ms have passed; returns the last value. */
export async function until<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  timeout = 15_000,
): Promise<T> {
  const end = Date.now() + timeout;
  let value = await read();
  while (!accept(value) && Date.now() < end) {
    await new Promise((done) => setTimeout(done, 50));
    value = await read();
  }
  return value;
}

/** Centre of the first line box of the first mark naming `ids`, scrolled into view; null when there is none. */
export const findMarkCentre = (page: E2EPage, ids: string) =>
  page.evaluate((wanted) => {
    const mark = document.querySelector(`kamerlens-ref[data-kamerlens-ref="${wanted}"]`);
    if (!mark) return null;
    mark.scrollIntoView({ block: 'center' });
    // The first line box: a reference that wraps has a bounding box wider than its text.
    const box = mark.getClientRects()[0] ?? mark.getBoundingClientRect();
    return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
  }, ids);
