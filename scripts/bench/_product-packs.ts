/**
 * Packs imported the way a reader's are, in a built extension (packs.ts, `KAMERLENS_PACKS_IN=product`):
 * the files are staged in the extension's database from an extension document, as the side panel
 * stages a chosen file, then `importStagedPacks` is sent to the background, and meanwhile that
 * document sends a `lookup` of one id every 25 ms, as a content script's card does: each wait is the
 * whole round trip a page pays. Run against two builds in one run (this one, and
 * `KAMERLENS_PACKS_BASELINE_BUILD`, e.g. main's test build) it compares where imports run. The
 * underscore keeps `npm run bench` from running this file on its own. The document also asks for the
 * import's progress every 250 ms, as the side panel does while it shows one, so each long wait can
 * be set against where the import stood.
 */
import type { StallEvent, TraceEvent } from '../../data/db/idb-trace';
import { launchExtension } from '../../tests/e2e/harness';
import { stagePacksInPage } from '../../tests/e2e/stage-packs';
import { type LevelDbActivity, readLevelDbActivity } from './_leveldb-log';
import { serviceWorkerThread, startCpuProfile } from './_long-task-profile';
import type { TracedLookup } from './_trace-waits';

/** What one build did. */
export interface ProductPackFigures {
  /** From the `importStagedPacks` call to its answer. */
  importMs: number;
  state: string;
  waits: number[];
  idle: number[];
  /**
   * With `ping`, beside each lookup, issued with it: a message the background refuses at once (an
   * unknown type), so the same round trip through the same thread with no database read. Per
   * lookup, same order; empty without `ping`. (The worker takes it first: it adds a little to the
   * lookup it goes with: p50 11.2-14.2 ms with it, 9.7-9.8 without, 2026-12-05 at like load; so
   * lookup figures meant to compare with runs without it are taken without it.)
   */
  pings: { during: number[]; idle: number[] };
  /** Of the lookups during the import and after it, how many found their document: a build whose lookups find nothing waits less. */
  found: { during: number; idle: number };
  /** Contexts of the extension seen while the import ran (e.g. OFFSCREEN_DOCUMENT). */
  contexts: string[];
  /** The waits over 50 ms: when (ms after the import began), how long, and the progress last seen before. */
  slow: { at: number; ms: number; file: string | null; fraction: number | null }[];
  /** With `trace` (a build with VITE_KAMERLENS_TRACE=1): each lookup's times, and what the threads reported. */
  traced?: { lookups: TracedLookup[]; events: TraceEvent[] };
  /** The import's start and end, each wait over 50 ms and each lookup during the import (issued, answered), on one clock (epoch ms). */
  epoch: { began: number; ended: number; slow: [number, number][]; lookups: [number, number][] };
  /** What the browser's IndexedDB backend logged (its LevelDB `LOG`): flushes and compactions. */
  engine: LevelDbActivity | null;
}

/**
 * Stages `urls` (pack files on the bench's loopback server) in the extension built in `dir`,
 * imports them through the background, and looks up `ids` (one at a time, at random) meanwhile.
 * With `trace`, also collects what a traced build's threads report (data/db/idb-trace.ts). With
 * `cpuProfile` (true, or a file to save it to), prints what the service worker's thread ran during
 * the import: over all, in its longest busy stretches, and while each wait over 50 ms was pending.
 */
export async function productPackImport(
  dir: string,
  urls: readonly string[],
  ids: readonly string[],
  trace = false,
  cpuProfile: boolean | string = false,
  ping = false,
): Promise<ProductPackFigures> {
  const extension = await launchExtension({ dir });
  try {
    const thread = cpuProfile ? await serviceWorkerThread(extension.context) : null;
    const cpu = thread ? await startCpuProfile(thread) : null;
    // And the worker's JS heap, every second: what its collector has to go through.
    const heap: number[] = [];
    const polling = thread
      ? setInterval(() => {
          void thread
            .send('Runtime.getHeapUsage')
            .then((usage) => heap.push((usage as { usedSize: number }).usedSize / 1048576))
            .catch(() => undefined);
        }, 1000)
      : undefined;
    const figures = await measure(extension, urls, ids, trace, ping).finally(() => clearInterval(polling));
    // Read before `close` removes the profile; LevelDB writes its log as it goes.
    figures.engine = readLevelDbActivity(extension.profileDir, `chrome-extension_${extension.extensionId}_`);
    if (cpu) {
      console.log(
        `  the service worker's JS heap meanwhile (every second): ${Math.min(...heap).toFixed(1)}-${Math.max(...heap).toFixed(1)} MB used`,
      );
      const within = [figures.epoch.began, figures.epoch.ended] as const;
      const file = typeof cpuProfile === 'string' ? cpuProfile : undefined;
      // The profile's own busy stretches first (stop prints them with no tasks given), then the waits.
      await cpu.stop(undefined, file, { within, epoch: true });
      console.log('  the waits over 50 ms, what the service worker ran meanwhile:');
      cpu.print(figures.epoch.slow);
      // A traced build: the stalls its own timer saw (idb-trace.ts), and what the profile says of them.
      const stalls = (figures.traced?.events ?? []).filter(
        (event): event is StallEvent =>
          event.t === 'stall' && event.thread === 'background' && event.to - event.from > 40,
      );
      if (stalls.length > 0) {
        console.log("  the service worker's stalls over 40 ms (its traced timer), what it ran meanwhile:");
        cpu.print(stalls.map((stall) => [stall.from, stall.to] as const));
      }
    }
    return figures;
  } finally {
    await extension.close();
  }
}

