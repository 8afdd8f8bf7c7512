/**
 * What a tab open across a reload of the extension shows (`runtime.reload()`, as an update does),
 * written once against driver.ts and run by firefox.e2e.ts and cross-browser.e2e.ts, each in a
 * browser of its own: the reload changes the extension under every later test.
 *
 * Firefox starts a new copy of the content script in the open tab and nukes the old one, whose
 * open card then stayed on the page for good (two cards on the next hover). Chromium starts none
 * and leaves the old copy running, cut off from the extension; its next card could not load.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2EBrowser, type E2EPage, findMarkCentre, type Launch, until } from './driver';
import { selectTextInPage } from './select-text';

const ANSWER = 'ah-tk-20242025-520';
const QUOTE = 'bijna 406 duizend mensen een bijstandsuitkering';

/** The page's top-level `div`s with a shadow root it cannot open (ours: the note overlay's host). */
const closedHosts = (page: E2EPage) =>
  page.evaluate(
    () =>
      [...document.querySelectorAll('body > div, html > div')].filter((element) => {
        if (element.shadowRoot) return false;
        try {
          // Throws where a closed root is there already; the page's own elements get one (test only).
          element.attachShadow({ mode: 'open' });
          return false;
        } catch {
          return true;
        }
      }).length,
    null,
  );

/**
 * The ids of the hosts showing a card (the test build's roots are open): with a title, or any card
 * when `titled` is false (a lookup made while the reloaded extension imports its data has none yet).
 */
const shownCards = (page: E2EPage, titled = true) =>
  page.evaluate(
    (selector) =>
      [...document.querySelectorAll('body > *, html > *')]
        .filter((host) => host.shadowRoot?.querySelector(selector))
        .map((host) => host.id),
    titled ? '.kl-popover .kl-title' : '.kl-popover',
  );

/**
 * The names of the highlights that hold a range, and how many page style elements paint
 * highlights (`::highlight()` rules live in the page's own styles).
 */
const paintedHighlights = (page: E2EPage) =>
  page.evaluate(
    () => ({
      names: [...CSS.highlights.entries()]
        .filter(([, highlight]) => highlight.size > 0)
        .map(([name]) => name),
      styles: [...document.querySelectorAll('style')].filter((style) =>
        style.textContent?.includes('::highlight('),
      ).length,
    }),
    null,
  );

const marksOn = (page: E2EPage) =>
  page.evaluate(() => document.querySelectorAll('kamerlens-ref').length, null);

/** Waits until the page has no marks left (an old copy stopped); how many are left. */
const marksGone = (page: E2EPage) =>
  until(
    () => marksOn(page),
    (n) => n === 0,
    RELOAD_WAIT,
  );

/** Moves the pointer off the marks and onto the first mark naming `ids` (a new hover). */
async function hover(page: E2EPage, ids: string): Promise<boolean> {
  await page.moveMouse(1, 1);
  const centre = await findMarkCentre(page, ids);
  if (!centre) return false;
  await page.moveMouse(centre.x, centre.y);
  return true;
}

/** Opens `path` and waits for the content script's first mark. */
async function openMarked(browser: E2EBrowser, path: string): Promise<E2EPage> {
  const page = await browser.openPage(path);
  await page.waitFor(() => document.querySelector('kamerlens-ref'), null);
  return page;
}

/** Selects the quote, presses Alt+Shift+N and waits for the note field of the editor's frame. */
async function openNoteEditor(page: E2EPage): Promise<void> {
  await page.evaluate(selectTextInPage, ['#p2', QUOTE] as [string, string]);
  await page.press('Alt+Shift+KeyN');
  await page.evaluateInFrame(
    '/annotate-frame.html#',
    async () => {
      for (let i = 0; i < 200 && !document.querySelector('textarea'); i += 1)
        await new Promise((done) => setTimeout(done, 50));
      if (!document.querySelector('textarea')) throw new Error('no note field');
    },
    null,
  );
}

/** How long a step across the reload may take (a reloaded extension starts again). */
const RELOAD_WAIT = 20_000;

/** The browsers whose extension was reloaded. */
const reloaded = new WeakSet<E2EBrowser>();

