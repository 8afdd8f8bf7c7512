import type { CardDocument } from '../../data/messages';
import { useI18n } from '../i18n-context';
import { formatDate, formatPerson } from '../shared/display-text';
import { CitedByList } from './CardCitedBy';
import type { CardModel, PaperEntry, PopoverActions } from './card-model';
import { POPOVER_TITLE_ID } from './card-model';
import { citationText, officialLink, otherReadings } from './citation-tools';
import { documentTypeLabel, dossierLabel } from './document-labels';
import { FactList } from './FactList';
import { PopoverActionBar } from './PopoverActionBar';
import { QuestionList } from './QuestionList';

interface Props {
  card: CardModel;
  paper: PaperEntry & { document: CardDocument };
  actions: PopoverActions;
}

/** The card for a document the dataset holds in full: what it is, who wrote it, what it says. */
export function DocumentCard({ card, paper, actions }: Props) {
  const { t, locale } = useI18n();
  const doc = paper.document;
  const official = doc.citation ?? citationText(card.citation);
  return (
    <article class="kl-card">
      <p class="kl-kicker">
        {documentTypeLabel(t, doc.type)} · {official}
      </p>
      <h2 class="kl-title" id={POPOVER_TITLE_ID}>
        {doc.title ?? t('popover_titleUnknown')}
      </h2>
      <FactList
        facts={[
          { label: t('popover_field_date'), value: doc.date && formatDate(doc.date, locale) },
          { label: t('popover_field_authors'), value: doc.authors.map(formatPerson).join('; ') },
          { label: t('popover_field_askedBy'), value: doc.askedBy.map(formatPerson).join('; ') },
          { label: t('popover_field_submitted'), value: doc.submitted && formatDate(doc.submitted, locale) },
          {
            label: t('popover_field_dossier'),
            value: dossierLabel(doc.dossier, doc.dossierSuffix, paper.dossierTitle),
          },
          { label: t('popover_field_otherReading'), value: null, links: otherReadings(card.citation) },
        ]}
      />
      {doc.summary && (
        <section class="kl-section kl-summary">
          {doc.summarySource && <p class="kl-provenance">{t(`popover_summary_${doc.summarySource}`)}</p>}
          <p class="kl-summary-text">{doc.summary}</p>
        </section>
      )}
      {doc.type === 'antwoord' && <QuestionList documentId={doc.id} qa={doc.qa} actions={actions} />}
      <CitedByList citedBy={doc.citedBy} citingTitles={card.citingTitles} actions={actions} />
      <PopoverActionBar
        actions={actions}
        sidePanelId={doc.id}
        officialUrl={officialLink(paper)}
        copyText={official}
      />
    </article>
  );
}
