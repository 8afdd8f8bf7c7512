/**
 * One block of text → marked references: run the recognizer on the block's joined text and wrap
 * each reference it finds, labelling the marks per the contract in `mark-registry.ts`.
 */
import { findCitations } from '../../data/citations';
import type { Citation } from '../../data/citations/types';
import { INTERACTIVE_SELECTOR, MARK_TAG } from './element-kinds';
import type { MarkedReference, WritableMarkRegistry } from './mark-registry';
import { OPAQUE, type TextBlock } from './text-blocks';
import { wrapRange } from './wrap-range';

/** The references worth marking, in text order: with ids, not spanning unscanned content, not overlapping. */
function citationsToMark(text: string): Citation[] {
  const chosen: Citation[] = [];
  let end = 0;
  for (const citation of [...findCitations(text)].sort((a, b) => a.start - b.start)) {
    if (citation.ids.length === 0 || citation.start < end || citation.raw.includes(OPAQUE)) continue;
    chosen.push(citation);
    end = citation.end;
  }
  return chosen;
}

/** Makes the first mark the group's keyboard stop, unless an enclosing link or control already is one. */
function makeFocusable(mark: Element, citation: Citation, roleDescription: string): void {
  if (mark.parentElement?.closest(INTERACTIVE_SELECTOR)) return;
  mark.setAttribute('tabindex', '0');
  mark.setAttribute('role', 'button');
  mark.setAttribute('aria-label', citation.raw.replace(/\s+/g, ' ').trim());
  mark.setAttribute('aria-roledescription', roleDescription);
}

/** Marks every reference in the block; returns them in document order. */
export function markBlock(
  block: TextBlock,
  registry: WritableMarkRegistry,
  roleDescription: string,
): MarkedReference[] {
  const doc = block.nodes[0]?.ownerDocument;
  if (!doc) return [];
  const citations = citationsToMark(block.text);
  const marked: MarkedReference[] = [];
  // Last to first: wrapping splits text nodes, and splitting keeps earlier offsets valid.
  for (let i = citations.length - 1; i >= 0; i--) {
    const citation = citations[i] as Citation;
    const group = registry.newGroup();
    const marks = wrapRange(block, citation.start, citation.end, () => {
      const mark = doc.createElement(MARK_TAG);
      mark.setAttribute('data-kamerlens-ref', citation.ids.join(' '));
      mark.setAttribute('data-kamerlens-kind', citation.kind);
      mark.setAttribute('data-kamerlens-group', String(group));
      return mark;
    });
    const first = marks[0];
    if (!first) continue;
    makeFocusable(first, citation, roleDescription);
    marked.push(registry.add(group, citation, marks));
  }
  return marked.reverse();
}
