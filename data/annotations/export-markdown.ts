/**
 * Notes as Markdown for a journalist's own writing: grouped per page (in the order pages were
 * first annotated), notes in reading order, each with its quote, the note, tags and the official
 * citations of linked documents. The note itself is the reader's own Markdown and is written as
 * typed; everything else (titles, quotes, tags, citations, addresses) comes from pages or files and
 * is escaped, so it reads as the text it is and never as markup or HTML.
 */

import type { LinkedDocument } from './linked-documents';
import type { AnnotationRecord } from './model';
import { positionOf, quoteOf } from './model';
import { isWebAddress } from './url';

/** Words the Markdown uses, in the reader's language. */
export interface MarkdownLabels {
  title: string;
  tags: string;
  linked: string;
}

/**
 * Escape one line of text that must not turn into Markdown or HTML: the characters that start
 * emphasis, code, links, images, raw HTML, entities, headings, tables and strikethrough anywhere, and
 * list or block markers where a line starts.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>#|!~&]/g, '\\$&')
    .replace(/^(\s*)([-+=])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

/** A field that must stay on one line (titles, tags, citations): line breaks become spaces. */
function escapeInline(text: string): string {
  return escapeMarkdown(text.replace(/\s*[\r\n]+\s*/g, ' '));
}

/** A page address: an autolink when it is an http(s) address, else escaped text. */
function pageLink(source: string): string {
  return isWebAddress(source) && !/[\s<>]/.test(source) ? `<${source}>` : escapeInline(source);
}

function byReadingOrder(a: AnnotationRecord, b: AnnotationRecord): number {
  const pa = positionOf(a)?.start ?? Number.MAX_SAFE_INTEGER;
  const pb = positionOf(b)?.start ?? Number.MAX_SAFE_INTEGER;
  return pa - pb || a.created.localeCompare(b.created);
}

/** Notes grouped per page, pages in the order of their first note. */
function groupByPage(records: readonly AnnotationRecord[]): AnnotationRecord[][] {
  const pages = new Map<string, AnnotationRecord[]>();
  for (const record of [...records].sort((a, b) => a.created.localeCompare(b.created))) {
    const list = pages.get(record.target.source) ?? [];
    list.push(record);
    pages.set(record.target.source, list);
  }
  return [...pages.values()].map((list) => list.sort(byReadingOrder));
}

function noteMarkdown(
  record: AnnotationRecord,
  labels: MarkdownLabels,
  linked: (id: string) => LinkedDocument,
): string {
  const lines: string[] = [];
  const quote = quoteOf(record)?.exact ?? '';
  lines.push(...quote.split('\n').map((line) => `> ${escapeMarkdown(line)}`), '');
  if (record.body.note.trim() !== '') lines.push(record.body.note.trim(), '');
  if (record.body.tags.length > 0) {
    const tags = record.body.tags.map((tag) => `#${escapeInline(tag.trim().replace(/\s+/g, '-'))}`);
    lines.push(`${escapeInline(labels.tags)}: ${tags.join(' ')}`, '');
  }
  if (record.body.linkedDocumentIds.length > 0) {
    lines.push(`${escapeInline(labels.linked)}:`);
    for (const id of record.body.linkedDocumentIds) {
      const doc = linked(id);
      const title = doc.title ? ` — ${escapeInline(doc.title)}` : '';
      // A code span cannot escape a backtick: ids with anything unusual are written as escaped text.
      const code = /^[\w.:-]+$/.test(doc.id) ? `\`${doc.id}\`` : escapeInline(doc.id);
      lines.push(`- ${escapeInline(doc.citation)}${title} (${code})`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

/** The Markdown document. `linked` names each linked document id. */
export function exportMarkdown(
  records: readonly AnnotationRecord[],
  labels: MarkdownLabels,
  linked: (id: string) => LinkedDocument,
): string {
  const parts = [`# ${escapeInline(labels.title)}`, ''];
  for (const page of groupByPage(records)) {
    const first = page[0] as AnnotationRecord;
    const heading = first.target.title ?? first.target.source;
    parts.push(`## ${escapeInline(heading)}`, '', pageLink(first.target.source), '');
    for (const record of page) parts.push(noteMarkdown(record, labels, linked), '---', '');
  }
  return `${parts.join('\n').trimEnd()}\n`;
}
