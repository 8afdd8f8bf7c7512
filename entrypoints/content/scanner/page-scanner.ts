/**
 * The page scanner: finds references in the page's text and marks them, at load and whenever the
 * page adds or changes text. Work runs in slices of a few milliseconds that yield to the page
 * (uBlock Origin's pattern): the page watcher hands over mutation records, which the scanner only
 * stores; a slice turns them into scopes, walks text blocks and marks them until its budget is
 * spent. Its own wrapping and unwrapping reach the other subscribers of the watcher, not itself.
 *
 * With a viewport gate (`viewport-gate.ts`), text is read only as it nears the visible part of
 * the page: a scope's own text is read, and each block inside it waits (`PendingScopes`) until the
 * gate lets it through, where the same happens one level down. What the page pays for marking then
 * follows what the reader sees, not the page's length. Two readers of every reference read the
 * rest: the side panel (`scanEverything`, after which the page is scanned whole as without a gate)
 * and the Tab key, before whose default action the next unread text in its direction is read
 * (`TAB_BUDGET_MS`), so the next reference is a tab stop when focus moves.
 *
 * Slices only read: what they find is written once per animation frame (`mark-writer.ts`), each
 * frame's writes within a budget of their own, so the page restyles and relays out once per frame.
 * The Tab key's read-ahead writes at once, as its marks must be there before focus moves.
 */
import { nextTask, runSlice } from '../../../data/time-slices';
import { MARK_TAG, measuresRequested } from '../own-names';
import { watchPage } from '../page-watcher';
import { markBlock, planBlock } from './mark-block';
import {
  createMarkRegistry,
  type MarkedReference,
  type MarkRegistry,
  type WritableMarkRegistry,
} from './mark-registry';
import { ensureMarkStyle, removeMarkStyle } from './mark-style';
import { createMarkWriter, WRITE_FLOOR_MS, writeBudgetMs } from './mark-writer';
import { PendingScopes } from './pending-scopes';
import { atNextFrame } from './planned-writes';
import { queueMutation, ScanQueue } from './scan-queue';
import { liesAhead, tabStart } from './tab-ahead';
import { hasTextAtMost, type TextBlock, textBlocks } from './text-blocks';
import type { ViewportGateFactory } from './viewport-gate';

/** How the scanner is started. */
export interface PageScannerOptions {
  document: Document;
  /** Stops everything and removes the marks when aborted (the content script's lifetime, lifetime.ts). */
  signal: AbortSignal;
  /**
   * `aria-roledescription` of a reference's keyboard stop ("verwijzing" / "reference"); a function
   * is called once, when the first keyboard stop is written (a page without references never asks).
   */
  roleDescription: string | (() => string);
  /** Time per slice before yielding to the page, in ms. */
  budgetMs?: number;
  /**
   * Time per animation frame for writing marks, in ms (default: `WRITE_FLOOR_MS`, more on a long
   * document: `writeBudgetMs`); the rest waits a frame.
   */
  writeBudgetMs?: number;
  /** Runs a callback at the next animation frame (default `atNextFrame`; tests hold frames back). */
  nextFrame?: (run: () => void) => void;
  /** Reads text only as it nears the viewport (`intersectionGate`); without one, the page is read whole. */
  viewportGate?: ViewportGateFactory;
  /**
   * Once the reader has scrolled, a scope the gate lets through with at most this many characters
   * of text is read whole, its blocks not waiting one by one (default `WHOLE_SCOPE_CHARS`; 0 makes
   * every block wait).
   */
  wholeScopeChars?: number;
}

/**
 * Once the reader scrolls, a section that comes near with at most this much text (about six
 * screens of prose) is read whole. Each block waiting on its own is a target that the gate's
 * IntersectionObservers (then two) measured in every frame while the page scrolls, observed, answered
 * and unobserved one by one, and the blocks came in more batches of marks, each a frame of
 * relayout, paint and commit. Scrolling through a 1 MB page of sections of 50 paragraphs
 * (`npm run bench -- scanner`): 12 layouts instead of 28, and the traced observer, commit and
 * paint time well under half. Not before the first scroll: at load the scanner's code is cold and
 * every KB read costs several times more, so a page only looked at still pays for the screens
 * around the viewport only.
 */
const WHOLE_SCOPE_CHARS = 32 * 1024;

/** Pages that opt in (`measuresRequested`) get one `performance.measure` entry per slice. */
const SLICE_MEASURE = 'kamerlens:slice';

