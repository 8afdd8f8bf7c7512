import { useEffect, useState } from 'preact/hooks';
import { describeLinkedDocument, type KnownDocument } from '../../data/annotations/linked-documents';
import type { AnnotationRecord } from '../../data/annotations/model';
import { useI18n } from '../i18n-context';
import { AnnotationCard } from './AnnotationCard';
import { useAnnotationSources } from './AnnotationsProvider';
import { errorText } from './error-text';

/**
 * Every note linked to a document, across all pages (a journalist's dossier per Kamerstuk), for the
 * reader view. Pass the document's canonical id and its aliases.
 */
export function NotesForDocument({ documentIds }: { documentIds: string[] }) {
  const sources = useAnnotationSources();
  const { t } = useI18n();
  const [notes, setNotes] = useState<AnnotationRecord[] | null>(null);
  const [known, setKnown] = useState<Map<string, KnownDocument>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const key = documentIds.join(' ');
  useEffect(() => {
    if (!sources) return;
    let live = true;
    const load = async () => {
      const answer = await sources.forDocuments(key.split(' ').filter(Boolean));
      if (!live) return;
      if (!answer.ok) {
        setError(answer.error);
        return;
      }
      setError(null);
      setNotes(answer.value);
      const ids = [...new Set(answer.value.flatMap((r) => r.body.linkedDocumentIds))];
      const names = await sources.describe(ids);
      if (live) setKnown(names);
    };
    void load();
    const stop = sources.onChanged(() => void load());
    return () => {
      live = false;
      stop();
    };
  }, [sources, key]);
  if (!sources) return null;
  return (
    <section class="ka-notes-for-document" aria-labelledby="ka-doc-notes-heading">
      <h2 id="ka-doc-notes-heading">{t('annotate_notesForDocument_heading')}</h2>
      {error !== null && (
        <p class="ka-error" role="alert">
          {errorText(t, error)}
        </p>
      )}
      {notes !== null && notes.length === 0 && <p class="ka-hint">{t('annotate_notesForDocument_empty')}</p>}
      {notes !== null && notes.length > 0 && (
        <ul class="ka-cards">
          {notes.map((record) => (
            <AnnotationCard
              key={record.id}
              record={record}
              linkedOf={(id) => describeLinkedDocument(id, known.get(id))}
              showPage
              orphan={false}
              actions={{}}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
