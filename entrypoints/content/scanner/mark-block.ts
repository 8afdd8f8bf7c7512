/**
 * One block of text → marked references: run the recognizer on the block's joined text and wrap
 * each reference it finds, labelling the marks per the contract in `mark-registry.ts`. On a rescan
 * the marks already in the block are reconciled: kept when the same reference is found again,
 * replaced when a longer or different reference now covers them (text arrived in pieces).
 *
 * Reading and writing are two steps: `planBlock` only reads (the text, the recognizer), so the
 * scanner can read in task slices and write every plan of a frame at once (`applyPlan`), which
 * makes the browser restyle and relayout once per frame instead of once per slice. A plan checks
 * before it writes that the page left its text nodes as they were read.
 */
import { findCitations } from '../../../data/citations';
import type { Citation } from '../../../data/citations/types';
import { MARK_GROUP_ATTRIBUTE, MARK_IDS_ATTRIBUTE, MARK_KIND_ATTRIBUTE, MARK_TAG } from '../own-names';
import { INTERACTIVE_SELECTOR } from './element-kinds';
import { linkCitations } from './link-references';
import type { MarkedReference, WritableMarkRegistry } from './mark-registry';
import { splitHeaderCitations } from './split-header';
import { OPAQUE, type TextBlock } from './text-blocks';
import { wrapRange } from './wrap-range';

/** What marking one block changed. */
export interface BlockChanges {
  marked: MarkedReference[];
  unmarked: MarkedReference[];
}

/** Where an existing group sits in the block's text. */
interface GroupRange {
  start: number;
  end: number;
  ids: string;
}

/**
 * The references worth marking, in text order: the text's own (with ids, not spanning unscanned
 * content, not overlapping), then a header completed by the blocks above (when the block's own text
 * has none), then links whose href is a reference where no text reference is.
 */
function citationsToMark(block: TextBlock): Citation[] {
  const chosen: Citation[] = [];
  let end = 0;
  // A fresh array, sorted in place (not copied first: most blocks of a page have none to sort).
  const found = findCitations(block.text);
  if (found.length > 1) found.sort((a, b) => a.start - b.start);
  for (const citation of found) {
    if (citation.ids.length === 0 || citation.start < end || citation.raw.includes(OPAQUE)) continue;
    chosen.push(citation);
    end = citation.end;
  }
  if (chosen.length === 0) chosen.push(...splitHeaderCitations(block));
  const links = linkCitations(block, chosen);
  return links.length === 0 ? chosen : [...chosen, ...links].sort((a, b) => a.start - b.start);
}

/** What `existingGroups` gives a block without marks (most blocks): read, never written. */
const NO_GROUPS: ReadonlyMap<number, GroupRange> = new Map();

/** The groups already marked in the block, with their text ranges. */
function existingGroups(block: TextBlock, registry: WritableMarkRegistry): ReadonlyMap<number, GroupRange> {
  if (block.marks.length === 0) return NO_GROUPS;
  const groups = new Map<number, GroupRange>();
  const indexOf = new Map(block.nodes.map((node, i) => [node, i]));
  for (const mark of block.marks) {
    const group = registry.groupOf(mark);
    if (group === undefined) continue;
    for (const child of mark.childNodes) {
      const index = indexOf.get(child as Text);
      if (index === undefined) continue;
      const start = block.starts[index] as number;
      const end = start + (child as Text).data.length;
      const range = groups.get(group);
      if (range) {
        range.start = Math.min(range.start, start);
        range.end = Math.max(range.end, end);
      } else groups.set(group, { start, end, ids: mark.getAttribute(MARK_IDS_ATTRIBUTE) ?? '' });
    }
  }
  return groups;
}

/**
 * Makes a group's first mark its keyboard stop, unless an enclosing link or control already is one.
 * Done before the mark enters the page (`parent` is where it goes), so the attributes cost no
 * restyle of their own.
 */
function makeFocusable(
  mark: Element,
  parent: ParentNode,
  citation: Citation,
  roleDescription: () => string,
): void {
  if (parent instanceof Element && parent.closest(INTERACTIVE_SELECTOR)) return;
  mark.setAttribute('tabindex', '0');
  mark.setAttribute('role', 'button');
  mark.setAttribute('aria-label', citation.raw.replace(/\s+/g, ' ').trim());
  mark.setAttribute('aria-roledescription', roleDescription());
}

