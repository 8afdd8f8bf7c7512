/**
 * The scanner reads text as it nears the viewport (issue 9, finding 10: what marking costs a page),
 * in Chromium: text far below is not touched at load, and is marked when the reader scrolls to it,
 * when Tab moves towards it, and when the side panel asks for the page's references.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionSession, launchExtension, waitForReferences } from './harness';

const FILLER =
  'De regering wil dat gemeenten meer ruimte krijgen om mensen in de bijstand op maat te ondersteunen. ' +
  'Uit de evaluatie blijkt dat de uitvoering ingewikkeld is en dat de regels vaak als streng worden ervaren. ';

/**
 * Paragraphs between two references: well beyond the ten screens the scanner reads ahead at once
 * (viewport-gate.ts), at any viewport the harness uses.
 */
const SCREENS = 300;

/** Many screens of prose without references or tab stops between the references. */
const filler = (paragraphs: number) =>
  Array.from({ length: paragraphs }, () => `<p>${FILLER.repeat(4)}</p>`).join('\n');

const PAGE = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Lange brief</title></head>
<body><main>
<p id="top">Zie Kamerstuk 34 352, nr. 340.</p>
<section>${filler(SCREENS)}</section>
<p id="middle">Verder Kamerstuk 36 600 XV, nr. 85.</p>
<section>${filler(SCREENS)}</section>
<p id="end">Tot slot Kamerstuk 34 352, nr. 349.</p>
</main></body></html>`;

/** Paragraphs of filler that put a reference a few screens below the first, within the gate's reach. */
const FEW_SCREENS = 30;

/** A reference a few screens below: outside what is near at load, inside the ten-screen reach. */
const REACH_PAGE = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Brief</title></head>
<body><main>
<p id="top">Zie Kamerstuk 34 352, nr. 340.</p>
<section>${filler(FEW_SCREENS)}</section>
<p id="below">Verder Kamerstuk 36 600 XV, nr. 85.</p>
<section>${filler(SCREENS)}</section>
</main></body></html>`;

/** The part of `chrome.tabs` the test calls in the service worker. */
interface Tabs {
  query(filter: { url: string }): Promise<{ id?: number }[]>;
  sendMessage(tabId: number, message: unknown): Promise<unknown>;
}

let session: ExtensionSession;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kamerlens-viewport-'));
  writeFileSync(join(dir, 'long.html'), PAGE);
  writeFileSync(join(dir, 'reach.html'), REACH_PAGE);
  session = await launchExtension({ pagesDir: dir });
});

afterAll(async () => {
  await session?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The ids marked inside the element `id` ('' when not marked). */
const markedIn = (page: Page, id: string) =>
  page.evaluate(
    (id) => document.querySelector(`#${id} kamerlens-ref`)?.getAttribute('data-kamerlens-ref') ?? '',
    id,
  );

/**
 * Opens the long page (under an address of its own per test, so the panel's request finds this tab)
 * and waits until the reference at its top is marked and the gate's first answers are in.
 */
async function openLongPage(name: string, file = 'long.html'): Promise<Page> {
  const page = await session.openPage(`${file}?${name}`);
  await waitForReferences(page, 1);
  // Two frames: the viewport gate's first answers have come in and been read.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  return page;
}

describe('scanner: text is read as it nears the viewport (Chromium)', () => {
  it('leaves text screens below unread at load, and marks it when the reader scrolls there', async () => {
    const page = await openLongPage('scroll');
    const screensToMiddle = await page.evaluate(
      () => (document.getElementById('middle')?.getBoundingClientRect().top ?? 0) / innerHeight,
    );
    expect(screensToMiddle).toBeGreaterThan(15);
    expect(await markedIn(page, 'top')).toBe('kst-34352-340');
    expect(await markedIn(page, 'middle')).toBe('');
    expect(await markedIn(page, 'end')).toBe('');
    await page.evaluate(() => document.getElementById('end')?.scrollIntoView());
    await expect.poll(() => markedIn(page, 'end')).toBe('kst-34352-349');
    await page.close();
  });

  it('reads only what is near until the reader scrolls; then a short scroll brings in the screens ahead', async () => {
    const page = await openLongPage('reach', 'reach.html');
    const screensToBelow = () =>
      page.evaluate(() => (document.getElementById('below')?.getBoundingClientRect().top ?? 0) / innerHeight);
    // Beyond what is near (a screen), well within the reach of ten screens.
    expect(await screensToBelow()).toBeGreaterThan(3);
    expect(await screensToBelow()).toBeLessThan(8);
    expect(await markedIn(page, 'top')).toBe('kst-34352-340');
    // A page only looked at pays for the screens around the viewport, not for ten ahead.
    await page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    );
    expect(await markedIn(page, 'below')).toBe('');
    // Half a screen down: the reference is still screens away, but the reader is on the move.
    await page.evaluate(() => scrollBy(0, innerHeight / 2));
    expect(await screensToBelow()).toBeGreaterThan(2);
    await expect.poll(() => markedIn(page, 'below')).toBe('kst-36600-XV-85');
    await page.close();
  });

  it('Tab from the reference on screen reaches the next one, far below and not yet read', async () => {
    const page = await openLongPage('tab');
    expect(await markedIn(page, 'middle')).toBe('');
    const focusedLabel = () =>
      page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null);
    await page.keyboard.press('Tab');
    expect(await focusedLabel()).toBe('Kamerstuk 34 352, nr. 340');
    await page.keyboard.press('Tab');
    expect(await focusedLabel()).toBe('Kamerstuk 36 600 XV, nr. 85');
    expect(await page.evaluate(() => document.activeElement?.closest('p')?.id)).toBe('middle');
    // And back with Shift+Tab.
    await page.keyboard.press('Shift+Tab');
    expect(await focusedLabel()).toBe('Kamerstuk 34 352, nr. 340');
    await page.close();
  });

  it("answers the side panel's pageReferences with every reference on the page, read or not", async () => {
    const page = await openLongPage('panel');
    const url = page.url();
    expect(await markedIn(page, 'end')).toBe('');
    // What the side panel sends (data/messaging.ts callTab), from the extension's own context.
    const answer = await session.serviceWorker.evaluate(async (url) => {
      const { tabs } = (globalThis as unknown as { chrome: { tabs: Tabs } }).chrome;
      const [tab] = await tabs.query({ url });
      return tabs.sendMessage(tab?.id ?? -1, { type: 'pageReferences', payload: {} });
    }, url);
    expect(answer).toMatchObject({ ok: true });
    const ids = (answer as { value: { citation: { ids: string[] } }[] }).value.map((r) =>
      r.citation.ids.join(' '),
    );
    expect(ids).toEqual(['kst-34352-340', 'kst-36600-XV-85', 'kst-34352-349']);
    expect(await markedIn(page, 'end')).toBe('kst-34352-349');
    await page.close();
  });

  it('marks a reference the page adds after load, far below the viewport', async () => {
    const page = await openLongPage('added');
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.id = 'added';
      p.textContent = 'Nagekomen: Kamerstuk 34 352, nr. 351.';
      document.querySelector('main')?.append(p);
    });
    await expect.poll(() => markedIn(page, 'added')).toBe('kst-34352-351');
    expect(await markedIn(page, 'middle')).toBe('');
    await page.close();
  });
});
