/** Pick the extraction style of a source text and read its layout. */
import { readDocxLayout } from './docx-layout';
import type { Layout } from './layout-types';
import { normalizeChars } from './normalize-text';
import { readPdfLayout } from './pdf-layout';

/**
 * `docx` when Word export traces are present or lines are paragraph-long; `pdf` when the text shows
 * printed pages: words broken over lines, form feeds, page numbers, or page-wide lines throughout.
 */
export function detectStyle(text: string): Layout['style'] {
  if (/\[footnoteRef:\s*\d+\s*\]|\[bookmark:|\[\d+: /.test(text)) return 'docx';
  const lines = text.split('\n').map((line) => line.trim());
  if (lines.some((line) => line.length > 150)) return 'docx';
  if (text.includes('\f') || /^\s*Pagina \d+ van \d+\s*$/m.test(text)) return 'pdf';
  const broken = lines.filter(
    (line, i) => /\p{Ll}-$/u.test(line) && /^\p{Ll}/u.test(lines[i + 1] ?? ''),
  ).length;
  const pageWide = lines.filter((line) => line.length >= 40 && line.length <= 110).length;
  return broken > 0 || pageWide >= 8 ? 'pdf' : 'docx';
}

/** Paragraphs and footnotes of `text` (the decoded source of `file`). */
export function readLayout(file: string, text: string): Layout {
  const normalized = normalizeChars(text);
  return detectStyle(normalized) === 'pdf'
    ? readPdfLayout(file, normalized)
    : readDocxLayout(file, normalized);
}
