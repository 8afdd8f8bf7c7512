/**
 * The page scanner and editable documents in Chromium: design mode (from the start and switched on
 * after load) and ARIA text fields get no marks, so nothing of Kamerlens ends up in what an editor
 * saves. Waits for marks to appear or vanish, never for fixed times.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionSession, launchExtension, markedReferences, waitForReferences } from './harness';

let session: ExtensionSession;

beforeAll(async () => {
  session = await launchExtension();
});

afterAll(async () => {
  await session?.close();
});

const markCount = (page: Page): Promise<number> =>
  page.evaluate(() => document.querySelectorAll('kamerlens-ref').length);

/**
 * Asks the page's content script for its references, as the side panel does; retries until the
 * content script is listening. An answer means the scanner has started on the page.
 */
async function pageReferences(page: Page): Promise<unknown[]> {
  const url = page.url();
  for (let attempt = 0; ; attempt++) {
    const answer = await session.serviceWorker.evaluate(async (href) => {
      type Chrome = {
        tabs: {
          query(q: { url: string }): Promise<{ id?: number }[]>;
          sendMessage(id: number, m: unknown): Promise<{ ok: boolean; value: unknown[] }>;
        };
      };
      const { tabs } = (globalThis as unknown as { chrome: Chrome }).chrome;
      const [tab] = await tabs.query({ url: href });
      if (tab?.id === undefined) return null;
      return tabs.sendMessage(tab.id, { type: 'pageReferences', payload: {} }).catch(() => null);
    }, url);
    if (answer?.ok) return answer.value;
    if (attempt > 100) throw new Error(`no content script answered on ${url}`);
    await page.waitForTimeout(50);
  }
}

describe('page scanner: editable documents', () => {
  it('leaves ARIA text fields alone and marks the text around them', async () => {
    const page = await session.openPage('editable.html');
    // The scan walks in document order: once the last paragraph is marked, the fields were seen.
    await page.waitForSelector('#end kamerlens-ref');
    expect((await markedReferences(page)).map((m) => m.ids)).toEqual(['kst-34352-330', 'ah-tk-20242025-520']);
    expect(await page.$$eval('#editor kamerlens-ref, #search kamerlens-ref', (els) => els.length)).toBe(0);
    await page.close();
  });

  it('unwraps every mark when the page switches design mode on, and marks nothing typed', async () => {
    const page = await session.openPage('news.html');
    await waitForReferences(page, 5);
    const original = await page.evaluate(() => {
      document.designMode = 'on';
      return document.body.textContent;
    });
    // The reader clicks into the document to edit it.
    await page.click('article p.lead');
    await page.waitForFunction(() => document.querySelectorAll('kamerlens-ref').length === 0, undefined, {
      timeout: 5_000,
    });
    expect(await page.evaluate(() => document.body.textContent)).toBe(original);
    await page.keyboard.press('End');
    await page.keyboard.type(' Zie Kamerstuk 36 600 XV, nr. 85.');
    expect(await pageReferences(page)).toEqual([]);
    expect(await markCount(page)).toBe(0);

    // Design mode off again: the page is read again, the typed reference included.
    await page.evaluate(() => {
      document.designMode = 'off';
    });
    await page.click('h1');
    const marks = await waitForReferences(page, 6);
    expect(marks.map((m) => m.ids)).toContain('kst-36600-XV-85');
    await page.close();
  });

  it('marks nothing in a document that is in design mode from the start', async () => {
    const page = await session.openPage('design-mode.html');
    expect(await pageReferences(page)).toEqual([]);
    expect(await markCount(page)).toBe(0);
    await page.evaluate(() => {
      document.designMode = 'off';
    });
    await page.click('h1');
    expect((await waitForReferences(page, 2)).map((m) => m.ids)).toEqual([
      'kst-34352-330',
      'ah-tk-20242025-520',
    ]);
    await page.close();
  });
});
