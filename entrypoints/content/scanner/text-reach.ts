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

/**
 * Node types, as numbers: `Node.ELEMENT_NODE` is a lookup of a global and a property at every
 * node. A walk asks each node only what decides its way on, once: a text node its type, length and
 * next sibling (not its first child, which it cannot have); an element its kind and first child
 * (whether it is wanted asked once, not again to decide whether to enter it). Every question is a
 * call into the browser. What it saves is small against the walk's other costs (code not yet
 * optimized, a wrapper made for each node the isolated world touches first): cold, on fresh copies
 * of the scanner bench's 1 MB page walked whole (`scanner.ts steps`, against the walks before),
 * median 7.0 instead of 9.4 ms in one run (20 runs a side, load 3.6–5.4), 11.0 against 10.7 ms in
 * another (24 runs a side, load 2.2–3.7): within the spread.
 */
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** A subtree the walk does not enter: never read, and mostly not shown (scripts, styles, hidden). */
const skipped = (element: Element, isWanted: boolean): boolean =>
  !isWanted && elementKind(element) === 'skip';

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

/**
 * Walks forward in document order from `origin` (its own subtree first) until `length` is passed,
 * calling `meet` for every element `wanted` says is of interest, in document order. Skipped
 * subtrees (`elementKind`) are stepped over.
 */
export const walkAhead: ReachWalk = (origin, length, wanted, meet) => {
  const chars = length.chars;
  const minElements = length.elements ?? 0;
  let passed = 0;
  let elements = 0;
  let steps = 0;
  let node: Node | null = origin;
  while (node) {
    const type = node.nodeType;
    // Only elements have children to enter (text, comments and the like have none).
    let element: Element | null = null;
    let isWanted = false;
    if (type === ELEMENT_NODE) {
      element = node as Element;
      elements++;
      isWanted = wanted(element);
      if (isWanted) meet(element);
    } else if (type === TEXT_NODE) passed += (node as Text).data.length;
    if ((passed >= chars && elements >= minElements) || ++steps >= REACH_MAX_NODES) return { end: node };
    // An element without children needs no kind: there is nothing to enter or step over.
    let next: Node | null = element ? element.firstChild : null;
    if (next && skipped(element as Element, isWanted)) next = null;
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
  const chars = length.chars;
  const minElements = length.elements ?? 0;
  let passed = 0;
  let elements = 0;
  let steps = 0;
  let node: Node = origin;
  // The next ancestor of `origin` the walk climbs to: met there (the others were met on entering).
  let ancestor = origin.parentNode;
  for (;;) {
    let previous: Node | null = node.previousSibling;
    let type: number;
    if (previous) {
      // Down to the last node inside the previous sibling, meeting what is entered on the way.
      for (;;) {
        type = previous.nodeType;
        if (type !== ELEMENT_NODE) break;
        const isWanted = wanted(previous as Element);
        if (isWanted) meet(previous as Element);
        const last: Node | null = skipped(previous as Element, isWanted) ? null : previous.lastChild;
        if (!last) break;
        previous = last;
      }
    } else {
      previous = node.parentNode;
      if (!previous) return { end: null };
      type = previous.nodeType;
      if (type !== ELEMENT_NODE) return { end: null };
      if (previous === ancestor) {
        ancestor = previous.parentNode;
        if (wanted(previous as Element)) meet(previous as Element);
      }
    }
    node = previous;
    if (type === ELEMENT_NODE) elements++;
    else if (type === TEXT_NODE) passed += (node as Text).data.length;
    if ((passed >= chars && elements >= minElements) || ++steps >= REACH_MAX_NODES) return { end: node };
  }
};
