/**
 * The page-text model of data/annotations/page-text.ts built from the live DOM, and the mapping
 * between DOM Ranges and model offsets. Text inside the scanner's `<kamerlens-ref>` marks counts
 * (they only wrap page text); other `kamerlens-*` hosts are our UI and do not. Text is taken by
 * DOM structure, not visibility, so a collapsed "read more" does not move every offset after it.
 */
import {
  endsAfterSpace,
  modelOffsetOf,
  normalizeChunk,
  rawEndOf,
  rawStartOf,
} from '../../../data/annotations/page-text';
import { MARK_TAG, OWN_PREFIX } from '../own-names';

/** Elements whose text is never page text. */
const EXCLUDED = new Set(['script', 'style', 'noscript', 'template', 'textarea']);
/** Kamerlens' own elements that hold page text. */
const PAGE_TEXT_OURS = new Set([MARK_TAG]);

/** One text node's share of the model. */
interface TextSegment {
  node: Text;
  /** Model offsets this node produced: `[start, end)`. */
  start: number;
  end: number;
  /** Whether the model text before this node ends in a space (needed to map inside the node). */
  afterSpace: boolean;
}

/** The model text and where each part of it comes from. */
export interface PageTextModel {
  text: string;
  segments: TextSegment[];
  /** Segments that produced text, for offset → node lookups. */
  filled: TextSegment[];
  indexOf: Map<Text, number>;
}

/** Whether an element's subtree is left out of the model. */
export function isExcludedElement(element: Element): boolean {
  const name = element.localName;
  return EXCLUDED.has(name) || (name.startsWith(OWN_PREFIX) && !PAGE_TEXT_OURS.has(name));
}

/** Build the model of `root` (normally `document.body`). */
export function buildPageText(root: Element): PageTextModel {
  const segments: TextSegment[] = [];
  const parts: string[] = [];
  let length = 0;
  let afterSpace = true;
  const visit = (parent: Node): void => {
    for (let child = parent.firstChild; child !== null; child = child.nextSibling) {
      if (child.nodeType === Node.TEXT_NODE) {
        const node = child as Text;
        const normalized = normalizeChunk(node.data, afterSpace);
        segments.push({ node, start: length, end: length + normalized.length, afterSpace });
        parts.push(normalized);
        length += normalized.length;
        afterSpace = endsAfterSpace(normalized, afterSpace);
      } else if (child.nodeType === Node.ELEMENT_NODE && !isExcludedElement(child as Element)) {
        visit(child);
      }
    }
  };
  visit(root);
  const indexOf = new Map<Text, number>();
  for (const [i, segment] of segments.entries()) indexOf.set(segment.node, i);
  return { text: parts.join(''), segments, filled: segments.filter((s) => s.end > s.start), indexOf };
}

/** Index of the first segment whose node lies at or after the boundary point (node, offset). */
function firstSegmentAfter(model: PageTextModel, node: Node, offset: number): number {
  const doc = node.ownerDocument ?? document;
  const point = doc.createRange();
  point.setStart(node, offset);
  let low = 0;
  let high = model.segments.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    const segment = model.segments[middle] as TextSegment;
    // comparePoint: −1 when the segment's start is before the point.
    if (point.comparePoint(segment.node, 0) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The model offset of a DOM boundary point. */
function modelOffsetAt(model: PageTextModel, node: Node, offset: number): number {
  const index = node.nodeType === Node.TEXT_NODE ? model.indexOf.get(node as Text) : undefined;
  if (index !== undefined) {
    const segment = model.segments[index] as TextSegment;
    return segment.start + modelOffsetOf(segment.node.data, offset, segment.afterSpace);
  }
  const next = model.segments[firstSegmentAfter(model, node, offset)];
  return next === undefined ? model.text.length : next.start;
}

/** `[start, end)` in the model for a DOM range. */
export function spanOfRange(model: PageTextModel, range: Range): [number, number] {
  return [
    modelOffsetAt(model, range.startContainer, range.startOffset),
    modelOffsetAt(model, range.endContainer, range.endOffset),
  ];
}

/** The filled segment holding model character `offset`. */
function segmentHolding(model: PageTextModel, offset: number): TextSegment | undefined {
  let low = 0;
  let high = model.filled.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const segment = model.filled[middle] as TextSegment;
    if (offset < segment.start) high = middle - 1;
    else if (offset >= segment.end) low = middle + 1;
    else return segment;
  }
  return undefined;
}

/** A DOM range over model `[start, end)`, or null when the nodes are gone or the span is empty. */
export function rangeOfSpan(model: PageTextModel, start: number, end: number): Range | null {
  if (end <= start) return null;
  const first = segmentHolding(model, start);
  const last = segmentHolding(model, end - 1);
  if (!first || !last || !first.node.isConnected || !last.node.isConnected) return null;
  const range = (first.node.ownerDocument ?? document).createRange();
  range.setStart(first.node, rawStartOf(first.node.data, start - first.start, first.afterSpace));
  range.setEnd(last.node, rawEndOf(last.node.data, end - last.start, last.afterSpace));
  return range;
}
