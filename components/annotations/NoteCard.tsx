import type { LinkedDocument } from '../../data/annotations/linked-documents';
import type { AnnotationRecord } from '../../data/annotations/model';
import { useI18n } from '../i18n-context';
import { formatDateTime } from './format-date-time';

/**
 * A note shown over its highlight (on hover, caret or keyboard): the note, tags, linked documents
 * and an edit action. Hoverable and dismissible with Escape (WCAG 1.4.13).
 */
export function NoteCard({
  record,
  linked,
  onEdit,
  onClose,
}: {
  record: AnnotationRecord;
  linked: LinkedDocument[];
  onEdit: () => void;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  return (
    <section
      class="ka-panel"
      role="dialog"
      aria-label={t('annotate_cardLabel')}
      tabIndex={-1}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onClose();
        }
      }}
    >
      {record.body.note.trim() === '' ? (
        <p class="ka-hint">{t('annotate_noNoteText')}</p>
      ) : (
        <p class="ka-note-text">{record.body.note}</p>
      )}
      {record.body.tags.length > 0 && (
        <p class="ka-tags">
          {t('annotate_tagsLabel')}: {record.body.tags.map((tag) => `#${tag}`).join(' ')}
        </p>
      )}
      {linked.length > 0 && (
        <ul class="ka-linked" aria-label={t('annotate_linkedLabel')}>
          {linked.map((doc) => (
            <li key={doc.id}>
              {doc.citation}
              {doc.title ? ` — ${doc.title}` : ''}
            </li>
          ))}
        </ul>
      )}
      <p class="ka-meta">{t('annotate_modifiedOn', formatDateTime(record.modified, locale))}</p>
      <div class="ka-actions">
        <button type="button" class="ka-button" onClick={onClose}>
          {t('annotate_close')}
        </button>
        <button type="button" class="ka-button ka-primary" onClick={onEdit}>
          {t('annotate_edit')}
        </button>
      </div>
    </section>
  );
}
