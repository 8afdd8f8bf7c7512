/**
 * The end-to-end scenarios every browser must pass, written once against driver.ts and run by
 * cross-browser.e2e.ts (Chromium) and firefox.e2e.ts (Firefox): marks, popover (hover, keyboard,
 * Escape), side panel (library, search, reader, on this page, notes), annotations (create,
 * re-anchor after reload, export), network silence and no console errors.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatasetFile } from '../../data/dataset/types';
import { type E2EBrowser, type E2EPage, findMarkCentre, type Launch, until } from './driver';
import { selectTextInPage } from './select-text';

const PAGES = resolve('tests/fixtures/pages');
const NOTE_FIXTURE = resolve('tests/fixtures/annotations/news.html');
const QUOTE = 'bijna 406 duizend mensen een bijstandsuitkering';
const NOTE = 'Controleren met de CBS-cijfers.';
const ANSWER = 'ah-tk-20242025-520';

function datasetTitle(id: string): string {
  const dataset = JSON.parse(readFileSync(resolve('public/dataset.json'), 'utf8')) as DatasetFile;
  const record = dataset.documents.find((doc) => !doc.stub && (doc.id === id || doc.ids.includes(id)));
  if (!record?.title) throw new Error(`public/dataset.json has no titled ${id}: npm run data:build`);
  return record.title;
}

/** Distinct marked reference groups on the page. */
const groupCount = (page: E2EPage) =>
  page.evaluate(
    () =>
      new Set(
        [...document.querySelectorAll('kamerlens-ref')].map((m) => m.getAttribute('data-kamerlens-group')),
      ).size,
    null,
  );

/** Centre of the first mark naming `ids`, scrolled into view (the mark must be there). */
async function markCentre(page: E2EPage, ids: string): Promise<{ x: number; y: number }> {
  const centre = await findMarkCentre(page, ids);
  if (!centre) throw new Error(`no mark for ${ids}`);
  return centre;
}

/** What the popover shows: its role, title, status line, or null when there is none. */
const cardState = (page: E2EPage) =>
  page.evaluate(() => {
    const card = [...document.querySelectorAll('body > *, html > *')]
      .map((host) => host.shadowRoot?.querySelector('.kl-popover'))
      .find(Boolean);
    if (!card) return null;
    const status = card.querySelector<HTMLElement>('.kl-panel-status');
    return {
      role: card.getAttribute('role'),
      title: card.querySelector('.kl-title')?.textContent ?? null,
      panelStatus: status && !status.hidden ? (status.textContent ?? '') : null,
      panelStatusKind: status?.dataset.kind ?? null,
    };
  }, null);

