/** Notes as CSV: one row per note, lists joined with "; ". */

import { toCsv } from './csv';
import type { LinkedDocument } from './linked-documents';
import type { AnnotationRecord } from './model';
import { positionOf, quoteOf } from './model';

/** Column names of the notes CSV (stable: scripts may read them). */
const NOTES_CSV_HEADER = [
  'id',
  'page_url',
  'page_title',
  'quote',
  'prefix',
  'suffix',
  'position_start',
  'position_end',
  'note',
  'tags',
  'linked_ids',
  'linked_citations',
  'created',
  'modified',
] as const;

/** The notes CSV; `linked` names each linked document id. */
export function exportNotesCsv(
  records: readonly AnnotationRecord[],
  linked: (id: string) => LinkedDocument,
): string {
  const rows = records.map((record) => {
    const quote = quoteOf(record);
    const position = positionOf(record);
    const ids = record.body.linkedDocumentIds;
    return [
      record.id,
      record.target.source,
      record.target.title ?? '',
      quote?.exact ?? '',
      quote?.prefix ?? '',
      quote?.suffix ?? '',
      position ? String(position.start) : '',
      position ? String(position.end) : '',
      record.body.note,
      record.body.tags.join('; '),
      ids.join('; '),
      ids.map((id) => linked(id).citation).join('; '),
      record.created,
      record.modified,
    ];
  });
  return toCsv(NOTES_CSV_HEADER, rows);
}