/** What marking a block will change, read but not yet written. */
export interface BlockPlan {
  block: TextBlock;
  /** Each text node's data and parent as read: the page must not have changed them before writing. */
  data: string[];
  parents: (ParentNode | null)[];
  toWrap: Citation[];
  toUnwrap: number[];
}

/** Reads the block and decides what to wrap and unwrap; null when nothing would change. */
export function planBlock(block: TextBlock, registry: WritableMarkRegistry): BlockPlan | null {
  if (block.nodes.length === 0) return null;
  // Without a reference found nothing changes (a mark is unwrapped here only for a reference that
  // overlaps it differently): most blocks of a page end here, without a group map or set.
  const citations = citationsToMark(block);
  if (citations.length === 0) return null;
  const existing = existingGroups(block, registry);
  const toWrap: Citation[] = [];
  const toUnwrap = new Set<number>();
  for (const citation of citations) {
    let kept = false;
    for (const [group, range] of existing) {
      if (range.end <= citation.start || range.start >= citation.end) continue;
      const same = range.start === citation.start && range.end === citation.end;
      if (same && range.ids === citation.ids.join(' ')) kept = true;
      else toUnwrap.add(group);
    }
    if (!kept) toWrap.push(citation);
  }
  if (toWrap.length === 0 && toUnwrap.size === 0) return null;
  return {
    block,
    data: block.nodes.map((node) => node.data),
    parents: block.nodes.map((node) => node.parentNode),
    toWrap,
    toUnwrap: [...toUnwrap],
  };
}

/** Whether the block's text nodes are still on the page as the plan read them. */
export function planIsCurrent(plan: BlockPlan): boolean {
  return plan.block.nodes.every(
    (node, i) => node.isConnected && node.data === plan.data[i] && node.parentNode === plan.parents[i],
  );
}

/**
 * Writes a plan (check `planIsCurrent` first): unwraps what it replaces, wraps every new reference.
 * `roleDescription` is asked for only when a mark becomes a keyboard stop. Returns what changed,
 * in document order.
 */
export function applyPlan(
  plan: BlockPlan,
  registry: WritableMarkRegistry,
  roleDescription: () => string,
): BlockChanges {
  const { block, toWrap } = plan;
  const doc = block.nodes[0]?.ownerDocument;
  if (!doc) return { marked: [], unmarked: [] };
  const unmarked: MarkedReference[] = [];
  for (const group of plan.toUnwrap) {
    const reference = registry.unwrap(group);
    if (reference) unmarked.push(reference);
  }
  const marked: MarkedReference[] = [];
  // Last to first: wrapping splits text nodes, and splitting keeps earlier offsets valid.
  for (let i = toWrap.length - 1; i >= 0; i--) {
    const citation = toWrap[i] as Citation;
    const group = registry.newGroup();
    const ids = citation.ids.join(' ');
    const groupName = String(group);
    let first = true;
    const marks = wrapRange(block, citation.start, citation.end, (parent) => {
      const mark = doc.createElement(MARK_TAG);
      mark.setAttribute(MARK_IDS_ATTRIBUTE, ids);
      mark.setAttribute(MARK_KIND_ATTRIBUTE, citation.kind);
      mark.setAttribute(MARK_GROUP_ATTRIBUTE, groupName);
      if (first) makeFocusable(mark, parent, citation, roleDescription);
      first = false;
      return mark;
    });
    if (marks.length === 0) continue;
    marked.push(registry.add(group, citation, marks));
  }
  return { marked: marked.reverse(), unmarked };
}

/** Reads and writes one block at once (the Tab key's read-ahead, the benchmark's one pass). */
export function markBlock(
  block: TextBlock,
  registry: WritableMarkRegistry,
  roleDescription: () => string,
): BlockChanges {
  const plan = planBlock(block, registry);
  return plan ? applyPlan(plan, registry, roleDescription) : { marked: [], unmarked: [] };
}
