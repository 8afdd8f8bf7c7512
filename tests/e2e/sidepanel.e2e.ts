/**
 * The side panel in Chromium with the built extension and the bundled dataset, opened as a tab
 * (`chrome-extension://<id>/sidepanel.html`): search to an answer, deep links, "on this page" with
 * scrolling to a reference on a fixture page, and axe-core with the reader open (light and dark).
 * Waits for text and states, never asserts timings.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Translate } from '../../components/i18n';
import {
  type ExtensionSession,
  launchExtension,
  markedReferences,
  runAxe,
  saveScreenshot,
  waitForReferences,
} from './harness';

let session: ExtensionSession;
let letter: Page;
let panel: Page;
let t: Translate;

/** Opens the panel at `hash` and waits until the dataset is loaded (the first run imports it). */
async function openPanel(hash = '#/'): Promise<Page> {
  const page = await session.openExtensionPage(`sidepanel.html${hash}`);
  await page.waitForFunction(() => document.querySelector('main') !== null, undefined, { timeout: 20_000 });
  return page;
}

async function waitForLibrary(page: Page): Promise<void> {
  await page.locator('.result-title').first().waitFor({ timeout: 30_000 });
}

const axeLines = (violations: Awaited<ReturnType<typeof runAxe>>) =>
  violations.map((v) => `${v.id} (${v.impact}): ${v.help} → ${v.targets.join(', ')}`);

beforeAll(async () => {
  session = await launchExtension();
  letter = await session.openPage('letter.html');
  await waitForReferences(letter, 8);
  panel = await openPanel('#/');
  await waitForLibrary(panel);
  // Expected texts come from the messages.json of the language the session runs in.
  t = session.t;
});

afterAll(async () => {
  await session?.close();
});

