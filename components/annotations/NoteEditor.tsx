import { useEffect, useRef, useState } from 'preact/hooks';
import { parseTagInput } from '../../data/annotations/model';
import type { NoteDraft, NoteValues } from '../../data/annotations/note-frame';
import { useI18n } from '../i18n-context';
import { DocumentPicker, type SearchDocuments } from './DocumentPicker';

/** Saves; resolves to an error text to show, or null when saved. */
type SaveNote = (values: NoteValues) => Promise<string | null>;

/**
 * The note editor: the quote, the note, tags (comma separated) and linked documents. A dialog
 * (not modal: the page stays usable); Escape cancels, Ctrl+Enter saves, errors stay visible.
 */
export function NoteEditor({
  draft,
  onSave,
  onCancel,
  search,
  idPrefix = 'ka-editor',
}: {
  draft: NoteDraft;
  onSave: SaveNote;
  onCancel: () => void;
  search: SearchDocuments;
  idPrefix?: string;
}) {
  const { t } = useI18n();
  const [note, setNote] = useState(draft.note);
  const [tags, setTags] = useState(draft.tags.join(', '));
  const [linked, setLinked] = useState(draft.linked);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const noteField = useRef<HTMLTextAreaElement>(null);

  useEffect(() => noteField.current?.focus(), []);
  // A reference found in the selection arrives after the lookup: add it unless the reader removed it.
  useEffect(() => {
    setLinked((current) => [...current, ...draft.linked.filter((d) => !current.some((c) => c.id === d.id))]);
  }, [draft.linked]);

  const save = async () => {
    if (saving) return;
    setSaving(true);
    setError(null);
    const problem = await onSave({ note, tags: parseTagInput(tags), linked });
    setSaving(false);
    if (problem !== null) setError(problem);
  };

  return (
    <section
      class="ka-panel"
      role="dialog"
      aria-labelledby={`${idPrefix}-heading`}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onCancel();
        } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          void save();
        }
      }}
    >
      <h2 id={`${idPrefix}-heading`} class="ka-heading">
        {t(draft.mode === 'new' ? 'annotate_newNote' : 'annotate_editNote')}
      </h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <blockquote class="ka-quote">{draft.quote}</blockquote>
        <div class="ka-field">
          <label class="ka-label" for={`${idPrefix}-note`}>
            {t('annotate_noteLabel')}
          </label>
          <textarea
            id={`${idPrefix}-note`}
            ref={noteField}
            class="ka-textarea"
            value={note}
            onInput={(event) => setNote((event.target as HTMLTextAreaElement).value)}
          />
        </div>
        <div class="ka-field">
          <label class="ka-label" for={`${idPrefix}-tags`}>
            {t('annotate_tagsLabel')}
          </label>
          <input
            id={`${idPrefix}-tags`}
            class="ka-input"
            type="text"
            value={tags}
            aria-describedby={`${idPrefix}-tags-hint`}
            onInput={(event) => setTags((event.target as HTMLInputElement).value)}
          />
          <p id={`${idPrefix}-tags-hint`} class="ka-hint">
            {t('annotate_tagsHint')}
          </p>
        </div>
        <DocumentPicker linked={linked} onChange={setLinked} search={search} idPrefix={idPrefix} />
        {error !== null && (
          <p class="ka-error" role="alert">
            {error}
          </p>
        )}
        <div class="ka-actions">
          <button type="button" class="ka-button" onClick={onCancel}>
            {t('annotate_cancel')}
          </button>
          <button type="submit" class="ka-button ka-primary" disabled={saving}>
            {t(saving ? 'annotate_saving' : 'annotate_save')}
          </button>
        </div>
      </form>
    </section>
  );
}
