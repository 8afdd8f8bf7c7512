/**
 * The contexts origin.ts compares, each with _origin-routines.ts loaded as `globalThis.kamerlensBench`:
 * a web page in an off-the-record browser (what the other IndexedDB benches use), and, in one
 * Chromium with the built test extension and an on-disk profile, a web page, an extension page (the
 * side panel, its app running), an extension document that runs no extension code, and the
 * extension's service worker. The underscore keeps `npm run bench` from running it on its own.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { launchExtension } from '../../tests/e2e/harness';
import { bundleRoutines, openBenchPage } from './_db-in-chromium';

const ROUTINES = 'scripts/bench/_origin-routines.ts';
const WEB_HOST = 'origin-bench.test';

/** One place to run the routines: `run` evaluates a string expression there. */
export interface OriginContext {
  key: string;
  label: string;
  run: <T>(expression: string) => Promise<T>;
}

/** Every context, and how to stop them all. */
export interface OriginContexts {
  contexts: OriginContext[];
  extensionId: string;
  close: () => Promise<void>;
}

/**
 * Starts both browsers. The web page in the extension's browser is served on loopback under a host
 * name of its own (`WEB_HOST`, resolved to 127.0.0.1 by the browser), outside the test build's
 * content-script matches, so no extension code runs in it.
 */
export async function openOriginContexts(
  extensionDir = resolve('.output/chrome-mv3-test'),
): Promise<OriginContexts> {
  const code = await bundleRoutines(ROUTINES);
  const offTheRecord = await openBenchPage(ROUTINES);
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end('<!doctype html><title>origin bench</title>');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  const {
    context,
    serviceWorker: worker,
    extensionId,
    close,
  } = await launchExtension({
    dir: extensionDir,
    siteHost: WEB_HOST,
  });
  const webPage = context.pages()[0] ?? (await context.newPage());
  await webPage.goto(`http://${WEB_HOST}:${port}/`);
  await webPage.evaluate(code);
  const extensionPage = await context.newPage();
  await extensionPage.goto(`chrome-extension://${extensionId}/sidepanel.html`, { waitUntil: 'load' });
  // The extension CSP refuses script tags; DevTools' evaluate is not subject to it.
  await extensionPage.evaluate(code);
  await worker.evaluate(code);
  // An extension document that runs none of the extension's code: the origin without the panel app.
  const quietPage = await context.newPage();
  await quietPage.goto(`chrome-extension://${extensionId}/manifest.json`, { waitUntil: 'load' });
  await quietPage.evaluate(code);
  const contexts: OriginContext[] = [
    {
      key: 'a0',
      label: 'web page, off-the-record browser (the other benches)',
      run: (expression) => offTheRecord.page.evaluate(expression),
    },
    { key: 'a', label: 'web page, on-disk profile', run: (expression) => webPage.evaluate(expression) },
    {
      key: 'b',
      label: 'extension page (sidepanel.html)',
      run: (expression) => extensionPage.evaluate(expression),
    },
    {
      key: 'b0',
      label: 'extension document running no extension code (manifest.json)',
      run: (expression) => quietPage.evaluate(expression),
    },
    { key: 'c', label: 'extension service worker', run: (expression) => worker.evaluate(expression) },
  ];
  return {
    contexts,
    extensionId,
    close: async () => {
      await close();
      await offTheRecord.close();
      server.close();
    },
  };
}
