/**
 * The Tab key and unread text: with a viewport gate the scanner has not read text far from the
 * viewport, so the next reference may not be a tab stop yet. Before the browser moves focus, the
 * scanner reads from where the move starts in its direction (`page-scanner.ts`); these say where
 * that is and whether a new mark lies that way.
 */

/**
 * Where the browser's next Tab move starts: the focused element, else the caret or selection the
 * reader left by clicking (Chromium starts there too), else the document's start (null).
 */
export function tabStart(doc: Document): Node | null {
  const active = doc.activeElement;
  if (active && active !== doc.body && active !== doc.documentElement) return active;
  const selection = doc.getSelection();
  return selection && selection.rangeCount > 0 ? selection.focusNode : null;
}

/** Whether `mark` comes after `from` (before it, `backwards`); anything does when `from` is null. */
export function liesAhead(mark: Element, from: Node | null, backwards: boolean): boolean {
  if (!from) return true;
  const position = from.compareDocumentPosition(mark);
  return backwards
    ? (position & Node.DOCUMENT_POSITION_PRECEDING) !== 0 &&
        (position & Node.DOCUMENT_POSITION_CONTAINS) === 0
    : (position & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
}
