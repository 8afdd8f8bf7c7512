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
import type { CDPSession } from 'playwright-core';

/** One event of the trace (the fields used here). */
interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: {
    name?: string;
    elementCount?: number;
    data?: {
      type?: string;
      url?: string;
      frames?: { processId?: number; url?: string }[];
      frame?: string;
      elementCount?: number;
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

/** Self time in ms and count, per attributed event name. */
export type TraceBreakdown = Map<string, { ms: number; count: number }>;

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
    case 'EvaluateScript':
    case 'v8.compile':
    case 'v8.compileModule':
      return `${event.name} (${data?.url && extensionScheme.test(data.url) ? 'Kamerlens' : 'page'})`;
    default:
      return event.name;
  }
}

/** Sums self time per attributed name over the page's main thread. */
function breakdown(events: TraceEvent[], pageUrl: string): TraceBreakdown {
  const result: TraceBreakdown = new Map();
  const main = pageMainThread(events, pageUrl);
  if (!main) return result;
  const [pid, tid] = main;
  const extension = /^(chrome|moz)-extension:/;
  // Complete events ('X') and begin/end pairs ('B'/'E') of the main thread, as [start, end, name].
  const spans: [number, number, string][] = [];
  const open: TraceEvent[] = [];
  for (const event of events) {
    if (event.pid !== pid || event.tid !== tid) continue;
    if (event.ph === 'X' && event.dur !== undefined)
      spans.push([event.ts, event.ts + event.dur, attributedName(event, extension)]);
    else if (event.ph === 'B') open.push(event);
    else if (event.ph === 'E') {
      const begin = open.pop();
      if (begin) spans.push([begin.ts, event.ts, attributedName(begin, extension)]);
    }
  }
  // Outer spans first (earlier start, then longer); a span's self time is its length less its children's.
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const stack: { end: number; name: string; self: number }[] = [];
  const close = (until: number): void => {
    while (stack.length > 0 && (stack.at(-1) as { end: number }).end <= until) {
      const done = stack.pop() as { end: number; name: string; self: number };
      const entry = result.get(done.name) ?? { ms: 0, count: 0 };
      entry.ms += done.self / 1000;
      entry.count++;
      result.set(done.name, entry);
    }
  };
  for (const [start, end, name] of spans) {
    close(start);
    const parent = stack.at(-1);
    // A child reaching past its parent's end (clock rounding) is cut at it.
    const cut = parent ? Math.min(end, parent.end) : end;
    if (parent) parent.self -= cut - start;
    stack.push({ end: cut, name, self: cut - start });
  }
  close(Number.POSITIVE_INFINITY);
  return result;
}

/**
 * Prints the largest differences in self time per MB between two breakdowns (with and without the
 * extension), largest first, with counts; `rows` limits the list.
 */
export function printTraceDifference(
  label: string,
  withExtension: TraceBreakdown,
  without: TraceBreakdown,
  mb: number,
  rows = 16,
): void {
  const names = new Set([...withExtension.keys(), ...without.keys()]);
  const lines = [...names]
    .map((name) => {
      const a = withExtension.get(name) ?? { ms: 0, count: 0 };
      const b = without.get(name) ?? { ms: 0, count: 0 };
      return { name, a, b, difference: (a.ms - b.ms) / mb };
    })
    .sort((x, y) => Math.abs(y.difference) - Math.abs(x.difference))
    .slice(0, rows);
  const total = (breakdown: TraceBreakdown) => [...breakdown.values()].reduce((sum, e) => sum + e.ms, 0);
  console.log(
    `\n${label}: traced main-thread self time (ms per MB, tracing inflates it; for attribution), ` +
      `all events ${(total(withExtension) / mb).toFixed(0)} with, ${(total(without) / mb).toFixed(0)} without`,
  );
  console.log(
    `${'event'.padEnd(44)}${'with'.padStart(9)}${'count'.padStart(7)}${'without'.padStart(9)}${'count'.padStart(7)}${'diff'.padStart(9)}`,
  );
  for (const { name, a, b, difference } of lines)
    console.log(
      name.slice(0, 43).padEnd(44) +
        (a.ms / mb).toFixed(1).padStart(9) +
        String(a.count).padStart(7) +
        (b.ms / mb).toFixed(1).padStart(9) +
        String(b.count).padStart(7) +
        difference.toFixed(1).padStart(9),
    );
}
