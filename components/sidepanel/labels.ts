/** Words the panel shows for data values: document kinds, where a passage sits, question ranges. */
import type { DocumentRecord } from '../../data/dataset/types';
import type { PassageWhere } from '../../data/search/index';
import type { Translate } from '../i18n';

/** "Antwoord op Kamervragen", "Kamerbrief", or the reference kind of a stub ("Kamerstuk"). */
export function kindLabel(t: Translate, type: DocumentRecord['type'] | string): string {
  return t(`sidepanel_type_${type}`);
}

/** `3–5` for a run of question numbers, `3, 4 en 6` otherwise. */
export function numbersLabel(t: Translate, numbers: readonly string[]): string {
  if (numbers.length <= 1) return numbers[0] ?? '';
  const asInts = numbers.map(Number);
  const consecutive = asInts.every(
    (n, i) => Number.isInteger(n) && (i === 0 || n === (asInts[i - 1] ?? 0) + 1),
  );
  if (consecutive && numbers.length > 2) return `${numbers[0]}–${numbers[numbers.length - 1]}`;
  return `${numbers.slice(0, -1).join(', ')} ${t('sidepanel_and')} ${numbers[numbers.length - 1]}`;
}

/** Where a passage sits, as a reader would say it: "Vraag 4", "Antwoord 3–5", a section heading. */
export function whereLabel(t: Translate, where: PassageWhere): string {
  switch (where.kind) {
    case 'title':
      return t('sidepanel_where_title');
    case 'meta':
      return t('sidepanel_where_meta');
    case 'summary':
      return t('sidepanel_where_summary');
    case 'question':
      return t('sidepanel_where_question', where.number);
    case 'answer':
      return t('sidepanel_where_answer', numbersLabel(t, where.numbers));
    case 'section':
      return where.heading ?? t('sidepanel_where_section', String(where.index + 1));
    case 'footnote':
      return t('sidepanel_where_footnote', where.number);
  }
}
