/**
 * The scanner's own steps, cold, one at a time: on a fresh copy of the cost comparison's 1 MB page
 * in Chromium without the extension, the scanner's code is injected into an isolated world (where a
 * content script runs: its DOM wrappers are its own, made as it first touches each node) and runs
 * once over the whole page, each step timed on its own:
 *   - walk: the viewport gate's reach walks (`walkAhead`), the page in 128K-character reaches;
 *   - blocks: `textBlocks` over the body;
 *   - plan: `planBlock` of every block (the recognizer, link and header citations);
 *   - write: `applyPlan` of every plan (the marks).
 * The cost comparison's per-MB figures swing by a hundred ms per MB between runs on the shared
 * machine, and its trace attributes time to whole callbacks; this says what one step of ours costs,
 * as a page's first batches pay it (code not yet optimized). Figures are wall time, median and
 * fastest of the runs: the fastest is what the step costs with a core to itself.
 *
 * KAMERLENS_BENCH_BASE_TREE=<dir> measures another copy of the code side by side, runs alternating
 * (a directory holding an older commit's `entrypoints` and `data`: `git archive <commit> entrypoints
 * data | tar -x -C <dir>`).
 */
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';
import { launchExtension } from '../../tests/e2e/harness';
import { median } from './_scanner-trace';

/** Runs per side: single runs swing several-fold at a load of 4–6. */
const STEP_RUNS = Number(process.env.KAMERLENS_BENCH_STEP_RUNS ?? 16);

const STEPS = ['walk', 'blocks', 'plan', 'write'] as const;
type StepTimes = Record<(typeof STEPS)[number], number> & { marked: number };

/** The steps of the code under `root`, as one script defining `benchSteps()` in the world it runs in. */
function stepsScript(root: string): string {
  const scanner = join(root, 'entrypoints/content/scanner');
  const source = `
import { walkAhead } from '${scanner}/text-reach';
import { textBlocks } from '${scanner}/text-blocks';
import { applyPlan, planBlock } from '${scanner}/mark-block';
import { createMarkRegistry } from '${scanner}/mark-registry';
globalThis.benchSteps = () => {
  const t0 = performance.now();
  const sections = new Set(document.querySelectorAll('section'));
  for (let from = document.querySelector('main'); from; ) {
    from = walkAhead(from, { chars: 128 * 1024 }, (element) => sections.has(element), () => {}).end;
  }
  const t1 = performance.now();
  const blocks = [];
  for (const block of textBlocks(document.body, true)) if (block) blocks.push(block);
  const t2 = performance.now();
  const registry = createMarkRegistry();
  const plans = [];
  for (const block of blocks) {
    const plan = planBlock(block, registry);
    if (plan) plans.push(plan);
  }
  const t3 = performance.now();
  let marked = 0;
  for (const plan of plans) marked += applyPlan(plan, registry, () => 'verwijzing').marked.length;
  const t4 = performance.now();
  return { walk: t1 - t0, blocks: t2 - t1, plan: t3 - t2, write: t4 - t3, marked };
};`;
  const output = buildSync({
    stdin: { contents: source, resolveDir: root, loader: 'ts' },
    bundle: true,
    format: 'iife',
    minify: true,
    platform: 'browser',
    write: false,
  });
  return output.outputFiles[0]?.text ?? '';
}

/** Measures the steps on `page` (a file in `pagesDir`), this tree and optionally a base tree; prints both. */
export async function measureSteps(pagesDir: string, page: string): Promise<void> {
  const baseTree = process.env.KAMERLENS_BENCH_BASE_TREE;
  const sides: [string, string][] = [['this tree', stepsScript(resolve('.'))]];
  if (baseTree) sides.push([`base ${baseTree}`, stepsScript(resolve(baseTree))]);
  const times = new Map<string, StepTimes[]>(sides.map(([name]) => [name, []]));
  const loads: number[] = [];
  const session = await launchExtension({ pagesDir, withExtension: false });
  try {
    for (let run = 0; run < STEP_RUNS; run++) {
      // Each side goes first in every other run.
      for (const [name, script] of run % 2 === 0 ? sides : [...sides].reverse()) {
        const tab = await session.context.newPage();
        try {
          const cdp = await session.context.newCDPSession(tab);
          await tab.goto(new URL(page, session.serverUrl).href, { waitUntil: 'load' });
          const { frameTree } = (await cdp.send('Page.getFrameTree')) as {
            frameTree: { frame: { id: string } };
          };
          const { executionContextId: contextId } = (await cdp.send('Page.createIsolatedWorld', {
            frameId: frameTree.frame.id,
            worldName: 'kamerlens-bench',
          })) as { executionContextId: number };
          await cdp.send('Runtime.evaluate', { expression: script, contextId });
          const { result } = (await cdp.send('Runtime.evaluate', {
            expression: 'benchSteps()',
            contextId,
            returnByValue: true,
          })) as { result: { value: StepTimes } };
          times.get(name)?.push(result.value);
          loads.push(loadavg()[0] ?? Number.NaN);
        } finally {
          await tab.close();
        }
      }
    }
  } finally {
    await session.close();
  }
  console.log(
    `\nThe scanner's steps, cold, in an isolated world over the whole 1 MB page: ms, median / fastest of ${STEP_RUNS} runs, ` +
      `machine load ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}`,
  );
  console.log(['', ...STEPS, 'marked'].map((h, i) => (i ? h.padStart(14) : h.padEnd(44))).join(''));
  for (const [name, runs] of times) {
    const cells = STEPS.map((step) => {
      const values = runs.map((run) => run[step]);
      return `${median(values).toFixed(1)} / ${Math.min(...values).toFixed(1)}`;
    });
    console.log(
      name.slice(0, 43).padEnd(44) +
        [...cells, String(median(runs.map((r) => r.marked)))].map((c) => c.padStart(14)).join(''),
    );
  }
}
