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

/**
 * A running profile; `stop` prints what ran in `tasks` (left out: the stretches in which the
 * profile itself shows the thread busy, see `busyStretches`) and, with `file`, saves the profile.
 * Times are on the thread's clock (ms), or with `epoch` on the epoch clock every thread shares
 * (`performance.timeOrigin + performance.now()`): the profile's own timestamps read the machine's
 * monotonic clock, as this process's `hrtime` does, so that mapping needs no anchor read in the
 * thread (the service worker's profile, put on epoch time so, has its samples running the handler
 * within 2 ms after the messages its trace says arrived: 41% of them, 1-8% with 10 ms or more off).
 */
export interface CpuRecording {
  stop(
    tasks?: readonly (readonly [number, number])[],
    file?: string,
    options?: { within?: readonly [number, number]; epoch?: boolean },
  ): Promise<void>;
  /** After `stop`: what ran in `tasks` (on the clock `stop` used). */
  print(tasks: readonly (readonly [number, number])[]): void;
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
  const evaluate = async (expression: string) => {
    const { result } = (await send('Runtime.evaluate', { expression })) as { result: { value: number } };
    return result.value;
  };
  return { send, now: () => evaluate('performance.now()') };
}

/** Starts profiling `thread`. */
export async function startCpuProfile(thread: ProfiledThread): Promise<CpuRecording> {
  await thread.send('Profiler.enable');
  await thread.send('Profiler.setSamplingInterval', { interval: 250 });
  const before = await thread.now();
  await thread.send('Profiler.start');
  const after = await thread.now();
  const startOnPageClock = (before + after) / 2;
  let stopped: { profile: CpuProfile; clock: Clock; zero: number } | null = null;
  return {
    async stop(tasks, file, { within, epoch } = {}) {
      const { profile } = (await thread.send('Profiler.stop')) as { profile: CpuProfile };
      await thread.send('Profiler.disable');
      if (file) writeFileSync(file, JSON.stringify(profile));
      const monotonicToEpoch = Date.now() - Number(process.hrtime.bigint()) / 1e6;
      const clock: Clock = epoch
        ? (us) => us / 1000 + monotonicToEpoch
        : (us) => startOnPageClock + (us - profile.startTime) / 1000;
      // Epoch times are printed from the start of `within` (or of the profile).
      const zero = epoch ? (within?.[0] ?? clock(profile.startTime)) : 0;
      stopped = { profile, clock, zero };
      const busy = busyStretches(profile, clock).filter(
        (stretch) => !within || (stretch.to >= within[0] && stretch.from <= within[1]),
      );
      printBusy(profile, clock, busy, within);
      printTasks(
        profile,
        clock,
        tasks ?? busy.map((stretch) => [stretch.from, stretch.to] as const),
        10,
        zero,
      );
    },
    print(tasks) {
      if (stopped) printTasks(stopped.profile, stopped.clock, tasks, tasks.length, stopped.zero);
    },
  };
}

/** A profile timestamp (µs) on the clock tasks are given in (ms). */
type Clock = (us: number) => number;

/** Profile nodes V8 names for what is not a script's own function. */
const IDLE = '(idle)';

/** A stretch of the profile: from / to on the thread's clock (ms), and how it was spent. */
interface Stretch {
  from: number;
  to: number;
  /** ms sampled running (anything but idle), and ms between two samples further apart than 10 ms. */
  running: number;
  unsampled: number;
}

/**
 * The stretches over `minMs` in which the thread did not go idle: consecutive samples that are not
 * `(idle)`. A gap between two samples (the sampler is due every 250 µs) counts as busy too: V8 takes
 * a sample when the thread runs, so a long gap is a thread that was not scheduled (or was stopped
 * in the browser's own code where it cannot be sampled).
 */
export function busyStretches(profile: CpuProfile, clock: Clock, minMs = 50): Stretch[] {
  const idle = new Set(profile.nodes.filter((node) => node.callFrame.functionName === IDLE).map((n) => n.id));
  const stretches: Stretch[] = [];
  let open: Stretch | null = null;
  let time = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    const delta = profile.timeDeltas[i] ?? 0;
    time += delta;
    const at = clock(time);
    const isIdle = idle.has(profile.samples[i] ?? -1);
    if (isIdle) {
      if (open && open.to - open.from >= minMs) stretches.push(open);
      open = null;
      continue;
    }
    if (!open) open = { from: at - delta / 1000, to: at, running: 0, unsampled: 0 };
    open.to = at;
    open.running += delta / 1000;
    if (delta > 10_000) open.unsampled += delta / 1000;
  }
  if (open && open.to - open.from >= minMs) stretches.push(open);
  return stretches;
}

/** The thread's time over the whole profile, and where its busy stretches went, by top frame. */
function printBusy(
  profile: CpuProfile,
  clock: Clock,
  busy: readonly Stretch[],
  within?: readonly [number, number],
): void {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  let total = 0;
  let time = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    time += profile.timeDeltas[i] ?? 0;
    const at = clock(time);
    if (within && (at < within[0] || at > within[1])) continue;
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    total += ms;
    const name = byId.get(profile.samples[i] ?? -1)?.callFrame.functionName || '(anonymous)';
    self.set(name, (self.get(name) ?? 0) + ms);
  }
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 12);
  console.log(
    `  CPU profile: ${(total / 1000).toFixed(1)} s sampled${within ? ` in the ${((within[1] - within[0]) / 1000).toFixed(1)} s asked about` : ''}; self time by function: ${top
      .map(([name, ms]) => `${name} ${ms.toFixed(0)} ms`)
      .join(', ')}`,
  );
  const lengths = busy.map((stretch) => stretch.to - stretch.from).sort((a, b) => b - a);
  console.log(
    `  busy stretches over 50 ms (no idle sample): ${busy.length}, longest ${lengths
      .slice(0, 8)
      .map((ms) => ms.toFixed(0))
      .join(', ')} ms; of their time ${busy
      .reduce((sum, stretch) => sum + stretch.unsampled, 0)
      .toFixed(0)} ms in gaps between samples over 10 ms`,
  );
}

function printTasks(
  profile: CpuProfile,
  clock: Clock,
  tasks: readonly (readonly [number, number])[],
  most = 10,
  /** Where 0 s is on `clock`, for the times printed. */
  zero = 0,
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
    times.push(clock(time));
  }
  const longest = [...tasks].sort((a, b) => b[1] - b[0] - (a[1] - a[0])).slice(0, most);
  console.log(`  CPU profile: what ran in the ${longest.length} longest of ${tasks.length} stretches`);
  for (const [start, end] of longest) {
    const self = new Map<string, number>();
    for (let i = 0; i < times.length; i++) {
      const at = times[i] ?? 0;
      if (at < start || at > end) continue;
      // A sample further than 10 ms from the one before: the thread ran nothing V8 could sample.
      const ms = (profile.timeDeltas[i] ?? 0) / 1000;
      if (ms > 10) self.set('(no sample)', (self.get('(no sample)') ?? 0) + ms);
      else {
        const key = chain(profile.samples[i] ?? -1, 5);
        self.set(key, (self.get(key) ?? 0) + ms);
      }
    }
    const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 4);
    console.log(
      `   ${(end - start).toFixed(0)} ms at ${((start - zero) / 1000).toFixed(1)} s: ` +
        top.map(([frames, ms]) => `${ms.toFixed(0)} ms ${frames}`).join(' | '),
    );
  }
}
