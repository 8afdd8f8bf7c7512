/**
 * A hostile page against the release build (the build the attacks were run on): its content script
 * runs on the default sites only, so the fixture is served as http://www.tweedekamer.nl:<port>/,
 * which Chromium resolves to the loopback server. The page's own script runs before the content
 * script: it defines custom elements under our old host names, patches `attachShadow`, and records
 * what it catches. KAMERLENS_RELEASE_DIR loads a given build instead of building one.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportJsonLd } from '../../data/annotations/jsonld';
import type { AnnotationRecord } from '../../data/annotations/model';
import { sampleRecord } from '../fixtures/annotations/arbitraries';
import {
  callBackground,
  firstHighlightPoint,
  noteFrame,
  select,
  waitForHighlights,
} from './annotate-helpers';
import { type ExtensionSession, launchExtension } from './harness';
import { buildRelease } from './release-build';

/** The extension API as seen from an extension page (evaluated there, not in Node). */
declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<{ ok: boolean; value?: unknown } | undefined> };
};

const FIXTURE = resolve('tests/fixtures/annotations/news.html');
const QUOTE = 'bijna 406 duizend mensen een bijstandsuitkering';
const SECRET = 'Bron: ambtenaar J. de Vries, 06-12345678';

/** Runs in the page before the content script; everything it catches lands in `window.caught`. */
const ATTACK = `<script>
  window.caught = [];
  const keep = (what, value) => window.caught.push({ what, value });
  for (const name of ['kamerlens-annotate', 'kamerlens-popover']) {
    customElements.define(name, class extends HTMLElement {
      constructor() {
        super();
        const internals = this.attachInternals();
        queueMicrotask(() => { if (internals.shadowRoot) keep('internals of ' + name, internals.shadowRoot); });
        setTimeout(() => { if (internals.shadowRoot) keep('internals of ' + name, internals.shadowRoot); }, 0);
      }
    });
  }
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attachShadow.call(this, init);
    keep('attachShadow on ' + this.localName, root);
    return root;
  };
  const attachInternals = HTMLElement.prototype.attachInternals;
  HTMLElement.prototype.attachInternals = function () {
    const internals = attachInternals.call(this);
    keep('attachInternals on ' + this.localName, null);
    return internals;
  };
</script>`;

/**
 * Runs in the page before the content script: keeps every window message it hears, and WXT's start
 * announcement on the document for the extension id in `?id=` (public for a store build).
 */
const LISTEN = `<script>
  window.heard = [];
  addEventListener('message', (event) => { window.heard.push(JSON.stringify(event.data)); });
  const id = new URLSearchParams(location.search).get('id');
  document.addEventListener(id + ':content:wxt:content-script-started', (event) => window.heard.push(event.type));
</script>`;

/**
 * What WXT's content-script context listens for: a newer copy of the script announcing itself, on
 * which the older one stops. Both spellings: with the extension's id (as WXT names it, and as it
 * used to tell every page in a window message) and without.
 */
const forgeNewerScript = (page: Page, extensionId: string) =>
  page.evaluate((id) => {
    for (const name of [`${id}:content:wxt:content-script-started`, 'wxt:content-script-started'])
      document.dispatchEvent(
        new CustomEvent(name, { detail: { contentScriptName: 'content', messageId: 'forged' } }),
      );
  }, extensionId);

let session: ExtensionSession;
let pagesDir: string;
let release: { dir: string; cleanUp: () => void } | null = null;

