import { useState } from 'preact/hooks';
import type { LinkedDocument } from '../../data/annotations/linked-documents';
import type { AnnotationRecord } from '../../data/annotations/model';
import { quoteOf } from '../../data/annotations/model';
import type { NoteValues } from '../../data/annotations/note-frame';
import { isWebAddress } from '../../data/annotations/url';
import { useI18n } from '../i18n-context';
import type { SearchDocuments } from './DocumentPicker';
import { errorText } from './error-text';
import { formatDateTime } from './format-date-time';
import { NoteEditor } from './NoteEditor';

/** What a card can do; absent actions are not offered. */
export interface CardActions {
  reveal?: () => Promise<boolean>;
  /** Save an edit: resolves to the raw error, or null. */
  save?: (values: NoteValues) => Promise<string | null>;
  remove?: () => void;
  search?: SearchDocuments;
}

/** One note in a list: quote, note, tags, linked documents (links into the reader), page, actions. */
export function AnnotationCard({
  record,
  linkedOf,
  showPage,
  orphan,
  actions,
}: {
  record: AnnotationRecord;
  linkedOf: (id: string) => LinkedDocument;
  showPage: boolean;
  orphan: boolean;
  actions: CardActions;
}) {
  const { t, locale } = useI18n();
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const quote = quoteOf(record)?.exact ?? '';
  const linked = record.body.linkedDocumentIds.map(linkedOf);
  const idPrefix = `ka-card-${record.id.replace(/[^A-Za-z0-9-]/g, '')}`;

  if (editing && actions.save && actions.search) {
    const save = actions.save;
    return (
      <li class="ka-card">
        <NoteEditor
          idPrefix={idPrefix}
          draft={{ mode: 'edit', quote, note: record.body.note, tags: record.body.tags, linked }}
          search={actions.search}
          onCancel={() => setEditing(false)}
          onSave={async (values) => {
            const problem = await save(values);
            if (problem === null) setEditing(false);
            return problem === null ? null : errorText(t, problem);
          }}
        />
      </li>
    );
  }

  return (
    <li class="ka-card" data-annotation-id={record.id}>
      {orphan && <p class="ka-badge">{t('annotate_status_orphan')}</p>}
      <blockquote class="ka-quote">{quote}</blockquote>
      {record.body.note.trim() !== '' && <p class="ka-note-text">{record.body.note}</p>}
      {record.body.tags.length > 0 && (
        <p class="ka-tags">
          <span class="visually-hidden">{t('annotate_tagsLabel')}: </span>
          {record.body.tags.map((tag) => `#${tag}`).join(' ')}
        </p>
      )}
      {linked.length > 0 && (
        <ul class="ka-linked" aria-label={t('annotate_linkedLabel')}>
          {linked.map((doc) => (
            <li key={doc.id}>
              <a href={`#/doc/${encodeURIComponent(doc.id)}`}>{doc.citation}</a>
              {doc.title ? ` — ${doc.title}` : ''}
            </li>
          ))}
        </ul>
      )}
      {showPage && (
        <p class="ka-meta">
          {/* Only http(s) pages become links; anything else (an old or hand-made record) is text. */}
          {isWebAddress(record.target.source) ? (
            <a href={record.target.source} target="_blank" rel="noreferrer">
              {record.target.title ?? record.target.source}
            </a>
          ) : (
            (record.target.title ?? record.target.source)
          )}
        </p>
      )}
      <p class="ka-meta">{t('annotate_modifiedOn', formatDateTime(record.modified, locale))}</p>
      <div class="ka-actions">
        {actions.reveal && !orphan && (
          <button
            type="button"
            class="ka-button"
            onClick={async () => setNotice((await actions.reveal?.()) ? null : t('annotate_revealFailed'))}
          >
            {t('annotate_showOnPage')}
          </button>
        )}
        {actions.save && actions.search && (
          <button type="button" class="ka-button" onClick={() => setEditing(true)}>
            {t('annotate_edit')}
          </button>
        )}
        {actions.remove && (
          <button type="button" class="ka-button" onClick={actions.remove}>
            {t('annotate_delete')}
          </button>
        )}
      </div>
      {notice && (
        <p class="ka-hint" role="status">
          {notice}
        </p>
      )}
    </li>
  );
}
