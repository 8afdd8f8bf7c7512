/**
 * Blocks the scanner has found but not yet read, each watched by the viewport gate until it comes
 * near the visible part of the page. Also answers "which unread block comes next from here", for
 * the Tab key: the reference it should reach may still be unread text.
 */
import type { ViewportGate } from './viewport-gate';

/** Unread blocks, watched until they are read. */
export class PendingScopes {
  private readonly pending = new Set<Element>();

  constructor(private readonly gate: ViewportGate) {}

  get size(): number {
    return this.pending.size;
  }

  /** Whether `element` waits. */
  has(element: Element): boolean {
    return this.pending.has(element);
  }

  /** Waits for `element` to come near the viewport. */
  add(element: Element): void {
    if (this.pending.has(element)) return;
    this.pending.add(element);
    this.gate.watch(element);
  }

  /** Stops waiting for `element`; false when it was not pending. */
  release(element: Element): boolean {
    if (!this.pending.delete(element)) return false;
    this.gate.unwatch(element);
    return true;
  }

  /** Stops waiting for all, returning them (to be read now). */
  takeAll(): Element[] {
    const all = [...this.pending];
    this.pending.clear();
    this.gate.clear();
    return all;
  }

  /** Forgets blocks that left the page. */
  prune(): void {
    for (const element of this.pending) if (!element.isConnected) this.release(element);
  }

  /**
   * The pending block where reading from `node` onwards (or backwards) meets unread text first: one
   * that contains `node`, else the nearest after it (before it). With `node` null: the first (last)
   * pending block of the document.
   */
  nearest(node: Node | null, backwards: boolean): Element | undefined {
    let best: Element | undefined;
    for (const element of this.pending) {
      if (!element.isConnected) continue;
      if (node) {
        const position = node.compareDocumentPosition(element);
        if (element === node || position & Node.DOCUMENT_POSITION_CONTAINS) return element;
        const ahead = backwards
          ? position & Node.DOCUMENT_POSITION_PRECEDING
          : position & Node.DOCUMENT_POSITION_FOLLOWING;
        if (!ahead) continue;
      }
      if (!best) best = element;
      else {
        const order = best.compareDocumentPosition(element);
        const closer = backwards
          ? order & Node.DOCUMENT_POSITION_FOLLOWING
          : order & Node.DOCUMENT_POSITION_PRECEDING;
        if (closer) best = element;
      }
    }
    return best;
  }
}
