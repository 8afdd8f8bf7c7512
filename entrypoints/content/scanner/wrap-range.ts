/**
 * Wraps one stretch of a text block in mark elements, one per text node it touches. Only text
 * nodes are split (at the stretch's ends) and moved into a mark at the same place, so the page's
 * text, its links and its other elements stay as they were; nothing is normalized.
 *
 * Elements, not CSS Custom Highlights, although each marked paragraph costs Blink a relayout and a
 * reshaping of its text (~40–50 ms per MB of the scanner bench's prose scrolled through). Measured
 * 2026-12-04 with a throwaway build that painted each frame's references as StaticRanges into
 * highlights in one step (a new highlight per frame, one rebuilt, or one added to; `scanner.ts
 * cost 1 reading`, 4 measured and 3 traced runs a side, load 0.2–5.2): layout and shaping went
 * (+0–5 ms per MB), but with the dotted underline every scroll frame paid Blink's compositing-inputs
 * walk (+32–40 against +13–17), and a tint instead moved the cost to paint (+34); traced CPU came
 * to +102–198 ms per MB against this build's +166–242 in the same runs, with no tuning reliably ahead
 * of another. At load the `::highlight()` rules restyled the whole document (+21–35 ms per MB).
 * Highlights also take no focus, role or events, and their registry is the page's.
 */
import { isRegexSpace } from '../../../data/citations/chars';
import type { TextBlock } from './text-blocks';

/** A part of one text node: `[from, to)` in the node's data. */
interface Piece {
  node: Text;
  from: number;
  to: number;
}

/** Index of the last node that starts at or before `offset` (binary search over `starts`). */
function nodeIndexAt(block: TextBlock, offset: number): number {
  let low = 0;
  let high = block.starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((block.starts[mid] as number) <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** The text-node pieces that make up `[start, end)` of the block; whitespace-only pieces left out. */
function piecesOf(block: TextBlock, start: number, end: number): Piece[] {
  const pieces: Piece[] = [];
  for (let i = nodeIndexAt(block, start); i < block.nodes.length; i++) {
    const nodeStart = block.starts[i] as number;
    if (nodeStart >= end) break;
    const node = block.nodes[i] as Text;
    const data = node.data;
    const from = Math.max(start - nodeStart, 0);
    const to = Math.min(end - nodeStart, data.length);
    if (hasNonSpace(data, from, to)) pieces.push({ node, from, to });
  }
  return pieces;
}

/** Whether `data[from, to)` holds more than what `trim()` removes, without copying it. */
function hasNonSpace(data: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!isRegexSpace(data.charCodeAt(k))) return true;
  return false;
}

/**
 * Wraps `[start, end)` of the block: each touched text node's part goes into its own element made
 * by `createMark` (told the parent it will be inserted into). Returns the marks in document order. Stretches in one text node must be wrapped
 * from last to first: splitting keeps the head of a node in place, so earlier offsets stay valid.
 */
export function wrapRange(
  block: TextBlock,
  start: number,
  end: number,
  createMark: (parent: ParentNode) => Element,
): Element[] {
  const marks: Element[] = [];
  for (const { node, from, to } of piecesOf(block, start, end)) {
    const parent = node.parentNode;
    if (!parent) continue;
    let target = node;
    if (from > 0) target = target.splitText(from);
    if (to - from < target.data.length) target.splitText(to - from);
    const mark = createMark(parent);
    parent.insertBefore(mark, target);
    mark.appendChild(target);
    marks.push(mark);
  }
  return marks;
}
