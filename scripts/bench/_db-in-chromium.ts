/**
 * Runs the DB benchmark routines in Debian's Chromium against real IndexedDB: bundles
 * _db-routines.ts with Vite into one script, serves a blank page from 127.0.0.1 and loads it there.
 * (A web page origin rather than the extension origin: the same IndexedDB engine, and no
 * extension build needed.) The underscore keeps `npm run bench` from running it on its own.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { build, type Rolldown } from 'vite';

/**
 * _db-routines.ts (or another routines file) as one script that sets `globalThis.kamerlensBench`
 * (evaluate it in any page).
 */
export async function bundleRoutines(routinesFile = 'scripts/bench/_db-routines.ts'): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'kamerlens-db-bench-'));
  const entry = join(dir, 'entry.ts');
  const routines = JSON.stringify(resolve(routinesFile));
  writeFileSync(entry, `import * as routines from ${routines};\nglobalThis.kamerlensBench = routines;\n`);
  const output = (await build({
    configFile: false,
    logLevel: 'silent',
    build: { write: false, minify: false, lib: { entry, formats: ['iife'], name: 'kamerlensBenchBundle' } },
  }).finally(() => rmSync(dir, { recursive: true, force: true }))) as
    | Rolldown.RolldownOutput[]
    | Rolldown.RolldownOutput;
  const chunk = (Array.isArray(output) ? output[0] : output)?.output[0];
  if (chunk?.type !== 'chunk') throw new Error('bundle failed');
  return chunk.code;
}

/**
 * A page on 127.0.0.1 with `globalThis.kamerlensBench` (the exports of _db-routines.ts) loaded.
 * Call the routines through `page.evaluate` with a string expression: tsx would otherwise wrap
 * named functions in helpers the page does not have.
 */
export async function openBenchPage(
  routinesFile?: string,
  files: ReadonlyMap<string, Uint8Array> = new Map(),
  options: {
    /** A browser profile on disk (IndexedDB on disk, as the extension's), not off the record (in memory). */
    onDisk?: boolean;
  } = {},
): Promise<{
  page: Page;
  origin: string;
  /** With `onDisk`, the profile (removed by `close`): benches read the browser's own logs there. */
  profileDir: string | null;
  close: () => Promise<void>;
}> {
  const code = await bundleRoutines(routinesFile);
  // Besides the blank page, the server answers `files` by path (for example generated packs): the
  // page fetches them, because handing tens of MB to `page.evaluate` as one string costs more than
  // what is measured.
  const server = createServer((request, response) => {
    const file = files.get(request.url ?? '');
    if (file) {
      // Any origin may read them: the extension's service worker fetches them too.
      response.writeHead(200, {
        'content-type': 'application/octet-stream',
        'access-control-allow-origin': '*',
      });
      response.end(file);
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end('<!doctype html><title>db bench</title>');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  const args = ['--no-sandbox', '--disable-gpu', '--enable-precise-memory-info'];
  const profile = options.onDisk ? mkdtempSync(join(tmpdir(), 'kamerlens-db-bench-profile-')) : null;
  const browser = profile
    ? await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', args })
    : await chromium.launch({ executablePath: '/usr/bin/chromium', args });
  const page = await browser.newPage();
  const origin = `http://127.0.0.1:${port}`;
  await page.goto(`${origin}/`);
  await page.addScriptTag({ content: code });
  return {
    page,
    origin,
    profileDir: profile,
    close: async () => {
      await browser.close();
      server.close();
      if (profile) rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The bench page in a kept profile, served on a fixed port (IndexedDB belongs to the origin). */
export async function openProfilePage(dir: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const code = await bundleRoutines();
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end('<!doctype html><title>panel bench</title>');
  });
  await new Promise<void>((done) => server.listen(47_612, '127.0.0.1', done));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--enable-precise-memory-info'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto('http://127.0.0.1:47612/');
  await page.addScriptTag({ content: code });
  return {
    page,
    close: async () => {
      await context.close();
      server.close();
    },
  };
}

/**
 * Wait in an extension page until the background imported the bundled dataset (a first run
 * imports it before it answers from it).
 */
export async function bundledImported(page: Page): Promise<void> {
  await page.evaluate(`(async () => {
    for (let i = 0; i < 300; i += 1) {
      const status = await chrome.runtime.sendMessage({ type: 'importStatus', payload: {} });
      if (status.ok && status.value.state === 'done') return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('bundled dataset not imported');
  })()`);
}
