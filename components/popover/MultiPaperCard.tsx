import { useI18n } from '../i18n-context';
import { formatDate } from '../shared/display-text';
import type { CardModel, PaperEntry, PopoverActions } from './card-model';
import { isFound, POPOVER_TITLE_ID } from './card-model';
import { citationText, officialLink, paperCitationText, paperFacts } from './citation-tools';
import { documentTypeLabel } from './document-labels';
import { PopoverActionBar } from './PopoverActionBar';

interface Props {
  card: CardModel;
  actions: PopoverActions;
}

/** One card for a reference that names several papers (`nrs. 601, 603 en 605`): one row per paper. */
export function MultiPaperCard({ card, actions }: Props) {
  const { t } = useI18n();
  const official = citationText(card.citation);
  return (
    <article class="kl-card">
      <p class="kl-kicker">{t('popover_papers_heading', String(card.papers.length))}</p>
      <h2 class="kl-title" id={POPOVER_TITLE_ID}>
        {official}
      </h2>
      {!card.lookupOk && <p class="kl-note">{t('popover_lookupFailed')}</p>}
      <ul class="kl-list kl-papers">
        {card.papers.map((paper) => (
          <PaperRow key={paper.id} card={card} paper={paper} actions={actions} />
        ))}
      </ul>
      <PopoverActionBar actions={actions} officialUrl={null} copyText={official} />
    </article>
  );
}

function PaperRow({ card, paper, actions }: { card: CardModel; paper: PaperEntry; actions: PopoverActions }) {
  const { t, locale } = useI18n();
  const facts = paperFacts(card.citation, paper.id);
  const doc = paper.document;
  const label = facts.number ? t('popover_number', facts.number) : paper.id;
  const title = isFound(paper) ? (paper.document.title ?? t('popover_titleUnknown')) : (doc?.title ?? null);
  const details = doc
    ? [documentTypeLabel(t, doc.type), doc.date && formatDate(doc.date, locale)].filter(Boolean).join(' · ')
    : null;
  return (
    <li class="kl-paper">
      <p class="kl-paper-title">
        <span class="kl-paper-number">{label}</span>
        {title ? ` ${title}` : ` ${paperCitationText(card.citation, paper)}`}
      </p>
      {details && <p class="kl-paper-details">{details}</p>}
      {!doc && card.lookupOk && (
        <p class="kl-paper-details">
          {t(card.dataPending ? 'popover_paperDataLoading' : 'popover_paperNotInDataset')}
        </p>
      )}
      <PopoverActionBar
        actions={actions}
        sidePanelId={doc?.id ?? null}
        officialUrl={officialLink(paper)}
        subject={label}
      />
    </li>
  );
}
