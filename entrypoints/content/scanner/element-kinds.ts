/**
 * How the scanner treats each element: its text joins the surrounding text (inline), starts a new
 * block of text (block), is never scanned (skip), or is Kamerlens' own (marks and UI hosts).
 * Decided by tag name, not computed style: reading styles for every element would cost layout work
 * on every page, and tag names are right for the documents Kamerlens targets.
 */
import { MARK_TAG, OWN_PREFIX } from '../own-names';

/** What the scanner does with an element and its subtree. */
export type ElementKind = 'inline' | 'block' | 'skip' | 'ours';

/** Text-level elements: their text belongs to the same run as their siblings' text. */
const INLINE_TAGS = new Set(
  (
    'a abbr acronym b bdi bdo big br cite data del dfn em font i img ins label mark nobr q s ' +
    'small span strike strong sub sup time tt u var wbr'
  ).split(' '),
);

/** Not reading text: form fields, code, scripts, media, embedded documents, metadata. */
const SKIPPED_TAGS = new Set(
  (
    'audio button canvas code datalist embed head iframe input kbd link math meta noscript ' +
    'object optgroup option samp script select style svg template textarea title video'
  ).split(' '),
);

/** Classifies one element (not its ancestors). */
export function elementKind(element: Element): ElementKind {
  const name = element.localName;
  if (name.startsWith(OWN_PREFIX)) return 'ours';
  if (SKIPPED_TAGS.has(name)) return 'skip';
  // Each attribute read is a call into the browser, three of them per element; an element without
  // attributes (most paragraphs and inline elements of running prose) answers all three with one.
  // With the walks' other savings (`textBlocks`, `walkAhead`, `planBlock`), on the scanner bench's
  // 1 MB page scrolled through (`scanner.ts cost 1 reading`, side by side with the code before, 6
  // runs and 3 traced a side, load 0.3–4.3): our slices 81 instead of 98 ms per MB, the traced
  // script +74 instead of +86 and the reach walks' observer callback 12 instead of 16 ms per MB; all
  // main-thread work +188 against +192 ms per MB, within the spread. Cold over the whole page
  // (`scanner.ts steps`, 16 runs a side, load 3.8–4.3): the reach walk 19.2 against 22.0 ms median.
  if (element.hasAttributes() && (element.hasAttribute('hidden') || isEditable(element))) return 'skip';
  return INLINE_TAGS.has(name) ? 'inline' : 'block';
}

/**
 * ARIA roles of a field the reader types into. A script-driven editor often announces itself only
 * by role; a combobox is a control, and a tab stop inside it would nest one control in another.
 */
const EDITING_ROLES = new Set(['textbox', 'searchbox', 'combobox']);

/** Whether the element is a place the reader edits: contenteditable, or an ARIA text field. */
export function isEditable(element: Element): boolean {
  const value = element.getAttribute('contenteditable');
  if (value !== null && value.toLowerCase() !== 'false') return true;
  const role = element.getAttribute('role');
  if (role === null) return false; // most elements: no string work on the scan's hot path
  return role
    .toLowerCase()
    .split(/\s+/)
    .some((token) => EDITING_ROLES.has(token));
}

/** Whether the element or one of its ancestors is never scanned (skipped, hidden, editable). */
export function isInSkipped(element: Element): boolean {
  for (let el: Element | null = element; el; el = el.parentElement) {
    if (elementKind(el) === 'skip') return true;
  }
  return false;
}

/** Where a node sits: the block whose text it belongs to, and the mark it is inside (if any). */
export interface NodePlace {
  block: Element;
  mark: Element | null;
}

/**
 * Finds the block a node's text belongs to; null when the node is inside a skipped region or
 * Kamerlens' own UI (other than a mark), or detached. Walks all ancestors: an editable or hidden
 * region can be far up.
 */
export function placeOf(node: Node): NodePlace | null {
  let block: Element | null = null;
  let mark: Element | null = null;
  for (
    let el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
    el;
    el = el.parentElement
  ) {
    const kind = elementKind(el);
    if (kind === 'skip') return null;
    if (kind === 'ours') {
      if (el.localName !== MARK_TAG) return null;
      mark = el;
    } else if (kind === 'block' && !block && el !== node) block = el;
  }
  if (!block || !node.isConnected) return null;
  return { block, mark };
}

/** Elements that already take focus or act on click: a mark inside one gets no tab stop of its own. */
export const INTERACTIVE_SELECTOR =
  'a[href], button, summary, label, [role="link"], [role="button"], [tabindex]';

/** Elements that end a run of inline text: used to notice block content inside an inserted inline element. */
export function hasBlockDescendant(element: Element): boolean {
  for (const child of element.querySelectorAll('*')) {
    if (elementKind(child) === 'block') return true;
  }
  return false;
}
