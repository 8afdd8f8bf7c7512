/**
 * What lies within reach of a node in document order, measured in characters of text instead of
 * pixels: the viewport gate uses it to let waiting text through in large batches without asking
 * the browser for any geometry (`viewport-gate.ts`). A walk visits only the nodes within its
 * budget, so its cost follows the text it passes, not the page's length or how much of it waits.
 */
import { elementKind } from './element-kinds';

/** Where a walk stopped: the last node it passed, or null when it ran out of document first. */
export interface ReachEnd {
  end: Node | null;
}

/**
 * Most nodes one walk visits, whatever text they hold: a stretch of the page with little text in
 * many nodes (a table of figures, empty wrappers) stops the walk before it costs the page a
 * noticeable pause. The gate's reach ahead (128K characters) is about 800 nodes of the benchmark's
 * prose (its generated 1 MB page, counted before marking); a table of short cells reaches this first.
 */
export const REACH_MAX_NODES = 10_000;

/** Text of a node the walk counts: text nodes only (elements count through their text). */
const textLength = (node: Node): number =>
  node.nodeType === Node.TEXT_NODE ? (node as Text).data.length : 0;

/** A subtree the walk does not enter: never read, and mostly not shown (scripts, styles, hidden). */
const skipped = (node: Node, wanted: (element: Element) => boolean): boolean =>
  node.nodeType === Node.ELEMENT_NODE && !wanted(node as Element) && elementKind(node as Element) === 'skip';

/** How far a walk goes: `chars` characters of text, and at least `elements` elements passed (0 unless given). */
export interface ReachLength {
  chars: number;
  elements?: number;
}

/**
 * A walk from `origin` over `length` of the document, calling `meet` for each element `wanted`
 * says is of interest.
 */
type ReachWalk = (
  origin: Node,
  length: ReachLength,
  wanted: (element: Element) => boolean,
  meet: (element: Element) => void,
) => ReachEnd;

/** Whether a walk that passed `chars` characters in `elements` elements went far enough. */
const reached = (length: ReachLength, chars: number, elements: number): boolean =>
  chars >= length.chars && elements >= (length.elements ?? 0);

/**
 * Walks forward in document order from `origin` (its own subtree first) until `length` is passed,
 * calling `meet` for every element `wanted` says is of interest, in document order. Skipped
 * subtrees (`elementKind`) are stepped over.
 */
export const walkAhead: ReachWalk = (origin, length, wanted, meet) => {
  let passed = 0;
  let elements = 0;
  let steps = 0;
  let node: Node | null = origin;
  while (node) {
    if (node.nodeType === Node.ELEMENT_NODE) {
      elements++;
      if (wanted(node as Element)) meet(node as Element);
    }
    passed += textLength(node);
    if (reached(length, passed, elements) || ++steps >= REACH_MAX_NODES) return { end: node };
    let next: Node | null = skipped(node, wanted) ? null : node.firstChild;
    for (let up: Node | null = node; !next && up; up = up.parentNode) next = up.nextSibling;
    node = next;
  }
  return { end: null };
};

/**
 * Walks backward in document order from `origin` (which is not counted) until `length` is passed,
 * calling `meet` for every element of interest as soon as the walk enters it
 * from its end (an element whose last part is within reach is met even when its start is not).
 * Ancestors of `origin` are met too: they hold text before it.
 */
export const walkBehind: ReachWalk = (origin, length, wanted, meet) => {
  let passed = 0;
  let elements = 0;
  let steps = 0;
  let node: Node = origin;
  // The next ancestor of `origin` the walk climbs to: met there (the others were met on entering).
  let ancestor = origin.parentNode;
  for (;;) {
    let previous: Node | null = node.previousSibling;
    if (previous) {
      // Down to the last node inside the previous sibling, meeting what is entered on the way.
      for (;;) {
        if (previous.nodeType === Node.ELEMENT_NODE && wanted(previous as Element)) meet(previous as Element);
        const last: Node | null = skipped(previous, wanted) ? null : previous.lastChild;
        if (!last) break;
        previous = last;
      }
    } else {
      previous = node.parentNode;
      if (!previous || previous.nodeType !== Node.ELEMENT_NODE) return { end: null };
      if (previous === ancestor) {
        ancestor = previous.parentNode;
        if (wanted(previous as Element)) meet(previous as Element);
      }
    }
    node = previous;
    if (node.nodeType === Node.ELEMENT_NODE) elements++;
    passed += textLength(node);
    if (reached(length, passed, elements) || ++steps >= REACH_MAX_NODES) return { end: node };
  }
};
