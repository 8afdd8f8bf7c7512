/**
 * Zero network: during a session of browsing fixture pages, hovering references
 * and using the side panel, every request any context of the browser makes is recorded — pages,
 * extension pages, content scripts (they fetch as their page) and the extension's service worker —
 * and none may leave the extension except the page loads this test asks for.
 *
 * The recorder is proven to see each kind of context first: a positive control fetch from the
 * service worker and one from an extension page must show up, or the test fails.
 */
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionSession, launchExtension, waitForReferences } from './harness';

interface Seen {
  url: string;
  from: 'service-worker' | 'page';
  navigation: boolean;
  pageUrl: string | null;
}

let session: ExtensionSession;
const seen: Seen[] = [];
/** Fixture pages this test navigates to itself. */
const asked = new Set<string>();

function record(request: Request): void {
  const worker = request.serviceWorker();
  let pageUrl: string | null = null;
  try {
    pageUrl = request.frame().url();
  } catch {
    // Service worker requests have no frame.
  }
  seen.push({
    url: request.url(),
    from: worker ? 'service-worker' : 'page',
    navigation: request.isNavigationRequest(),
    pageUrl,
  });
}

async function open(path: string): Promise<Page> {
  asked.add(new URL(path, session.serverUrl).href);
  return session.openPage(path);
}

const card = (page: Page) => page.locator('.kl-popover');

beforeAll(async () => {
  session = await launchExtension();
  session.context.on('request', record);
});

afterAll(async () => {
  await session?.close();
});

describe('zero network', () => {
  it('the recorder sees requests from the service worker and from extension pages', async () => {
    const control = new URL('control-from-worker', session.serverUrl).href;
    await session.serviceWorker.evaluate((url) => fetch(url).then((r) => r.status), control);
    // A request to the outside fails here (the resolver maps every other host to nothing), but it
    // is still issued, and recorded.
    const outsideControl = 'https://control.example.invalid/beacon';
    await session.serviceWorker.evaluate((url) => fetch(url).catch(() => 'blocked'), outsideControl);
    const panel = await session.openExtensionPage('sidepanel.html#/');
    const pageControl = new URL('control-from-page', session.serverUrl).href;
    await panel.evaluate((url) => fetch(url).then((r) => r.status), pageControl);
    await expect.poll(() => seen.some((r) => r.url === control && r.from === 'service-worker')).toBe(true);
    await expect.poll(() => seen.some((r) => r.url === pageControl)).toBe(true);
    await expect.poll(() => seen.some((r) => r.url === outsideControl)).toBe(true);
    await panel.close();
    // The controls were ours; drop them before the session under test.
    seen.length = 0;
  });

  it('browsing, hovering, pinning and the side panel issue no request of their own', async () => {
    const letter = await open('letter.html');
    await waitForReferences(letter, 8);
    const marks = letter.locator('kamerlens-ref[data-kamerlens-ref]');
    const count = Math.min(await marks.count(), 6);
    for (let i = 0; i < count; i += 1) {
      await marks.nth(i).hover();
      await card(letter).waitFor({ timeout: 10_000 });
      await letter.mouse.move(0, 0);
    }
    await marks.first().click(); // pins the card
    await card(letter).waitFor();
    await letter.keyboard.press('Escape');

    const news = await open('news.html');
    await waitForReferences(news, 1);
    await news.locator('kamerlens-ref[data-kamerlens-ref]').first().hover();
    await card(news).waitFor({ timeout: 10_000 });

    const dynamic = await open('dynamic.html');
    await waitForReferences(dynamic, 1);

    const panel = await session.openExtensionPage('sidepanel.html#/');
    await panel.locator('.result-title').first().waitFor({ timeout: 30_000 });
    await panel.locator('#search-input').pressSequentially('participatiewet');
    await panel.goto(`chrome-extension://${session.extensionId}/sidepanel.html#/doc/kst-34352-349`);
    await panel.waitForFunction(() => document.body.textContent?.includes('Participatiewet'));

    const origin = `chrome-extension://${session.extensionId}/`;
    const outside = seen.filter((r) => !r.url.startsWith(origin) && !(r.navigation && asked.has(r.url)));
    expect(outside).toEqual([]);
    // The session did exercise the extension: it read its own files and loaded the asked pages.
    expect(seen.filter((r) => r.navigation && asked.has(r.url)).length).toBe(asked.size);
  });
});
