/**
 * Page text → blocks of readable text. Consecutive text nodes inside one block element (a
 * paragraph, list item, cell…) are joined into one string, so a reference split over inline
 * elements (`Kamerstuk 34 352, <a>nr. 349</a>`) reads as one; block boundaries are never joined.
 */
import { MARK_TAG } from '../own-names';
import { elementKind } from './element-kinds';

/** One run of text that reads as a unit, with the text nodes it came from. */
export interface TextBlock {
  /** The joined text: node data, `\n` for `<br>`, OPAQUE for anything not scanned. */
  text: string;
  nodes: Text[];
  /** `starts[i]` is the offset in `text` of the first character of `nodes[i]`. */
  starts: number[];
  /** Mark elements met in the block (their text is part of `text`), to reconcile on a rescan. */
  marks: Element[];
  /**
   * Whether the run holds a link whose href may be a reference (`hrefMayCite`): without one there
   * is no link to mark by its href (`linkCitations`).
   */
  linked: boolean;
}

/**
 * Stands for content that is not text to scan (a skipped element, Kamerlens UI, an image): keeps the
 * text on either side from joining into a reference that is not on the page.
 */
export const OPAQUE = '\uFFFC';

/** Node types, as numbers (`Node.TEXT_NODE` is a lookup of a global and a property at every node). */
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Every reference has a digit: text and hrefs without one need no scan. */
const HAS_DIGIT = /\d/;

/** Whether a link's href may hold a reference (a cheap test for the scan walk). */
export function hrefMayCite(link: Element): boolean {
  const href = link.getAttribute('href');
  return href !== null && HAS_DIGIT.test(href);
}

/**
 * Whether `scope` holds at most `chars` characters of text; stops counting once past them, so a
 * huge element costs no more than a small one (its `textContent` would build the whole string).
 */
export function hasTextAtMost(scope: Element, chars: number): boolean {
  const walker = (scope.ownerDocument ?? document).createTreeWalker(scope, NodeFilter.SHOW_TEXT);
  let count = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    count += (node as Text).data.length;
    if (count > chars) return false;
  }
  return true;
}

/**
 * Yields the text blocks inside `scope`, in document order. With `deep` false, nested block
 * elements are not entered (used when only the inline text of one block changed). A run of text
 * without a digit (in its text or in a link's href) yields null instead of a block (every reference has a digit, so there is nothing
 * to scan), which still gives the caller a point to pause. The walk resumes after each yield, so
 * the caller can wrap text nodes of the yielded block and pause between blocks. Returns false when
 * the page removed the walk's position during a pause (the caller rescans the scope).
 * `onBlockBelow` hears each block element a shallow walk passes without entering.
 */
export function* textBlocks(
  scope: Element,
  deep: boolean,
  onBlockBelow?: (element: Element) => void,
): Generator<TextBlock | null, boolean> {
  const parts: string[] = [];
  let nodes: Text[] = [];
  let starts: number[] = [];
  let marks: Element[] = [];
  let length = 0;
  // A link whose href may be a reference makes the run worth scanning even without a digit in its text.
  let linked = false;
  // Whether the run's text has a digit, asked of each text node's data as it joins (the other parts,
  // `\n` and OPAQUE, have none): a run without is never joined into one string.
  let digit = false;

  const append = (part: string): void => {
    parts.push(part);
    length += part.length;
  };
  /** The finished run: a block worth scanning, null for a run without digits, undefined for no text. */
  const take = (): TextBlock | null | undefined => {
    let block: TextBlock | null | undefined;
    if (nodes.length === 0) block = undefined;
    else if (!linked && !digit) block = null;
    else {
      block = { text: parts.join(''), nodes, starts, marks, linked };
      // Handed out with the block: the next run gets arrays of its own.
      nodes = [];
      starts = [];
      marks = [];
    }
    // Arrays not handed out are emptied and reused: no four new arrays per run read.
    parts.length = 0;
    nodes.length = 0;
    starts.length = 0;
    marks.length = 0;
    linked = false;
    digit = false;
    length = 0;
    return block;
  };

  // The elements the walk is inside of (below `scope`), with whether each is a block: leaving one
  // then asks the browser nothing about it again (its kind costs up to five calls into the browser).
  // An ancestor that is not on top, because the page moved nodes during a pause, is asked anew.
  const inside: Element[] = [];
  const insideBlock: boolean[] = [];
  let node: Node | null = scope.firstChild;
  while (node) {
    let enter = false;
    let boundary = false;
    let isBlock = false;
    // Each node's type, data and name are read once: every read is a call into the browser (what
    // that saves is within the spread of `scanner.ts steps`: its blocks step, cold on the 1 MB page,
    // median 15.1 against 18.9 ms in one run at load 3.6–5.4, 16.6 against 15.4 in one at 2.2–3.7).
    const type = node.nodeType;
    if (type === TEXT_NODE) {
      const data = (node as Text).data;
      if (data.length > 0) {
        nodes.push(node as Text);
        starts.push(length);
        append(data);
        if (!digit) digit = HAS_DIGIT.test(data);
      }
    } else if (type === ELEMENT_NODE) {
      const element = node as Element;
      const kind = elementKind(element);
      isBlock = kind === 'block';
      if (isBlock) {
        boundary = true;
        enter = deep;
        if (!deep) onBlockBelow?.(element);
      } else if (kind === 'inline') {
        const name = element.localName;
        if (name === 'br') append('\n');
        else if (name === 'img') append(OPAQUE);
        else {
          if (name === 'a' && !linked) linked = hrefMayCite(element);
          enter = true;
        }
      } else if (element.localName === MARK_TAG) {
        // Already marked text is read again, so a reference that grew (text appended after a
        // mark) is recognized whole; markBlock keeps marks that still match.
        marks.push(element);
        enter = true;
      } else append(OPAQUE);
    }

    if (boundary) {
      const block = take();
      if (block !== undefined) {
        yield block;
        if (!scope.isConnected) return true;
        if (!scope.contains(node)) return false;
      }
    }

    // Advance in document order; leaving a block element also ends the current run.
    if (enter) {
      const child: Node | null = node.firstChild;
      if (child) {
        inside.push(node as Element);
        insideBlock.push(isBlock);
        node = child;
        continue;
      }
    }
    let left = false;
    let next: Node | null = null;
    while (node !== scope) {
      next = node.nextSibling;
      if (next) break;
      node = node.parentNode as Node;
      if (node === scope) break;
      const top = inside.length - 1;
      if (top >= 0 && inside[top] === node) {
        if (insideBlock[top]) left = true;
        inside.length = top;
        insideBlock.length = top;
      } else {
        inside.length = 0;
        insideBlock.length = 0;
        if (elementKind(node as Element) === 'block') left = true;
      }
    }
    if (left) {
      const block = take();
      if (block !== undefined) {
        yield block;
        if (!scope.isConnected) return true;
        if (next && !scope.contains(next)) return false;
      }
    }
    node = next;
  }
  const last = take();
  if (last !== undefined) yield last;
  return true;
}
