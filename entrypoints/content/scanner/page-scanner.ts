/**
 * The page scanner: finds references in the page's text and marks them, at load and whenever the
 * page adds or changes text. Work runs in slices of a few milliseconds that yield to the page
 * (uBlock Origin's pattern): the page watcher hands over mutation records, which the scanner only
 * stores; a slice turns them into scopes, walks text blocks and marks them until its budget is
 * spent. Its own wrapping and unwrapping reach the other subscribers of the watcher, not itself.
 */
import { nextTask, runSlice } from '../../../data/time-slices';
import { MARK_TAG, MEASURE_ATTRIBUTE } from '../own-names';
import { watchPage } from '../page-watcher';
import { markBlock } from './mark-block';
import {
  createMarkRegistry,
  type MarkedReference,
  type MarkRegistry,
  type WritableMarkRegistry,
} from './mark-registry';
import { ensureMarkStyle, removeMarkStyle } from './mark-style';
import { queueMutation, ScanQueue } from './scan-queue';
import { type TextBlock, textBlocks } from './text-blocks';

/** How the scanner is started. */
export interface PageScannerOptions {
  document: Document;
  /** Stops everything and removes the marks when aborted (WXT's `ctx.signal`). */
  signal: AbortSignal;
  /** `aria-roledescription` of a reference's keyboard stop ("verwijzing" / "reference"). */
  roleDescription: string;
  /** Time per slice before yielding to the page, in ms. */
  budgetMs?: number;
}

/** Pages that opt in (`MEASURE_ATTRIBUTE`) get one `performance.measure` entry per slice. */
const SLICE_MEASURE = 'kamerlens:slice';

/** A running scanner. */
export interface PageScanner {
  /** Marks on this page and their citations (the contract other modules use). */
  registry: MarkRegistry;
  /** Resolves once nothing is left to scan (tests and benchmarks wait on it). */
  idle(): Promise<void>;
}

/**
 * Events after which `document.designMode` may have changed (no event reports the switch itself):
 * the reader focusing, placing the caret or starting to type. `beforeinput` comes before the edit
 * is applied, so the marks are gone before the first keystroke lands.
 */
const EDITING_EVENTS = ['beforeinput', 'focusin', 'selectionchange', 'pointerdown', 'keydown'];

/** Starts scanning `document`: the whole page first, then every change. */
export function startPageScanner(options: PageScannerOptions): PageScanner {
  const { document: doc, signal, roleDescription, budgetMs = 4 } = options;
  const registry: WritableMarkRegistry = createMarkRegistry();
  const queue = new ScanQueue();
  const measure = doc.documentElement.hasAttribute(MEASURE_ATTRIBUTE);
  let records: MutationRecord[] = [];
  let walk: { blocks: Generator<TextBlock | null, boolean>; element: Element; deep: boolean } | null = null;
  let pumping = false;
  let idleWaiters: (() => void)[] = [];
  // A document in design mode is one editable region: it gets no marks until design mode ends.
  let editing = doc.designMode === 'on';

  const watcher = watchPage(doc);
  const hasWork = (): boolean => records.length > 0 || queue.size > 0 || walk !== null;

  /** Applies stored mutation records; returns the references unmarked because their text changed. */
  const applyRecords = (): MarkedReference[] => {
    const batch = records;
    records = [];
    const unmarked: MarkedReference[] = [];
    let removed = false;
    for (const record of batch) {
      const effect = queueMutation(record, queue);
      removed ||= effect.removed;
      for (const mark of effect.changedMarks) {
        const group = registry.groupOf(mark);
        const reference = group === undefined ? undefined : registry.unwrap(group);
        if (reference) unmarked.push(reference);
      }
    }
    if (removed) registry.prune();
    return unmarked;
  };

  /**
   * Follows `designMode`: switched on, every mark is unwrapped and pending work dropped; switched
   * off, the whole page is scanned again. Returns whether the document is editable now.
   */
  const followDesignMode = (): boolean => {
    const now = doc.designMode === 'on';
    if (now === editing) return now;
    editing = now;
    if (now) {
      records = [];
      queue.clear();
      walk = null;
      const unmarked = feed.ownChange(() => registry.unwrapAll());
      registry.notify('unmarked', unmarked);
    } else {
      queue.add(doc.body ?? doc.documentElement, true);
      void pump();
    }
    return now;
  };

  const scanSlice = (): void => {
    if (followDesignMode()) {
      watcher.flush();
      records = [];
      return;
    }
    const started = performance.now();
    watcher.flush();
    const marked: MarkedReference[] = [];
    const unmarked = feed.ownChange(() => {
      const unmarked = applyRecords();
      const step = (): boolean => {
        if (!walk) {
          const scope = queue.take();
          if (!scope) return false;
          walk = { blocks: textBlocks(scope.element, scope.deep), ...scope };
        }
        const next = walk.blocks.next();
        if (next.done) {
          if (!next.value) queue.add(walk.element, walk.deep); // the page moved things mid-walk
          walk = null;
        } else if (next.value) {
          const changes = markBlock(next.value, registry, roleDescription);
          marked.push(...changes.marked);
          unmarked.push(...changes.unmarked);
        }
        return true;
      };
      runSlice(step, { budgetMs, start: started });
      return unmarked;
    });
    if (marked.length > 0) ensureMarkStyle(doc);
    if (measure) performance.measure(SLICE_MEASURE, { start: started, end: performance.now() });
    registry.notify('unmarked', unmarked);
    registry.notify('marked', marked);
  };

  const pump = async (): Promise<void> => {
    if (pumping) return;
    pumping = true;
    try {
      while (hasWork() && !signal.aborted) {
        await nextTask(signal);
        if (signal.aborted) break;
        scanSlice();
      }
    } finally {
      pumping = false;
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  };

  // Marks left by a previous instance (extension reloaded) are unknown to this registry: unwrap
  // them so their text is scanned and registered again.
  for (const stale of doc.querySelectorAll(MARK_TAG)) {
    stale.replaceWith(...stale.childNodes);
  }
  const feed = watcher.subscribe((observed) => {
    records.push(...observed);
    void pump();
  }, signal);
  if (!editing) queue.add(doc.body ?? doc.documentElement, true);
  void pump();
  for (const type of EDITING_EVENTS) {
    doc.addEventListener(type, followDesignMode, { capture: true, passive: true, signal });
  }

  signal.addEventListener(
    'abort',
    () => {
      registry.unwrapAll();
      removeMarkStyle(doc);
    },
    { once: true },
  );

  return {
    registry,
    idle() {
      if (signal.aborted) return Promise.resolve();
      // Changes the watcher has seen but not yet handed over count as work too.
      watcher.flush();
      if (!hasWork() && !pumping) return Promise.resolve();
      const done = new Promise<void>((resolve) => idleWaiters.push(resolve));
      void pump();
      return done;
    },
  };
}
