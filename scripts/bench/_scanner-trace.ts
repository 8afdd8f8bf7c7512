/**
 * Where a page's main-thread time goes: a Chrome trace (CDP `Tracing`, categories devtools.timeline,
 * blink, v8) of the page's renderer main thread, summed by event name as self time (an event's
 * duration less that of the events nested in it), so every millisecond is counted once. Events
 * that say more by what they hold are split: style recalcs by whether they touched many elements,
 * event dispatches by event type, script by whose it is (the extension's or the page's), so the
 * cost of marking can be read off as "N recalcs of M elements", "pointermove handlers", "GC".
 *
 * The figures are inflated by tracing itself; they are for attribution (which part is largest, and
 * how it differs from the same page without the extension), not for the cost figures.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession } from 'playwright-core';

/** One event of the trace (the fields used here). */
export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Thread (CPU) clock: start and duration, where the event records them. */
  tts?: number;
  tdur?: number;
  args?: {
    name?: string;
    elementCount?: number;
    data?: {
      type?: string;
      url?: string;
      frames?: { processId?: number; url?: string }[];
      frame?: string;
      elementCount?: number;
      functionName?: string;
      lineNumber?: number;
    };
    beginData?: { frame?: string };
  };
}

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink',
  'v8',
  'v8.execute',
  'toplevel',
  'cc',
].join(',');

/** A trace in progress on one page's CDP session. */
export interface PageTrace {
  /** Ends the trace and sums the page's main thread (`pageUrl` picks its renderer). */
  stop(pageUrl: string): Promise<TraceBreakdown>;
}

/**
 * Self time in ms and count, per attributed event name; `cpuMs` is the same self time on the
 * thread's CPU clock (the time the thread ran, not the time it waited for a core: on the shared
 * 2-core machine wall time swings with the other processes, CPU time far less).
 */
export type TraceBreakdown = Map<string, { ms: number; cpuMs: number; count: number }>;

/** Starts a trace on `cdp` (a page's session). */
export async function startTrace(cdp: CDPSession): Promise<PageTrace> {
  const events: TraceEvent[] = [];
  const onData = ({ value }: { value: unknown[] }) => {
    events.push(...(value as TraceEvent[]));
  };
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', {
    categories: CATEGORIES,
    transferMode: 'ReportEvents',
  } as never);
  return {
    async stop(pageUrl) {
      const complete = new Promise<void>((done) => cdp.once('Tracing.tracingComplete', () => done()));
      await cdp.send('Tracing.end');
      await complete;
      cdp.off('Tracing.dataCollected', onData);
      // KAMERLENS_BENCH_TRACE_DIR keeps each trace as a file (DevTools' Performance panel opens it).
      const dir = process.env.KAMERLENS_BENCH_TRACE_DIR;
      if (dir)
        writeFileSync(join(dir, `scanner-${Date.now()}.json`), JSON.stringify({ traceEvents: events }));
      return breakdown(events, pageUrl);
    },
  };
}