/** A running scanner. */
export interface PageScanner {
  /** Marks on this page and their citations (the contract other modules use). */
  registry: MarkRegistry;
  /** Resolves once nothing is left to scan (tests and benchmarks wait on it); text still off-screen is not waited for. */
  idle(): Promise<void>;
  /** Reads all text, off-screen too, from now on; resolves when it is marked (the side panel's list). */
  scanEverything(): Promise<void>;
}

/**
 * Most time the Tab key may spend reading unread text for the next reference, in ms: it runs before
 * the browser moves focus, so it must stay well under a frame.
 */
const TAB_BUDGET_MS = 20;

/**
 * Events after which `document.designMode` may have changed (no event reports the switch itself):
 * the reader focusing, placing the caret or starting to type. `beforeinput` comes before the edit
 * is applied, so the marks are gone before the first keystroke lands.
 */
const EDITING_EVENTS = ['beforeinput', 'focusin', 'selectionchange', 'pointerdown', 'keydown'];

/** Starts scanning `document`: the whole page first, then every change. */
export function startPageScanner(options: PageScannerOptions): PageScanner {
  const { document: doc, signal, budgetMs = 4, viewportGate } = options;
  const wholeScopeChars = options.wholeScopeChars ?? WHOLE_SCOPE_CHARS;
  // Scopes the gate let through after the reader scrolled, until they are read: small ones are read whole.
  const cameNear = new WeakSet<Element>();
  let role: string | undefined;
  const roleDescription = (): string => {
    role ??=
      typeof options.roleDescription === 'function' ? options.roleDescription() : options.roleDescription;
    return role;
  };
  const registry: WritableMarkRegistry = createMarkRegistry();
  const queue = new ScanQueue();
  const measure = measuresRequested(doc);
  let records: MutationRecord[] = [];
  let walk: { blocks: Generator<TextBlock | null, boolean>; element: Element; deep: boolean } | null = null;
  let pumping = false;
  let idleWaiters: (() => void)[] = [];
  // A document in design mode is one editable region: it gets no marks until design mode ends.
  let editing = doc.designMode === 'on';
  // Set by scanEverything: from then on no block waits for the viewport.
  let everything = viewportGate === undefined;
  const pending = viewportGate
    ? new PendingScopes(
        viewportGate((element, moving) => {
          if (!pending?.release(element) || !element.isConnected) return;
          if (moving) cameNear.add(element);
          queue.add(element, true);
          void pump();
        }),
      )
    : null;
  /** Where a shallow read of a deep scope sends the blocks it passes: waiting, or straight to the queue. */
  const deferBlock = (element: Element): void => {
    if (everything || !pending) queue.add(element, true);
    else pending.add(element);
  };

  const watcher = watchPage(doc);
  const hasReading = (): boolean => records.length > 0 || queue.size > 0 || walk !== null;
  const hasWork = (): boolean => hasReading() || writer.size > 0;

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
    if (removed) {
      registry.prune();
      pending?.prune();
    }
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
      pending?.takeAll();
      writer.clear();
      walk = null;
      const unmarked = feed.ownChange(() => registry.unwrapAll());
      registry.notify('unmarked', unmarked);
    } else {
      queue.add(doc.body ?? doc.documentElement, true);
      void pump();
    }
    return now;
  };

  /**
   * Runs `read` as the scanner's own change of the page (records taken first, its own changes kept
   * from itself), then installs the style and tells the listeners what was marked and unmarked.
   */
  const ownPass = (
    started: number,
    read: (marked: MarkedReference[], unmarked: MarkedReference[]) => void,
  ): void => {
    watcher.flush();
    const marked: MarkedReference[] = [];
    const unmarked = feed.ownChange(() => {
      const unmarked = applyRecords();
      read(marked, unmarked);
      return unmarked;
    });
    if (marked.length > 0) ensureMarkStyle(doc);
    if (measure) performance.measure(SLICE_MEASURE, { start: started, end: performance.now() });
    registry.notify('unmarked', unmarked);
    registry.notify('marked', marked);
  };

  /** Marks one block at once; returns the references it marked. */
  const markInto = (block: TextBlock, marked: MarkedReference[], unmarked: MarkedReference[]) => {
    const changes = markBlock(block, registry, roleDescription);
    marked.push(...changes.marked);
    unmarked.push(...changes.unmarked);
    return changes.marked;
  };

  const writer = createMarkWriter({
    registry,
    roleDescription,
    budgetMs: () => options.writeBudgetMs ?? writeBudgetMs(doc, WRITE_FLOOR_MS),
    nextFrame: options.nextFrame ?? ((run) => atNextFrame(doc, run)),
    inPass: (write) => {
      if (signal.aborted || followDesignMode()) return false;
      ownPass(performance.now(), write);
      return true;
    },
    readAgain: (block) => queue.add(block, false),
  });

  /**
   * A deep scope is read whole, or (with a gate) its own text now and each block inside when near;
   * a small scope that came near while the reader moves is read whole (`WHOLE_SCOPE_CHARS`).
   */
  const walkOf = (element: Element, deep: boolean) => {
    const whole =
      !deep || everything || (cameNear.delete(element) && hasTextAtMost(element, wholeScopeChars));
    return whole ? textBlocks(element, deep) : textBlocks(element, false, deferBlock);
  };

  const scanSlice = (): void => {
    if (followDesignMode()) {
      watcher.flush();
      records = [];
      return;
    }
    const started = performance.now();
    ownPass(started, () => {
      const step = (): boolean => {
        if (!walk) {
          const scope = queue.take();
          if (!scope) return false;
          walk = { blocks: walkOf(scope.element, scope.deep), ...scope };
        }
        const next = walk.blocks.next();
        if (next.done) {
          if (!next.value) queue.add(walk.element, walk.deep); // the page moved things mid-walk
          walk = null;
        } else if (next.value) {
          const plan = planBlock(next.value, registry);
          if (plan) writer.add(plan);
          // The first message lookup blocks (a call to the browser): here, not in the frame's writes.
          if (plan && plan.toWrap.length > 0) roleDescription();
        }
        return true;
      };
      runSlice(step, { budgetMs, start: started });
    });
  };

  /**
   * Reads unread text from `from` in the Tab key's direction until a reference there is marked (a
   * tab stop the browser's focus move can reach), nothing is left that way, or `TAB_BUDGET_MS` is
   * spent. Runs in the keydown, before the browser moves focus.
   */
  const readAhead = (from: Node | null, backwards: boolean): void => {
    if (!pending || pending.size === 0 || editing) return;
    const started = performance.now();
    const inTime = () => performance.now() - started < TAB_BUDGET_MS;
    // After the first, the next unread block is found by walking the page from the one just read
    // (into it, as its blocks now wait): asking every waiting block each time would be quadratic.
    const walker = doc.createTreeWalker(doc.body ?? doc.documentElement, NodeFilter.SHOW_ELEMENT);
    const following = (scope: Element): Element | undefined => {
      walker.currentNode = scope;
      if (backwards) while (walker.lastChild()) {}
      let node: Node | null = backwards && walker.currentNode !== scope ? walker.currentNode : step();
      while (node && inTime()) {
        if (pending.has(node as Element)) return node as Element;
        node = step();
      }
      return undefined;
    };
    const step = () => (backwards ? walker.previousNode() : walker.nextNode());
    ownPass(started, (marked, unmarked) => {
      // What the slices planned goes in first: the blocks read now must see those marks.
      writer.writeAll(marked, unmarked);
      let scope = pending.nearest(from, backwards);
      while (scope && inTime()) {
        if (pending.release(scope)) {
          let reached = false;
          for (const block of textBlocks(scope, false, deferBlock)) {
            if (!block) continue;
            for (const { marks } of markInto(block, marked, unmarked)) {
              reached ||= marks[0] !== undefined && liesAhead(marks[0], from, backwards);
            }
          }
          if (reached) return;
        }
        scope = following(scope);
      }
    });
  };

  const pump = async (): Promise<void> => {
    if (pumping) {
      writer.wake(); // it may be waiting for a frame: there is reading to do first
      return;
    }
    pumping = true;
    try {
      while (hasWork() && !signal.aborted) {
        if (!hasReading()) {
          // Only writes are left: they happen in the next frame.
          await writer.nextWrite();
          continue;
        }
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
  if (pending) {
    doc.addEventListener(
      'keydown',
      (event) => {
        if (!event.isTrusted || event.key !== 'Tab' || event.altKey || event.ctrlKey || event.metaKey) return;
        readAhead(tabStart(doc), event.shiftKey);
      },
      { capture: true, passive: true, signal },
    );
  }

  signal.addEventListener(
    'abort',
    () => {
      pending?.takeAll();
      writer.clear();
      writer.wake();
      registry.unwrapAll();
      removeMarkStyle(doc);
    },
    { once: true },
  );

  const scanner: PageScanner = {
    registry,
    scanEverything() {
      if (!everything) {
        everything = true;
        for (const element of pending?.takeAll() ?? []) queue.add(element, true);
      }
      return scanner.idle();
    },
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
  return scanner;
}
