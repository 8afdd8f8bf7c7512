/**
 * Which of our code a page's main thread ran: a V8 CPU profile (CDP `Profiler`, sampled every
 * 250 µs) of the page, summed by function. The trace (`_scanner-trace.ts`) says which kind of work
 * differs (script, style, layout, commit); this names the functions inside "script": self time
 * (where the samples landed, DOM calls included, as V8 counts a DOM method's time to its caller)
 * and inclusive time (each function with everything it called, counted once per sample), so the
 * scanner's walk, the recognizer, the writing of marks and the observers' callbacks can be told
 * apart. Work outside JavaScript (style, layout, paint, commit) is sampled as `(program)`, the
 * collector as `(garbage collector)`: both are listed against the page without the extension.
 *
 * Function names are readable only in an unminified build (`wxt build --mode test` minifies): the
 * README's "scanner bench" section says how to make one for the profiled runs.
 */
import { writeFileSync } from 'node:fs';
import type { CDPSession } from 'playwright-core';
import { median } from './_scanner-trace';

export interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Sampled ms per name: whose (Kamerlens, page, or V8's own entries), self and inclusive. */
export interface ProfileBreakdown {
  /** `Kamerlens`, `page script`, `(program)`, `(garbage collector)`, `(idle)`: all samples. */
  kinds: Map<string, number>;
  /** Kamerlens functions: self time. */
  self: Map<string, number>;
  /** Kamerlens functions: inclusive time (the function and what it called). */
  inclusive: Map<string, number>;
}

/** A profile in progress. */
export interface PageProfile {
  stop(): Promise<ProfileBreakdown>;
}

const EXTENSION = /^(chrome|moz)-extension:/;

/** Starts profiling the page behind `cdp`; with `file`, the profile is saved there too (DevTools opens it). */
export async function startProfile(cdp: CDPSession, file?: string): Promise<PageProfile> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
  await cdp.send('Profiler.start');
  return {
    async stop() {
      const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
      await cdp.send('Profiler.disable');
      if (file) writeFileSync(file, JSON.stringify(profile));
      return summarise(profile);
    },
  };
}

export function summarise(profile: CpuProfile): ProfileBreakdown {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const ours = (node: ProfileNode) => EXTENSION.test(node.callFrame.url);
  const name = ({ callFrame: { functionName, lineNumber } }: ProfileNode) =>
    `${functionName || '(anonymous)'}:${lineNumber + 1}`;
  const result: ProfileBreakdown = { kinds: new Map(), self: new Map(), inclusive: new Map() };
  const add = (map: Map<string, number>, key: string, ms: number) => map.set(key, (map.get(key) ?? 0) + ms);
  for (let i = 0; i < profile.samples.length; i++) {
    // A sample's time is the delta to the next one (the last has none).
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const leaf = byId.get(profile.samples[i] ?? -1);
    if (!leaf) continue;
    // The kind: ours when any frame of the stack is ours (a DOM call or the page's getter called
    // from our code is our cost), V8's own entries by name, the rest the page's.
    const stack: ProfileNode[] = [];
    for (let at: number | undefined = leaf.id; at !== undefined; at = parent.get(at)) {
      const node = byId.get(at);
      if (node) stack.push(node);
    }
    const mine = stack.filter(ours);
    const leafName = leaf.callFrame.functionName;
    const kind = mine.length > 0 ? 'Kamerlens' : leafName.startsWith('(') ? leafName : 'page script';
    add(result.kinds, kind, ms);
    if (mine.length === 0) continue;
    // Self: the innermost of our frames (builtins and DOM calls below it are its cost).
    add(result.self, name(mine[0] as ProfileNode), ms);
    for (const key of new Set(mine.map(name))) add(result.inclusive, key, ms);
  }
  return result;
}

/**
 * Prints the profiles of the page with Kamerlens against those without, per MB of text, each
 * figure the median over the runs of its side. The profiler samples by the wall clock: a thread
 * that waits for a core has its wait counted to whatever was running, so single runs on a busy
 * machine swing (one run put 62 ms into one quarter second of `wrapRange`); the median over runs
 * says more.
 */
export function printProfileDifference(
  label: string,
  withExtension: ProfileBreakdown[],
  without: ProfileBreakdown[],
  mb: number,
  rows = 24,
): void {
  const perMb = (ms: number) => (ms / mb).toFixed(1).padStart(9);
  const of = (runs: ProfileBreakdown[], pick: (run: ProfileBreakdown) => Map<string, number>, key: string) =>
    median(runs.map((run) => pick(run).get(key) ?? 0));
  console.log(
    `\n${label}: sampled CPU profile of the main thread, median of ${withExtension.length} run(s) a side ` +
      '(ms per MB, V8 profiler every 250 µs; for attribution)',
  );
  console.log(`${'kind'.padEnd(44)}${'with'.padStart(9)}${'without'.padStart(9)}${'diff'.padStart(9)}`);
  const kinds = new Set([...withExtension, ...without].flatMap((run) => [...run.kinds.keys()]));
  for (const kind of kinds) {
    const a = of(withExtension, (run) => run.kinds, kind);
    const b = of(without, (run) => run.kinds, kind);
    console.log(kind.padEnd(44) + perMb(a) + perMb(b) + perMb(a - b));
  }
  for (const [title, pick] of [
    ['Kamerlens, self (with the DOM calls it makes)', (run: ProfileBreakdown) => run.self],
    ['Kamerlens, inclusive', (run: ProfileBreakdown) => run.inclusive],
  ] as const) {
    console.log(`${title.padEnd(44)}${'ms/MB'.padStart(9)}`);
    const keys = new Set(withExtension.flatMap((run) => [...pick(run).keys()]));
    const lines = [...keys].map((key) => [key, of(withExtension, pick, key)] as const);
    for (const [key, ms] of lines.sort((a, b) => b[1] - a[1]).slice(0, rows))
      console.log(`  ${key.slice(0, 42).padEnd(42)}${perMb(ms)}`);
  }
}
