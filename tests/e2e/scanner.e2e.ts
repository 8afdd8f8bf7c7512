/**
 * The page scanner in Chromium with the built extension, on the fixture pages served from
 * 127.0.0.1 (a random port: this also proves `http://127.0.0.1/*` matches any port). A second,
 * extension-less browser gives the baseline for "the page is unchanged" checks. Waits for marks,
 * never for fixed times.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ExtensionSession,
  launchExtension,
  markedReferences,
  runAxe,
  saveScreenshot,
  waitForReferences,
} from './harness';

let session: ExtensionSession;
let plain: ExtensionSession;

beforeAll(async () => {
  [session, plain] = await Promise.all([launchExtension(), launchExtension({ withExtension: false })]);
  for (const { context, serverUrl } of [session, plain]) {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(serverUrl).origin,
    });
  }
});

afterAll(async () => {
  await Promise.all([session?.close(), plain?.close()]);
});

const idsOf = async (page: Page) => (await markedReferences(page)).map((mark) => mark.ids);

/** Selects the element's contents; returns the selection's text and what a copy puts on the clipboard. */
async function selectAndCopy(page: Page, selector: string): Promise<{ selection: string; copied: string }> {
  await page.bringToFront();
  return page.evaluate(async (css) => {
    const range = document.createRange();
    range.selectNodeContents(document.querySelector(css) as Element);
    const selection = getSelection() as Selection;
    selection.removeAllRanges();
    selection.addRange(range);
    document.execCommand('copy');
    return { selection: selection.toString(), copied: await navigator.clipboard.readText() };
  }, selector);
}

