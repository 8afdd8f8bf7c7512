/**
 * Highlights of anchored notes through the CSS Custom Highlight API (`CSS.highlights`): the
 * page's DOM is not changed at all. Wrapping text in elements would break pages that re-render
 * their own nodes (React-style news sites revert or crash on foreign elements), would race the
 * scanner's own wrapping, and would move text nodes under page scripts that walk them. Highlights
 * take no events, so hover is found by hit-testing the caret position under the pointer against
 * the notes' ranges (and their client rectangles, so the margin beside a line is not a hit).
 *
 * The registry is the page's too: its scripts can enumerate `CSS.highlights`, and clear or delete
 * entries. The names are random per page load, so a page cannot ask for ours by name nor style or
 * replace them ahead of time, and highlights the page removed or emptied are put back.
 */
import { randomSuffix } from '../own-host';

/** The two highlight names of one layer: the notes, and the hovered or focused one. */
export interface HighlightNames {
  note: string;
  active: string;
}

/** Fresh names no page can predict (a highlight name must be a CSS identifier: start with a letter). */
export function newHighlightNames(): HighlightNames {
  const suffix = randomSuffix();
  return { note: `h${suffix}`, active: `h${suffix}a` };
}

/** Page-level style for the highlights (a `::highlight()` rule cannot live in a shadow root). */
export function highlightCss(names: HighlightNames): string {
  return `
::highlight(${names.note}) { background-color: rgba(255, 205, 40, 0.38); text-decoration: underline 2px rgba(190, 120, 0, 0.9); }
::highlight(${names.active}) { background-color: rgba(255, 170, 0, 0.62); text-decoration: underline 2px rgba(150, 80, 0, 1); }
`;
}

/** The note name in a style of ours: `h` and 16 hex digits (`newHighlightNames`). */
const OWN_NOTE_NAME = /^\n::highlight\((h[0-9a-f]{16})\) /;

/**
 * Takes away the highlights an older copy of this script left painting, and returns how many
 * styles went. Firefox starts a new copy in open tabs when the extension is reloaded or updated and
 * nukes the old one: its highlights stayed registered and its style in the page's head, so each
 * annotated passage was painted twice (darker), and a note deleted afterwards stayed painted until
 * the page was reloaded (reload-suite.ts). A style is ours only if its text is exactly what
 * `highlightCss` writes for its names; the highlights under those names go with it. Chromium never
 * starts a second copy in a document: there is nothing to find, at the cost of a look at the head's
 * elements.
 */
export function removeLeftoverHighlights(doc: Document): number {
  const registry = (globalThis as { CSS?: { highlights?: HighlightRegistry } }).CSS?.highlights;
  let removed = 0;
  // Where the layer puts its style: the head, or the root element of a page without one. Walked in
  // place: this runs at every page's start.
  for (const place of [doc.head, doc.documentElement]) {
    let element = place?.firstElementChild ?? null;
    while (element) {
      const next = element.nextElementSibling;
      if (element.localName === 'style' && unregisterIfOurs(element, registry)) {
        element.remove();
        removed += 1;
      }
      element = next;
    }
  }
  return removed;
}

/** If `style` is exactly what `highlightCss` writes, takes its names' highlights out of `registry` and says so. */
function unregisterIfOurs(style: Element, registry: HighlightRegistry | undefined): boolean {
  const text = style.textContent ?? '';
  const note = OWN_NOTE_NAME.exec(text)?.[1];
  if (!note) return false;
  const names = { note, active: `${note}a` };
  if (text !== highlightCss(names)) return false;
  registry?.delete(names.note);
  registry?.delete(names.active);
  return true;
}

/** How often the layer checks that the page left its highlights in place. */
export const REASSERT_MS = 500;

/** What the rest of the annotator needs from the highlights. */
export interface HighlightLayer {
  /** Replace all highlights (note id → range). */
  set(ranges: ReadonlyMap<string, Range>): void;
  /** Emphasize one note's highlight (hovered or focused), or none. */
  setActive(id: string | null): void;
  /** The note whose highlight is under the viewport point, or null. */
  noteAt(x: number, y: number): string | null;
  /** The note whose highlight contains the boundary point, or null. */
  noteAtPoint(node: Node, offset: number): string | null;
  rangeOf(id: string): Range | undefined;
  /** Whether highlights are painted (false where the browser lacks the API). */
  readonly painted: boolean;
  dispose(): void;
}

