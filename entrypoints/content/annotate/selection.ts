/** Reading the reader's text selection as a span of the page-text model, with its selectors. */

import type { ViewportRect } from '../../../components/annotations/overlay-state';
import { describeSpan, type SpanSelectors, trimSpan } from '../../../data/annotations/selectors';
import { isExcludedElement, type PageTextModel, spanOfRange } from './text-model';

/** A selection taken at the moment the reader acted on it. */
export interface CapturedSelection extends SpanSelectors {
  start: number;
  end: number;
  rect: ViewportRect;
}

function insideIgnored(node: Node | null): boolean {
  for (
    let el = node?.nodeType === Node.ELEMENT_NODE ? (node as Element) : (node?.parentElement ?? null);
    el;
    el = el.parentElement
  ) {
    if (isExcludedElement(el) || (el as HTMLElement).isContentEditable) return true;
  }
  return false;
}

function rectOf(range: Range): ViewportRect {
  const box = range.getBoundingClientRect();
  return { left: box.left, top: box.top, width: box.width, height: box.height };
}

/**
 * The current selection in `doc.body` as a model span, or null when there is none worth annotating:
 * collapsed, only white space, inside a form field, editable region or our own UI, or outside the body.
 */
export function captureSelection(doc: Document, model: () => PageTextModel): CapturedSelection | null {
  const selection = doc.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const active = doc.activeElement;
  if (active && (active.localName === 'input' || active.localName === 'textarea')) return null;
  if (!doc.body.contains(range.commonAncestorContainer)) return null;
  if (insideIgnored(range.startContainer) || insideIgnored(range.endContainer)) return null;
  const text = model();
  const [rawStart, rawEnd] = spanOfRange(text, range);
  const [start, end] = trimSpan(text.text, rawStart, rawEnd);
  if (end <= start) return null;
  return { ...describeSpan(text.text, start, end), start, end, rect: rectOf(range) };
}

/** The viewport rectangle of a range (for placing the card next to a highlight). */
export function viewportRectOf(range: Range): ViewportRect {
  return rectOf(range);
}
