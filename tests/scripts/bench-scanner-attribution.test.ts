import { describe, expect, it } from 'vitest';
import { type CpuProfile, summarise } from '../../scripts/bench/_scanner-profile';
import { breakdown, median, type TraceEvent } from '../../scripts/bench/_scanner-trace';

const PAGE = 'http://127.0.0.1:4000/cost-0.html';
const OURS = 'chrome-extension://abc/content-scripts/content.js';

/** A trace of one renderer (pid 7) whose main thread is tid 1; tid 2 is another thread of it. */
function trace(events: Partial<TraceEvent>[]): TraceEvent[] {
  return [
    {
      name: 'TracingStartedInBrowser',
      cat: 'disabled-by-default-devtools.timeline',
      ph: 'I',
      pid: 1,
      tid: 1,
      ts: 0,
      args: { data: { frames: [{ processId: 7, url: PAGE }] } },
    },
    {
      name: 'thread_name',
      cat: '__metadata',
      ph: 'M',
      pid: 7,
      tid: 1,
      ts: 0,
      args: { name: 'CrRendererMain' },
    },
    ...events.map(
      (event) => ({ cat: 'devtools.timeline', pid: 7, tid: 1, ts: 0, ph: 'X', ...event }) as TraceEvent,
    ),
  ];
}

describe('trace breakdown', () => {
  it('sums self time on the wall and on the thread clock, each event counted once', () => {
    const result = breakdown(
      trace([
        // A task of 100 µs (60 on the CPU) holding a layout of 30 µs (20 on the CPU).
        { name: 'RunTask', ts: 1000, dur: 100, tts: 500, tdur: 60 },
        { name: 'Layout', ts: 1010, dur: 30, tts: 505, tdur: 20 },
        // A begin/end pair, timed on both clocks.
        { name: 'Paint', ph: 'B', ts: 2000, tts: 600 },
        { name: 'Paint', ph: 'E', ts: 2050, tts: 610 },
        // Another thread of the renderer: not the page's main thread.
        { name: 'Layout', tid: 2, ts: 1000, dur: 999, tdur: 999 },
      ]),
      PAGE,
    );
    expect(result.get('RunTask')).toEqual({ ms: 0.07, cpuMs: 0.04, count: 1 });
    expect(result.get('Layout')).toEqual({ ms: 0.03, cpuMs: 0.02, count: 1 });
    expect(result.get('Paint')).toEqual({ ms: 0.05, cpuMs: 0.01, count: 1 });
  });

  it("names our callbacks by function, the page's together", () => {
    const result = breakdown(
      trace([
        {
          name: 'FunctionCall',
          ts: 10,
          dur: 5,
          args: { data: { url: OURS, functionName: 'frame', lineNumber: 41 } },
        },
        { name: 'FunctionCall', ts: 20, dur: 5, args: { data: { url: PAGE, functionName: 'onScroll' } } },
      ]),
      PAGE,
    );
    expect([...result.keys()].sort()).toEqual(['FunctionCall (Kamerlens frame:42)', 'FunctionCall (page)']);
  });
});

describe('profile summary', () => {
  it('counts a sample to Kamerlens when any frame of its stack is ours, the self time to our innermost function', () => {
    const frame = (functionName: string, url = '') => ({ functionName, url, lineNumber: 0 });
    const profile: CpuProfile = {
      nodes: [
        { id: 1, callFrame: frame('(root)'), children: [2, 5, 6] },
        { id: 2, callFrame: frame('scanSlice', OURS), children: [3] },
        { id: 3, callFrame: frame('wrapRange', OURS), children: [4] },
        // A page function our code called (a getter the page defined): our cost.
        { id: 4, callFrame: frame('pageGetter', PAGE) },
        { id: 5, callFrame: frame('(garbage collector)') },
        { id: 6, callFrame: frame('onScroll', PAGE) },
      ],
      // Each sample lasts until the next one: 1, 2, 3 and 4 ms.
      samples: [3, 4, 5, 6, 1],
      timeDeltas: [0, 1000, 2000, 3000, 4000],
    };
    const result = summarise(profile);
    expect(Object.fromEntries(result.kinds)).toEqual({
      Kamerlens: 3,
      '(garbage collector)': 3,
      'page script': 4,
      // The last sample has no length (no sample after it).
      '(root)': 0,
    });
    expect(Object.fromEntries(result.self)).toEqual({ 'wrapRange:1': 3 });
    expect(Object.fromEntries(result.inclusive)).toEqual({ 'wrapRange:1': 3, 'scanSlice:1': 3 });
  });
});

describe('median', () => {
  it('is the middle run for an odd count and the mean of the two middle runs for an even count', () => {
    expect(median([5, 1, 3])).toBe(3);
    // With 4 runs a side, the upper middle alone would report 30 here: the second-worst run.
    expect(median([40, 10, 30, 20])).toBe(25);
    expect(median([])).toBe(0);
  });
});
