/** Pick the extraction style of a source text and read its layout. */
import { readDocxLayout } from './docx-layout';
import type { Layout } from './layout-types';
import { normalizeChars } from './normalize-text';
import { readPdfLayout } from './pdf-layout';

/**
 * `docx` when Word export traces are present or lines are paragraph-long; `pdf` when most lines
 * have the width of a printed page.
 */
export function detectStyle(text: string): Layout['style'] {
  if (/\[footnoteRef:\s*\d+\s*\]|\[bookmark:|\[\d+: /.test(text)) return 'docx';
  const lengths = text
    .split('\n')
    .map((line) => line.trim().length)
    .filter((length) => length > 0);
  if (lengths.length < 10) return 'docx';
  const pageWide = lengths.filter((length) => length >= 30 && length <= 110).length;
  return pageWide / lengths.length >= 0.6 ? 'pdf' : 'docx';
}

/** Paragraphs and footnotes of `text` (the decoded source of `file`). */
export function readLayout(file: string, text: string): Layout {
  const normalized = normalizeChars(text);
  return detectStyle(normalized) === 'pdf'
    ? readPdfLayout(file, normalized)
    : readDocxLayout(file, normalized);
}
