import { useEffect } from 'preact/hooks';
import type { DocumentRecord } from '../../data/dataset/types';
import { NotesForDocument } from '../annotations/NotesForDocument';
import { DocumentMeta } from './DocumentMeta';
import { LetterSections, sectionAnchor } from './LetterSections';
import { kindLabel } from './labels';
import { usePanel } from './panel-context';
import { QaList } from './QaList';
import { sourceLine } from './qa-copy-text';
import { blockOfQuestion, layoutQa, questionAnchor } from './qa-layout';
import { CitedByList } from './ReaderCitedBy';
import { ReferenceList } from './ReferenceList';
import { RichText } from './RichText';
import { placeFootnotes } from './rich-text';
import type { ReaderTarget } from './routes';
import { NotInDataset, StubCard } from './StubCard';
import { SummaryBlock } from './SummaryBlock';

/** Element id the reader scrolls to and focuses for a route target. */
function anchorOf(doc: DocumentRecord, target: ReaderTarget | null): string {
  if (!target) return 'doc-title';
  if (target.kind === 'section') return sectionAnchor(target.index);
  if (target.kind === 'question') return questionAnchor(target.number);
  return blockOfQuestion(layoutQa(doc.qa), target.number)?.anchor ?? questionAnchor(target.number);
}

function DocumentReader({ doc }: { doc: DocumentRecord }) {
  const { state, t, locale } = usePanel();
  const { byText, unplaced } = placeFootnotes(doc);
  return (
    <article class="reader" aria-labelledby="doc-title">
      <p class="kind-badge">{kindLabel(t, doc.type)}</p>
      <h1 id="doc-title" tabIndex={-1}>
        {doc.title ?? t('sidepanel_untitled')}
      </h1>
      <DocumentMeta doc={doc} />
      <div class="actions">
        {doc.officialUrl ? (
          <a class="button" href={doc.officialUrl} target="_blank" rel="noopener noreferrer">
            {t('sidepanel_openOfficial')}
          </a>
        ) : null}
        <button
          type="button"
          class="secondary"
          onClick={() =>
            void state.copy(sourceLine(t, doc, locale), t('sidepanel_copied'), t('sidepanel_copyFailed'))
          }
        >
          {t('sidepanel_copyCitation')}
        </button>
      </div>
      <SummaryBlock doc={doc} />
      {doc.qa.length > 0 ? <QaList doc={doc} footnotes={byText} /> : null}
      {doc.sections.length > 0 ? <LetterSections doc={doc} footnotes={byText} /> : null}
      {unplaced.length > 0 ? (
        <details class="footnotes">
          <summary>{t('sidepanel_footnotes_heading', String(unplaced.length))}</summary>
          <ol>
            {unplaced.map((note) => (
              <li key={note.number} value={Number(note.number) || undefined}>
                <RichText text={note.text} references={doc.references} />
              </li>
            ))}
          </ol>
        </details>
      ) : null}
      <ReferenceList references={doc.references} />
      <CitedByList citedBy={doc.citedBy} />
      <NotesForDocument documentIds={[doc.id, ...doc.ids]} />
    </article>
  );
}

/** The reader at a document (by any of its ids): the full document, a stub's card, or "not found". */
export function ReaderView({ id, target }: { id: string; target: ReaderTarget | null }) {
  const { state, t } = usePanel();
  const status = state.status.value;
  const doc = state.resolve(id);
  const answered = state.answered(id);
  const anchor = doc && !doc.stub ? anchorOf(doc, target) : 'doc-title';
  // Land where the link points: scroll to the target and focus it, so keyboard and screen reader
  // users continue from there.
  useEffect(() => {
    const element = document.getElementById(anchor);
    element?.scrollIntoView?.({ block: 'start' });
    element?.focus({ preventScroll: true });
  }, [id, anchor, doc, answered]);
  // Not found is said only once a read answered: the record is read when the reader first asks.
  if (!doc && (status === 'loading' || status === 'importing' || !answered))
    return <p class="muted">{t('sidepanel_loading')}</p>;
  if (!doc) return <NotInDataset id={id} />;
  if (doc.stub) return <StubCard doc={doc} />;
  return <DocumentReader doc={doc} />;
}
