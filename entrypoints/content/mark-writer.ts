/**
 * Pending mark insertions. The scanner reads and recognizes in slices without touching the page;
 * the marks it decided on wait here and are written together, a time budget per animation frame.
 * Every write makes the browser recompute style and layout in the next frame, and on a long page
 * each such pass costs about as much however few marks it adds: writing in few frames instead of
 * after every slice is what keeps marking cheap for the page.
 */
import { type BlockPlan, wrapPlanned } from './mark-block';
import type { MarkedReference, WritableMarkRegistry } from './mark-registry';

/** A plan with the text its nodes held when it was made (a plan is stale once they change). */
interface Pending {
  plan: BlockPlan;
  data: string[];
  superseded: boolean;
}

/** Queue of planned marks, written in document order. */
export class MarkWriter {
  private pending: Pending[] = [];
  private next = 0;
  /** The newest plan holding each text node: an older plan for the same text is outdated. */
  private owners = new WeakMap<Text, Pending>();
  private since = 0;

  constructor(
    private readonly registry: WritableMarkRegistry,
    private readonly roleDescription: string,
  ) {}

  /** Plans waiting to be written. */
  get size(): number {
    return this.pending.length - this.next;
  }

  /** How long the oldest waiting plan has waited, in ms (0 when none). */
  waitedMs(now: number): number {
    return this.size === 0 ? 0 : now - this.since;
  }

  /** Queues a plan with references to wrap; a newer plan of the same text replaces an older one. */
  add(plan: BlockPlan, now: number): void {
    if (plan.toWrap.length === 0) return;
    if (this.size === 0) this.since = now;
    const entry: Pending = { plan, data: plan.block.nodes.map((node) => node.data), superseded: false };
    for (const node of plan.block.nodes) {
      const owner = this.owners.get(node);
      if (owner) owner.superseded = true;
      this.owners.set(node, entry);
    }
    this.pending.push(entry);
  }

  /**
   * Writes plans until `budgetMs` is spent (at least one); returns the references marked. A plan
   * whose text the page changed meanwhile is dropped: the change queued its block for a new read.
   */
  write(budgetMs: number, clock: () => number): MarkedReference[] {
    const started = clock();
    const marked: MarkedReference[] = [];
    while (this.next < this.pending.length && (marked.length === 0 || clock() - started < budgetMs)) {
      const entry = this.pending[this.next++] as Pending;
      if (!entry.superseded && this.unchanged(entry)) {
        marked.push(...wrapPlanned(entry.plan, this.registry, this.roleDescription));
      }
      for (const node of entry.plan.block.nodes) {
        if (this.owners.get(node) === entry) this.owners.delete(node);
      }
    }
    if (this.next === this.pending.length) this.clear();
    else this.since = clock();
    return marked;
  }

  /** Drops every waiting plan. */
  clear(): void {
    this.pending = [];
    this.next = 0;
    this.owners = new WeakMap();
  }

  private unchanged({ plan, data }: Pending): boolean {
    return plan.block.nodes.every((node, i) => node.isConnected && node.data === data[i]);
  }
}
