import { useI18n } from '../i18n-context';
import { formatDate, formatPerson } from '../shared/display-text';
import { CitedByList } from './CardCitedBy';
import type { CardModel, PaperEntry, PopoverActions } from './card-model';
import { POPOVER_TITLE_ID } from './card-model';
import { officialLink, otherReadings, paperCitationText, paperFacts } from './citation-tools';
import { chamberFact, dossierLabel } from './document-labels';
import { FactList } from './FactList';
import { PopoverActionBar } from './PopoverActionBar';

interface Props {
  card: CardModel;
  paper: PaperEntry;
  actions: PopoverActions;
}

/**
 * The card for a reference the dataset does not hold in full (no record, a stub, or a failed lookup):
 * what the reference itself says, the official link, and where the dataset cites it. A stub with
 * the Kamer's own metadata (its kind known) shows that metadata and says the text is not in the data.
 */
export function UnresolvedCard({ card, paper, actions }: Props) {
  const { t, locale } = useI18n();
  const facts = paperFacts(card.citation, paper.id);
  const stub = paper.document?.stub ? paper.document : null;
  const kind = stub?.kind ?? null;
  const official = paperCitationText(card.citation, paper);
  const note = !card.lookupOk
    ? 'popover_lookupFailed'
    : card.dataPending && !paper.document
      ? 'popover_dataLoading'
      : kind
        ? 'popover_metadataOnlyNote'
        : stub
          ? 'popover_stubNote'
          : 'popover_notInDataset';
  return (
    <article class="kl-card">
      <p class="kl-kicker">
        {kind ? (locale.startsWith('en') ? kind.en : kind.nl) : t(`popover_kind_${facts.kind}`)}
      </p>
      <h2 class="kl-title" id={POPOVER_TITLE_ID}>
        {stub?.title ?? official}
      </h2>
      <p class="kl-note">{t(note)}</p>
      <FactList
        facts={[
          { label: t('popover_field_date'), value: stub?.date && formatDate(stub.date, locale) },
          { label: t('popover_field_authors'), value: stub?.authors.map(formatPerson).join('; ') },
          {
            label: t('popover_field_chamber'),
            value: chamberFact(t, facts.chamber, card.citation.chamberInferred === true, facts.kind),
          },
          { label: t('popover_field_year'), value: facts.vergaderjaar },
          {
            label: t('popover_field_dossier'),
            value: dossierLabel(
              facts.dossier ?? stub?.dossier ?? null,
              facts.dossier ? facts.dossierSuffix : (stub?.dossierSuffix ?? null),
              paper.dossierTitle,
            ),
          },
          { label: t('popover_field_number'), value: facts.number },
          { label: t('popover_field_otherReading'), value: null, links: otherReadings(card.citation) },
        ]}
      />
      {stub && <CitedByList citedBy={stub.citedBy} citingTitles={card.citingTitles} actions={actions} />}
      <PopoverActionBar
        actions={actions}
        sidePanelId={stub?.id ?? null}
        officialUrl={officialLink(paper)}
        copyText={official}
      />
    </article>
  );
}
