import type { Chamber, CitationKind } from '../../data/citations/types';
import type { DocumentRecord } from '../../data/dataset/types';
import type { Translate } from '../i18n';
import { formatDossier } from '../shared/display-text';

/** "Antwoord op Kamervragen", "Kamerbrief", or the reference kind for stubs. */
export function documentTypeLabel(t: Translate, type: DocumentRecord['type']): string {
  return type === 'antwoord' || type === 'brief' ? t(`popover_type_${type}`) : t(`popover_kind_${type}`);
}

/** "Tweede Kamer" / "House of Representatives". */
function chamberLabel(t: Translate, chamber: Chamber | null): string | null {
  return chamber ? t(`popover_chamber_${chamber}`) : null;
}

/**
 * The chamber as the card states it: inferred (the text named none and one reading is far more
 * likely) is said so; a plenary record or Aanhangsel without any chamber says it is not stated.
 */
export function chamberFact(
  t: Translate,
  chamber: Chamber | null,
  inferred: boolean,
  kind: CitationKind,
): string | null {
  const label = chamberLabel(t, chamber);
  if (label !== null) return inferred ? t('popover_chamberInferred', label) : label;
  return kind === 'handelingen' || kind === 'aanhangsel' ? t('popover_chamberNotStated') : null;
}

/** `34352 — Uitvoering en evaluatie Participatiewet`, or the number alone when the title is unknown. */
export function dossierLabel(
  dossier: string | null,
  suffix: string | null,
  title: string | null,
): string | null {
  if (!dossier) return null;
  const number = formatDossier(dossier, suffix);
  return title ? `${number} — ${title}` : number;
}