beforeAll(async () => {
  pagesDir = mkdtempSync(join(tmpdir(), 'kamerlens-hostile-'));
  copyFileSync(FIXTURE, join(pagesDir, 'news.html'));
  copyFileSync(FIXTURE, join(pagesDir, 'news-2.html'));
  copyFileSync(FIXTURE, join(pagesDir, 'news-3.html'));
  copyFileSync(FIXTURE, join(pagesDir, 'news-4.html'));
  writeFileSync(
    join(pagesDir, 'hostile.html'),
    readFileSync(FIXTURE, 'utf8').replace('<head>', `<head>${ATTACK}`),
  );
  writeFileSync(
    join(pagesDir, 'listening.html'),
    readFileSync(FIXTURE, 'utf8').replace('<head>', `<head>${LISTEN}`),
  );
  writeFileSync(
    join(pagesDir, 'measuring.html'),
    readFileSync(FIXTURE, 'utf8').replace('<html', '<html data-kamerlens-measure'),
  );
  writeFileSync(
    join(pagesDir, 'elsewhere.html'),
    '<!doctype html><title>elders</title><p>Een pagina van de site.</p>',
  );
  const given = process.env.KAMERLENS_RELEASE_DIR;
  if (!given) release = buildRelease();
  const dir = given ?? (release as { dir: string }).dir;
  session = await launchExtension({ pagesDir, dir, siteHost: 'www.tweedekamer.nl' });
  await session.datasetReady();
}, 240_000);

afterAll(async () => {
  await session?.close();
  release?.cleanUp();
  rmSync(pagesDir, { recursive: true, force: true });
});

/** Opens `path`, waits for the content script, selects the quote and opens the editor with the keyboard. */
async function openEditor(path: string): Promise<{ page: Page; editor: Frame }> {
  const page = await session.openPage(path);
  await page.waitForSelector('kamerlens-ref', { timeout: 15_000 });
  await select(page, '#p2', QUOTE);
  await page.keyboard.press('Alt+Shift+KeyN');
  const editor = await noteFrame(page);
  await editor.locator('textarea').waitFor({ timeout: 10_000 });
  return { page, editor };
}

/** A node as CDP's DOM.getDocument gives it, with closed shadow roots (`pierce`). */
interface CdpNode {
  backendNodeId: number;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
  contentDocument?: CdpNode;
}

/**
 * Runs `fn` (a function's source, `this` the card) on the card and gives its value, or null while
 * there is no card. The card's shadow root is closed in the release build, so it is reached through
 * the browser (CDP pierces closed roots), as no page script can.
 */
async function onCard<T>(page: Page, fn: string): Promise<T | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const find = (node: CdpNode): number | null => {
      const attributes = node.attributes ?? [];
      for (let i = 0; i < attributes.length; i += 2)
        if (attributes[i] === 'class' && attributes[i + 1]?.split(' ').includes('kl-popover'))
          return node.backendNodeId;
      for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
        const found = find(child);
        if (found !== null) return found;
      }
      return null;
    };
    const card = find(root);
    if (card === null) return null;
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: card });
    const { result } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId as string,
      functionDeclaration: fn,
      returnByValue: true,
    });
    return (result.value as T | undefined) ?? null;
  } finally {
    await cdp.detach();
  }
}

/** The card's title, or null while there is none. */
const cardTitle = (page: Page) =>
  onCard<string>(page, "function () { return this.querySelector('.kl-title')?.textContent ?? null; }");

/** Waits until the card shows a title. */
const waitForCard = (page: Page) =>
  expect.poll(() => cardTitle(page), { timeout: 10_000, interval: 100 }).toBeTruthy();

/** Opens `path`, waits for its marks and hovers the first until its card shows. */
async function openCard(path: string): Promise<Page> {
  const page = await session.openPage(path);
  await page.waitForSelector('kamerlens-ref', { timeout: 15_000 });
  await page.hover('kamerlens-ref');
  await waitForCard(page);
  return page;
}

const annotateFrames = (page: Page) => page.frames().filter((f) => f.url().includes('/annotate-frame.html'));