/** The renderer main thread (pid, tid) of the page at `pageUrl`. */
function pageMainThread(events: TraceEvent[], pageUrl: string): [number, number] | undefined {
  const page = new URL(pageUrl);
  const rendererPids = new Set<number>();
  for (const event of events) {
    for (const frame of event.args?.data?.frames ?? [])
      if (frame.processId !== undefined && frame.url?.startsWith(page.origin))
        rendererPids.add(frame.processId);
  }
  const mains = events.filter(
    (e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain',
  );
  // Without a frame list (older Chromium), the busiest renderer main thread is the page's.
  const candidates = mains.filter((m) => rendererPids.size === 0 || rendererPids.has(m.pid));
  let best: [number, number] | undefined;
  let bestMs = -1;
  for (const main of candidates) {
    const ms = events
      .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X')
      .reduce((sum, e) => sum + (e.dur ?? 0), 0);
    if (ms > bestMs) {
      bestMs = ms;
      best = [main.pid, main.tid];
    }
  }
  return best;
}

/** The name an event is summed under. */
function attributedName(event: TraceEvent, extensionScheme: RegExp): string {
  const data = event.args?.data;
  switch (event.name) {
    case 'UpdateLayoutTree': {
      const count = event.args?.elementCount ?? data?.elementCount ?? 0;
      return count >= 100 ? 'UpdateLayoutTree (≥ 100 elements)' : 'UpdateLayoutTree (< 100 elements)';
    }
    case 'EventDispatch':
      return `EventDispatch ${data?.type ?? '?'}`;
    case 'FunctionCall':
      // Our callbacks by name (the observers', the frame's writes, event listeners): which of them
      // costs what, on the CPU clock. Readable names need an unminified build (see scanner.ts).
      if (data?.url && extensionScheme.test(data.url))
        return `FunctionCall (Kamerlens ${data.functionName || 'anonymous'}:${(data.lineNumber ?? -1) + 1})`;
      return 'FunctionCall (page)';
    case 'EvaluateScript':
    case 'v8.compile':
    case 'v8.compileModule':
      return `${event.name} (${data?.url && extensionScheme.test(data.url) ? 'Kamerlens' : 'page'})`;
    default:
      return event.name;
  }
}

/** Sums self time per attributed name over the page's main thread. */
export function breakdown(events: TraceEvent[], pageUrl: string): TraceBreakdown {
  const result: TraceBreakdown = new Map();
  const main = pageMainThread(events, pageUrl);
  if (!main) return result;
  const [pid, tid] = main;
  const extension = /^(chrome|moz)-extension:/;
  // Complete events ('X') and begin/end pairs ('B'/'E') of the main thread, as [start, end, name,
  // CPU time] (an event without a thread clock counts its wall time as CPU time).
  const spans: [number, number, string, number][] = [];
  const open: TraceEvent[] = [];
  for (const event of events) {
    if (event.pid !== pid || event.tid !== tid) continue;
    if (event.ph === 'X' && event.dur !== undefined)
      spans.push([event.ts, event.ts + event.dur, attributedName(event, extension), event.tdur ?? event.dur]);
    else if (event.ph === 'B') open.push(event);
    else if (event.ph === 'E') {
      const begin = open.pop();
      if (begin) {
        const cpu =
          begin.tts !== undefined && event.tts !== undefined ? event.tts - begin.tts : event.ts - begin.ts;
        spans.push([begin.ts, event.ts, attributedName(begin, extension), cpu]);
      }
    }
  }
  // Outer spans first (earlier start, then longer); a span's self time is its length less its children's.
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  type Open = { end: number; name: string; self: number; cpuSelf: number };
  const stack: Open[] = [];
  const close = (until: number): void => {
    while (stack.length > 0 && (stack.at(-1) as Open).end <= until) {
      const done = stack.pop() as Open;
      const entry = result.get(done.name) ?? { ms: 0, cpuMs: 0, count: 0 };
      entry.ms += done.self / 1000;
      entry.cpuMs += Math.max(0, done.cpuSelf) / 1000;
      entry.count++;
      result.set(done.name, entry);
    }
  };
  for (const [start, end, name, cpu] of spans) {
    close(start);
    const parent = stack.at(-1);
    // A child reaching past its parent's end (clock rounding) is cut at it.
    const cut = parent ? Math.min(end, parent.end) : end;
    const cpuCut = Math.min(cpu, cut - start);
    if (parent) {
      parent.self -= cut - start;
      parent.cpuSelf -= cpuCut;
    }
    stack.push({ end: cut, name, self: cut - start, cpuSelf: cpuCut });
  }
  close(Number.POSITIVE_INFINITY);
  return result;
}

/**
 * The kinds of work the rows are summed into (first match wins), so the difference reads as
 * "script N, layout M, ...". By event name: the wrappers of the frame's lifecycle count to the
 * phase in their name.
 */
const KINDS: [string, RegExp][] = [
  ['garbage collection', /GC|GarbageCollect/],
  ['intersection observers', /IntersectionObserv/],
  [
    'script: callbacks, microtasks, V8',
    /^(FunctionCall|EvaluateScript|RunMicrotasks|BlinkScheduler_PerformMicrotaskCheckpoint|v8\.|V8\.)/,
  ],
  ['style', /UpdateLayoutTree|[Rr]ecalcStyle|StyleRecalc|rebuildLayoutTree|StyleInvalidat/],
  ['compositing inputs (whole-page walk)', /CompositingInputs/],
  ['layout, text shaping', /Layout|InlineNode|Shape|ScrollAnchor/],
  [
    'paint, commit, other frame work',
    /Paint|Commit|Layeriz|MainFrame|Lifecycle|Animat|Layer|Compositor|Scroll|Raster|Frame/,
  ],
  ['tasks: scheduling, timers', /RunTask|AsyncTask|TimerBase|ThreadController|PostTask/],
];

const kindOf = (name: string): string => KINDS.find(([, pattern]) => pattern.test(name))?.[0] ?? 'other';

/**
 * The middle of `values` (0 for none): each side's figure over its runs. With an even count, the mean
 * of the two middle runs: the upper one alone made a side of 4 runs report its second-worst run.
 */
export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const half = sorted.length >> 1;
  const upper = sorted[half] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[half - 1] ?? 0) + upper) / 2;
};

