/**
 * Annotations end to end in Chromium with the built extension: annotate on a news-style page
 * (selection → Alt+Shift+N → editor → save), reload → highlight restored and the note shown on
 * hover; the page cannot read the note nor the keys typed into the editor (both live in the
 * extension's note frame); the page text edited slightly → still anchored; export (side panel,
 * JSON-LD download), wipe, import → identical notes. The fixture is copied to a temporary folder so
 * it can be edited.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnnotationRecord } from '../../data/annotations/model';
import {
  callBackground,
  firstHighlightPoint,
  noteFrame,
  select,
  waitForHighlights,
} from './annotate-helpers';
import { type ExtensionSession, launchExtension, runAxe, saveScreenshot } from './harness';

/** The extension API as seen from an extension page (evaluated there, not in Node). */
declare const chrome: {
  runtime: {
    sendMessage(message: unknown): Promise<{ ok: boolean; value?: unknown; error?: string } | undefined>;
  };
  i18n: { getMessage(key: string): string };
};

const FIXTURE = resolve('tests/fixtures/annotations/news.html');
const QUOTE = 'bijna 406 duizend mensen een bijstandsuitkering';
const NOTE = 'Controleren met de CBS-cijfers.';

let session: ExtensionSession;
let pagesDir: string;

beforeAll(async () => {
  pagesDir = mkdtempSync(join(tmpdir(), 'kamerlens-annotations-'));
  copyFileSync(FIXTURE, join(pagesDir, 'news.html'));
  session = await launchExtension({ pagesDir });
});

afterAll(async () => {
  await session?.close();
  rmSync(pagesDir, { recursive: true, force: true });
});

