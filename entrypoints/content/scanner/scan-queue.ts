/**
 * What is left to scan: scopes (elements) to walk, deep (the whole subtree) or shallow (only a
 * block's own inline text, when text inside it changed). Mutation records become scopes here, in
 * a scanner slice — the MutationObserver callback itself only stores the records.
 */
import { MARK_TAG } from '../own-names';
import { elementKind, hasBlockDescendant, isEditable, isInSkipped, placeOf } from './element-kinds';

/** One unit of work. */
export interface Scope {
  element: Element;
  deep: boolean;
}

/** Pending scopes, deduplicated; a deep scope covers everything queued below it. */
export class ScanQueue {
  private readonly scopes = new Map<Element, boolean>();

  get size(): number {
    return this.scopes.size;
  }

  /** Queues a scope; deep wins over shallow for the same element. */
  add(element: Element, deep: boolean): void {
    if (this.scopes.get(element) !== true) this.scopes.set(element, deep);
  }

  /**
   * The next scope still on the page, not covered by a deep scope queued above it, and not inside
   * a region that became skipped (editable, hidden) after it was queued.
   */
  take(): Scope | undefined {
    for (const [element, deep] of this.scopes) {
      this.scopes.delete(element);
      if (element.isConnected && !this.hasDeepAncestor(element) && !isInSkipped(element)) {
        return { element, deep };
      }
    }
    return undefined;
  }

  /** Forgets every queued scope (the document became editable). */
  clear(): void {
    this.scopes.clear();
  }

  private hasDeepAncestor(element: Element): boolean {
    for (let el = element.parentElement; el; el = el.parentElement) {
      if (this.scopes.get(el) === true) return true;
    }
    return false;
  }
}

/** The element itself or its nearest ancestor that starts a block of text. */
function nearestBlock(element: Element | null): Element | null {
  for (let el = element; el; el = el.parentElement) {
    if (elementKind(el) === 'block') return el;
  }
  return null;
}

/** What a mutation record means for the scan. */
export interface MutationEffect {
  /** Marks whose text the page changed: their reference must be unmarked and read again. */
  changedMarks: Element[];
  /** Whether nodes left the page (marks may be gone: prune the registry). */
  removed: boolean;
}

/** Turns one mutation record into queued scopes; returns the marks it touched. */
export function queueMutation(record: MutationRecord, queue: ScanQueue): MutationEffect {
  const effect: MutationEffect = { changedMarks: [], removed: record.removedNodes.length > 0 };
  const queueText = (node: Node): void => {
    const place = placeOf(node);
    if (!place) return;
    if (place.mark) effect.changedMarks.push(place.mark);
    queue.add(place.block, false);
  };

  if (record.type === 'characterData') queueText(record.target);
  else if (record.type === 'attributes') {
    const element = record.target as Element;
    const place = placeOf(element);
    if (place && elementKind(element) !== 'skip') {
      queue.add(elementKind(element) === 'block' ? element : place.block, true);
    } else if (isEditable(element)) {
      // Became editable: our marks would end up in what the page saves. Unwrap them, and read the
      // text around the region again (a reference that reached into it is marked without it).
      effect.changedMarks.push(...element.querySelectorAll(MARK_TAG));
      const around = nearestBlock(element.parentElement);
      if (around) queue.add(around, false);
    }
  } else {
    for (const node of record.addedNodes) {
      if (node.nodeType === Node.TEXT_NODE) queueText(node);
      else if (node.nodeType === Node.ELEMENT_NODE) {
        const element = node as Element;
        const kind = elementKind(element);
        if (kind === 'skip' || kind === 'ours') continue;
        const place = placeOf(element);
        if (!place) continue;
        if (place.mark) effect.changedMarks.push(place.mark);
        if (kind === 'block') queue.add(element, true);
        else queue.add(place.block, hasBlockDescendant(element));
      }
    }
  }
  return effect;
}