/** Defines the shared scenarios for one browser. */
export function crossBrowserSuite(browserName: string, launch: Launch): void {
  describe(`Kamerlens in ${browserName}`, () => {
    let browser: E2EBrowser;
    let pagesDir: string;
    let requestsBefore = 0;
    let errorsBefore = 0;

    beforeAll(async () => {
      pagesDir = mkdtempSync(join(tmpdir(), 'kamerlens-cross-'));
      for (const file of ['letter.html', 'news.html']) copyFileSync(join(PAGES, file), join(pagesDir, file));
      copyFileSync(NOTE_FIXTURE, join(pagesDir, 'note.html'));
      // Chromium asks every site for one; a 404 would be logged as a console error.
      writeFileSync(join(pagesDir, 'favicon.ico'), '');
      browser = await launch({ pagesDir });
    });

    afterAll(async () => {
      await browser?.close();
      rmSync(pagesDir, { recursive: true, force: true });
    });

    it('the network recorder sees a request an extension page makes to the outside', async () => {
      const panel = await browser.openExtensionPage('sidepanel.html#/about');
      const control = 'https://control.example.invalid/beacon';
      await panel.evaluate(
        (url) =>
          fetch(url).then(
            () => 'sent',
            () => 'refused',
          ),
        control,
      );
      await until(
        async () => browser.outsideRequests().some((r) => r.includes('control.example.invalid')),
        Boolean,
      );
      expect(browser.outsideRequests().some((r) => r.includes('control.example.invalid'))).toBe(true);
      await panel.close();
      // The control was ours (and its refusal logged an error): count from here on.
      requestsBefore = browser.outsideRequests().length;
      errorsBefore = browser.consoleErrors().length;
    });

    it('marks the references of a page', async () => {
      const page = await browser.openPage('letter.html');
      await page.waitFor((n) => document.querySelectorAll('kamerlens-ref').length >= n, 8);
      expect(await groupCount(page)).toBeGreaterThanOrEqual(5);
      const ids = await page.evaluate(
        () =>
          [...document.querySelectorAll('kamerlens-ref')].map((m) => m.getAttribute('data-kamerlens-ref')),
        null,
      );
      expect(ids).toContain(ANSWER);
      await page.close();
    });

    it('a page cannot switch the marks off with a forged "newer copy of the script" event', async () => {
      const page = await browser.openPage('letter.html');
      await page.waitFor((n) => document.querySelectorAll('kamerlens-ref').length >= n, 8);
      const before = await groupCount(page);
      // WXT names the event after the extension's id: Chromium's is the origin's host, Firefox's
      // the add-on id (the origin's host there is a per-profile UUID); both spellings are sent.
      const ids = [new URL(browser.extensionOrigin).host, 'kamerlens@kamerlens.invalid'];
      await page.evaluate((names) => {
        for (const name of names)
          document.dispatchEvent(
            new CustomEvent(`${name}:content:wxt:content-script-started`, {
              detail: { contentScriptName: 'content', messageId: 'forged' },
            }),
          );
        return new Promise((done) => setTimeout(done, 300));
      }, ids);
      // The scanner may still be marking the rest of the page: none of what was there may go.
      expect(await groupCount(page)).toBeGreaterThanOrEqual(before);
      await page.close();
    });

    it('hover shows the card with the title from the dataset; Escape closes it', async () => {
      const page = await browser.openPage('letter.html');
      await page.waitFor((id) => document.querySelector(`kamerlens-ref[data-kamerlens-ref="${id}"]`), ANSWER);
      const { x, y } = await markCentre(page, ANSWER);
      await page.moveMouse(x, y);
      const shown = await until(
        () => cardState(page),
        (s) => s?.title != null,
      );
      expect(shown).toMatchObject({ role: 'tooltip', title: datasetTitle(ANSWER) });
      await page.press('Escape');
      expect(
        await until(
          () => cardState(page),
          (s) => s === null,
        ),
      ).toBeNull();
      await page.close();
    });

    it('from the keyboard: Tab opens the card, ArrowDown makes it a dialog, Escape returns focus', async () => {
      const page = await browser.openPage('letter.html');
      await page.waitFor((id) => document.querySelector(`kamerlens-ref[data-kamerlens-ref="${id}"]`), ANSWER);
      const focusedRef = () =>
        page.evaluate(() => {
          const active = document.activeElement;
          return (
            active?.getAttribute('data-kamerlens-ref') ??
            active?.querySelector('kamerlens-ref')?.getAttribute('data-kamerlens-ref') ??
            null
          );
        }, null);
      let focused: string | null = null;
      for (let i = 0; i < 40 && focused !== ANSWER; i += 1) {
        await page.press('Tab');
        focused = await focusedRef();
      }
      expect(focused).toBe(ANSWER);
      expect(
        (
          await until(
            () => cardState(page),
            (s) => s?.title != null,
          )
        )?.title,
      ).toBe(datasetTitle(ANSWER));
      await page.press('ArrowDown');
      expect(
        (
          await until(
            () => cardState(page),
            (s) => s?.role === 'dialog',
          )
        )?.role,
      ).toBe('dialog');
      await page.press('Escape');
      expect(
        await until(
          () => cardState(page),
          (s) => s === null,
        ),
      ).toBeNull();
      expect(await focusedRef()).toBe(ANSWER);
      await page.close();
    });

    it('side panel: the library lists the documents, search reaches an answer, the reader opens it', async () => {
      const panel = await browser.openExtensionPage('sidepanel.html#/');
      await panel.waitFor(() => document.querySelectorAll('.result-title').length >= 5, null, 30_000);
      expect(await panel.evaluate(() => document.documentElement.lang, null)).toBe(browser.locale);
      expect(
        await panel.evaluate(() => document.querySelector('label[for="search-input"]')?.textContent, null),
      ).toBe(browser.t('sidepanel_search_label'));
      await panel.evaluate(() => {
        const box = document.querySelector<HTMLInputElement>('#search-input');
        box?.focus();
      }, null);
      for (const key of 'loonkostensubsidie') await panel.press(key);
      await panel.waitFor(() => document.querySelector('.hit-where[data-where="answer"]'), null);
      await panel.goto(`${browser.extensionOrigin}sidepanel.html#/doc/kst-34352-349`);
      await panel.waitFor(
        (title) => document.querySelector('#doc-title')?.textContent === title,
        datasetTitle('kst-34352-349'),
        30_000,
      );
      expect(
        await panel.evaluate(() => document.querySelectorAll('.letter-section h2').length, null),
      ).toBeGreaterThan(3);
      await panel.close();
    });

    it('side panel: "on this page" lists the references of the page being read', async () => {
      const page = await browser.openPage('letter.html');
      await page.waitFor((n) => document.querySelectorAll('kamerlens-ref').length >= n, 8);
      const panel = await browser.openExtensionPage('sidepanel.html#/page');
      await panel.waitFor(
        () => [...document.querySelectorAll('.page-group')].some((g) => g.textContent?.includes('De Kort')),
        null,
        20_000,
      );
      expect(
        await panel.evaluate(() => document.querySelectorAll('.page-group').length, null),
      ).toBeGreaterThan(3);
      await panel.close();
      await page.close();
    });

    it('"open in side panel" from a card shows the document, or says how to open the sidebar', async () => {
      // Chromium: a panel already open (as a tab here) must move to the document.
      const openPanel =
        browser.name === 'chromium' ? await browser.openExtensionPage('sidepanel.html#/about') : null;
      const page = await browser.openPage('letter.html');
      await page.waitFor((id) => document.querySelector(`kamerlens-ref[data-kamerlens-ref="${id}"]`), ANSWER);
      const { x, y } = await markCentre(page, ANSWER);
      await page.click(x, y);
      await until(
        () => cardState(page),
        (s) => s?.role === 'dialog',
      );
      const button = await page.evaluate((label) => {
        const card = [...document.querySelectorAll('body > *, html > *')]
          .map((host) => host.shadowRoot?.querySelector('.kl-popover'))
          .find(Boolean);
        const target = [...(card?.querySelectorAll('button') ?? [])].find((b) => b.textContent === label);
        target?.scrollIntoView({ block: 'nearest' });
        const box = target?.getBoundingClientRect();
        return box ? { x: box.left + box.width / 2, y: box.top + box.height / 2 } : null;
      }, browser.t('popover_action_sidePanel'));
      expect(button).not.toBeNull();
      await page.click(button?.x ?? 0, button?.y ?? 0);
      const after = await until(
        () => cardState(page),
        (s) => s?.panelStatusKind !== 'none',
        3_000,
      );
      if (browser.name === 'firefox') {
        // Firefox refuses to open the sidebar from a page's click: the card says how, and the
        // sidebar is set to show the document when the reader opens it.
        expect(after?.panelStatus).toBe(browser.t('popover_sidePanel_openSidebar', 'Alt+Shift+K'));
        const panel = await browser.openExtensionPage('sidepanel.html#/about');
        const set = await panel.evaluate(
          () =>
            (
              globalThis as unknown as {
                browser: { sidebarAction: { getPanel(d: object): Promise<string> } };
              }
            ).browser.sidebarAction.getPanel({}),
          null,
        );
        expect(set).toMatch(/\/sidepanel\.html#\/doc\/ah-tk-20242025-520$/);
        await panel.close();
      } else {
        // Chromium opens its side panel inside the click's user gesture; the open panel follows.
        await openPanel?.waitFor((hash) => location.hash === hash, '#/doc/ah-tk-20242025-520');
        expect(after?.panelStatusKind ?? 'none').toBe('none');
        await openPanel?.close();
      }
      await page.close();
    });

    it('notes: a selection becomes a note, re-anchored after a reload, listed and exported', async () => {
      const page = await browser.openPage('note.html');
      await page.waitFor(() => document.querySelector('kamerlens-ref'), null);
      await page.evaluate(selectTextInPage, ['#p2', QUOTE] as [string, string]);
      await page.press('Alt+Shift+KeyN');
      await page.evaluateInFrame(
        '/annotate-frame.html#',
        async (note) => {
          for (let i = 0; i < 200 && !document.querySelector('textarea'); i += 1)
            await new Promise((done) => setTimeout(done, 50));
          const field = document.querySelector('textarea');
          if (!field) throw new Error('no note field');
          field.value = note;
          field.dispatchEvent(new Event('input', { bubbles: true }));
          await new Promise((done) => setTimeout(done, 50));
          document.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
        },
        NOTE,
      );
      const highlights = () =>
        page.evaluate(() => {
          // Our highlight names are random per page load: read every registered highlight.
          const ranges = new Set<Range>();
          for (const highlight of CSS.highlights.values())
            for (const range of highlight) ranges.add(range as Range);
          return [...ranges].map((r) => r.toString().replace(/\s+/g, ' '));
        }, null);
      expect(await until(highlights, (h) => h.length > 0)).toEqual([QUOTE]);
      await page.reload();
      expect(await until(highlights, (h) => h.length > 0)).toEqual([QUOTE]);
      await page.close();

      const panel = await browser.openExtensionPage('sidepanel.html#/notes');
      // The notes view starts with the current page's notes; the page is closed, so ask for all.
      const allNotes = browser.t('annotate_scope_all', '1');
      await panel.waitFor(
        (label) => [...document.querySelectorAll('button')].some((b) => b.textContent?.trim() === label),
        allNotes,
        20_000,
      );
      await panel.evaluate((label) => {
        [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === label)?.click();
      }, allNotes);
      await panel.waitFor((note) => document.body.textContent?.includes(note), NOTE, 20_000);
      const exported = await panel.evaluate(async (label) => {
        const blobs: Blob[] = [];
        const original = URL.createObjectURL.bind(URL);
        URL.createObjectURL = (blob: Blob | MediaSource) => {
          if (blob instanceof Blob) blobs.push(blob);
          return original(blob);
        };
        const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === label);
        if (!button) throw new Error(`no button "${label}"`);
        button.click();
        for (let i = 0; i < 100 && blobs.length === 0; i += 1)
          await new Promise((done) => setTimeout(done, 50));
        return blobs[0] ? blobs[0].text() : null;
      }, browser.t('annotate_export_jsonld'));
      expect(JSON.parse(exported ?? 'null')).toMatchObject({ type: 'AnnotationCollection', total: 1 });
      expect(exported).toContain(NOTE);
      await panel.close();
    });

    it('made no request of its own to the outside, and no page logged an error', () => {
      expect(browser.outsideRequests().slice(requestsBefore)).toEqual([]);
      expect(browser.consoleErrors().slice(errorsBefore)).toEqual([]);
    });
  });
}
