import type { CardDocument } from '../../data/messages';
import { useI18n } from '../i18n-context';
import type { PopoverActions } from './card-model';

/** How many questions a card lists before summarizing the rest. */
const SHOWN = 5;

interface Props {
  documentId: string;
  qa: CardDocument['qa'];
  actions: PopoverActions;
}

/** The questions an answer document answers, in their one-line form; each opens the side panel there. */
export function QuestionList({ documentId, qa, actions }: Props) {
  const { t } = useI18n();
  if (qa.length === 0) return null;
  const rest = qa.length - SHOWN;
  return (
    <section class="kl-section kl-questions">
      <h3 class="kl-section-title">{t('popover_questions_heading')}</h3>
      <ol class="kl-list kl-numbered">
        {qa.slice(0, SHOWN).map((item) => (
          <li key={item.number}>
            <span class="kl-qnum">{item.number}.</span>
            <button
              type="button"
              class="kl-text-button"
              onClick={() => actions.openSidePanel(documentId, item.number)}
            >
              {item.questionShort}
            </button>
          </li>
        ))}
      </ol>
      {rest > 0 && <p class="kl-more">{t('popover_questions_more', String(rest))}</p>}
    </section>
  );
}