async function measure(
  extension: Awaited<ReturnType<typeof launchExtension>>,
  urls: readonly string[],
  ids: readonly string[],
  trace: boolean,
  ping: boolean,
): Promise<ProductPackFigures> {
  const page = await extension.context.newPage();
  // An extension document that runs no extension code of its own, with the extension's API.
  await page.goto(`chrome-extension://${extension.extensionId}/manifest.json`, { waitUntil: 'load' });
  // tsx names the functions of the closure below with a helper the page lacks.
  await page.evaluate('globalThis.__name = (fn) => fn');
  // The bundled dataset's first import ends before the packs are staged and the clock starts.
  await page.evaluate(async () => {
    const runtime = (
      globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
    ).chrome.runtime;
    for (;;) {
      const status = (await runtime.sendMessage({ type: 'importStatus', payload: {} })) as {
        value?: { state?: string };
      };
      if (status.value?.state === 'done') break;
      await new Promise((done) => setTimeout(done, 100));
    }
  });
  await page.evaluate(
    stagePacksInPage,
    urls.map((url, i) => ({ url, name: `pack-${i}.pack.json.gz` })),
  );
  const figures = (await page.evaluate(
    async ([lookupIds, tracing, pinging]) => {
      type Runtime = {
        sendMessage(message: unknown): Promise<{ ok: boolean; value?: unknown; error?: string }>;
        getContexts?(filter: object): Promise<{ contextType: string }[]>;
      };
      const runtime = (globalThis as unknown as { chrome: { runtime: Runtime } }).chrome.runtime;
      const call = (type: string, payload: unknown = {}) => runtime.sendMessage({ type, payload });
      const events: unknown[] = [];
      const channel = tracing ? new BroadcastChannel('kamerlens-trace') : null;
      channel?.addEventListener('message', (event) => events.push(event.data));
      const tracedLookups: { issued: number; answered: number }[] = [];
      const issuedAt: number[] = [];
      const found = { during: 0, idle: 0 };
      const pings: { during: number[]; idle: number[] } = { during: [], idle: [] };
      const lookups = async (until: () => boolean, phase: 'during' | 'idle' = 'during') => {
        const waits: number[] = [];
        while (!until()) {
          const id = lookupIds[Math.floor(Math.random() * lookupIds.length)];
          const issued = performance.now();
          // Sent first, so it never queues behind the lookup's own handling on the way in.
          const ping = pinging ? call('kamerlensBenchPing').then(() => performance.now() - issued) : null;
          const answer = await call('lookup', { ids: [id] });
          if (!answer.ok) throw new Error(`lookup: ${answer.error}`);
          const answered = performance.now();
          waits.push(answered - issued);
          if (ping) pings[phase].push(await ping);
          if ((answer.value as { document: unknown }[] | undefined)?.[0]?.document) found[phase] += 1;
          issuedAt.push(issued);
          if (tracing)
            tracedLookups.push({
              issued: performance.timeOrigin + issued,
              answered: performance.timeOrigin + answered,
            });
          await new Promise((done) => setTimeout(done, 25));
        }
        return waits;
      };
      const seen: { at: number; file: string | null; fraction: number }[] = [];
      const contexts = new Set<string>();
      let importing = true;
      const began = performance.now();
      const imported = call('importStagedPacks').finally(() => {
        importing = false;
      });
      const watching = (async () => {
        while (importing) {
          for (const context of (await runtime.getContexts?.({})) ?? []) contexts.add(context.contextType);
          await new Promise((done) => setTimeout(done, 500));
        }
      })();
      const following = (async () => {
        while (importing) {
          const at = performance.now();
          const status = await call('packImportStatus');
          const progress = status.value as { fileName?: string | null; fraction?: number } | undefined;
          if (status.ok && progress)
            seen.push({
              at: at - began,
              file: progress.fileName ?? null,
              fraction: progress.fraction ?? 0,
            });
          await new Promise((done) => setTimeout(done, 250));
        }
      })();
      const waits = await lookups(() => !importing);
      const answer = await imported;
      const importMs = performance.now() - began;
      await Promise.all([watching, following]);
      const slow = waits.flatMap((ms, i) => {
        if (ms <= 50) return [];
        const at = (issuedAt[i] ?? 0) - began;
        const before = seen.filter((look) => look.at <= at).at(-1);
        return [{ at, ms, file: before?.file ?? null, fraction: before?.fraction ?? null }];
      });
      const traced = tracing ? { lookups: [...tracedLookups], events: [...events] } : undefined;
      const epoch = {
        began: performance.timeOrigin + began,
        ended: performance.timeOrigin + began + importMs,
        slow: waits.flatMap((ms, i): [number, number][] =>
          ms > 50
            ? [
                [
                  performance.timeOrigin + (issuedAt[i] ?? 0),
                  performance.timeOrigin + (issuedAt[i] ?? 0) + ms,
                ],
              ]
            : [],
        ),
        lookups: waits.map((ms, i): [number, number] => [
          performance.timeOrigin + (issuedAt[i] ?? 0),
          performance.timeOrigin + (issuedAt[i] ?? 0) + ms,
        ]),
      };
      channel?.close();
      const idleUntil = performance.now() + 3000;
      const idle = await lookups(() => performance.now() > idleUntil, 'idle');
      const state = answer.ok
        ? String((answer.value as { state?: string }).state)
        : `failed: ${answer.error}`;
      return {
        importMs,
        state,
        waits,
        idle,
        pings,
        found,
        contexts: [...contexts].sort(),
        slow,
        traced,
        epoch,
      };
    },
    [ids, trace, ping] as const,
  )) as Omit<ProductPackFigures, 'engine'>;
  return { ...figures, engine: null };
}
