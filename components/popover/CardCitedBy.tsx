import type { CardDocument } from '../../data/messages';
import { useI18n } from '../i18n-context';
import { truncate } from '../shared/display-text';
import type { PopoverActions } from './card-model';

/** How many citing places a card shows before summarizing the rest. */
const SHOWN = 3;

interface Props {
  citedBy: CardDocument['citedBy'];
  citingTitles: Record<string, string | null>;
  actions: PopoverActions;
}

/** "Cited in": the documents of the dataset that cite this one, each with the citing sentence. */
export function CitedByList({ citedBy, citingTitles, actions }: Props) {
  const { t } = useI18n();
  if (citedBy.length === 0) return null;
  const rest = citedBy.length - SHOWN;
  return (
    <section class="kl-section kl-cited-by">
      <h3 class="kl-section-title">{t('popover_citedBy_heading')}</h3>
      <ul class="kl-list">
        {citedBy.slice(0, SHOWN).map((place) => (
          <li key={`${place.documentId}|${place.qa ?? ''}|${place.raw}`}>
            <button
              type="button"
              class="kl-text-button"
              onClick={() => actions.openSidePanel(place.documentId, place.qa ?? undefined)}
            >
              {citingTitles[place.documentId] ?? place.documentId}
              {place.qa ? `, ${t('popover_citedBy_question', place.qa)}` : ''}
            </button>
            <q class="kl-quote">{truncate(place.context, 220)}</q>
          </li>
        ))}
      </ul>
      {rest > 0 && <p class="kl-more">{t('popover_citedBy_more', String(rest))}</p>}
    </section>
  );
}
