/**
 * A paragraph of document text cut into what the reader renders: plain text, live references
 * (found by the recognizer, and by the document's own reference records as a fallback) and
 * footnote markers placed after the sentence they annotate.
 */
import type { DocumentRecord, Footnote, ReferenceRecord } from '../../data/dataset/types';
import type { Recognize } from '../../data/search/index';
import { answerNumbers } from '../../data/search/index';

/** One piece of a paragraph. */
export type RichPiece =
  | { kind: 'text'; text: string }
  | { kind: 'reference'; text: string; ids: string[] }
  | { kind: 'footnote'; footnote: Footnote };

interface Span {
  start: number;
  end: number;
  ids: string[];
}

function overlaps(spans: Span[], start: number, end: number): boolean {
  return spans.some((s) => start < s.end && end > s.start);
}

/** Where references sit in `text`: the recognizer's finds, then the records' raw text where not yet covered. */
function referenceSpans(text: string, recognize: Recognize, records: readonly ReferenceRecord[]): Span[] {
  const spans: Span[] = [];
  for (const c of recognize(text)) {
    if (c.ids.length > 0 && !overlaps(spans, c.start, c.end))
      spans.push({ start: c.start, end: c.end, ids: c.ids });
  }
  for (const record of records) {
    const raw = record.raw.replace(/\s+/g, ' ').trim();
    if (!raw || record.ids.length === 0) continue;
    let at = text.indexOf(raw);
    while (at >= 0) {
      if (!overlaps(spans, at, at + raw.length))
        spans.push({ start: at, end: at + raw.length, ids: record.ids });
      at = text.indexOf(raw, at + raw.length);
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** Offset just after `anchor` in `text`, or -1. */
function anchorEnd(text: string, anchor: string | null): number {
  const wanted = anchor?.trim();
  if (!wanted) return -1;
  const at = text.indexOf(wanted);
  return at < 0 ? -1 : at + wanted.length;
}

/** `text` as pieces; `footnotes` are the ones placed in this paragraph (see `placeFootnotes`). */
export function richPieces(
  text: string,
  recognize: Recognize,
  records: readonly ReferenceRecord[],
  footnotes: readonly Footnote[] = [],
): RichPiece[] {
  const spans = referenceSpans(text, recognize, records);
  const marks = footnotes
    .map((footnote) => {
      let at = anchorEnd(text, footnote.anchor);
      // Never split a reference: a marker inside one moves to its end.
      for (const s of spans) if (at > s.start && at < s.end) at = s.end;
      return { at, footnote };
    })
    .filter((m) => m.at >= 0)
    .sort((a, b) => a.at - b.at);
  const pieces: RichPiece[] = [];
  let at = 0;
  let m = 0;
  const flushMarks = (upTo: number) => {
    for (let mark = marks[m]; mark && mark.at <= upTo; mark = marks[++m]) {
      if (mark.at > at) pieces.push({ kind: 'text', text: text.slice(at, mark.at) });
      at = Math.max(at, mark.at);
      pieces.push({ kind: 'footnote', footnote: mark.footnote });
    }
  };
  for (const span of spans) {
    flushMarks(span.start);
    if (span.start > at) pieces.push({ kind: 'text', text: text.slice(at, span.start) });
    pieces.push({ kind: 'reference', text: text.slice(span.start, span.end), ids: span.ids });
    at = span.end;
  }
  flushMarks(text.length);
  if (at < text.length) pieces.push({ kind: 'text', text: text.slice(at) });
  return pieces;
}

/** Keys of the texts of a document, for placing footnotes: `q:3`, `a:3,4,5`, `s:1:0`. */
function textsOf(doc: DocumentRecord): [string, string][] {
  const texts: [string, string][] = [];
  for (const item of doc.qa) {
    texts.push([`q:${item.number}`, item.question]);
    if (item.answer !== null) texts.push([`a:${answerNumbers(item).join(',')}`, item.answer]);
  }
  doc.sections.forEach((section, s) => {
    section.paragraphs.forEach((paragraph, p) => {
      texts.push([`s:${s}:${p}`, paragraph]);
    });
  });
  return texts;
}

/** Each footnote in the first text holding its anchor; the rest are `unplaced` (listed at the end). */
export function placeFootnotes(doc: DocumentRecord): {
  byText: Map<string, Footnote[]>;
  unplaced: Footnote[];
} {
  const byText = new Map<string, Footnote[]>();
  const unplaced: Footnote[] = [];
  const texts = textsOf(doc);
  for (const footnote of doc.footnotes) {
    const home = texts.find(([, text]) =>
      text.split(/\n+/).some((line) => anchorEnd(line, footnote.anchor) >= 0),
    );
    if (!home) {
      unplaced.push(footnote);
      continue;
    }
    byText.set(home[0], [...(byText.get(home[0]) ?? []), footnote]);
  }
  return { byText, unplaced };
}
