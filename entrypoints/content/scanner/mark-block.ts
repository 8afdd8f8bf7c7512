/**
 * One block of text → marked references: run the recognizer on the block's joined text and wrap
 * each reference it finds, labelling the marks per the contract in `mark-registry.ts`. On a rescan
 * the marks already in the block are reconciled: kept when the same reference is found again,
 * replaced when a longer or different reference now covers them (text arrived in pieces).
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
  for (const citation of [...findCitations(block.text)].sort((a, b) => a.start - b.start)) {
    if (citation.ids.length === 0 || citation.start < end || citation.raw.includes(OPAQUE)) continue;
    chosen.push(citation);
    end = citation.end;
  }
  if (chosen.length === 0) chosen.push(...splitHeaderCitations(block));
  const links = linkCitations(block, chosen);
  return links.length === 0 ? chosen : [...chosen, ...links].sort((a, b) => a.start - b.start);
}

/** The groups already marked in the block, with their text ranges. */
function existingGroups(block: TextBlock, registry: WritableMarkRegistry): Map<number, GroupRange> {
  const groups = new Map<number, GroupRange>();
  if (block.marks.length === 0) return groups;
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

/** Makes the first mark the group's keyboard stop, unless an enclosing link or control already is one. */
function makeFocusable(mark: Element, citation: Citation, roleDescription: string): void {
  if (mark.parentElement?.closest(INTERACTIVE_SELECTOR)) return;
  mark.setAttribute('tabindex', '0');
  mark.setAttribute('role', 'button');
  mark.setAttribute('aria-label', citation.raw.replace(/\s+/g, ' ').trim());
  mark.setAttribute('aria-roledescription', roleDescription);
}

/** Marks every new reference in the block; returns what changed, in document order. */
export function markBlock(
  block: TextBlock,
  registry: WritableMarkRegistry,
  roleDescription: string,
): BlockChanges {
  const doc = block.nodes[0]?.ownerDocument;
  if (!doc) return { marked: [], unmarked: [] };
  const existing = existingGroups(block, registry);
  const toWrap: Citation[] = [];
  const toUnwrap = new Set<number>();
  for (const citation of citationsToMark(block)) {
    let kept = false;
    for (const [group, range] of existing) {
      if (range.end <= citation.start || range.start >= citation.end) continue;
      const same = range.start === citation.start && range.end === citation.end;
      if (same && range.ids === citation.ids.join(' ')) kept = true;
      else toUnwrap.add(group);
    }
    if (!kept) toWrap.push(citation);
  }

  const unmarked: MarkedReference[] = [];
  for (const group of toUnwrap) {
    const reference = registry.unwrap(group);
    if (reference) unmarked.push(reference);
  }
  const marked: MarkedReference[] = [];
  // Last to first: wrapping splits text nodes, and splitting keeps earlier offsets valid.
  for (let i = toWrap.length - 1; i >= 0; i--) {
    const citation = toWrap[i] as Citation;
    const group = registry.newGroup();
    const marks = wrapRange(block, citation.start, citation.end, () => {
      const mark = doc.createElement(MARK_TAG);
      mark.setAttribute(MARK_IDS_ATTRIBUTE, citation.ids.join(' '));
      mark.setAttribute(MARK_KIND_ATTRIBUTE, citation.kind);
      mark.setAttribute(MARK_GROUP_ATTRIBUTE, String(group));
      return mark;
    });
    const first = marks[0];
    if (!first) continue;
    makeFocusable(first, citation, roleDescription);
    marked.push(registry.add(group, citation, marks));
  }
  return { marked: marked.reverse(), unmarked };
}
