/** The text put on the clipboard: a question with its answer, ending with the official citation. */
import type { DocumentRecord } from '../../data/dataset/types';
import type { Translate } from '../i18n';
import { formatDate } from '../shared/display-text';
import { numbersLabel } from './labels';
import type { Pointer, QaRow } from './qa-layout';

/** `Aanhangsel Handelingen II 2024/25, nr. 520`, or title and date when the number is not known. */
export function sourceLine(t: Translate, doc: DocumentRecord, locale: string): string {
  if (doc.citation) return doc.citation;
  const parts = [doc.title ?? t('sidepanel_untitled'), doc.date ? formatDate(doc.date, locale) : null];
  return `${parts.filter(Boolean).join(', ')} (${t('sidepanel_copy_numberUnknown')})`;
}

/** Every question sharing the row's answer, the answer (resolved when it points elsewhere), the source. */
export function qaCopyText(
  t: Translate,
  doc: DocumentRecord,
  rows: readonly QaRow[],
  row: QaRow,
  pointer: Pointer | null,
  locale: string,
): string {
  const numbers = row.block.numbers;
  const questions = rows
    .filter((r) => numbers.includes(r.item.number))
    .map((r) => `${t('sidepanel_where_question', r.item.number)}: ${r.item.question}`);
  const lines = [
    ...questions,
    `${t('sidepanel_where_answer', numbersLabel(t, numbers))}: ${row.block.text ?? t('sidepanel_qa_noAnswer')}`,
  ];
  if (pointer?.kind === 'one') {
    lines.push(
      `(${t('sidepanel_where_answer', numbersLabel(t, pointer.block.numbers))}: ${pointer.block.text ?? ''})`,
    );
  }
  const where = t('sidepanel_copy_questionRef', numbersLabel(t, numbers));
  const source = [`${sourceLine(t, doc, locale)}, ${where}`, doc.officialUrl].filter(Boolean).join(' — ');
  return `${lines.join('\n')}\n\n${t('sidepanel_copy_source')}: ${source}`;
}