describe('a hostile page', () => {
  it('that defined our old host names and patched attachShadow catches no shadow root; marks, popover and editor work', async () => {
    const { page, editor } = await openEditor('hostile.html');
    await editor.locator('textarea').fill(SECRET);
    await page.hover('kamerlens-ref');
    await waitForCard(page);
    const seen = await page.evaluate(() => {
      const { caught } = window as unknown as { caught: { what: string; value: ShadowRoot | null }[] };
      return {
        caught: caught.map(({ what, value }) => ({
          what,
          frames: value?.querySelectorAll('iframe').length ?? 0,
        })),
        iframes: document.querySelectorAll('iframe').length,
        ourNames: document.querySelectorAll('kamerlens-annotate, kamerlens-popover').length,
      };
    });
    expect(seen).toEqual({ caught: [], iframes: 0, ourNames: 0 });
    expect(await editor.locator('textarea').inputValue()).toBe(SECRET);
    await page.close();
  });

  it('cannot point the note frame elsewhere or reload it: the frame is taken down', async () => {
    const { page, editor } = await openEditor('news.html');
    // As if the page had got hold of the frame element: it navigates the frame to a page of its own.
    const element = await editor.frameElement();
    await element.evaluate((frame) => {
      (frame as HTMLIFrameElement).src = `${location.origin}/elsewhere.html`;
    });
    await expect.poll(() => page.frames().length, { timeout: 10_000 }).toBe(1);

    // Loaded a second time, the frame is refused its session (and taken down when the content script
    // saw its first load; a reload before that first load event is refused by the background alone).
    const second = await openEditor('news.html');
    const nonce = new URL(second.editor.url()).hash.slice(1);
    await second.editor.locator('textarea').fill(SECRET);
    await second.editor.evaluate(() => location.reload());
    const reloaded = await second.editor
      .waitForFunction(() => document.readyState === 'complete')
      .then(() =>
        second.editor.evaluate(
          (n) => chrome.runtime.sendMessage({ type: 'noteFrameView', payload: { nonce: n } }),
          nonce,
        ),
      )
      .catch(() => 'frame gone');
    expect([{ ok: false, error: 'note frame: no such session' }, 'frame gone']).toContainEqual(reloaded);
    expect(
      await second.editor
        .locator('textarea')
        .count()
        .catch(() => 0),
    ).toBe(0);
    await page.close();
    await second.page.close();
  });

  it('hears no message from our content script: it learns neither the extension id nor that Kamerlens runs', async () => {
    const page = await session.openPage(`listening.html?id=${session.extensionId}`);
    await page.waitForSelector('kamerlens-ref', { timeout: 15_000 });
    const heard = await page.evaluate(() => (window as unknown as { heard: string[] }).heard);
    expect(heard.filter((h) => h.includes(session.extensionId) || h.includes('wxt'))).toEqual([]);
    await page.close();
  });

  it('cannot switch Kamerlens off, nor close the editor with a draft in it, by a forged "newer script" event', async () => {
    const { page, editor } = await openEditor('news-3.html');
    await editor.locator('textarea').fill('Concept');
    const marks = await page.locator('kamerlens-ref').count();
    await forgeNewerScript(page, session.extensionId);
    // What the forged event would stop is gone at once (WXT aborts in the event's dispatch): a
    // short wait only lets a slow teardown show.
    await page.waitForTimeout(300);
    expect(await page.locator('kamerlens-ref').count()).toBeGreaterThanOrEqual(marks);
    expect(annotateFrames(page)).toHaveLength(1);
    await editor.locator('button[type="submit"]').click();
    expect(await waitForHighlights(page, 1)).toEqual([QUOTE]);
    const panel = await session.openExtensionPage('sidepanel.html#/notes');
    const notes = await callBackground<AnnotationRecord[]>(panel, 'annotationsForPage', { url: page.url() });
    expect(notes.map((note) => note.body.note)).toEqual(['Concept']);
    await panel.close();
    await page.hover('kamerlens-ref');
    await waitForCard(page);
    await page.close();
  });

  it('that asks for our performance measures gets none: nothing on its timeline times the reader or our lookups', async () => {
    const page = await openCard('measuring.html');
    // The card's paint is measured a frame and a task after it renders: wait for two of those.
    for (let i = 0; i < 2; i += 1)
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done))));
    const measures = await page.evaluate(() => performance.getEntriesByType('measure').map((e) => e.name));
    expect(measures.filter((name) => name.startsWith('kamerlens'))).toEqual([]);
    await page.close();
  });

  it('cannot read or rewrite the card the reader looks at: no shadow root of ours is open to it', async () => {
    const page = await openCard('news.html');
    const title = await cardTitle(page);
    const seen = await page.evaluate(() => {
      const roots = [...document.querySelectorAll('*')].flatMap((element) =>
        element.shadowRoot ? [element.shadowRoot] : [],
      );
      // What a page would do with the card: read what the reader looks at, point its links elsewhere.
      const links = roots.flatMap((root) => [...root.querySelectorAll('a')]);
      for (const link of links) link.href = 'https://phishing.invalid/';
      return { roots: roots.length, links: links.length };
    });
    expect(seen).toEqual({ roots: 0, links: 0 });
    expect(await cardTitle(page)).toBe(title);
    await page.close();
  });

  it('with the root closed, the card stays under the pointer, and a click pins it with focus inside', async () => {
    const page = await openCard('news.html');
    const centre = await onCard<{ x: number; y: number }>(
      page,
      'function () { const r = this.getBoundingClientRect(); return { x: r.left + r.width / 2, y: r.top + r.height / 2 }; }',
    );
    await page.mouse.move(centre?.x ?? 0, centre?.y ?? 0, { steps: 5 });
    await page.waitForTimeout(600);
    expect(await cardTitle(page)).toBeTruthy();
    await page.mouse.move(2, 2);
    await expect.poll(() => cardTitle(page), { timeout: 5_000 }).toBeNull();

    const own = page.locator('kamerlens-ref[tabindex="0"]').first();
    await own.click();
    const pinned =
      'function () { const active = this.getRootNode().activeElement; return { role: this.getAttribute("role"), focusInside: !!active && this.contains(active) }; }';
    await expect
      .poll(() => onCard(page, pinned), { timeout: 10_000 })
      .toEqual({ role: 'dialog', focusInside: true });
    await page.keyboard.press('Escape');
    await expect.poll(() => cardTitle(page), { timeout: 5_000 }).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.localName)).toBe('kamerlens-ref');
    await page.close();
  });

  it('cannot frame our page with a leaked session address', async () => {
    const { page, editor } = await openEditor('news.html');
    // As if the address had leaked: the page frames it. Chromium refuses to load the per-session
    // address into the page (the session binding to its first frame document is unit-tested, as a
    // second frame cannot be made here).
    await page.evaluate(
      (src) =>
        new Promise<void>((done) => {
          const frame = document.createElement('iframe');
          frame.addEventListener('load', () => done(), { once: true });
          frame.src = src;
          document.body.append(frame);
        }),
      editor.url(),
    );
    expect(annotateFrames(page)).toEqual([editor]);
    await page.close();
  });

  it('cannot open the editor with a synthetic Alt+Shift+N on a selection of its own', async () => {
    const page = await session.openPage('news.html');
    await page.waitForSelector('kamerlens-ref', { timeout: 15_000 });
    await select(page, '#p2', QUOTE);
    // `dispatchEvent` is false when a listener took the shortcut (preventDefault).
    const notTaken = await page.evaluate(() =>
      document.dispatchEvent(
        new KeyboardEvent('keydown', {
          key: 'N',
          code: 'KeyN',
          altKey: true,
          shiftKey: true,
          bubbles: true,
          cancelable: true,
        }),
      ),
    );
    expect(notTaken).toBe(true);
    // The same selection with the reader's own keys does open it.
    await page.keyboard.press('Alt+Shift+KeyN');
    await noteFrame(page);
    expect(annotateFrames(page)).toHaveLength(1);
    await page.close();
  });

  it('a note typed before the service worker stopped is saved', async () => {
    const { page, editor } = await openEditor('news.html');
    await editor.locator('textarea').fill(SECRET);
    const panel = await session.openExtensionPage('sidepanel.html#/notes');
    const cdp = await session.context.newCDPSession(panel);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await panel.close();
    await editor.locator('button[type="submit"]').click();
    expect(await waitForHighlights(page, 1)).toEqual([QUOTE]);
    await expect.poll(() => annotateFrames(page).length).toBe(0);
    const check = await session.openExtensionPage('sidepanel.html#/notes');
    const notes = await callBackground<AnnotationRecord[]>(check, 'annotationsForPage', { url: page.url() });
    expect(notes.map((note) => note.body.note)).toEqual([SECRET]);
    await check.close();
    await page.close();
  });

  it('finds no highlight by our old names, and cannot remove ours', async () => {
    const { page: first, editor } = await openEditor('news-2.html');
    await editor.locator('textarea').fill('Markering');
    await editor.locator('button[type="submit"]').click();
    expect(await waitForHighlights(first, 1)).toEqual([QUOTE]);
    await first.close();
    const page = await session.openPage('news-2.html');
    expect(await waitForHighlights(page, 1)).toEqual([QUOTE]);
    expect(
      await page.evaluate(() => ({
        note: CSS.highlights.has('kamerlens-note'),
        active: CSS.highlights.has('kamerlens-note-active'),
        named: [...CSS.highlights.keys()].filter((name) => name.includes('kamerlens')),
      })),
    ).toEqual({ note: false, active: false, named: [] });
    // Cleared and counted in one task: the layer puts highlights back on a timer, so a later read races it.
    expect(
      await page.evaluate(() => {
        CSS.highlights.clear();
        return CSS.highlights.size;
      }),
    ).toBe(0);
    expect(await waitForHighlights(page, 1)).toEqual([QUOTE]);
    await page.evaluate(() => {
      for (const highlight of CSS.highlights.values()) highlight.clear();
    });
    expect(await waitForHighlights(page, 1)).toEqual([QUOTE]);
    await page.close();
  });

  it("cannot open the reader's note by putting the caret in its passage", async () => {
    const { page: first, editor } = await openEditor('news-4.html');
    await editor.locator('textarea').fill(SECRET);
    await editor.locator('button[type="submit"]').click();
    expect(await waitForHighlights(first, 1)).toEqual([QUOTE]);
    await first.close();
    const page = await session.openPage('news-4.html');
    expect(await waitForHighlights(page, 1)).toEqual([QUOTE]);
    // The page finds the passage in the highlight registry (README: what a page can still infer)
    // and puts the caret in it; the browser fires a trusted `selectionchange` for that.
    await page.evaluate(() => {
      const [highlight] = [...CSS.highlights.values()];
      const range = [...(highlight ?? [])][0] as Range;
      document.getSelection()?.collapse(range.startContainer, range.startOffset + 3);
    });
    await page.waitForTimeout(1500);
    expect(annotateFrames(page)).toHaveLength(0);
    // The reader's own pointer on the passage does show the note.
    const point = await firstHighlightPoint(page);
    await page.mouse.click(point.x, point.y);
    await noteFrame(page);
    expect(annotateFrames(page)).toHaveLength(1);
    await page.close();
  });

  it('a notes file that targets a javascript: address is refused, and the panel links to no such page', async () => {
    const panel = await session.openExtensionPage('sidepanel.html#/notes');
    const before = await callBackground<AnnotationRecord[]>(panel, 'listAnnotations', {});
    const hostile = sampleRecord({
      id: 'urn:uuid:6f1c2a4e-0000-4000-8000-000000000001',
      target: { ...sampleRecord().target, source: 'javascript:alert(document.domain)' },
    });
    const file = join(pagesDir, 'hostile.jsonld');
    writeFileSync(file, exportJsonLd([hostile]));
    await panel.locator('#ka-import-file').setInputFiles(file);
    await expect.poll(() => panel.locator('body').textContent()).toContain('target.source');
    expect(await callBackground<AnnotationRecord[]>(panel, 'listAnnotations', {})).toEqual(before);
    expect(
      await panel
        .locator('a[href]')
        .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).protocol)),
    ).not.toContain('javascript:');
    await panel.close();
  });
});