/**
 * Prints the largest differences in CPU self time per MB between traced runs with and without the
 * extension (each figure the median over the runs of its side), largest first, with wall-clock self
 * time and counts; `rows` limits the list (KAMERLENS_BENCH_TRACE_ROWS changes it).
 */
export function printTraceDifference(
  label: string,
  withExtension: TraceBreakdown[],
  without: TraceBreakdown[],
  mb: number,
  rows = Number(process.env.KAMERLENS_BENCH_TRACE_ROWS) || 20,
): void {
  const names = new Set([...withExtension, ...without].flatMap((runs) => [...runs.keys()]));
  const of = (runs: TraceBreakdown[], name: string) => ({
    ms: median(runs.map((run) => run.get(name)?.ms ?? 0)),
    cpuMs: median(runs.map((run) => run.get(name)?.cpuMs ?? 0)),
    count: median(runs.map((run) => run.get(name)?.count ?? 0)),
  });
  const lines = [...names]
    .map((name) => {
      const a = of(withExtension, name);
      const b = of(without, name);
      return { name, a, b, difference: (a.cpuMs - b.cpuMs) / mb };
    })
    .sort((x, y) => Math.abs(y.difference) - Math.abs(x.difference))
    .slice(0, rows);
  const total = (runs: TraceBreakdown[], pick: (e: { ms: number; cpuMs: number }) => number) =>
    median(runs.map((run) => [...run.values()].reduce((sum, e) => sum + pick(e), 0))) / mb;
  console.log(
    `\n${label}: traced main-thread self time, median of ${withExtension.length} traced run(s) a side ` +
      '(ms per MB; tracing inflates it; for attribution). All events: CPU ' +
      `${total(withExtension, (e) => e.cpuMs).toFixed(0)} with, ${total(without, (e) => e.cpuMs).toFixed(0)} without; ` +
      `wall ${total(withExtension, (e) => e.ms).toFixed(0)} with, ${total(without, (e) => e.ms).toFixed(0)} without`,
  );
  // Frames per run: some runs of either side (with and without the extension) get ~100 more, a
  // Blink timer every ~100 ms while the page scrolls that runs no script and asks for a frame which
  // then aborts (MainFrameAborted, NO_UPDATE); seen in 2 of 3 runs with Kamerlens and 1 of 3 without
  // in one bench run (load 1.2-2.5), 1 of 2 on each side in another. Each such frame also computes
  // the intersection observers and updates the accessibility tree, ~30 ms per MB traced; a median
  // that takes such a run on one side only moves the difference by that much.
  const perRun = (runs: TraceBreakdown[], name: string) =>
    runs.map((run) => String(run.get(name)?.count ?? 0)).join(' ');
  console.log(
    `frames per run (lifecycle updates): with ${perRun(withExtension, 'Blink.CompositingInputs.UpdateTime')}, ` +
      `without ${perRun(without, 'Blink.CompositingInputs.UpdateTime')}; aborted frames: with ` +
      `${perRun(withExtension, 'MainFrameAborted')}, without ${perRun(without, 'MainFrameAborted')}`,
  );
  // The kinds first: every event counted once, in the first kind its name matches.
  const byKind = (runs: TraceBreakdown[], kind: string) =>
    median(
      runs.map((run) =>
        [...run].filter(([name]) => kindOf(name) === kind).reduce((sum, [, e]) => sum + e.cpuMs, 0),
      ),
    ) / mb;
  const kinds = [...KINDS.map(([kind]) => kind), 'other'].map((kind) => ({
    kind,
    a: byKind(withExtension, kind),
    b: byKind(without, kind),
  }));
  console.log(
    `${'kind of work (CPU self time)'.padEnd(44)}${'with'.padStart(9)}${'without'.padStart(9)}${'diff'.padStart(9)}`,
  );
  for (const { kind, a, b } of kinds)
    console.log(
      kind.padEnd(44) + a.toFixed(1).padStart(9) + b.toFixed(1).padStart(9) + (a - b).toFixed(1).padStart(9),
    );
  console.log(
    `${'event'.padEnd(44)}${'cpu with'.padStart(9)}${'without'.padStart(9)}${'diff'.padStart(9)}` +
      `${'wall diff'.padStart(10)}${'count'.padStart(7)}${'without'.padStart(8)}`,
  );
  for (const { name, a, b, difference } of lines)
    console.log(
      name.slice(0, 43).padEnd(44) +
        (a.cpuMs / mb).toFixed(1).padStart(9) +
        (b.cpuMs / mb).toFixed(1).padStart(9) +
        difference.toFixed(1).padStart(9) +
        ((a.ms - b.ms) / mb).toFixed(1).padStart(10) +
        String(a.count).padStart(7) +
        String(b.count).padStart(8),
    );
}
