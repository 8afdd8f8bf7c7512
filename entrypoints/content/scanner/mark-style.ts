/**
 * The look of marks: a dotted underline in the text's own colour (readable on light and dark
 * pages alike, and no box changes, so no layout shift) and a clear focus ring. Selectors name only
 * Kamerlens' own element and attributes, so nothing leaks onto the page.
 */
import { MARK_IDS_ATTRIBUTE, MARK_STYLE_ID, MARK_TAG } from '../own-names';

const MARK = `${MARK_TAG}[${MARK_IDS_ATTRIBUTE}]`;

const CSS = `
${MARK} {
  text-decoration-line: underline;
  text-decoration-style: dotted;
  text-decoration-color: currentColor;
  text-decoration-thickness: 1px;
  text-underline-offset: 0.2em;
  text-decoration-skip-ink: none;
  cursor: help;
}
${MARK}:hover {
  text-decoration-thickness: 2px;
}
${MARK}:focus-visible {
  outline: 2px solid currentColor;
  outline-offset: 2px;
  border-radius: 2px;
}
@media (forced-colors: active) {
  ${MARK} { text-decoration-color: LinkText; }
  ${MARK}:focus-visible { outline-color: Highlight; }
}
`;

/** The constructed sheet installed per document (kept here, not as an expando the page could see). */
const installed = new WeakMap<Document, CSSStyleSheet>();

/** Installs the mark style once per document; call again at any time to restore it if the page removed it. */
export function ensureMarkStyle(doc: Document): void {
  const own = installed.get(doc);
  if (own) {
    if (!doc.adoptedStyleSheets.includes(own)) doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, own];
    return;
  }
  // A constructed sheet changes no DOM node, so page scripts reading the document's text see nothing new.
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  if (view && Array.isArray(doc.adoptedStyleSheets)) {
    try {
      const sheet = new view.CSSStyleSheet();
      sheet.replaceSync(CSS);
      doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
      installed.set(doc, sheet);
      return;
    } catch {
      // Constructable stylesheets unavailable in this context: fall back to a <style> element.
    }
  }
  if (doc.getElementById(MARK_STYLE_ID)) return;
  const style = doc.createElement('style');
  style.id = MARK_STYLE_ID;
  style.textContent = CSS;
  (doc.head ?? doc.documentElement).appendChild(style);
}

/** Removes the mark style (extension reload). */
export function removeMarkStyle(doc: Document): void {
  const own = installed.get(doc);
  if (own) {
    doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((sheet) => sheet !== own);
    installed.delete(doc);
  }
  doc.getElementById(MARK_STYLE_ID)?.remove();
}