describe('side panel in Chromium', () => {
  it('speaks the language the browser runs in', async () => {
    expect(await panel.evaluate(() => document.documentElement.lang)).toBe(session.locale);
    expect(await panel.locator('label[for="search-input"]').textContent()).toBe(t('sidepanel_search_label'));
  });

  it('lists the bundled documents newest first', async () => {
    const titles = await panel.locator('.result-title').allTextContents();
    expect(titles.length).toBe(5);
    expect(titles).toContain('Monitoringsbrief Participatiewet 2025');
    const dates = await panel
      .locator('.result-meta time')
      .evaluateAll((els) => els.map((e) => e.getAttribute('datetime') ?? ''));
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('search "loonkostensubsidie" letter by letter reaches the answer that mentions it', async () => {
    const box = panel.locator('#search-input');
    await box.click();
    await box.pressSequentially('loonkostensubsidie');
    const answerHit = panel.locator('.hit-where[data-where="answer"]').first();
    await answerHit.waitFor();
    const snippet = await answerHit
      .locator('xpath=following-sibling::span[1]')
      .locator('mark')
      .first()
      .textContent();
    expect(snippet?.toLowerCase()).toContain('loonkostensubsidie');
    await answerHit.click();
    await panel.waitForFunction(() => document.activeElement?.classList.contains('answer') ?? false);
    const focused = await panel.evaluate(() => ({
      hash: location.hash,
      text: document.activeElement?.textContent ?? '',
      top: document.activeElement?.getBoundingClientRect().top ?? -1,
    }));
    expect(focused.hash).toMatch(/^#\/doc\/[^/]+\/a\/\d+$/);
    expect(focused.text.toLowerCase()).toContain('loonkostensubsidie');
    // Scrolled to it: the answer starts near the top of the panel, below the sticky bar.
    const barBottom = await panel.evaluate(
      () => document.querySelector('.topbar')?.getBoundingClientRect().bottom ?? 0,
    );
    expect(focused.top).toBeGreaterThanOrEqual(barBottom);
    expect(focused.top).toBeLessThan(barBottom + 150);
  });

  it('a typed reference opens the document on Enter', async () => {
    await panel.goto(panel.url().replace(/#.*$/, '#/'));
    await waitForLibrary(panel);
    await panel.locator('#search-input').fill('34352 nr 349');
    await panel.locator('.reference-hit').waitFor();
    await panel.locator('#search-input').press('Enter');
    await expect
      .poll(() => panel.locator('#doc-title').textContent())
      .toBe('Monitoringsbrief Participatiewet 2025');
  });

  it('opens document 34352 nr. 349 from a deep link, with sections and live references', async () => {
    const reader = await openPanel('#/doc/kst-34352-349');
    await reader
      .locator('#doc-title', { hasText: 'Monitoringsbrief Participatiewet 2025' })
      .waitFor({ timeout: 30_000 });
    expect(await reader.locator('.letter-section h2').count()).toBeGreaterThan(3);
    // A footnote opens in place; the reference inside it opens the cited document's card.
    const marker = reader.locator('.footnote-marker').first();
    await marker.click();
    expect(await marker.getAttribute('aria-expanded')).toBe('true');
    const reference = reader
      .locator(
        '.footnote-inline:not([hidden]) a.reference, .footnote-inline:not([hidden]) a.reference-external',
      )
      .first();
    const href = await reference.getAttribute('href');
    expect(href).toMatch(/^#\/doc\/kst-34352-\d+$/);
    await reference.click();
    await expect.poll(() => reader.evaluate(() => location.hash)).toBe(href);
    await reader.locator('#doc-title').waitFor();
    await reader.close();
  });

  it('opens a question from the deep link the background writes (sidePanelPath)', async () => {
    const reader = await openPanel('#/doc/ah-tk-20242025-520?q=3');
    await reader.waitForFunction(() => document.activeElement?.id === 'question-3', undefined, {
      timeout: 30_000,
    });
    expect(await reader.locator('#question-3 h3').textContent()).toBe(t('sidepanel_where_question', '3'));
    await reader.close();
  });

  it('the popover\'s "open in side panel" moves the open panel to that document', async () => {
    await panel.goto(panel.url().replace(/#.*$/, '#/'));
    await waitForLibrary(panel);
    await letter.bringToFront();
    await letter.locator('kamerlens-ref[data-kamerlens-ref="ah-tk-20242025-520"]').first().click();
    const card = letter.locator('.kl-popover');
    await card.waitFor();
    // The background opens the panel and sends it `showDocument`; this panel is open as a tab.
    await card
      .getByRole('button', { name: t('popover_action_sidePanel') })
      .first()
      .click();
    await expect.poll(() => panel.evaluate(() => location.hash)).toBe('#/doc/ah-tk-20242025-520');
    await expect.poll(() => panel.locator('#doc-title').textContent()).toContain('De Kort');
    await letter.keyboard.press('Escape');
  });

  it('"on this page" lists the fixture page references by document, and reveals one on the page', async () => {
    await letter.setViewportSize({ width: 900, height: 320 });
    await letter.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await panel.goto(panel.url().replace(/#.*$/, '#/page'));
    const group = panel.locator('.page-group', { hasText: 'De Kort' });
    await group.waitFor({ timeout: 20_000 });
    const summary = await panel.locator('.page [role="status"]').textContent();
    const marks = await markedReferences(letter);
    const groups = await panel.locator('.page-group').count();
    expect(summary).toBe(
      t('sidepanel_page_summary', String(marks.length), String(groups), await letter.title()),
    );
    // One reference naming three papers (nrs. 601, 603 en 605) is listed under each of them.
    expect(groups).toBeGreaterThan(marks.length);
    await group.getByRole('button').click();
    // The page scrolled the reference into view and opened its popover, pinned.
    await letter.locator('.kl-popover').waitFor({ timeout: 10_000 });
    const visible = await letter.evaluate(() => {
      const mark = [...document.querySelectorAll('kamerlens-ref')].find((m) =>
        m.getAttribute('data-kamerlens-ref')?.includes('ah-tk-20242025-520'),
      );
      const box = mark?.getBoundingClientRect();
      return box ? box.top >= 0 && box.bottom <= window.innerHeight : false;
    });
    expect(visible).toBe(true);
    expect(await letter.locator('.kl-popover').textContent()).toContain('De Kort');
  });

  it.each(['light', 'dark'] as const)(
    'has no axe-core violations with the reader open (%s)',
    async (scheme) => {
      const reader = await openPanel('#/doc/local-002_6b02423d140da90b');
      await reader.emulateMedia({ colorScheme: scheme });
      await reader.locator('.qa-item').first().waitFor({ timeout: 30_000 });
      await reader.locator('.footnote-marker').first().click();
      expect(axeLines(await runAxe(reader))).toEqual([]);
      await saveScreenshot(reader, `sidepanel-reader-${scheme}`);
      await reader.goto(reader.url().replace(/#.*$/, '#/'));
      await waitForLibrary(reader);
      await reader.locator('#search-input').fill('gemeenten');
      await reader.locator('mark').first().waitFor();
      expect(axeLines(await runAxe(reader))).toEqual([]);
      await saveScreenshot(reader, `sidepanel-search-${scheme}`);
      await reader.close();
    },
  );

  it('has no axe-core violations on "on this page" and "about the data"', async () => {
    const about = await openPanel('#/about');
    await about.locator('.sources li').first().waitFor({ timeout: 30_000 });
    expect(axeLines(await runAxe(about))).toEqual([]);
    expect(await about.locator('.sources li').count()).toBe(5);
    await about.goto(about.url().replace(/#.*$/, '#/page'));
    await about.locator('.page-group').first().waitFor({ timeout: 20_000 });
    expect(axeLines(await runAxe(about))).toEqual([]);
    await about.close();
  });

  it('"on this page" grows by itself while the page adds references after load', async () => {
    // Opened last, the liveblog is the tab the panel describes; its updates wait for the panel.
    const live = await session.openPage('dynamic.html?manual');
    const onPage = await openPanel('#/page');
    const status = onPage.locator('.page [role="status"]');
    await expect
      .poll(() => status.textContent(), { timeout: 20_000 })
      .toBe(t('sidepanel_page_none', await live.title()));
    await live.evaluate(() => (window as unknown as { startUpdates(): void }).startUpdates());
    await live.waitForFunction(() => document.body.dataset.updatesDone === 'true');
    const marks = await waitForReferences(live, 4);
    // No refresh button pressed: the content script's notice made the panel read the page again.
    await expect
      .poll(() => onPage.locator('.page-group').count(), { timeout: 15_000 })
      .toBe(new Set(marks.flatMap((m) => m.ids.split(' '))).size);
    expect(await onPage.locator('.page-group').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('De Kort')]),
    );
    await onPage.close();
    await live.close();
  });
});
