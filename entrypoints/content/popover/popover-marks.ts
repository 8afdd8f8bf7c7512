import type { Citation } from '../../../data/citations/types';
import { MARK_IDS_ATTRIBUTE } from '../own-names';
import { INTERACTIVE_SELECTOR } from '../scanner/element-kinds';
import type { MarkRegistry } from '../scanner/mark-registry';

/** The read side of the scanner's registry the popover needs (marks are only trusted through it). */
export type ReferenceMarks = Pick<MarkRegistry, 'citationOf' | 'groupOf' | 'marksOfGroup'>;

/** One marked reference as the popover sees it. */
export interface MarkedRef {
  /** The scanner's group number. */
  key: number;
  /** The piece the card is positioned against. */
  anchor: HTMLElement;
  /** Every piece of the reference, document order. */
  pieces: HTMLElement[];
  /** Where keyboard focus lives: the first piece, or the link (or other control) around it. */
  focusTarget: HTMLElement;
  citation: Citation;
}

const MARK_SELECTOR = `[${MARK_IDS_ATTRIBUTE}]`;

/** Finds references behind event targets, asking the registry (a page can forge mark attributes). */
export interface ReferenceFinder {
  /** The group of the mark an event target sits in, or null. Cheap: used on every pointer move. */
  keyAt(target: EventTarget | null): number | null;
  /** The reference an event target sits in. */
  at(target: EventTarget | null): MarkedRef | null;
  /** The reference a focused element stands for: a marked piece, or a control that contains one. */
  focusedAt(target: EventTarget | null): MarkedRef | null;
  /** True when `node` is inside the reference's pieces or its focus target. */
  within(node: EventTarget | null, ref: MarkedRef): boolean;
}

/** Creates the finder over the scanner's registry. */
export function createReferenceFinder(marks: ReferenceMarks): ReferenceFinder {
  const markAt = (target: EventTarget | null): HTMLElement | null =>
    target instanceof Element ? target.closest<HTMLElement>(MARK_SELECTOR) : null;

  const refOf = (mark: HTMLElement): MarkedRef | null => {
    const key = marks.groupOf(mark);
    const citation = marks.citationOf(mark);
    if (key === undefined || !citation || citation.ids.length === 0) return null;
    const pieces = marks
      .marksOfGroup(key)
      .filter((piece): piece is HTMLElement => piece instanceof HTMLElement);
    const first = pieces[0] ?? mark;
    const focusTarget = first.hasAttribute('tabindex')
      ? first
      : (first.parentElement?.closest<HTMLElement>(INTERACTIVE_SELECTOR) ?? first);
    return { key, anchor: mark, pieces: pieces.length > 0 ? pieces : [mark], focusTarget, citation };
  };

  return {
    keyAt(target) {
      const mark = markAt(target);
      return mark ? (marks.groupOf(mark) ?? null) : null;
    },
    at(target) {
      const mark = markAt(target);
      return mark ? refOf(mark) : null;
    },
    focusedAt(target) {
      if (!(target instanceof HTMLElement)) return null;
      const mark =
        markAt(target) ??
        (target.matches(INTERACTIVE_SELECTOR) ? target.querySelector<HTMLElement>(MARK_SELECTOR) : null);
      const ref = mark ? refOf(mark) : null;
      return ref && (ref.focusTarget === target || ref.pieces.includes(target)) ? ref : null;
    },
    within(node, ref) {
      if (!(node instanceof Node)) return false;
      return ref.focusTarget.contains(node) || ref.pieces.some((piece) => piece.contains(node));
    },
  };
}
