/**
 * Annotations end to end in Chromium with the built extension: annotate on a news-style page
 * (selection → Alt+Shift+N → editor → save), reload → highlight restored and the note shown on
 * hover; the page text edited slightly → still anchored; export (side panel, JSON-LD download),
 * wipe, import → identical notes. The fixture is copied to a temporary folder so it can be edited.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translatorFor } from '../../components/sidepanel/translate';
import type { AnnotationRecord } from '../../data/db/records';
import en from '../../public/_locales/en/messages.json';
import nl from '../../public/_locales/nl/messages.json';
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

/** Select `text` inside the element `selector` (the page's own selection, as a reader would). */
async function select(page: Page, selector: string, text: string): Promise<void> {
  await page.evaluate(
    ([sel, wanted]) => {
      const element = document.querySelector(sel as string);
      if (!element) throw new Error(`no ${sel}`);
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
      const full = nodes.map((n) => n.data).join('');
      const at = full.indexOf(wanted as string);
      if (at < 0) throw new Error(`no "${wanted}" in ${sel}`);
      const locate = (offset: number): [Text, number] => {
        let seen = 0;
        for (const node of nodes) {
          if (offset <= seen + node.data.length) return [node, offset - seen];
          seen += node.data.length;
        }
        throw new Error('offset out of range');
      };
      const range = document.createRange();
      range.setStart(...locate(at));
      range.setEnd(...locate(at + (wanted as string).length));
      const selection = getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
    },
    [selector, text],
  );
}

/** The texts of the ranges Kamerlens highlights (CSS Custom Highlight API; the page DOM is unchanged). */
function highlightedTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const highlight = CSS.highlights.get('kamerlens-note');
    return highlight ? [...highlight].map((range) => (range as Range).toString().replace(/\s+/g, ' ')) : [];
  });
}

async function waitForHighlights(page: Page, count: number): Promise<string[]> {
  await page.waitForFunction((n) => (CSS.highlights.get('kamerlens-note')?.size ?? 0) >= n, count, {
    timeout: 15_000,
    polling: 50,
  });
  return highlightedTexts(page);
}

/** Calls the background from an extension page, as the side panel does. */
async function callBackground<T>(panel: Page, type: string, payload: unknown): Promise<T> {
  const answer = await panel.evaluate(([t, p]) => chrome.runtime.sendMessage({ type: t, payload: p }), [
    type,
    payload,
  ] as const);
  if (!answer?.ok) throw new Error(`${type}: ${JSON.stringify(answer)}`);
  return answer.value as T;
}

describe('annotations in Chromium', () => {
  let saved: AnnotationRecord[] = [];

  it('annotates a selection with note, tag and a linked document', async () => {
    const page = await session.openPage('news.html');
    await page.waitForSelector('kamerlens-ref'); // the content script is running
    await select(page, '#p2', QUOTE);
    await page.keyboard.press('Alt+Shift+KeyN');
    const note = page.locator('kamerlens-annotate textarea');
    await note.waitFor({ timeout: 10_000 });
    await expect
      .poll(() => note.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement))
      .toBe(true);
    await note.fill('Controleren met de CBS-cijfers.');
    await page.locator('kamerlens-annotate input[id$="-tags"]').fill('bijstand, cijfers');
    const search = page.locator('kamerlens-annotate input[role="combobox"]');
    await search.fill('Monitoringsbrief');
    await page.locator('kamerlens-annotate [role="option"]').first().waitFor();
    await search.press('Enter');
    await page.locator('kamerlens-annotate .ka-chip').first().waitFor();
    expect(await runAxe(page, 'kamerlens-annotate')).toEqual([]);
    await saveScreenshot(page, 'annotation-editor');
    await page.locator('kamerlens-annotate button[type="submit"]').click();
    expect(await waitForHighlights(page, 1)).toEqual([QUOTE]);
    await page.close();
  });

  it('restores the highlight after a reload and shows the note on hover', async () => {
    const page = await session.openPage('news.html');
    expect(await waitForHighlights(page, 1)).toEqual([QUOTE]);
    const box = await page.evaluate(() => {
      const range = [...(CSS.highlights.get('kamerlens-note') ?? [])][0] as Range;
      const rect = range.getClientRects()[0] as DOMRect;
      return { x: rect.left + 10, y: rect.top + rect.height / 2 };
    });
    await page.mouse.move(box.x, box.y);
    const card = page.locator('kamerlens-annotate [role="dialog"]');
    await card.waitFor({ timeout: 5_000 });
    expect(await card.textContent()).toContain('Controleren met de CBS-cijfers.');
    expect(await card.textContent()).toContain('#bijstand');
    expect(await card.textContent()).toContain('34352, nr. 349');
    expect(await runAxe(page, 'kamerlens-annotate')).toEqual([]);
    await saveScreenshot(page, 'annotation-card');
    // The page's DOM is untouched by highlighting: no wrapper elements.
    expect(await page.locator('kamerlens-highlight, mark').count()).toBe(0);
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
    // The extension speaks the browser's UI language (English in Debian's headless Chromium unless
    // its Dutch locale is installed): expected texts come from the same messages.json.
    const lang = await panel.evaluate(() => chrome.i18n.getMessage('annotate_locale'));
    const t = translatorFor(lang === 'nl' ? nl : en);
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
