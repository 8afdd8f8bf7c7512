/**
 * PDF-extracted text → pages, each split into body lines and the footnote lines printed at its
 * bottom. A page starts at a form feed or at a line opening with a single space (how these
 * extractions mark the top of a page); footnotes sit below a separator line, or start at a line
 * `N text` where N is the next footnote number and N is glued into the body text above it.
 */

import { SourceError } from '../source/source-error';
import type { SourceLine } from './layout-types';
import { dropFurniture } from './page-furniture';

/** One printed page: its body lines and the footnotes at its bottom. */
export interface PdfPage {
  body: SourceLine[];
  footnotes: { number: string; text: string; line: number }[];
}

const SEPARATOR = /^(?: {10,}|\s*_{5,}\s*)$/;
const FOOTNOTE_LINE = /^(\d{1,3})\s+(\S.*)$/;
const BOTTOM_LINES = 6;

/** Source lines of PDF text, double line spacing undone, furniture dropped, split into pages. */
export function splitPdfPages(file: string, text: string): PdfPage[] {
  const lines = dropFurniture(undoDoubleSpacing(toLines(text)));
  const pages: SourceLine[][] = [];
  for (const line of lines) {
    const opens = line.pageStart === true || /^ \S/.test(line.text);
    if (opens || pages.length === 0) pages.push([]);
    (pages[pages.length - 1] as SourceLine[]).push(line);
  }
  let next = 1;
  return pages.map((page) => {
    const split = splitFootnotes(file, page, next);
    next += split.footnotes.length;
    return split;
  });
}

function toLines(text: string): SourceLine[] {
  const out: SourceLine[] = [];
  text.split('\n').forEach((raw, i) => {
    const parts = raw.split('\f');
    parts.forEach((part, k) => {
      out.push({ text: part, line: i + 1, ...(k > 0 ? { pageStart: true } : {}) });
    });
  });
  return out;
}

// Some extractions put an empty line after every line; there, only lines holding spaces mark breaks.
function undoDoubleSpacing(lines: SourceLine[]): SourceLine[] {
  let pairs = 0;
  let spaced = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    if ((lines[i] as SourceLine).text.trim() === '') continue;
    pairs++;
    if ((lines[i + 1] as SourceLine).text === '') spaced++;
  }
  if (pairs < 10 || spaced / pairs < 0.8) return lines;
  return lines.filter((line) => line.text !== '');
}

function splitFootnotes(file: string, page: SourceLine[], first: number): PdfPage {
  const separator = page.findIndex((line) => SEPARATOR.test(line.text));
  const start = separator !== -1 ? separator + 1 : findFootnoteStart(file, page, first);
  if (start === -1) return { body: page, footnotes: [] };
  const footnotes: PdfPage['footnotes'] = [];
  for (const line of page.slice(start)) {
    const t = line.text.trim();
    if (t === '' || SEPARATOR.test(line.text)) continue;
    const match = FOOTNOTE_LINE.exec(t);
    const expected = String(first + footnotes.length);
    if (match && match[1] === expected) {
      footnotes.push({ number: expected, text: match[2] as string, line: line.line });
      continue;
    }
    const current = footnotes[footnotes.length - 1];
    if (!current) {
      throw new SourceError(
        file,
        line.line,
        `footnote area does not start with footnote ${expected}: "${t.slice(0, 40)}"`,
      );
    }
    // Some extractions repeat a footnote's link on the next line; keep one copy.
    if (!current.text.includes(t)) current.text = `${current.text} ${t}`;
  }
  return { body: page.slice(0, separator !== -1 ? separator : start), footnotes };
}

// Without a separator: the first line `N text` (N the next footnote number) after a blank line whose
// number also appears glued into the body above it, so a body line starting with a number is not taken.
// Such a line near the bottom of the page without that mark is a footnote whose mark is missing.
function findFootnoteStart(file: string, page: SourceLine[], first: number): number {
  const number = String(first);
  for (let i = 1; i < page.length; i++) {
    const line = page[i] as SourceLine;
    const match = FOOTNOTE_LINE.exec(line.text.trim());
    if (!match || match[1] !== number || (page[i - 1] as SourceLine).text.trim() !== '') continue;
    const above = page
      .slice(0, i)
      .map((l) => l.text)
      .join('\n');
    if (new RegExp(`[^\\s\\d]${number}(?!\\d)`).test(above)) return i;
    if (page.length - i <= BOTTOM_LINES) {
      throw new SourceError(file, line.line, `footnote ${number} has no mark ${number} in the text above it`);
    }
  }
  return -1;
}