/** Reloads the extension from one of its pages (which goes with it). */
async function reloadExtension(browser: E2EBrowser): Promise<void> {
  reloaded.add(browser);
  const page = await browser.openExtensionPage('sidepanel.html#/about');
  await page.evaluate(() => {
    const api = (globalThis as unknown as { browser?: { runtime: { reload(): void } } }).browser;
    const chrome = (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome;
    // After this call has answered: the page does not outlive the reload.
    setTimeout(() => (api ?? chrome).runtime.reload(), 50);
  }, null);
  // The reload closes the page: wait until it stops answering.
  for (let i = 0; i < 100; i += 1) {
    const answered = await page.evaluate(() => true, null).catch(() => false);
    if (!answered) break;
    await new Promise((done) => setTimeout(done, 100));
  }
  await page.close().catch(() => undefined);
}

/** Defines the reload scenario for one browser. */
export function reloadSuite(browserName: string, launch: Launch): void {
  describe(`Kamerlens in ${browserName}, across a reload of the extension`, () => {
    let browser: E2EBrowser;
    let pagesDir: string;
    let openedBeforeReload: E2EPage | null = null;

    beforeAll(async () => {
      pagesDir = mkdtempSync(join(tmpdir(), 'kamerlens-reload-'));
      copyFileSync(resolve('tests/fixtures/pages/letter.html'), join(pagesDir, 'letter.html'));
      copyFileSync(resolve('tests/fixtures/annotations/news.html'), join(pagesDir, 'note.html'));
      copyFileSync(resolve('tests/fixtures/annotations/news.html'), join(pagesDir, 'noted.html'));
      copyFileSync(resolve('tests/fixtures/annotations/news.html'), join(pagesDir, 'selected.html'));
      // Chromium asks every site for one; a 404 would be logged as a console error.
      writeFileSync(join(pagesDir, 'favicon.ico'), '');
      browser = await launch({ pagesDir });
      if (browserName === 'Chromium') {
        openedBeforeReload = await openMarked(browser, 'selected.html');
      }
    });

    afterAll(async () => {
      await browser?.close();
      rmSync(pagesDir, { recursive: true, force: true });
    });

    it('a card open at the reload does not stay, and one hover shows at most one card', async () => {
      const page = await browser.openPage('letter.html');
      await page.waitFor((id) => document.querySelector(`kamerlens-ref[data-kamerlens-ref="${id}"]`), ANSWER);
      await hover(page, ANSWER);
      const before = await until(
        () => shownCards(page),
        (ids) => ids.length === 1,
        RELOAD_WAIT,
      );
      expect(before).toHaveLength(1);
      const errorsBefore = browser.consoleErrors().length;
      await reloadExtension(browser);

      if (browser.name === 'firefox') {
        // The new copy has no way to say it started but its card: hover until a card not shown
        // before the reload is there.
        const after = await until(
          async () => {
            await hover(page, ANSWER);
            return until(
              () => shownCards(page),
              (ids) => ids.some((id) => !before.includes(id)),
              1_500,
            );
          },
          (ids) => ids.some((id) => !before.includes(id)),
          RELOAD_WAIT,
        );
        expect(after.some((id) => !before.includes(id))).toBe(true);
        // The old copy's card is gone: the new copy's is the only one.
        expect(after).toHaveLength(1);
        await page.press('Escape');
        expect(
          await until(
            () => shownCards(page),
            (ids) => ids.length === 0,
            RELOAD_WAIT,
          ),
        ).toEqual([]);
      } else {
        // No new copy starts; the old one stops at the reader's next contact with a mark (one not
        // looked up before the reload, so nothing in its cache could fill the card), marks and all.
        await page.moveMouse(1, 1);
        await until(
          () => shownCards(page),
          (ids) => ids.length === 0,
          RELOAD_WAIT,
        );
        const other = await page.evaluate(
          (answer) =>
            document
              .querySelector(`kamerlens-ref:not([data-kamerlens-ref="${answer}"])`)
              ?.getAttribute('data-kamerlens-ref') ?? null,
          ANSWER,
        );
        expect(other).not.toBeNull();
        expect(await hover(page, other ?? '')).toBe(true);
        expect(await marksGone(page)).toBe(0);
        expect(await shownCards(page)).toEqual([]);
      }
      expect(browser.consoleErrors().slice(errorsBefore)).toEqual([]);
      await page.close();
    });

    it.runIf(browserName === 'Chromium')(
      'a selection in a tab from before the reload stops the old copy, and logs nothing',
      async () => {
        // Opened before any reload of this browser: after one, this harness's Chromium shows no
        // extension page again (ERR_BLOCKED_BY_CLIENT) and injects into no new page, so the
        // extension is reloaded once per browser.
        const page = openedBeforeReload as E2EPage;
        const errorsBefore = browser.consoleErrors().length;
        if (!reloaded.has(browser)) await reloadExtension(browser);
        // The reader selects a passage with the keyboard (Shift held): the old copy would show the
        // note toolbar, and its overlay cannot load any more.
        await page.evaluate(selectTextInPage, ['#p2', QUOTE] as [string, string]);
        await page.press('Shift');
        expect(await marksGone(page)).toBe(0);
        expect(await closedHosts(page)).toBe(0);
        expect(browser.consoleErrors().slice(errorsBefore)).toEqual([]);
        await page.close();
      },
    );

    it.runIf(browserName === 'Firefox')(
      "a note's passage is painted once after the reload, by the new copy alone",
      async () => {
        const page = await openMarked(browser, 'noted.html');
        await openNoteEditor(page);
        await page.evaluateInFrame(
          '/annotate-frame.html#',
          () => {
            const field = document.querySelector('textarea') as HTMLTextAreaElement;
            field.value = 'Blijft na de herlaadbeurt';
            field.dispatchEvent(new Event('input', { bubbles: true }));
            (document.querySelector('button[type="submit"]') as HTMLButtonElement).click();
          },
          null,
        );
        const before = await until(
          () => paintedHighlights(page),
          (painted) => painted.names.length === 1,
          RELOAD_WAIT,
        );
        expect(before).toEqual({ names: [expect.any(String)], styles: 1 });
        await reloadExtension(browser);
        // The new copy loads the page's notes and paints them under names of its own; the old
        // copy's, nuked with its sandbox, are not left painting the same passage a second time.
        const after = await until(
          () => paintedHighlights(page),
          (painted) => painted.names.some((name) => !before.names.includes(name)),
          60_000,
        );
        expect(after.names).toHaveLength(1);
        expect(after.names).not.toEqual(before.names);
        expect(after.styles).toBe(1);
        await page.close();
      },
    );

    it.runIf(browserName === 'Firefox')(
      'a note editor open at the reload does not stay on the page',
      async () => {
        const page = await openMarked(browser, 'note.html');
        expect(await closedHosts(page)).toBe(0);
        await openNoteEditor(page);
        expect(await closedHosts(page)).toBe(1);
        await reloadExtension(browser);
        // The new copy removes what the old one left open as it starts (own-host.ts): waited for
        // directly. A card of the new copy, the sign used before, did not come within 20 s in one CI
        // run (cause not found: the card UI is injected by a background that is starting again).
        expect(
          await until(
            () => closedHosts(page),
            (n) => n === 0,
            60_000,
          ),
        ).toBe(0);
        await page.close();
      },
    );
  });
}
