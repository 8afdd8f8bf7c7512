/**
 * The page scanner's write side: the plans its slices read (`planBlock`) are written together at
 * the animation frame after the reading of their pass ends (`nextWrite`), oldest first, within a
 * budget per frame; what the budget leaves over waits for the frame after. A pass that reads for
 * long writes what it has every `MAX_PLAN_WAIT_MS`, so marks still appear as it goes. A plan whose
 * text nodes the page changed since they were read is not written: its block is handed back to be
 * read again.
 */
import { placeOf } from './element-kinds';
import { applyPlan, type BlockPlan, planIsCurrent } from './mark-block';
import type { MarkedReference, WritableMarkRegistry } from './mark-registry';
import { PlannedWrites } from './planned-writes';

/**
 * Longest a plan waits for the reading of its pass to end before a frame writes it. Every frame
 * with writes costs the page a restyle and relayout, so a pass's reading slices do not each get one.
 */
const MAX_PLAN_WAIT_MS = 100;

/**
 * A long document's frame budget for writing: 1 ms per this many of its elements, when that is more
 * than `WRITE_FLOOR_MS`. Any frame that changes a page's layout costs Chromium an update of
 * its compositing inputs that walks the whole page, whatever changed (`npm run bench -- layout-cost`,
 * without Kamerlens, one word wrapped per frame, traced: 2.0–2.6 ms per frame on the benchmark's
 * 1 MB page, 34–41 ms on its 20 MB page of ~43,500 elements, load 1.3–1.7). On such a page a
 * frame with marks to write is long whatever is written in it, so it writes more (~22 ms on the
 * 20 MB page, where the gate's batches grow too: `REACH_AHEAD_SHARE`), and fewer frames write;
 * below ~24,000 elements (~11 MB of the benchmark's prose) `WRITE_FLOOR_MS` holds.
 */
export const ELEMENTS_PER_WRITE_MS = 2_000;

/**
 * The frame budget for writing on any page, however short: each frame that writes costs the page a
 * relayout, a repaint and the compositing-inputs walk on top of what it writes, so a batch of the
 * viewport gate (`REACH_AHEAD_CHARS`) should go in one frame, not be cut in two or three by the
 * reading slices' 4 ms. The larger reach alone left as many layouts (7 against 7, load 1.3–2.7):
 * its batches were written over more frames each. Both together, side by side with 4 ms and twenty
 * viewports on the 1 MB page scrolled through (`scanner.ts cost 1 reading`, 4 runs a side, load
 * 0.8–3.4): 4 layouts instead of 6, main-thread CPU +73 instead of +102 ms per MB over the page
 * without Kamerlens (per run 449–491 against 475–524), the same 370 references marked, no long
 * task; traced, each writing frame ran ~3 ms of our script. Again (load 0.7–3.7): 4 layouts
 * instead of 7, +155 instead of +236 ms per MB (per run 545–601 against 632–665). At load,
 * where only what is near is read, nothing changed (2 layouts, 5 references marked either way).
 * With a reference in every paragraph (the bench's generator at 1,700 references per MB, scrolled
 * through, 4 runs a side, load 0.1–0.6), where a frame may fill the budget: 7 layouts instead of
 * 17, +459 instead of +526 ms per MB, no long task either way.
 */
export const WRITE_FLOOR_MS = 12;

/** The frame budget for writing in `doc`: `floorMs`, or more on a long document (`ELEMENTS_PER_WRITE_MS`). */
export function writeBudgetMs(doc: Document, floorMs: number): number {
  // A live collection: its length walks the document again only after the document changed.
  return Math.max(floorMs, doc.getElementsByTagName('*').length / ELEMENTS_PER_WRITE_MS);
}

/** Where one pass's changes are collected (the scanner tells the registry's listeners after it). */
export type WritePass = (marked: MarkedReference[], unmarked: MarkedReference[]) => void;

/** How the writer writes. */
export interface MarkWriterOptions {
  registry: WritableMarkRegistry;
  roleDescription: () => string;
  /** Time per frame for writing, in ms (at least one plan is written per frame), asked at each frame. */
  budgetMs: () => number;
  /** Runs a callback at the next animation frame. */
  nextFrame: (run: () => void) => void;
  /**
   * Runs one frame's `write` as the scanner's own change of the page; returns false instead when
   * nothing may be written now (the scanner stopped, or the document became editable).
   */
  inPass: (write: WritePass) => boolean;
  /** Hears a block element whose text changed between reading and writing. */
  readAgain: (block: Element) => void;
}

/** The writer of one scanner. */
export interface MarkWriter {
  /** Plans waiting for a frame. */
  readonly size: number;
  /** Adds a plan (a newer plan for the same text replaces an older one). */
  add(plan: BlockPlan): void;
  /** Writes every waiting plan now, into `marked` and `unmarked` (the Tab key cannot wait). */
  writeAll: WritePass;
  /** Asks for a frame to write what waits (the pass's reading is over); resolves after its writes, or at `wake()`. */
  nextWrite(): Promise<void>;
  /** Resolves every `nextWrite()` now (there is reading to do, or the scanner stopped). */
  wake(): void;
  /** Drops every waiting plan. */
  clear(): void;
}

/** Creates the writer. */
export function createMarkWriter(options: MarkWriterOptions): MarkWriter {
  const { registry, roleDescription, budgetMs, nextFrame, inPass, readAgain } = options;
  const planned = new PlannedWrites();
  let scheduled = false;
  /** When the oldest waiting plan was added. */
  let since = 0;
  let waiters: (() => void)[] = [];

  const wake = (): void => {
    const waiting = waiters;
    waiters = [];
    for (const resolve of waiting) resolve();
  };

  /** Writes plans, oldest first, until `budget` ms from `started` are spent (all without one). */
  const write = (marked: MarkedReference[], unmarked: MarkedReference[], budget: number): void => {
    const started = performance.now();
    do {
      const plan = planned.take();
      if (!plan) return;
      if (planIsCurrent(plan)) {
        const changes = applyPlan(plan, registry, roleDescription);
        marked.push(...changes.marked);
        unmarked.push(...changes.unmarked);
      } else {
        const node = plan.block.nodes.find((text) => text.isConnected);
        const block = node ? placeOf(node)?.block : undefined;
        if (block) readAgain(block);
      }
    } while (performance.now() - started < budget);
  };

  const frame = (): void => {
    scheduled = false;
    if (!inPass((marked, unmarked) => write(marked, unmarked, budgetMs()))) planned.clear();
    // What the budget left over was read already: it goes in the next frame.
    since = performance.now();
    schedule();
    wake();
  };

  const schedule = (): void => {
    if (scheduled || planned.size === 0) return;
    scheduled = true;
    nextFrame(frame);
  };

  return {
    get size() {
      return planned.size;
    },
    add(plan) {
      const now = performance.now();
      if (planned.size === 0) since = now;
      planned.add(plan);
      if (now - since >= MAX_PLAN_WAIT_MS) schedule();
    },
    writeAll(marked, unmarked) {
      write(marked, unmarked, Number.POSITIVE_INFINITY);
    },
    nextWrite() {
      schedule();
      return new Promise((resolve) => waiters.push(resolve));
    },
    wake,
    clear() {
      planned.clear();
    },
  };
}