interface CaretPoint {
  node: Node;
  offset: number;
}

function caretAt(doc: Document, x: number, y: number): CaretPoint | null {
  const withPosition = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  };
  if (typeof withPosition.caretPositionFromPoint === 'function') {
    const position = withPosition.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  const withRange = doc as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null };
  const range = withRange.caretRangeFromPoint?.(x, y) ?? null;
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

function containsPoint(range: Range, point: CaretPoint): boolean {
  try {
    return range.isPointInRange(point.node, point.offset);
  } catch {
    return false; // a point in another document or a doctype
  }
}

function rectsContain(range: Range, x: number, y: number): boolean {
  for (const rect of range.getClientRects()) {
    if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return true;
  }
  return false;
}

/**
 * Create the layer on `doc`. Nothing touches the page until a note is painted: then its style
 * element goes into the page's head and, while `signal` is live and something is shown, a highlight
 * the page deleted, replaced or emptied is put back every REASSERT_MS.
 */
export function createHighlightLayer(
  doc: Document,
  names: HighlightNames = newHighlightNames(),
  signal?: AbortSignal,
): HighlightLayer {
  const registry = (globalThis as { CSS?: { highlights?: HighlightRegistry } }).CSS?.highlights;
  const HighlightClass = (globalThis as { Highlight?: typeof Highlight }).Highlight;
  const painted = registry !== undefined && HighlightClass !== undefined;
  const style = doc.createElement('style');
  style.textContent = highlightCss(names);
  let ranges = new Map<string, Range>();
  /** What each name should show: the highlight we registered and how many ranges it holds. */
  const shown = new Map<string, { highlight: Highlight; ranges: Range[] }>();

  let timer: ReturnType<typeof setInterval> | undefined;
  const stopWatching = () => {
    clearInterval(timer);
    timer = undefined;
  };
  signal?.addEventListener('abort', stopWatching, { once: true });

  /** Put back what the page took away (cheap when nothing changed: two lookups per name). */
  const reassert = () => {
    if (!style.isConnected) (doc.head ?? doc.documentElement).append(style);
    for (const [name, { highlight, ranges: list }] of shown)
      if (registry?.get(name) !== highlight || highlight.size !== list.length) register(name, list);
  };
  const register = (name: string, list: Range[]) => {
    if (!registry || !HighlightClass) return;
    const highlight = new HighlightClass(...list);
    shown.set(name, { highlight, ranges: list });
    registry.set(name, highlight);
    if (!style.isConnected) (doc.head ?? doc.documentElement).append(style);
    if (timer === undefined && signal && !signal.aborted) timer = setInterval(reassert, REASSERT_MS);
  };
  const paint = (name: string, list: Range[]) => {
    if (!registry || !HighlightClass) return;
    if (list.length === 0) {
      shown.delete(name);
      registry.delete(name);
      if (shown.size === 0) stopWatching();
    } else register(name, list);
  };

  const noteAtPoint = (node: Node, offset: number): string | null => {
    for (const [id, range] of ranges) if (containsPoint(range, { node, offset })) return id;
    return null;
  };

  return {
    painted,
    set(next) {
      ranges = new Map(next);
      paint(names.note, [...ranges.values()]);
    },
    setActive(id) {
      const range = id === null ? undefined : ranges.get(id);
      paint(names.active, range ? [range] : []);
    },
    noteAt(x, y) {
      if (ranges.size === 0) return null;
      const caret = caretAt(doc, x, y);
      if (!caret) return null;
      for (const [id, range] of ranges)
        if (containsPoint(range, caret) && rectsContain(range, x, y)) return id;
      return null;
    },
    noteAtPoint,
    rangeOf: (id) => ranges.get(id),
    dispose() {
      for (const name of shown.keys()) registry?.delete(name);
      shown.clear();
      stopWatching();
      style.remove();
      ranges = new Map();
    },
  };
}
