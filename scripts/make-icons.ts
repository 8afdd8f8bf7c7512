/**
 * Renders scripts/assets/icon.svg to the PNG sizes browsers want (public/icon-<size>.png, which WXT
 * puts in the manifest). Run after changing the SVG: `npx tsx scripts/make-icons.ts`; the PNGs are
 * committed, so builds need no browser.
 */
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH } from '../tests/e2e/harness';

const SIZES = [16, 32, 48, 96, 128];
const svg = readFileSync('scripts/assets/icon.svg', 'utf8');

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox'] });
try {
  for (const size of SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    await page.setContent(
      `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
    );
    await page.screenshot({ path: `public/icon-${size}.png`, omitBackground: true });
    await page.close();
    console.log(`public/icon-${size}.png`);
  }
} finally {
  await browser.close();
}
