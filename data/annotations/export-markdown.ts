/**
 * Notes as Markdown for a journalist's own writing: grouped per page (in the order pages were
 * first annotated), notes in reading order, each with its quote, the note, tags and the official
 * citations of linked documents.
 */
import type { AnnotationRecord } from '../db/records';
import type { LinkedDocument } from './linked-documents';
import { positionOf, quoteOf } from './model';

/** Words the Markdown uses, in the reader's language. */
export interface MarkdownLabels {
  title: string;
  tags: string;
  linked: string;
}

/** Escape text that must not turn into Markdown (page titles, quotes). */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}

function byReadingOrder(a: AnnotationRecord, b: AnnotationRecord): number {
  const pa = positionOf(a)?.start ?? Number.MAX_SAFE_INTEGER;
  const pb = positionOf(b)?.start ?? Number.MAX_SAFE_INTEGER;
  return pa - pb || a.created.localeCompare(b.created);
}

/** Notes grouped per page, pages in the order of their first note. */
export function groupByPage(records: readonly AnnotationRecord[]): AnnotationRecord[][] {
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
    lines.push(`${labels.tags}: ${record.body.tags.map((t) => `#${t.replace(/\s/g, '-')}`).join(' ')}`, '');
  }
  if (record.body.linkedDocumentIds.length > 0) {
    lines.push(`${labels.linked}:`);
    for (const id of record.body.linkedDocumentIds) {
      const doc = linked(id);
      const title = doc.title ? ` — ${escapeMarkdown(doc.title)}` : '';
      lines.push(`- ${escapeMarkdown(doc.citation)}${title} (\`${doc.id}\`)`);
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
  const parts = [`# ${escapeMarkdown(labels.title)}`, ''];
  for (const page of groupByPage(records)) {
    const first = page[0] as AnnotationRecord;
    const heading = first.target.title ?? first.target.source;
    parts.push(`## ${escapeMarkdown(heading)}`, '', `<${first.target.source}>`, '');
    for (const record of page) parts.push(noteMarkdown(record, labels, linked), '---', '');
  }
  return `${parts.join('\n').trimEnd()}\n`;
}
