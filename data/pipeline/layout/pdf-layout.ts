/**
 * Layout of PDF-extracted text: hard line breaks, words broken over lines, footnotes at page bottoms.
 * Lines are joined into paragraphs (a blank line, a short line ending a sentence, a bullet or a
 * question/answer header ends one), headings are kept apart, and footnote numbers become marks.
 */

import { isQaHeaderLine } from '../record/qa-headers';
import { SourceError } from '../source/source-error';
import { buildLexicon, joinHyphenated, type Lexicon } from './dehyphenate';
import type { Layout, Para, RawFootnote, SourceLine } from './layout-types';
import { endsSentence, looksLikeHeading, startsBlock } from './line-kinds';
import { footnoteMark } from './markers';
import { tidySpaces } from './normalize-text';
import { findPdfMark } from './pdf-marks';
import { splitPdfPages } from './pdf-pages';

interface FlatLine {
  text: string;
  line: number;
  page: number;
}

interface PagedPara extends Para {
  pageFrom: number;
  pageTo: number;
}

const NUMBERED_HEADING = /^(?:[IVX]{1,5}|\d{1,2})\.\s+\p{Lu}/u;

/** Paragraphs and footnotes of a PDF-extracted source text (already char-normalized). */
export function readPdfLayout(file: string, text: string): Layout {
  const pages = splitPdfPages(file, text);
  const flat: FlatLine[] = pages.flatMap((page, index) =>
    trimOpenPageEnd(page.body).map((line) => ({ text: line.text, line: line.line, page: index })),
  );
  const paras = buildParas(flat, buildLexicon(text));
  const footnotes: (RawFootnote & { page: number })[] = pages.flatMap((page, index) =>
    page.footnotes.map((note) => ({ ...note, text: tidySpaces(note.text), endnote: false, page: index })),
  );
  placeMarks(file, paras, footnotes);
  return {
    style: 'pdf',
    paras: paras.map(({ text, line, headingLike }) => ({ text, line, headingLike })),
    footnotes: footnotes.map(({ page: _page, ...note }) => note),
  };
}

// A page whose text stops mid-sentence continues on the next page: the blank lines above its
// footnotes are not a paragraph break.
function trimOpenPageEnd(body: SourceLine[]): SourceLine[] {
  let end = body.length;
  while (end > 0 && (body[end - 1] as SourceLine).text.trim() === '') end--;
  const last = body[end - 1];
  return last && !endsSentence(last.text, true) ? body.slice(0, end) : body;
}

function buildParas(flat: FlatLine[], lexicon: Lexicon): PagedPara[] {
  const width = typicalWidth(flat);
  const paras: PagedPara[] = [];
  let current: PagedPara | null = null;
  let lastLine = '';
  let fresh = true; // a blank line, the document start or a heading came just before
  for (let k = 0; k < flat.length; k++) {
    const { text: raw, line, page } = flat[k] as FlatLine;
    const t = tidySpaces(raw);
    if (t === '') {
      current = null;
      fresh = true;
      continue;
    }
    const breaks = fresh || startsBlock(t) || isQaHeaderLine(lastLine) || endsShort(lastLine, width);
    if (current && !breaks) {
      current.text = current.text.endsWith('-')
        ? joinHyphenated(current.text, t, lexicon)
        : `${current.text} ${t}`;
      current.pageTo = page;
      lastLine = t;
      continue;
    }
    const heading = fresh ? readHeading(flat, k, width) : null;
    if (heading) {
      paras.push({
        text: heading.text,
        line,
        headingLike: true,
        pageFrom: page,
        pageTo: flat[heading.last]?.page ?? page,
      });
      k = heading.last;
      current = null;
      lastLine = '';
      fresh = true;
      continue;
    }
    current = { text: t, line, headingLike: false, pageFrom: page, pageTo: page };
    paras.push(current);
    lastLine = t;
    fresh = false;
  }
  return paras;
}

/** A heading starting at line `k`: one line, or up to three for a numbered heading that wraps. */
function readHeading(flat: FlatLine[], k: number, width: number): { text: string; last: number } | null {
  const nextText = (i: number) => (flat[i] ? tidySpaces((flat[i] as FlatLine).text) : null);
  let text = nextText(k) as string;
  let last = k;
  const numbered = NUMBERED_HEADING.test(text);
  // An unnumbered heading is visibly shorter than a full line of body text.
  if (!numbered && text.length >= width * 0.8) return null;
  if (numbered) {
    while (last - k < 2 && /^[\p{Ll}(]/u.test(nextText(last + 1) ?? '') && !endsSentence(text)) {
      last++;
      text = `${text} ${nextText(last)}`;
    }
  }
  return looksLikeHeading(text, nextText(last + 1)) ? { text, last } : null;
}

function endsShort(line: string, width: number): boolean {
  return line !== '' && endsSentence(line, true) && line.length < width * 0.8;
}

function typicalWidth(flat: FlatLine[]): number {
  const lengths = flat
    .map((line) => line.text.trim().length)
    .filter((length) => length > 0)
    .sort((a, b) => a - b);
  return lengths[Math.floor(lengths.length * 0.75)] ?? 80;
}

/** Put each footnote's mark where its number is glued into the body text of its page. */
function placeMarks(file: string, paras: PagedPara[], footnotes: (RawFootnote & { page: number })[]): void {
  const starts: number[] = [];
  let all = '';
  for (const para of paras) {
    starts.push(all.length);
    all += `${para.text}\n`;
  }
  const found: { at: number; number: string }[] = [];
  let from = 0;
  for (const note of footnotes) {
    const first = paras.findIndex((para) => para.pageTo >= note.page);
    const lastIndex = paras.findLastIndex((para) => para.pageFrom <= note.page);
    const rangeStart = Math.max(from, first === -1 ? all.length : (starts[first] as number));
    const rangeEnd =
      lastIndex === -1 ? 0 : (starts[lastIndex] as number) + (paras[lastIndex] as PagedPara).text.length;
    const at = findPdfMark(all, note.number, rangeStart, rangeEnd);
    if (at === -1) {
      throw new SourceError(
        file,
        note.line,
        `footnote ${note.number} has no mark ${note.number} in the text of its page`,
      );
    }
    found.push({ at, number: note.number });
    from = at + note.number.length;
  }
  for (const { at, number } of found.reverse()) {
    all = `${all.slice(0, at)}${footnoteMark(number)}${all.slice(at + number.length)}`;
  }
  all.split('\n').forEach((text, i) => {
    if (paras[i]) (paras[i] as PagedPara).text = text;
  });
}
