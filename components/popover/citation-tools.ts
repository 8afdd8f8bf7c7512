import { formatCitation, formatId, officialUrl, parseCanonicalId } from '../../data/citations';
import type { Chamber, Citation, CitationKind } from '../../data/citations/types';
import type { PaperEntry } from './card-model';

/** What a card can say about one paper from its reference alone (no dataset needed). */
export interface PaperFacts {
  kind: CitationKind;
  chamber: Chamber | null;
  vergaderjaar: string | null;
  dossier: string | null;
  dossierSuffix: string | null;
  number: string | null;
  item: string | null;
}

/** The facts of paper `id` of `citation`: from the id itself where it parses, else from the citation. */
export function paperFacts(citation: Citation, id: string): PaperFacts {
  const index = Math.max(0, citation.ids.indexOf(id));
  const parsed = parseCanonicalId(id);
  return {
    kind: parsed?.kind ?? citation.kind,
    chamber: parsed?.chamber ?? citation.chamber,
    vergaderjaar: parsed?.vergaderjaar ?? citation.vergaderjaar,
    dossier: parsed?.dossier ?? citation.dossier,
    dossierSuffix: parsed ? parsed.dossierSuffix : citation.dossierSuffix,
    number: parsed?.numbers?.[0] ?? citation.numbers[index] ?? null,
    item: parsed?.item ?? citation.item,
  };
}

/** The reference in official style (Aanwijzingen 3.43), for copying and as a fallback title. */
export function citationText(citation: Citation): string {
  return formatCitation(citation);
}

/** One paper of a (possibly multi-paper) reference, in official style. */
export function paperCitationText(citation: Citation, paper: PaperEntry): string {
  if (paper.document?.citation) return paper.document.citation;
  if (citation.ids.length <= 1) return formatCitation(citation);
  const facts = paperFacts(citation, paper.id);
  return formatCitation({
    ...citation,
    dossier: facts.dossier,
    dossierSuffix: facts.dossierSuffix,
    numbers: facts.number ? [facts.number] : [],
    ids: [paper.id],
  });
}

/** The official source of a paper: the dataset's URL, else the one derived from its id. */
export function officialLink(paper: PaperEntry): string | null {
  return paper.document?.officialUrl ?? officialUrl(paper.id);
}

/**
 * The other readings of a reference whose chamber was inferred (`ah-ek-…` beside `ah-tk-…`), each
 * with its official link: shown on the card so the reading not chosen stays findable. Empty when
 * the text named its chamber.
 */
export function otherReadings(citation: Citation): { text: string; href: string | null }[] {
  if (!citation.chamberInferred) return [];
  return (citation.alternativeIds ?? []).map((id) => ({ text: formatId(id) ?? id, href: officialUrl(id) }));
}