describe('annotations in Chromium', () => {
  let saved: AnnotationRecord[] = [];

  it('annotates a selection with note, tag and a linked document', async () => {
    const page = await session.openPage('news.html');
    await page.waitForSelector('kamerlens-ref'); // the content script is running
    await select(page, '#p2', QUOTE);
    await page.keyboard.press('Alt+Shift+KeyN');
    const editor = await noteFrame(page);
    const note = editor.locator('textarea');
    await note.waitFor({ timeout: 10_000 });
    // Focus moved into the frame, onto the note field.
    await expect
      .poll(() => note.evaluate((el) => el === document.activeElement && document.hasFocus()))
      .toBe(true);
    await note.fill(NOTE);
    await editor.locator('input[id$="-tags"]').fill('bijstand, cijfers');
    const search = editor.locator('input[role="combobox"]');
    await search.fill('Monitoringsbrief');
    await editor.locator('[role="option"]').first().waitFor();
    await search.press('Enter');
    await editor.locator('.ka-chip').first().waitFor();
    expect(await runAxe(editor)).toEqual([]);
    await saveScreenshot(page, 'annotation-editor');
    await editor.locator('button[type="submit"]').click();
    expect(await waitForHighlights(page, 1)).toEqual([QUOTE]);
    await page.close();
  });

  /** Hover the first highlight; the note card's frame once it shows the note. */
  async function hoverNote(page: Page): Promise<Frame> {
    const box = await firstHighlightPoint(page);
    await page.mouse.move(box.x, box.y);
    const frame = await noteFrame(page);
    await frame.locator('[role="dialog"]').waitFor({ timeout: 5_000 });
    return frame;
  }

  it('restores the highlight after a reload and shows the note on hover', async () => {
    const page = await session.openPage('news.html');
    expect(await waitForHighlights(page, 1)).toEqual([QUOTE]);
    const frame = await hoverNote(page);
    const card = frame.locator('[role="dialog"]');
    expect(await card.textContent()).toContain(NOTE);
    expect(await card.textContent()).toContain('#bijstand');
    await expect.poll(() => card.textContent()).toContain('34352, nr. 349');
    expect(await runAxe(frame)).toEqual([]);
    await saveScreenshot(page, 'annotation-card');
    // The page's DOM is untouched by highlighting: no wrapper elements.
    expect(await page.locator('kamerlens-highlight, mark').count()).toBe(0);
    await page.close();
  });

  it('loads the notes of the address a single-page site moves to, and of no address a page only claims', async () => {
    // Another address of the same article: its notes are none.
    const page = await session.openPage('news.html?weergave=2');
    await page.waitForSelector('kamerlens-ref');
    // A page that dispatches what WXT's address watch listened for (or the Navigation API's event)
    // without moving loads nothing new.
    await page.evaluate(() => {
      const nav = (window as unknown as { navigation?: EventTarget }).navigation;
      nav?.dispatchEvent(new Event('navigatesuccess'));
      window.dispatchEvent(new Event('wxt:locationchange'));
    });
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0))).toBe(0);
    // The site moves to the annotated address without loading a document.
    await page.evaluate(() => history.pushState({}, '', 'news.html'));
    expect(await waitForHighlights(page, 1)).toEqual([QUOTE]);
    await page.close();
  });

  it('the page reads neither a saved note nor the keys typed into the editor', async () => {
    const page = await session.openPage('news.html');
    expect(await waitForHighlights(page, 1)).toEqual([QUOTE]);
    // A curious page: capture listeners on window and document for every key and input.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seenByPage: string[] }).seenByPage = seen;
      for (const target of [window, document]) {
        for (const type of ['keydown', 'keypress', 'keyup', 'beforeinput', 'input']) {
          target.addEventListener(
            type,
            (event) => seen.push(`${type}:${(event as KeyboardEvent).key ?? (event as InputEvent).data}`),
            true,
          );
        }
      }
    });
    /** Everything the page's own scripts can find, searched for `secret`. */
    const pageView = (secret: string) =>
      page.evaluate((text) => {
        const hits: string[] = [];
        // biome-ignore lint/performance/useDomNodeTextContent: the rendered text, as a page script reads it.
        if (document.body.innerText.includes(text)) hits.push('body.innerText');
        if (document.documentElement.outerHTML.includes(text)) hits.push('outerHTML');
        for (const element of document.querySelectorAll('*')) {
          const root = element.shadowRoot;
          if (root && (root.textContent ?? '').includes(text))
            hits.push(`shadow root of ${element.localName}`);
          if (root)
            for (const field of root.querySelectorAll('textarea, input'))
              if ((field as HTMLInputElement).value.includes(text))
                hits.push(`field in ${element.localName}`);
        }
        // Our host is a plain element with a closed shadow root: the page finds nothing by name.
        const host = document.querySelector('kamerlens-annotate');
        const frames: string[] = [];
        for (let i = 0; i < window.frames.length; i++) {
          try {
            frames.push(window.frames[i]?.document.body.textContent ?? '');
            hits.push(`frame ${i} readable`);
          } catch {
            // A cross-origin frame: its document is out of the page's reach.
          }
        }
        return {
          hits,
          hostFound: host !== null,
          hostShadowRoot: host?.shadowRoot ?? null,
          frameCount: window.frames.length,
        };
      }, secret);

    // The listeners and the search work: a key typed on the page and the page's own text are found.
    await page.keyboard.press('KeyQ');
    expect(await page.evaluate(() => (window as unknown as { seenByPage: string[] }).seenByPage)).toContain(
      'keydown:q',
    );
    await page.evaluate(() => {
      (window as unknown as { seenByPage: string[] }).seenByPage.length = 0;
    });
    const card = await hoverNote(page);
    expect(await card.locator('[role="dialog"]').textContent()).toContain(NOTE);
    expect((await pageView(QUOTE)).hits).toContain('body.innerText');

    // No host by a predictable name; a frame inside a shadow tree is not in `window.frames`.
    const shown = await pageView(NOTE);
    expect(shown).toEqual({ hits: [], hostFound: false, hostShadowRoot: null, frameCount: 0 });
    // Even holding the frame element, a page script gets no document: the frame is cross-origin.
    const element = await card.frameElement();
    expect(
      await element.evaluate((el) => {
        const frame = el as HTMLIFrameElement;
        let windowDocument: string;
        try {
          windowDocument = frame.contentWindow?.document.body.textContent ?? 'none';
        } catch (error) {
          windowDocument = (error as Error).name;
        }
        return { contentDocument: frame.contentDocument, windowDocument };
      }),
    ).toEqual({ contentDocument: null, windowDocument: 'SecurityError' });

    // Edit from the card; type into the editor inside the frame.
    await card.locator('.ka-primary').click();
    const editor = await noteFrame(page, new Set([card]));
    const field = editor.locator('textarea');
    await field.waitFor();
    await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true);
    await field.press('End');
    await field.pressSequentially(' Geheime bron');
    expect(await field.inputValue()).toBe(`${NOTE} Geheime bron`);
    expect((await pageView('Geheime bron')).hits).toEqual([]);
    expect((await pageView(NOTE)).hits).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { seenByPage: string[] }).seenByPage)).toEqual([]);
    // Escape cancels (the note stays as saved) and closes the frame. Pressed through the page's
    // keyboard on the focused field: an element's own press waits on that element, whose frame the
    // keydown removes, and so hung until its timeout once in a CI run.
    await page.keyboard.press('Escape');
    await expect
      .poll(() => page.frames().filter((f) => f.url().includes('/annotate-frame.html')).length)
      .toBe(0);
    // Only the release of Escape may reach the page (focus is back on the page by then): no content.
    const afterClose = await page.evaluate(() => (window as unknown as { seenByPage: string[] }).seenByPage);
    expect(afterClose.filter((seen) => seen !== 'keyup:Escape')).toEqual([]);
    await page.close();
  });

  it('stays anchored after the article is edited slightly', async () => {
    const file = join(pagesDir, 'news.html');
    const html = readFileSync(file, 'utf8')
      .replace('bijna 406 duizend mensen', 'bijna 406.000 mensen')
      .replace(
        '<p id="p1">',
        '<p class="update">Update 13 december: reactie van de VNG toegevoegd.</p>\n      <p id="p1">',
      );
    writeFileSync(file, html);
    const page = await session.openPage('news.html');
    expect(await waitForHighlights(page, 1)).toEqual(['bijna 406.000 mensen een bijstandsuitkering']);
    await page.close();
  });

  it('export, wipe, import gives identical notes', async () => {
    const panel = await session.openExtensionPage('sidepanel.html#/notes');
    // The extension speaks the session's language; expected texts come from its messages.json.
    expect(await panel.evaluate(() => chrome.i18n.getMessage('annotate_locale'))).toBe(session.locale);
    const t = session.t;
    saved = await callBackground<AnnotationRecord[]>(panel, 'listAnnotations', {});
    expect(saved).toHaveLength(1);
    await panel.getByRole('button', { name: t('annotate_scope_all', '1') }).click();
    const [download] = await Promise.all([
      panel.waitForEvent('download'),
      panel.getByRole('button', { name: t('annotate_export_jsonld') }).click(),
    ]);
    const exported = readFileSync((await download.path()) as string, 'utf8');
    expect(JSON.parse(exported)).toMatchObject({ type: 'AnnotationCollection', total: 1 });

    await panel.getByRole('button', { name: t('annotate_delete') }).click();
    await panel.getByRole('button', { name: t('annotate_undo') }).waitFor();
    expect(await callBackground<AnnotationRecord[]>(panel, 'listAnnotations', {})).toEqual([]);

    const exportFile = join(pagesDir, 'export.jsonld');
    writeFileSync(exportFile, exported);
    await panel.locator('#ka-import-file').setInputFiles(exportFile);
    await panel.getByText(t('annotate_import_done', '1', '0', '0')).waitFor();
    expect(await callBackground<AnnotationRecord[]>(panel, 'listAnnotations', {})).toEqual(saved);
    expect(await runAxe(panel)).toEqual([]);
    await saveScreenshot(panel, 'annotations-panel');
    await panel.close();
  });
});
