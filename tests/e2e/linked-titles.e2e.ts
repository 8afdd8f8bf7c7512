/**
 * Links whose href is a reference and whose text is a title, in Chromium with the built extension:
 * the link is marked once, hovering it opens the card of the href's document, and Enter on the
 * focused link still follows it. Waits for text and states, never asserts timings.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatasetFile } from '../../data/dataset/types';
import { type ExtensionSession, extensionDir, launchExtension, waitForReferences } from './harness';

const dataset = JSON.parse(readFileSync(join(extensionDir(), 'dataset.json'), 'utf8')) as DatasetFile;

/** The title of the full record the dataset holds for an id. */
const titleOf = (id: string): string | null | undefined =>
  dataset.documents.find((doc) => !doc.stub && (doc.id === id || doc.ids.includes(id)))?.title;

/** Playwright's CSS locators pierce open shadow roots: this finds the card inside the host. */
const card = (page: Page) => page.locator('.kl-popover');

describe('links whose href is a reference, in Chromium', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchExtension();
    await session.datasetReady();
  });

  afterAll(async () => {
    await session?.close();
  });

  it('marks each such link once, with the ids of its href, and leaves other links alone', async () => {
    const page = await session.openPage('linked-titles.html');
    const marks = await waitForReferences(page, 2);
    expect(marks.map((m) => [m.ids, m.text, m.focusable])).toEqual([
      ['kst-34352-330', 'Voortgang Participatiewet in balans', false],
      ['2024D43182 2024Z15690', 'Antwoord op vragen van het lid De Kort over re-integratiediensten', false],
    ]);
    await page.close();
  });

  it('hover on the link shows the card of the href document; Enter on the focused link follows it', async () => {
    const page = await session.openPage('linked-titles.html');
    await waitForReferences(page, 2);
    const expected = titleOf('kst-34352-330');
    expect(expected).toBeTruthy();
    await page.locator('#kst-link').hover();
    await expect.poll(() => card(page).locator('.kl-title').textContent()).toBe(expected);

    await page.mouse.move(0, 0);
    await expect.poll(() => card(page).count()).toBe(0);
    await page.locator('#kst-link').focus();
    await expect.poll(() => card(page).locator('.kl-title').textContent()).toBe(expected);
    const navigation = page.waitForEvent('request', (request) =>
      request.url().startsWith('https://zoek.officielebekendmakingen.nl/kst-34352-330.html'),
    );
    await page.keyboard.press('Enter');
    await navigation;
    await page.close();
  });
});