describe('page scanner in Chromium', () => {
  it('marks every reference in the official letter, and nothing else', async () => {
    const page = await session.openPage('letter.html');
    const marks = await waitForReferences(page, 9);
    expect(marks.map((m) => m.ids).sort()).toEqual(
      [
        'kst-34352-327',
        'kst-34352-330',
        'kst-36600-XV-85',
        'ah-tk-20242025-520',
        'h-tk-20242025-112-5',
        'kst-17050-601 kst-17050-603 kst-17050-605',
        'kst-36582-F',
        'kst-34352-187',
        'kst-26448-742',
      ].sort(),
    );
    const split = marks.find((m) => m.ids === 'kst-34352-330');
    expect(split).toMatchObject({
      pieces: 4,
      text: 'Kamerstukken II 2024/25, 34 352, nr. 330',
      focusable: true,
    });
    await saveScreenshot(page, 'scanner-letter');
    await page.close();
  });

  it('marks the news article, with references split over links and emphasis and spaced with NBSP', async () => {
    const page = await session.openPage('news.html');
    const marks = await waitForReferences(page, 5);
    expect(marks.map((m) => m.ids)).toEqual([
      'kst-34352-349',
      'kst-34352-340',
      'kst-34352-306',
      '2024Z15690',
      'kst-36582-F',
    ]);
    expect(marks[0]).toMatchObject({ kind: 'kamerstuk', pieces: 1, focusable: false }); // the whole link
    expect(marks[1]).toMatchObject({ text: 'Kamerstuk 34 352, nr. 340', pieces: 2, focusable: true });
    expect(marks[2]).toMatchObject({ text: 'Kamerstukken\u00a0II 2023/24, 34\u2009352, nr.\u00a0306' });
    expect(marks[3]).toMatchObject({ kind: 'zaak' });
    const links = await page.$$eval('a', (as) => as.map((a) => [a.href, a.textContent]));
    const plainPage = await plain.openPage('news.html');
    expect(links).toEqual(await plainPage.$$eval('a', (as) => as.map((a) => [a.href, a.textContent])));
    await plainPage.close();
    await page.close();
  });

  it('marks references the page adds after load, and text it rewrites', async () => {
    const page = await session.openPage('dynamic.html');
    await page.waitForSelector('body[data-updates-done="true"]');
    const marks = await waitForReferences(page, 4);
    expect(marks.map((m) => m.ids)).toEqual([
      'kst-34352-340',
      'kst-34352-349',
      'ah-tk-20242025-520',
      'kst-36600-XV-85',
    ]);
    expect(marks.slice(1).every((m) => m.pieces === 2)).toBe(true);
    await page.close();
  });

  it('leaves form fields, editable regions, code, hidden text and scripts alone', async () => {
    const page = await session.openPage('skip-regions.html');
    const plainPage = await plain.openPage('skip-regions.html');
    // The scan walks in document order: once the last paragraph is marked, the rest was seen.
    await page.waitForSelector('#end kamerlens-ref');
    expect(await idsOf(page)).toEqual(['kst-34352-330', 'ah-tk-20242025-520']);
    const snapshot = (p: Page) =>
      p.evaluate(() => ({
        textarea: (document.getElementById('opmerking') as HTMLTextAreaElement).value,
        input: (document.getElementById('onderwerp') as HTMLInputElement).value,
        editor: document.getElementById('editor')?.innerHTML,
        code: document.getElementById('code')?.innerHTML,
        hidden: document.getElementById('hidden')?.innerHTML,
        marksInSkipped: document.querySelectorAll(
          'textarea kamerlens-ref, [contenteditable] kamerlens-ref, code kamerlens-ref, [hidden] kamerlens-ref, noscript kamerlens-ref',
        ).length,
        scriptValue: (window as unknown as { exampleReference: string }).exampleReference,
      }));
    expect(await snapshot(page)).toEqual(await snapshot(plainPage));
    await plainPage.close();
    await page.close();
  });

  it("keeps the page's own DOM-walking script's result unchanged", async () => {
    const page = await session.openPage('dom-walker.html');
    await waitForReferences(page, 6);
    const { initial, now } = await page.evaluate(() => {
      const w = window as unknown as { initialWalk: string; walkPage: () => string };
      return { initial: w.initialWalk, now: w.walkPage() };
    });
    expect(JSON.parse(now)).toEqual(JSON.parse(initial));
    await page.close();
  });

  it('keeps text selection and copy identical to the page without Kamerlens', async () => {
    const page = await session.openPage('news.html');
    await waitForReferences(page, 5);
    const plainPage = await plain.openPage('news.html');
    for (const selector of ['article p:nth-of-type(2)', 'article p:nth-of-type(3)', 'article p.lead']) {
      const marked = await selectAndCopy(page, selector);
      const original = await selectAndCopy(plainPage, selector);
      expect(original.copied.length).toBeGreaterThan(40);
      expect(marked.selection).toBe(original.selection);
      expect(marked.copied).toBe(original.copied);
    }
    await plainPage.close();
    await page.close();
  });

  it('shifts no layout: every block keeps its box', async () => {
    const boxes = async (p: Page) =>
      p.$$eval('h1, p, li, blockquote', (els) => els.map((el) => JSON.stringify(el.getBoundingClientRect())));
    for (const fixture of ['letter.html', 'news.html']) {
      const page = await session.openPage(fixture);
      await waitForReferences(page, 5);
      const plainPage = await plain.openPage(fixture);
      expect(await boxes(page)).toEqual(await boxes(plainPage));
      await plainPage.close();
      await page.close();
    }
  });

  it('reaches a mark with Tab, shows a focus ring and names it', async () => {
    const page = await session.openPage('news.html');
    await waitForReferences(page, 5);
    let focused: { tag: string; label: string | null; outline: string } | null = null;
    for (let i = 0; i < 10 && focused?.tag !== 'kamerlens-ref'; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => {
        const active = document.activeElement as Element;
        return {
          tag: active.localName,
          label: active.getAttribute('aria-label'),
          outline: getComputedStyle(active).outlineStyle,
        };
      });
    }
    expect(focused).toEqual({ tag: 'kamerlens-ref', label: 'Kamerstuk 34 352, nr. 340', outline: 'solid' });
    const style = await page.$eval('kamerlens-ref', (m) => getComputedStyle(m).textDecorationStyle);
    expect(style).toBe('dotted');
    await saveScreenshot(page, 'scanner-news-focus');
    await page.close();
  });

  it('adds no accessibility violations (axe-core, WCAG 2.x A/AA) to running text', async () => {
    const page = await session.openPage('news.html');
    await waitForReferences(page, 5);
    expect(await runAxe(page)).toEqual([]);
    await page.close();
  });

  it('adds one known axe finding: target-size on footnotes that are a bare reference', async () => {
    // A footnote that is only a reference becomes one button (the group's keyboard stop) filling
    // its line; two such lines close together are two small adjacent targets to axe, which does
    // not count them as text because no plain text is left around them. Their height is the
    // page's own line height, which Kamerlens must not change (no layout shift); WCAG 2.5.8 exempts
    // targets whose size is constrained by the line height of the text, but axe cannot know that.
    // The finding is reported, not hidden: this test pins it to exactly those footnotes, and the
    // page without Kamerlens has none.
    const page = await session.openPage('letter.html');
    await waitForReferences(page, 9);
    const plainPage = await plain.openPage('letter.html');
    expect(await runAxe(plainPage)).toEqual([]);
    const violations = await runAxe(page);
    expect(violations.map((v) => [v.id, v.targets])).toEqual([
      [
        'target-size',
        [
          'kamerlens-ref[data-kamerlens-ref="kst-34352-187"]',
          'kamerlens-ref[data-kamerlens-ref="kst-26448-742"]',
        ],
      ],
    ]);
    await plainPage.close();
    await page.close();
  });
});
