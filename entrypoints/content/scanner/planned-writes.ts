/**
 * Marks read but not yet written, and when to write them. The scanner reads text in task slices and
 * writes what it found once per animation frame (`atNextFrame`): every write to the page makes the
 * browser restyle and relayout before it paints, so writes gathered into one frame cost one
 * restyle and one relayout, where writing in each slice cost one per slice that a frame followed.
 */
import { nextTask } from '../../../data/time-slices';
import type { BlockPlan } from './mark-block';

/** Plans in the order they were read; a newer plan for a text node replaces the older one. */
export class PlannedWrites {
  private plans: BlockPlan[] = [];
  private head = 0;
  private live = 0;
  private readonly byNode = new Map<Text, BlockPlan>();
  private readonly replaced = new WeakSet<BlockPlan>();

  /** Plans waiting to be written. */
  get size(): number {
    return this.live;
  }

  /**
   * Adds a plan. An older plan that read any of the same text nodes is dropped: the newer one read
   * the page later, and both were read before either was written.
   */
  add(plan: BlockPlan): void {
    for (const node of plan.block.nodes) {
      const older = this.byNode.get(node);
      if (older && older !== plan && !this.replaced.has(older)) {
        this.replaced.add(older);
        this.live--;
      }
      this.byNode.set(node, plan);
    }
    this.plans.push(plan);
    this.live++;
  }

  /** The oldest plan still waiting, taken out; undefined when none is left. */
  take(): BlockPlan | undefined {
    while (this.head < this.plans.length) {
      const plan = this.plans[this.head++] as BlockPlan;
      if (this.replaced.has(plan)) continue;
      for (const node of plan.block.nodes) if (this.byNode.get(node) === plan) this.byNode.delete(node);
      this.live--;
      if (this.head === this.plans.length) this.reset();
      return plan;
    }
    this.reset();
    return undefined;
  }

  /** Drops every plan (the document became editable, or the scanner stopped). */
  clear(): void {
    this.reset();
    this.byNode.clear();
    this.live = 0;
  }

  private reset(): void {
    this.plans = [];
    this.head = 0;
  }
}

/**
 * A tab that is hidden after a frame was asked for gets none until it is shown again: this long
 * after asking, the write happens without one.
 */
const FRAME_FALLBACK_MS = 250;

/**
 * Runs `run` once, at the start of the next animation frame (before the browser's own style and
 * layout of that frame), or in a task when the document is hidden and paints no frames.
 */
export function atNextFrame(doc: Document, run: () => void): void {
  const view = doc.defaultView;
  let done = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const once = (): void => {
    if (done) return;
    done = true;
    if (timer !== undefined) clearTimeout(timer);
    run();
  };
  if (!view || doc.visibilityState === 'hidden' || typeof view.requestAnimationFrame !== 'function') {
    void nextTask().then(once);
    return;
  }
  view.requestAnimationFrame(once);
  timer = setTimeout(once, FRAME_FALLBACK_MS);
}
