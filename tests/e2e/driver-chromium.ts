/** The common end-to-end driver (driver.ts) over the Chromium harness (Playwright). */
import type { Page } from 'playwright-core';
import type { E2EBrowser, E2EPage, InPage } from './driver';
import { type LaunchOptions, launchExtension } from './harness';

/** Playwright's evaluate with the driver's looser argument typing (arguments are serialized alike). */
type Evaluate = <A, R>(fn: InPage<A, R>, arg: A) => Promise<R>;
type WaitFor = (fn: InPage<unknown, unknown>, arg: unknown, options: object) => Promise<unknown>;

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost']);

/** Starts Chromium with the built extension, behind the common interface. */
export async function launchChromium(options: LaunchOptions = {}): Promise<E2EBrowser> {
  const session = await launchExtension(options);
  const outside: string[] = [];
  const errors: string[] = [];
  const extensionOrigin = `chrome-extension://${session.extensionId}/`;
  session.context.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol !== 'chrome-extension:' && !LOCAL_HOSTS.has(url.hostname)) outside.push(url.href);
  });
  const wrap = (page: Page): E2EPage => {
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
    const frame = async (urlPart: string) => {
      let found = page.frames().filter((f) => f.url().includes(urlPart));
      for (let i = 0; found.length === 0 && i < 200; i += 1) {
        await page.waitForTimeout(50);
        found = page.frames().filter((f) => f.url().includes(urlPart));
      }
      const last = found.at(-1);
      if (!last) throw new Error(`no frame with ${urlPart} in ${page.url()}`);
      return last;
    };
    return {
      url: async () => page.url(),
      evaluate: (fn, arg) => (page.evaluate.bind(page) as unknown as Evaluate)(fn, arg),
      waitFor: async (fn, arg, timeout = 15_000) => {
        const wait = page.waitForFunction.bind(page) as unknown as WaitFor;
        await wait(fn as InPage<unknown, unknown>, arg, { timeout, polling: 50 });
      },
      evaluateInFrame: async (urlPart, fn, arg) => {
        const target = await frame(urlPart);
        return (target.evaluate.bind(target) as unknown as Evaluate)(fn, arg);
      },
      countFrames: async (urlPart) => page.frames().filter((f) => f.url().includes(urlPart)).length,
      moveMouse: (x, y) => page.mouse.move(x, y),
      click: (x, y) => page.mouse.click(x, y),
      press: (key) => page.keyboard.press(key),
      goto: async (url) => {
        await page.goto(url, { waitUntil: 'load' });
      },
      reload: async () => {
        await page.reload({ waitUntil: 'load' });
      },
      setInputFiles: (selector, path) => page.locator(selector).setInputFiles(path),
      bringToFront: () => page.bringToFront(),
      close: () => page.close(),
    };
  };
  return {
    name: 'chromium',
    locale: session.locale,
    t: session.t,
    serverUrl: session.serverUrl,
    extensionOrigin,
    openPage: async (path) => wrap(await session.openPage(path)),
    openExtensionPage: async (path) => wrap(await session.openExtensionPage(path)),
    outsideRequests: () => [...outside],
    consoleErrors: () => [...errors],
    close: () => session.close(),
  };
}
