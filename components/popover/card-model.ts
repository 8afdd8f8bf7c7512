import type { Citation } from '../../data/citations/types';
import type { CardDocument, SidePanelOutcome } from '../../data/messages';
import type { Result } from '../../data/result';

/** One paper named by a reference, with what the dataset knows about it. */
export interface PaperEntry {
  /** Canonical id of the paper (`kst-34352-349`). */
  id: string;
  /** Null when the dataset does not know the id (or the lookup failed). May be a stub record. */
  document: CardDocument | null;
  dossierTitle: string | null;
}

/** Everything one popover card shows, resolved from a lookup. */
export interface CardModel {
  citation: Citation;
  /** One entry per id of the citation, in order. */
  papers: PaperEntry[];
  /** False when the lookup itself failed: the card then explains the reference from its text alone. */
  lookupOk: boolean;
  /** Titles of documents that cite these papers, by document id; null when the title is unknown. */
  citingTitles: Record<string, string | null>;
  /** The data is still being imported for the first time: a paper not found may be there soon. */
  dataPending?: boolean;
}

/** What the popover shows right now. */
export type PopoverContent =
  | { status: 'loading'; citation: Citation }
  | { status: 'ready'; citation: Citation; card: CardModel };

/** Hover-only cards are non-modal tooltips; pinned or touched cards are interactive dialogs. */
export type PopoverMode = 'tooltip' | 'dialog';

/** What the card's buttons do; the content script supplies the real ones. */
export interface PopoverActions {
  /** Open the side panel at a document, optionally at one question; resolves with how it went. */
  openSidePanel(documentId: string, question?: string): Promise<Result<SidePanelOutcome>>;
  /** Copy text to the clipboard; resolves false when every method failed. */
  copyText(text: string): Promise<boolean>;
  /** Close the popover (returning focus to the reference). */
  close(): void;
}

/** A paper the dataset describes in full (not a stub). */
export function isFound(paper: PaperEntry): paper is PaperEntry & { document: CardDocument } {
  return paper.document !== null && !paper.document.stub;
}

/** The id the dialog's `aria-labelledby` points at (one popover per page). */
export const POPOVER_TITLE_ID = 'kamerlens-popover-title';
