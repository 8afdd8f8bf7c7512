/**
 * The marks contract: how other content-script modules (popover, "on this page", annotations)
 * find the reference behind a mark. Read this before depending on marks.
 *
 * DOM: each reference is wrapped in one or more `<kamerlens-ref>` elements (one per text node it
 * spans), each with
 *   - `data-kamerlens-ref`   canonical ids, space separated (`kst-34352-601 kst-34352-603`)
 *   - `data-kamerlens-kind`  the citation kind (`kamerstuk`, `aanhangsel`, …)
 *   - `data-kamerlens-group` a page-unique number shared by all pieces of one reference
 * The first piece is the keyboard stop (`tabindex="0"`, `role="button"`, `aria-label` = the
 * reference text, `aria-roledescription`), unless it sits inside a link or another focusable
 * element: then that element is the way in and no piece gets a tab stop or a role.
 *
 * Never trust these attributes to identify marks: a page can forge them. Ask this registry, which
 * knows only elements the scanner created. Citation offsets (`start`/`end`) are relative to the
 * scanned block of text, not to the page. Two kinds of mark read their reference from elsewhere,
 * and their `raw` is that text, not the block's: the text of a link whose href is a reference
 * (`raw` is the address) and the number line of a header split over blocks (`raw` is the joined
 * header).
 *
 * When: text is marked as it nears the viewport (a block at a time, as the reader scrolls), so a
 * reference far below the visible part may not be marked yet; the side panel's `pageReferences`
 * request has the whole page read first (`PageScanner.scanEverything`), and Tab reads ahead to the
 * next reference before focus moves. Do not assume every reference on the page has marks.
 *
 * Changes: `onMarked` / `onUnmarked` listeners get each slice's new or removed references (a
 * reference is unmarked when the page rewrites its text, or when a longer reference now covers
 * it). Callbacks, not DOM events: the page would see events dispatched on its document.
 * Group numbers are never reused. Get the registry from `startPageScanner(...).registry`.
 */
import type { Citation } from '../../../data/citations/types';
import type { PageReference } from '../../../data/messages';
import { MARK_TAG } from '../own-names';

/** One marked reference: its group number, citation and mark elements (document order). */
export interface MarkedReference {
  group: number;
  citation: Citation;
  marks: Element[];
}

/** Called with the references marked (or unmarked) in one scanner slice. */
export type MarksListener = (references: MarkedReference[]) => void;

/** Read side of the registry, for other content-script modules. */
export interface MarkRegistry {
  /** The citation of a mark, of the mark an element is inside, or of the first mark inside it (a link). */
  citationOf(element: Element): Citation | undefined;
  /** Group number, found the same way as `citationOf`. */
  groupOf(element: Element): number | undefined;
  /** The connected mark elements of a group, in document order (empty when gone). */
  marksOfGroup(group: number): Element[];
  /** Every reference still on the page, in marking order (the `pageReferences` message answer). */
  pageReferences(): PageReference[];
  /** Listen for newly marked references; returns the unsubscribe function. */
  onMarked(listener: MarksListener): () => void;
  /** Listen for references whose marks were removed (their text changed); returns the unsubscribe function. */
  onUnmarked(listener: MarksListener): () => void;
}

/** The registry with the write side the scanner uses. */
export interface WritableMarkRegistry extends MarkRegistry {
  /** A fresh group number, to label marks before they enter the page. */
  newGroup(): number;
  /** Records a marked reference under a number from `newGroup`. */
  add(group: number, citation: Citation, marks: Element[]): MarkedReference;
  /** Unwraps a group's marks, keeping their text in place, and forgets it. */
  unwrap(group: number): MarkedReference | undefined;
  /** Unwraps every group (extension reload, shutdown, an editable document); returns what was marked. */
  unwrapAll(): MarkedReference[];
  /** Forgets groups whose marks all left the page. */
  prune(): void;
  /** Calls the listeners of one kind; a throwing listener does not stop the others. */
  notify(kind: 'marked' | 'unmarked', references: MarkedReference[]): void;
}

/** Creates an empty registry. */
export function createMarkRegistry(): WritableMarkRegistry {
  const groups = new Map<number, MarkedReference>();
  const groupOfMark = new WeakMap<Element, number>();
  const listeners = { marked: new Set<MarksListener>(), unmarked: new Set<MarksListener>() };
  let nextGroup = 1;

  const groupOf = (element: Element): number | undefined => {
    const mark = element.closest(MARK_TAG) ?? element.querySelector(MARK_TAG);
    return mark ? groupOfMark.get(mark) : undefined;
  };

  const unwrapMarks = (marks: Element[]): void => {
    for (const mark of marks) {
      const parent = mark.parentNode;
      if (!parent) continue;
      while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
      parent.removeChild(mark);
    }
  };

  return {
    citationOf(element) {
      const group = groupOf(element);
      return group === undefined ? undefined : groups.get(group)?.citation;
    },
    groupOf,
    marksOfGroup(group) {
      return (groups.get(group)?.marks ?? []).filter((mark) => mark.isConnected);
    },
    pageReferences() {
      const references: PageReference[] = [];
      for (const { group, citation, marks } of groups.values()) {
        if (marks.some((mark) => mark.isConnected)) references.push({ group, citation });
      }
      return references;
    },
    onMarked(listener) {
      listeners.marked.add(listener);
      return () => listeners.marked.delete(listener);
    },
    onUnmarked(listener) {
      listeners.unmarked.add(listener);
      return () => listeners.unmarked.delete(listener);
    },
    newGroup() {
      return nextGroup++;
    },
    add(group, citation, marks) {
      const reference = { group, citation, marks };
      groups.set(group, reference);
      for (const mark of marks) groupOfMark.set(mark, group);
      return reference;
    },
    unwrap(group) {
      const reference = groups.get(group);
      if (!reference) return undefined;
      groups.delete(group);
      unwrapMarks(reference.marks);
      return reference;
    },
    unwrapAll() {
      const references = [...groups.values()];
      for (const reference of references) unwrapMarks(reference.marks);
      groups.clear();
      return references;
    },
    prune() {
      for (const [group, { marks }] of groups) {
        if (!marks.some((mark) => mark.isConnected)) groups.delete(group);
      }
    },
    notify(kind, references) {
      if (references.length === 0) return;
      for (const listener of listeners[kind]) {
        try {
          listener(references);
        } catch (error) {
          console.error('Kamerlens: marks listener failed', error);
        }
      }
    },
  };
}
