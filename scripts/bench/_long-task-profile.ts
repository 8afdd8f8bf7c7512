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
import type { CDPSession, Page } from 'playwright-core';

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

/** Starts profiling `page`'s main thread through `cdp`. */
export async function startCpuProfile(page: Page, cdp: CDPSession): Promise<CpuRecording> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
  const before = (await page.evaluate('performance.now()')) as number;
  await cdp.send('Profiler.start');
  const after = (await page.evaluate('performance.now()')) as number;
  const startOnPageClock = (before + after) / 2;
  return {
    async stop(tasks, file) {
      const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
      await cdp.send('Profiler.disable');
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
