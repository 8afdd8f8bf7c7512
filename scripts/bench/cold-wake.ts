/**
 * The first hover after the service worker stopped (issue #12), at KAMERLENS_BENCH_DOCS generated
 * documents (default 300,000) imported into the extension's own database: each round stops the
 * worker over the DevTools protocol and times one `lookup` of 20 ids (a page's batch), counting the
 * ids it found, then asks the same ids again from the now awake worker: an id found warm but not
 * cold was answered "not in the dataset" by a worker that had not reached its data yet. A second
 * cold message per round, `importStatus`, is the worker's start with no lookup work.
 *
 * KAMERLENS_BENCH_BASE_BUILD=<dir>[,<dir>…] (e.g. main's `wxt build --mode test` copied elsewhere) runs
 * each build in a browser of its own beside this one (`.output/chrome-mv3-test`, or
 * KAMERLENS_EXTENSION_DIR), its rounds alternating with this build's. KAMERLENS_BENCH_COLD_ROUNDS
 * (default 10) rounds; KAMERLENS_BENCH_SETTLE_MS (default 3000) idle after each message, so
 * housekeeping one wake started does not run into the other build's round.
 */
import { loadavg } from 'node:os';
import type { CDPSession, Page } from 'playwright-core';
import { type ExtensionSession, extensionDir, launchExtension } from '../../tests/e2e/harness';
import { bundledImported, bundleRoutines } from './_db-in-chromium';
import { percentiles } from './_lookup-waits';

const size = Number(process.env.KAMERLENS_BENCH_DOCS ?? 300_000);
const ROUNDS = Number(process.env.KAMERLENS_BENCH_COLD_ROUNDS ?? 10);
const SETTLE_MS = Number(process.env.KAMERLENS_BENCH_SETTLE_MS ?? 3000);
const load = () => (loadavg()[0] ?? 0).toFixed(1);
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

interface Build {
  label: string;
  dir: string;
  session: ExtensionSession;
  page: Page;
  cdp: CDPSession;
  lookup: number[];
  status: number[];
  /** Ids found cold, and found warm right after, summed over the rounds. */
  foundCold: number;
  foundWarm: number;
}

const dirs: [string, string][] = [['this build', extensionDir()]];
for (const [i, dir] of (process.env.KAMERLENS_BENCH_BASE_BUILD ?? '').split(',').filter(Boolean).entries())
  dirs.push([`base build ${i + 1}`, dir]);
const builds: Build[] = [];
try {
  const routines = await bundleRoutines();
  for (const [label, dir] of dirs) {
    const session = await launchExtension({ dir });
    const page = await session.openExtensionPage('sidepanel.html');
    await bundledImported(page);
    await page.evaluate(routines);
    const imported = (await page.evaluate(`kamerlensBench.importGeneratedIntoExtension(${size})`)) as {
      ms: number;
    };
    console.log(
      `[${label}] ${dir}: imported ${size.toLocaleString('en')} generated documents in ${(imported.ms / 1000).toFixed(1)} s (load ${load()})`,
    );
    await page.evaluate(
      `window.benchPick = (() => { const pick = kamerlensBench.generatedPicker(${size}); return (n) => pick(n); })()`,
    );
    const cdp = await session.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    builds.push({ label, dir, session, page, cdp, lookup: [], status: [], foundCold: 0, foundWarm: 0 });
  }
  await sleep(SETTLE_MS);

  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? builds : [...builds].reverse();
    for (const build of order) {
      const ids = (await build.page.evaluate('window.benchPick(20)')) as string[];
      for (const kind of round % 2 === 0
        ? (['lookup', 'status'] as const)
        : (['status', 'lookup'] as const)) {
        await build.cdp.send('ServiceWorker.stopAllWorkers');
        // Let the stopped worker go before the message wakes a new one.
        await sleep(300);
        const message =
          kind === 'lookup' ? { type: 'lookup', payload: { ids } } : { type: 'importStatus', payload: {} };
        const { ms, found } = (await build.page.evaluate(
          `(async (message) => {
            const began = performance.now();
            const answer = await chrome.runtime.sendMessage(message);
            const ms = performance.now() - began;
            if (!answer.ok) throw new Error(answer.error);
            const found = Array.isArray(answer.value) ? answer.value.filter((entry) => entry.document).length : 0;
            return { ms, found };
          })(${JSON.stringify(message)})`,
        )) as { ms: number; found: number };
        if (kind === 'lookup') {
          build.lookup.push(ms);
          build.foundCold += found;
          const warm = (await build.page.evaluate(
            `chrome.runtime.sendMessage(${JSON.stringify(message)}).then((answer) => answer.value.filter((entry) => entry.document).length)`,
          )) as number;
          build.foundWarm += warm;
          console.log(
            `  round ${round} ${build.label}: lookup ${ms.toFixed(0)} ms, found ${found} cold, ${warm} warm (load ${load()})`,
          );
        } else build.status.push(ms);
        await sleep(SETTLE_MS);
      }
    }
  }
  for (const build of builds) {
    const line = (samples: number[]) => {
      const { p50, p95, max, n } = percentiles(samples);
      return `p50 ${p50.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms, max ${max.toFixed(0)} ms (n=${n})`;
    };
    console.log(
      `[${build.label}] ${size.toLocaleString('en')} documents, worker stopped before each message: ` +
        `batch of 20 ${line(build.lookup)}; importStatus ${line(build.status)}; ` +
        `ids found cold ${build.foundCold}, warm ${build.foundWarm} (load ${load()})`,
    );
  }
} finally {
  for (const build of builds) await build.session.close();
}
