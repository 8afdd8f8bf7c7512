/** Helpers of the annotation end-to-end tests: selecting text, finding highlights and note frames. */
import type { Frame, Page } from 'playwright-core';
import { expect } from 'vitest';
import { selectTextInPage } from './select-text';

/** The extension API as seen from an extension page (evaluated there, not in Node). */
declare const chrome: {
  runtime: {
    sendMessage(message: unknown): Promise<{ ok: boolean; value?: unknown; error?: string } | undefined>;
  };
};

/** Select `text` inside the element `selector` (the page's own selection, as a reader would). */
export async function select(page: Page, selector: string, text: string): Promise<void> {
  await page.evaluate(selectTextInPage, [selector, text] as [string, string]);
}

/**
 * The texts of the passages highlighted on the page, whitespace collapsed (CSS Custom Highlight API;
 * the page DOM is unchanged). Our highlight names are random per page load, so this reads every
 * entry of the registry, as any page script can.
 */
function highlightedTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const seen = new Set<Range>();
    for (const highlight of CSS.highlights.values()) for (const range of highlight) seen.add(range as Range);
    return [...seen].map((range) => range.toString().replace(/\s+/g, ' '));
  });
}

/** Waits until at least `count` passages are highlighted; their texts. */
export async function waitForHighlights(page: Page, count: number): Promise<string[]> {
  await expect
    .poll(async () => (await highlightedTexts(page)).length, { timeout: 15_000, interval: 50 })
    .toBeGreaterThanOrEqual(count);
  return highlightedTexts(page);
}

/** A point inside the first highlighted passage, in viewport coordinates. */
export function firstHighlightPoint(page: Page): Promise<{ x: number; y: number }> {
  return page.evaluate(() => {
    const [highlight] = [...CSS.highlights.values()];
    const range = [...(highlight ?? [])][0] as Range;
    const rect = range.getClientRects()[0] as DOMRect;
    return { x: rect.left + 10, y: rect.top + rect.height / 2 };
  });
}

/**
 * The note frame (the extension page holding the editor or a note card) opened after `before`
 * frames were seen: a new one per editor and per note shown. It sits in a closed shadow root, so
 * it is found through the page's frame tree, as only the browser (and Playwright) can.
 */
export async function noteFrame(page: Page, seen: ReadonlySet<Frame> = new Set()): Promise<Frame> {
  let found: Frame | undefined;
  await expect
    .poll(
      () => {
        found = page
          .frames()
          .filter((frame) => frame.url().includes('/annotate-frame.html#') && !seen.has(frame))
          .at(-1);
        return found !== undefined;
      },
      { timeout: 10_000, interval: 50 },
    )
    .toBe(true);
  return found as Frame;
}

/** Calls the background from an extension page, as the side panel does. */
export async function callBackground<T>(panel: Page, type: string, payload: unknown): Promise<T> {
  const answer = await panel.evaluate(([t, p]) => chrome.runtime.sendMessage({ type: t, payload: p }), [
    type,
    payload,
  ] as const);
  if (!answer?.ok) throw new Error(`${type}: ${JSON.stringify(answer)}`);
  return answer.value as T;
}
