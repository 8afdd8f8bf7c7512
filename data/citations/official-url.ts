/**
 * Where a reference can be read online (shown as a link; Kamerlens itself never fetches it):
 * officielebekendmakingen.nl for Kamerstukken, Handelingen items, Aanhangsels and dossiers;
 * tweedekamer.nl for zaak and document numbers and for whole plenary records of the Tweede Kamer.
 */
import { parseCanonicalId } from './canonical-id';

const PUBLICATIONS = 'https://zoek.officielebekendmakingen.nl';
const TWEEDE_KAMER = 'https://www.tweedekamer.nl/kamerstukken';

/** The public URL for a canonical id, or null when the id has none (or names no chamber). */
export function officialUrl(id: string): string | null {
  const identity = parseCanonicalId(id);
  if (identity === null) return null;
  const canonical = identity.id;
  switch (identity.kind) {
    case 'kamerstuk':
      return `${PUBLICATIONS}/${canonical}.html`;
    case 'dossier':
      return `${PUBLICATIONS}/dossier/${identity.dossier}${identity.dossierSuffix === null ? '' : `-${identity.dossierSuffix}`}`;
    case 'aanhangsel':
      // Chamberless ids (`ah-20252026-1181`) are ours, not official: no URL can be promised.
      return identity.chamber === null && identity.vergaderjaar !== null
        ? null
        : `${PUBLICATIONS}/${canonical}.html`;
    case 'handelingen':
      if (identity.chamber === null) return null;
      if (identity.item !== null) return `${PUBLICATIONS}/${canonical}.html`;
      return identity.chamber === 'TK' && identity.vergaderjaar !== null
        ? `${TWEEDE_KAMER}/plenaire_verslagen/detail/${identity.vergaderjaar}/${identity.numbers[0]}`
        : null;
    case 'zaak':
      return `${TWEEDE_KAMER}/detail?id=${canonical}`;
    case 'document':
      return `${TWEEDE_KAMER}/detail?did=${canonical}`;
  }
}
