/**
 * A hostile page and the marks' element name. `kamerlens-ref` is predictable, so a page can define
 * it before the content script runs: its constructor then runs for every mark the scanner creates
 * (Chromium upgrades elements an isolated world creates with the page's definitions). Unlike the
 * UI hosts of finding 1, a mark has no shadow root to hand out: `attachInternals()` gives the page
 * nothing it cannot read from the DOM, and a constructor that throws leaves a plain element that
 * works as well. These tests hold that: marking, hover and keyboard still work, and what the page's
 * constructor catches is empty.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionSession, launchExtension, waitForReferences } from './harness';

const FIXTURE = resolve('tests/fixtures/pages/news.html');

/** Defines our mark's name first; each constructed element's view of itself lands in `window.caught`. */
const RECORDING = `<script>
  window.caught = [];
  customElements.define('kamerlens-ref', class extends HTMLElement {
    static observedAttributes = ['data-kamerlens-ref', 'aria-describedby'];
    constructor() {
      super();
      const internals = this.attachInternals();
      const entry = {
        attributes: this.getAttributeNames(),
        children: this.childNodes.length,
        internals,
        later: [],
      };
      window.caught.push(entry);
      queueMicrotask(() => entry.later.push(internals.shadowRoot));
      setTimeout(() => entry.later.push(internals.shadowRoot), 0);
    }
    attributeChangedCallback(name, old, value) {
      window.caught.at(-1)?.later.push(name + '=' + value);
    }
  });
</script>`;

/** Defines our mark's name with a constructor that throws. */
const THROWING = `<script>
  window.thrown = 0;
  customElements.define('kamerlens-ref', class extends HTMLElement {
    constructor() {
      super();
      window.thrown++;
      throw new Error('no marks here');
    }
  });
</script>`;

let session: ExtensionSession;
let pagesDir: string;

beforeAll(async () => {
  pagesDir = mkdtempSync(join(tmpdir(), 'kamerlens-hostile-marks-'));
  const html = readFileSync(FIXTURE, 'utf8');
  copyFileSync(FIXTURE, join(pagesDir, 'news.html'));
  writeFileSync(join(pagesDir, 'recording.html'), html.replace('<head>', `<head>${RECORDING}`));
  writeFileSync(join(pagesDir, 'throwing.html'), html.replace('<head>', `<head>${THROWING}`));
  session = await launchExtension({ pagesDir });
  await session.datasetReady();
}, 120_000);

afterAll(async () => {
  await session?.close();
  rmSync(pagesDir, { recursive: true, force: true });
});

const card = (page: Page) => page.locator('.kl-popover');
const mark = (page: Page, ids: string) => page.locator(`kamerlens-ref[data-kamerlens-ref="${ids}"]`).first();

/** The card's title for a hover on the reference, and whether Tab reaches a reference and opens its card. */
async function usePage(page: Page): Promise<{ hovered: string | null; tabbed: boolean }> {
  await mark(page, 'kst-34352-349').hover();
  await card(page).locator('.kl-title').waitFor({ timeout: 10_000 });
  const hovered = await card(page).locator('.kl-title').textContent();
  await page.mouse.move(0, 0);
  await page.keyboard.press('Escape');
  let tabbed = false;
  for (let i = 0; i < 30 && !tabbed; i++) {
    await page.keyboard.press('Tab');
    tabbed = await page.evaluate(() => document.activeElement?.getAttribute('role') === 'button');
  }
  if (tabbed) await card(page).waitFor({ timeout: 10_000 });
  return { hovered, tabbed };
}

describe('a page that defines the marks’ element name first', () => {
  it('runs its constructor for our marks but catches no shadow root, no attribute and no text there', async () => {
    const plain = await session.openPage('news.html');
    const expected = await waitForReferences(plain, 5);
    const plainUse = await usePage(plain);
    await plain.close();

    const page = await session.openPage('recording.html');
    const marked = await waitForReferences(page, 5);
    expect(marked.map((m) => m.ids)).toEqual(expected.map((m) => m.ids));
    expect(await usePage(page)).toEqual(plainUse);
    const caught = await page.evaluate(() => {
      type Entry = { attributes: string[]; children: number; internals: ElementInternals; later: unknown[] };
      const entries = (window as unknown as { caught: Entry[] }).caught;
      return {
        constructed: entries.length,
        attributes: [...new Set(entries.flatMap((e) => e.attributes))],
        children: Math.max(0, ...entries.map((e) => e.children)),
        shadowRoots: entries.filter((e) => e.internals.shadowRoot !== null).length,
        laterRoots: entries.flatMap((e) => e.later).filter((v) => v !== null && typeof v === 'object').length,
        // What the attribute callbacks heard is in the DOM too.
        heard: entries.flatMap((e) => e.later).filter((v): v is string => typeof v === 'string'),
        inDom: [...document.querySelectorAll('kamerlens-ref')].flatMap((m) =>
          ['data-kamerlens-ref', 'aria-describedby']
            .filter((name) => m.hasAttribute(name))
            .map((name) => `${name}=${m.getAttribute(name)}`),
        ),
      };
    });
    // The page's class did construct our marks: the test exercises the threat.
    expect(caught.constructed).toBeGreaterThanOrEqual(marked.length);
    expect(caught).toMatchObject({ attributes: [], children: 0, shadowRoots: 0, laterRoots: 0 });
    const inDom = new Set(caught.inDom);
    // A card opened on a mark names the card's host (aria-describedby), and takes the name off again on close.
    const notInDom = caught.heard.filter((h) => !inDom.has(h) && !h.startsWith('aria-describedby='));
    expect(notInDom).toEqual([]);
    await page.close();
  });

  it('whose constructor throws: marks, hover and keyboard work as on a plain page', async () => {
    const plain = await session.openPage('news.html');
    const expected = await waitForReferences(plain, 5);
    const plainUse = await usePage(plain);
    await plain.close();

    const page = await session.openPage('throwing.html');
    const marked = await waitForReferences(page, 5);
    expect(marked.map((m) => m.ids)).toEqual(expected.map((m) => m.ids));
    expect(await page.evaluate(() => (window as unknown as { thrown: number }).thrown)).toBeGreaterThan(0);
    expect(await usePage(page)).toEqual(plainUse);
    await page.close();
  });
});
