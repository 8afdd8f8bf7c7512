/**
 * What one change of layout costs a page in Chromium, by the page's length, without the extension:
 * the scanner benchmark's generated pages (1 MB and 20 MB of prose) are loaded in a browser without
 * Kamerlens, and a page script changes the page once per animation frame for 20 frames, in one of
 * a few ways, while the renderer's main thread is traced (`_scanner-trace.ts`). Printed per change:
 * Blink's compositing-inputs update (`Blink.CompositingInputs.UpdateTime`), layout, pre-paint and
 * paint.
 *
 * Why: on the 20 MB page the scanner's largest extra cost while the reader scrolls is that update
 * (`scanner.ts cost 20 reading`). This says whether it is ours (how marks look, the near
 * observer's targets) or what any change of layout costs a page that long. It is the latter:
 * wrapping a word in an inline element, or changing a text node's data, costs the update about
 * 2 ms per MB of page, wherever in the page it happens; an attribute change without layout costs
 * nothing (figures in `ELEMENTS_PER_WRITE_MS`, `entrypoints/content/scanner/mark-writer.ts`).
 *
 *   npx tsx scripts/bench/layout-cost.ts [none|wrap|wrapfar|text|attr ...]   (all: npm run bench -- layout-cost)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchExtension } from '../../tests/e2e/harness';
import { scannerPage } from './_scanner-page';
import { startTrace } from './_scanner-trace';

/** Page sizes in MB, with the scanner benchmark's density of references (~1,075 per MB). */
const SIZES = [1, 20];
/** Changes per run, one per animation frame. */
const FRAMES = 20;

/**
 * One change per frame, as page script (`ps`: the page's paragraphs, `i`: the frame): near the top
 * of the page, or near its end (`wrapfar`), where nothing is on screen.
 */
const CHANGES: Record<string, string> = {
  none: '',
  wrap: `const p = ps[5 + i]; const word = p.firstChild.splitText(10); word.splitText(5);
    const mark = document.createElement('kamerlens-ref'); p.insertBefore(mark, word); mark.append(word);`,
  wrapfar: `const p = ps[ps.length - 50 - i]; const word = p.firstChild.splitText(10); word.splitText(5);
    const mark = document.createElement('kamerlens-ref'); p.insertBefore(mark, word); mark.append(word);`,
  text: `ps[5 + i].firstChild.data += 'x';`,
  attr: `ps[5 + i].setAttribute('data-x', String(i));`,
};

async function main(): Promise<void> {
  const asked = process.argv.slice(2);
  const kinds = asked.length > 0 ? asked : Object.keys(CHANGES);
  for (const kind of kinds) if (!(kind in CHANGES)) throw new Error(`no change called ${kind}`);
  const dir = mkdtempSync(join(tmpdir(), 'kamerlens-layout-cost-'));
  for (const mb of SIZES)
    writeFileSync(
      join(dir, `page-${mb}.html`),
      scannerPage({ bytes: mb * 1024 * 1024, references: mb * 1_075, paragraphBytes: 600 }),
    );
  const session = await launchExtension({ pagesDir: dir, withExtension: false });
  try {
    console.log(`One change per frame, ${FRAMES} frames, Chromium without Kamerlens; traced ms per change`);
    for (const mb of SIZES)
      for (const kind of kinds) {
        const page = await session.context.newPage();
        await page.goto(new URL(`page-${mb}.html`, session.serverUrl).href, {
          waitUntil: 'load',
          timeout: 600_000,
        });
        await page.waitForTimeout(1_500);
        const trace = await startTrace(await session.context.newCDPSession(page));
        await page.evaluate(`new Promise((done) => {
          const ps = document.querySelectorAll('p');
          let i = 0;
          const step = () => {
            if (i >= ${FRAMES}) { setTimeout(done, 300); return; }
            ${CHANGES[kind]}
            i++;
            requestAnimationFrame(step);
          };
          requestAnimationFrame(step);
        })`);
        const events = await trace.stop(page.url());
        const per = (name: string) => ((events.get(name)?.ms ?? 0) / FRAMES).toFixed(2).padStart(7);
        console.log(
          `${`${mb} MB`.padStart(5)} ${kind.padEnd(8)} compositing inputs ${per('Blink.CompositingInputs.UpdateTime')}` +
            `  layout ${per('Layout')} + ${per('LocalFrameView::performLayout')}` +
            `  pre-paint ${per('Blink.PrePaint.UpdateTime')}  paint ${per('Paint')}` +
            `  (load ${(loadavg()[0] ?? Number.NaN).toFixed(1)})`,
        );
        await page.close();
      }
  } finally {
    await session.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
