/**
 * A hostile page and names it can predict. First, WXT's start announcement: a DOM event on the
 * document named after the extension's id (public: the store's, Firefox's in the manifest), which a
 * page that listens for it hears. Then the names the content script's world looks up. A string name the isolated
 * world's global lacks is looked up in the window's named properties, which are the page's elements
 * by `id` and `name`: Chromium's isolated world sees them. A page could so hand our scripts an
 * element for a global they read without owning it: the extension API (`browser`, which Chromium's
 * isolated world lacks and webextension-polyfill takes when it has a `runtime.id`) and the card UI's
 * hand-over (once `__kamerlensContentUi`). Either switched off the card and the note editor in
 * Chromium. The `chrome` and `preact-devtools` pages check names that did no harm (an own property
 * of the isolated global; a hook only tested for), so they keep doing none.
 * Shared by hostile-page-names.e2e.ts (Chromium) and firefox.e2e.ts.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { E2EBrowser } from './driver';
import { selectTextInPage } from './select-text';

const FIXTURE = resolve('tests/fixtures/annotations/news.html');
const QUOTE = 'bijna 406 duizend mensen een bijstandsuitkering';

/** What each page puts first in its body: elements named as globals our scripts read. */
const NAMED: Record<string, string> = {
  browser: '<form id="browser"><input name="runtime" id="page-runtime"></form>',
  'content-ui': '<div id="__kamerlensContentUi"></div><img name="__kamerlensContentUi" alt="">',
  chrome: '<form id="chrome"><input name="runtime" id="page-runtime"></form>',
  // Preact Signals reads this hook from `window`; it then only calls debug hooks it never set.
  'preact-devtools': '<div id="__PREACT_SIGNALS_DEVTOOLS__"></div>',
};

/** Firefox's extension id (wxt.config.ts); Chromium's is the host of the extension's origin. */
const GECKO_ID = 'kamerlens@kamerlens.invalid';

/** Runs in the page before the content script: keeps every start announcement it hears, for the ids in `?ids=`. */
const LISTEN = `<script>
  window.heard = [];
  for (const id of new URLSearchParams(location.search).get('ids').split(','))
    document.addEventListener(id + ':content:wxt:content-script-started', (event) => window.heard.push(event.type));
</script>`;

/** The card's title, from the page (the popover's shadow root is open), or null while there is none. */
const cardTitle = (page: Awaited<ReturnType<E2EBrowser['openPage']>>) =>
  page.evaluate(
    () =>
      [...document.querySelectorAll('body > *')]
        .map((host) => host.shadowRoot?.querySelector('.kl-popover .kl-title')?.textContent)
        .find(Boolean) ?? null,
    null,
  );

/** Defines the scenarios for one browser. */
export function hostileNamesSuite(
  browserName: string,
  launch: (options: { pagesDir: string }) => Promise<E2EBrowser>,
): void {
  describe(`a page that names elements after our globals, in ${browserName}`, () => {
    let browser: E2EBrowser;
    let pagesDir: string;

    beforeAll(async () => {
      pagesDir = mkdtempSync(join(tmpdir(), 'kamerlens-hostile-names-'));
      const html = readFileSync(FIXTURE, 'utf8');
      for (const [name, elements] of Object.entries(NAMED))
        writeFileSync(join(pagesDir, `${name}.html`), html.replace('<body>', `<body>${elements}`));
      writeFileSync(join(pagesDir, 'listening.html'), html.replace('<head>', `<head>${LISTEN}`));
      // Chromium asks every site for one; a 404 would be logged as a console error.
      writeFileSync(join(pagesDir, 'favicon.ico'), '');
      browser = await launch({ pagesDir });
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
      rmSync(pagesDir, { recursive: true, force: true });
    });

    it('hears no start announcement, which would tell it Kamerlens runs, references or none', async () => {
      const ids = [new URL(browser.extensionOrigin).host, GECKO_ID].join(',');
      const page = await browser.openPage(`listening.html?ids=${encodeURIComponent(ids)}`);
      await page.waitFor(() => document.querySelector('kamerlens-ref'), null, 15_000);
      expect(await page.evaluate(() => (window as unknown as { heard: string[] }).heard, null)).toEqual([]);
      await page.close();
    });

    for (const name of Object.keys(NAMED))
      it(`${name}: marks, the card and the note editor still work`, async () => {
        const errorsBefore = browser.consoleErrors().length;
        const page = await browser.openPage(`${name}.html`);
        await page.waitFor(() => document.querySelector('kamerlens-ref'), null, 15_000);
        const { x, y } = await page.evaluate(() => {
          const mark = document.querySelector('kamerlens-ref') as Element;
          mark.scrollIntoView({ block: 'center' });
          const box = mark.getClientRects()[0] ?? mark.getBoundingClientRect();
          return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
        }, null);
        await page.moveMouse(x, y);
        await page.waitFor(
          () =>
            [...document.querySelectorAll('body > *')].some((host) =>
              host.shadowRoot?.querySelector('.kl-popover .kl-title'),
            ),
          null,
          10_000,
        );
        expect(await cardTitle(page)).toBeTruthy();
        await page.press('Escape');
        await page.evaluate(selectTextInPage, ['#p2', QUOTE] as [string, string]);
        await page.press('Alt+Shift+KeyN');
        const field = await page.evaluateInFrame(
          '/annotate-frame.html#',
          async () => {
            for (let i = 0; i < 200 && !document.querySelector('textarea'); i += 1)
              await new Promise((done) => setTimeout(done, 50));
            return document.querySelector('textarea') !== null;
          },
          null,
        );
        expect(field).toBe(true);
        expect(browser.consoleErrors().slice(errorsBefore)).toEqual([]);
        await page.close();
      });
  });
}
