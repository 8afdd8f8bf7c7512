/**
 * Keeps this page's notes anchored: on load, when notes change, and when the page's content
 * changes (the page watcher's records of the body's text and structure only mark the model stale
 * and schedule a run after the page settles). A run rebuilds the text model; when the text is unchanged (the scanner only
 * wrapped references) the stored spans are simply mapped to fresh Ranges, otherwise every note is
 * re-anchored by `reanchorSteps` in slices of a few milliseconds that yield to the page.
 */
import type { Anchor } from '../../../data/annotations/anchor';
import type { AnnotationRecord } from '../../../data/annotations/model';
import { positionOf, quoteOf } from '../../../data/annotations/model';
import { reanchorSteps } from '../../../data/annotations/reanchor';
import type { AnnotationPageStatus } from '../../../data/messages';
import { nextTask, runSlice } from '../../../data/time-slices';
import { watchPage } from '../page-watcher';
import type { HighlightLayer } from './highlights';
import { buildPageText, type PageTextModel, rangeOfSpan } from './text-model';

/** Tuning (defaults below). */
export interface AnchoringTiming {
  /** Longest stretch of anchoring work before yielding to the page. */
  sliceMs: number;
  /** Quiet time after the last mutation before a run. */
  settleMs: number;
  /** Shortest time between the starts of two mutation-triggered runs. */
  minIntervalMs: number;
}

/** A few ms per slice (no long task); runs at most twice a second on busy pages. */
export const DEFAULT_TIMING: AnchoringTiming = { sliceMs: 8, settleMs: 250, minIntervalMs: 500 };

/** The anchoring of this page's notes. */
export interface Anchoring {
  /** Replace the page's notes (as stored) and anchor them. */
  setRecords(records: readonly AnnotationRecord[]): void;
  /** Add or replace one note and anchor it. */
  upsert(record: AnnotationRecord): void;
  record(id: string): AnnotationRecord | undefined;
  /** Current model (rebuilt when the page changed since the last one). */
  model(): PageTextModel;
  /** Anchored note ids in page order. */
  anchoredIds(): string[];
  status(source: string): AnnotationPageStatus;
  /** Resolves when no run is running or scheduled (tests, e2e hooks). */
  settled(): Promise<void>;
}

/** Start anchoring on `doc`; everything stops with `signal`. */
export function createAnchoring(options: {
  doc: Document;
  signal: AbortSignal;
  highlights: HighlightLayer;
  timing?: AnchoringTiming;
  onUpdate?: () => void;
}): Anchoring {
  const { doc, signal, highlights } = options;
  const timing = options.timing ?? DEFAULT_TIMING;
  const records = new Map<string, AnnotationRecord>();
  /** Spans in `anchoredText` coordinates. */
  let spans = new Map<string, { start: number; end: number }>();
  let orphans = new Set<string>();
  let anchoredText: string | null = null;
  let current: PageTextModel | null = null;
  let stale = true;
  let loaded = false;
  let running = false;
  let again = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastStart = -Infinity;
  const idle: (() => void)[] = [];

  const model = (): PageTextModel => {
    if (stale || current === null) {
      current = buildPageText(doc.body);
      stale = false;
    }
    return current;
  };

  const paint = (text: PageTextModel) => {
    const ranges = new Map<string, Range>();
    for (const [id, span] of spans) {
      const range = rangeOfSpan(text, span.start, span.end);
      if (range) ranges.set(id, range);
    }
    highlights.set(ranges);
  };

  const finish = () => {
    running = false;
    if (again) {
      again = false;
      schedule(0);
      return;
    }
    if (timer === undefined) for (const resolve of idle.splice(0)) resolve();
    options.onUpdate?.();
  };

  const run = async () => {
    timer = undefined;
    if (signal.aborted) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    lastStart = performance.now();
    if (records.size === 0) {
      // Most pages have no notes: their text is read only when a selection needs it, not at load.
      spans = new Map();
      orphans = new Set();
      anchoredText = null;
      highlights.set(new Map());
      finish();
      return;
    }
    const text = model();
    const notes = [...records.values()];
    const known = notes.every((n) => spans.has(n.id) || orphans.has(n.id));
    if (text.text === anchoredText && known) {
      paint(text);
      finish();
      return;
    }
    const targets = notes.map((n) => ({
      quote: quoteOf(n) ?? { type: 'TextQuoteSelector' as const, exact: '', prefix: '', suffix: '' },
      position: positionOf(n),
    }));
    const steps = reanchorSteps(text.text, targets);
    const outcome: { anchors?: (Anchor | null)[] } = {};
    const step = (): boolean => {
      const next = steps.next();
      if (next.done === true) outcome.anchors = next.value;
      return next.done !== true;
    };
    // The page gets a task between slices, as it does between the scanner's.
    for (;;) {
      runSlice(step, { budgetMs: timing.sliceMs });
      if (outcome.anchors) break;
      await nextTask(signal);
      if (signal.aborted) return;
    }
    const { anchors } = outcome;
    // The page may have changed while we yielded: then these spans belong to an old text; run again.
    if (stale) again = true;
    spans = new Map();
    orphans = new Set();
    notes.forEach((note, i) => {
      const anchor = anchors[i];
      if (anchor) spans.set(note.id, { start: anchor.start, end: anchor.end });
      else orphans.add(note.id);
    });
    anchoredText = text.text;
    paint(text);
    finish();
  };

  function schedule(delay: number) {
    if (signal.aborted || !loaded) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => void run(), delay);
  }

  const body = doc.body;
  watchPage(doc).subscribe((mutations, changedByOthers) => {
    // Only queue work here; a run reads the page later, once it settles. Another subscriber's change
    // is the scanner wrapping or unwrapping text in the body: text nodes split or joined.
    if (!changedByOthers && !mutations.some((m) => m.type !== 'attributes' && body.contains(m.target)))
      return;
    stale = true;
    // Without notes there is nothing to re-anchor: the model is rebuilt only when a selection needs it.
    if (records.size === 0) return;
    const wait = Math.max(timing.settleMs, lastStart + timing.minIntervalMs - performance.now());
    schedule(wait);
  }, signal);
  signal.addEventListener('abort', () => {
    if (timer !== undefined) clearTimeout(timer);
    highlights.dispose();
  });

  return {
    setRecords(list) {
      records.clear();
      for (const record of list) records.set(record.id, record);
      anchoredText = null; // anchor all again: notes or their quotes may have changed
      loaded = true;
      schedule(0);
    },
    upsert(record) {
      const before = records.get(record.id);
      records.set(record.id, record);
      if (before && quoteOf(before)?.exact === quoteOf(record)?.exact) {
        options.onUpdate?.();
        return;
      }
      anchoredText = null;
      loaded = true;
      schedule(0);
    },
    record: (id) => records.get(id),
    model,
    anchoredIds: () => [...spans].sort((a, b) => a[1].start - b[1].start).map(([id]) => id),
    status: (source) => ({
      source,
      anchored: [...spans.keys()].filter((id) => records.has(id)),
      orphaned: [...orphans].filter((id) => records.has(id)),
      pending: !loaded || running || timer !== undefined,
    }),
    settled: () =>
      !running && timer === undefined && loaded
        ? Promise.resolve()
        : new Promise((resolve) => idle.push(resolve)),
  };
}
