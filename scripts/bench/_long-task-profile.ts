/**
 * What a page's main thread ran in its long tasks: a V8 CPU profile (CDP `Profiler`, sampled every
 * 250 µs) read inside each long task the page's PerformanceObserver reported, the functions with
 * the most self time in it named with their callers. A lookup that waits during an import waits
 * for such a task; the observer says when, this says what ran: our function by name, V8's garbage
 * collector, or a call into the browser (an IndexedDB `put` shows as the self time of the function
 * calling it: the value is serialized there, synchronously).
 *
 * The profile's clock is not the page's: the page's `performance.now()` read just before and after
 * the profiler started places the profile's start on the page clock within those few milliseconds.
 */
import { writeFileSync } from 'node:fs';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** A running profile; `stop` prints what ran in `tasks` (page clock, ms) and, with `file`, saves the profile. */
export interface CpuRecording {
  stop(tasks: readonly (readonly [number, number])[], file?: string): Promise<void>;
}

/** A thread to profile: a DevTools session to it, and its own clock. */
export interface ProfiledThread {
  send(method: string, params?: Record<string, unknown>): Promise<unknown>;
  /** `performance.now()` there. */
  now(): Promise<number>;
}

/** `page`'s main thread, through `cdp`. */
export const pageThread = (page: Page, cdp: CDPSession): ProfiledThread => ({
  send: (method, params) => cdp.send(method as 'Profiler.enable', params),
  now: async () => (await page.evaluate('performance.now()')) as number,
});

/**
 * The extension's service worker in `context`: Playwright opens DevTools sessions to pages only,
 * so one is opened from a page's session to the worker's target, its messages carried by
 * `Target.sendMessageToTarget`.
 */
export async function serviceWorkerThread(context: BrowserContext): Promise<ProfiledThread> {
  const page = context.pages()[0] ?? (await context.newPage());
  const cdp = await context.newCDPSession(page);
  const { targetInfos } = (await cdp.send('Target.getTargets')) as {
    targetInfos: { targetId: string; type: string }[];
  };
  const worker = targetInfos.find((target) => target.type === 'service_worker');
  if (!worker) throw new Error('no service worker to profile');
  const { sessionId } = (await cdp.send('Target.attachToTarget', {
    targetId: worker.targetId,
    flatten: false,
  })) as { sessionId: string };
  let id = 0;
  const waiting = new Map<number, (message: { result?: unknown; error?: { message: string } }) => void>();
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    const message = JSON.parse(event.message) as {
      id?: number;
      result?: unknown;
      error?: { message: string };
    };
    if (message.id !== undefined) waiting.get(message.id)?.(message);
    if (message.id !== undefined) waiting.delete(message.id);
  });
  const send = (method: string, params: Record<string, unknown> = {}) =>
    new Promise<unknown>((done, fail) => {
      id += 1;
      waiting.set(id, (message) =>
        message.error ? fail(new Error(`${method}: ${message.error.message}`)) : done(message.result),
      );
      cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
    });
  return {
    send,
    async now() {
      const { result } = (await send('Runtime.evaluate', { expression: 'performance.now()' })) as {
        result: { value: number };
      };
      return result.value;
    },
  };
}

/** Starts profiling `thread`. */
export async function startCpuProfile(thread: ProfiledThread): Promise<CpuRecording> {
  await thread.send('Profiler.enable');
  await thread.send('Profiler.setSamplingInterval', { interval: 250 });
  const before = await thread.now();
  await thread.send('Profiler.start');
  const after = await thread.now();
  const startOnPageClock = (before + after) / 2;
  return {
    async stop(tasks, file) {
      const { profile } = (await thread.send('Profiler.stop')) as { profile: CpuProfile };
      await thread.send('Profiler.disable');
      if (file) writeFileSync(file, JSON.stringify(profile));
      printTasks(profile, startOnPageClock, tasks);
    },
  };
}

function printTasks(
  profile: CpuProfile,
  startOnPageClock: number,
  tasks: readonly (readonly [number, number])[],
): void {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const name = ({ callFrame: { functionName, url, lineNumber } }: ProfileNode) =>
    `${functionName || '(anonymous)'}${url ? `:${lineNumber + 1}` : ''}`;
  /** A sample's function and its callers, innermost first, up to `depth` named frames. */
  const chain = (id: number, depth: number) => {
    const frames: string[] = [];
    for (let at: number | undefined = id; at !== undefined && frames.length < depth; at = parent.get(at)) {
      const node = byId.get(at);
      if (!node || node.callFrame.functionName === '(root)') break;
      frames.push(name(node));
    }
    return frames.join(' ← ');
  };
  // Each sample's time on the page clock, in ms.
  const times: number[] = [];
  let time = profile.startTime;
  for (const delta of profile.timeDeltas) {
    time += delta;
    times.push(startOnPageClock + (time - profile.startTime) / 1000);
  }
  const longest = [...tasks].sort((a, b) => b[1] - b[0] - (a[1] - a[0])).slice(0, 10);
  console.log(`  CPU profile: what ran in the ${longest.length} longest of ${tasks.length} long tasks`);
  for (const [start, end] of longest) {
    const self = new Map<string, number>();
    for (let i = 0; i < times.length; i++) {
      const at = times[i] ?? 0;
      if (at < start || at > end) continue;
      const key = chain(profile.samples[i] ?? -1, 5);
      self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
    }
    const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 4);
    console.log(
      `   ${(end - start).toFixed(0)} ms at ${(start / 1000).toFixed(1)} s: ` +
        top.map(([frames, ms]) => `${ms.toFixed(0)} ms ${frames}`).join(' | '),
    );
  }
}
