/**
 * The demo (README Quick start, command 1): builds the dataset and the extension (test mode, so its
 * content script runs on 127.0.0.1), renders the seed documents as web pages, serves them on
 * 127.0.0.1 and opens them in Debian's Chromium with Kamerlens loaded.
 *
 *   npm run -s demo                 # window when $DISPLAY is set, else a headless tour
 *   npm run -s demo -- --headless   # headless tour even with a display
 *   npm run -s demo -- --no-build   # reuse .output/chrome-mv3-test
 *   npm run -s demo -- --port 8137  # fixed port for the page server
 *   npm run -s demo -- --lang en    # Chromium and Kamerlens in English (default: Dutch)
 *
 * With a window, Chromium stays open on the demo index until it is closed or Ctrl+C. Headless, the
 * tour opens every seed page, counts its marked references, hovers one, opens the side panel's
 * library and a document, saves screenshots to test-results/demo/ and exits (non-zero on failure).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { type ExtensionSession, launchExtension, markedReferences } from '../tests/e2e/harness';
import { parseUiLocale, type UiLocale } from '../tests/e2e/ui-locale';
import { renderDemoPages } from './demo-pages';

const DEMO_DIR = resolve('.output/demo');
const SHOTS_DIR = resolve('test-results/demo');

interface DemoOptions {
  headless: boolean;
  build: boolean;
  port: number;
  lang: UiLocale;
}

function parseArgs(argv: string[]): DemoOptions {
  const options: DemoOptions = { headless: !process.env.DISPLAY, build: true, port: 0, lang: 'nl' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--headless') options.headless = true;
    else if (arg === '--no-build') options.build = false;
    else if (arg === '--port') {
      const port = Number(argv[++i]);
      if (!Number.isInteger(port) || port < 1 || port > 65535)
        throw new Error('--port needs a number 1–65535');
      options.port = port;
    } else if (arg === '--lang') {
      const lang = argv[++i];
      if (!lang) throw new Error('--lang needs nl or en');
      options.lang = parseUiLocale(lang);
    } else if (arg === '--help' || arg === '-h') {
      console.log('usage: npm run -s demo -- [--headless] [--no-build] [--port N] [--lang nl|en]');
      process.exit(0);
    } else throw new Error(`unknown option ${arg} (try --help)`);
  }
  return options;
}

/** Runs a command with inherited output; rejects with its name when it fails. */
function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(command, args, { stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolveRun() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`)),
    );
  });
}

/** Marked reference groups on a page once the scanner has gone quiet (marks come in slices). */
async function settledReferences(page: Page): Promise<number> {
  let last = -1;
  for (let stable = 0; stable < 3; ) {
    await page.waitForTimeout(250);
    const count = (await markedReferences(page)).length;
    stable = count === last ? stable + 1 : 0;
    last = count;
  }
  return last;
}

/**
 * Scrolls through the page a viewport at a time, as a reader would, and back to the top: the
 * scanner reads text as it nears the viewport, so a page not scrolled shows only its first marks.
 */
async function scrollThrough(page: Page): Promise<void> {
  for (let step = 0; step < 500; step += 1) {
    const atEnd = await page.evaluate(() => {
      window.scrollBy(0, window.innerHeight);
      return window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2;
    });
    await page.waitForTimeout(100);
    if (atEnd) break;
  }
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** Headless tour: every seed page, a hover card, the side panel; screenshots and a summary. */
async function tour(session: ExtensionSession, pages: string[]): Promise<void> {
  mkdirSync(SHOTS_DIR, { recursive: true });
  let hovered = false;
  for (const file of pages) {
    const page = await session.openPage(file);
    await scrollThrough(page);
    const count = await settledReferences(page);
    console.log(`  ${file}: ${count} references marked, scrolled through`);
    if (!hovered && count > 0) {
      const first = page.locator('kamerlens-ref[tabindex="0"]').first();
      await first.scrollIntoViewIfNeeded();
      await first.hover();
      const title = page.locator('.kl-popover .kl-title');
      await title.waitFor({ timeout: 15_000 });
      console.log(`  hover card: “${(await title.textContent())?.trim()}”`);
      await page.waitForTimeout(300); // the card fades in over 90 ms: photograph it settled
      await page.screenshot({ path: join(SHOTS_DIR, 'popover.png') });
      hovered = true;
    }
    await page.close();
  }
  if (!hovered) throw new Error('no reference was marked on any demo page');

  const panel = await session.openExtensionPage('sidepanel.html#/');
  await panel.setViewportSize({ width: 420, height: 900 });
  await panel.locator('main').waitFor();
  await panel.waitForTimeout(500);
  await panel.screenshot({ path: join(SHOTS_DIR, 'sidepanel-library.png') });
  const firstDoc = panel.locator('a[href^="#/doc/"]').first();
  if ((await firstDoc.count()) > 0) {
    await firstDoc.click();
    await panel.locator('h1, h2').first().waitFor();
    await panel.waitForTimeout(300);
    await panel.screenshot({ path: join(SHOTS_DIR, 'sidepanel-document.png') });
  }
  console.log(`Screenshots: ${SHOTS_DIR}/{popover,sidepanel-library,sidepanel-document}.png`);
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  if (options.build) {
    await run('npx', ['tsx', 'scripts/build-dataset.ts']);
    await run('npx', ['wxt', 'build', '--mode', 'test']);
  }
  renderDemoPages(DEMO_DIR);
  const session = await launchExtension({
    pagesDir: DEMO_DIR,
    headless: options.headless,
    port: options.port,
    locale: options.lang,
  });
  const stop = async () => {
    await session.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  console.log(`Demo pages: ${session.serverUrl} (Kamerlens ${session.extensionId}, ${session.locale})`);

  const seedPages = readdirSync(DEMO_DIR)
    .filter((f) => /^\d{3}_.*\.html$/.test(f))
    .sort();

  if (options.headless) {
    try {
      await tour(session, seedPages);
    } finally {
      await session.close();
    }
    return;
  }
  const [first] = session.context.pages();
  const index = first ?? (await session.context.newPage());
  await index.goto(session.serverUrl, { waitUntil: 'load' });
  await index.bringToFront();
  console.log('Chromium is open on the demo index. Hover a dotted reference; the toolbar button opens');
  console.log('the side panel. Close the window or press Ctrl+C to stop.');
  await new Promise<void>((done) => session.context.on('close', () => done()));
  await session.close();
}

main().catch((error: unknown) => {
  console.error(`demo: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
