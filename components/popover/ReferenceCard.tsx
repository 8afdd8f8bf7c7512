import type { CardModel, PopoverActions } from './card-model';
import { isFound } from './card-model';
import { DocumentCard } from './DocumentCard';
import { MultiPaperCard } from './MultiPaperCard';
import { UnresolvedCard } from './UnresolvedCard';

/** Picks the card for a resolved reference: several papers, one found document, or one unresolved. */
export function ReferenceCard({ card, actions }: { card: CardModel; actions: PopoverActions }) {
  if (card.papers.length > 1) return <MultiPaperCard card={card} actions={actions} />;
  const paper = card.papers[0] ?? { id: card.citation.ids[0] ?? '', document: null, dossierTitle: null };
  if (card.lookupOk && isFound(paper)) return <DocumentCard card={card} paper={paper} actions={actions} />;
  return <UnresolvedCard card={card} paper={paper} actions={actions} />;
}
