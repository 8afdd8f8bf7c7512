/** Assembling a `Citation` from parsed parts, with its fields in the documented order. */
import type { Chamber, Citation, CitationKind } from './types';

/** Everything of a citation except its position in the text. */
export interface CitationParts {
  kind: CitationKind;
  chamber: Chamber | null;
  vergaderjaar: string | null;
  dossier: string | null;
  dossierSuffix: string | null;
  rijkswet: string | null;
  numbers: string[];
  item: string | null;
  pages: string | null;
  ids: string[];
  chamberInferred?: true;
  alternativeIds?: string[];
}

/** A citation spanning `text.slice(start, end)`. */
export function makeCitation(text: string, parts: CitationParts, start: number, end: number): Citation {
  const citation: Citation = {
    kind: parts.kind,
    chamber: parts.chamber,
    vergaderjaar: parts.vergaderjaar,
    dossier: parts.dossier,
    dossierSuffix: parts.dossierSuffix,
    rijkswet: parts.rijkswet,
    numbers: parts.numbers,
    item: parts.item,
    pages: parts.pages,
    ids: parts.ids,
    raw: text.slice(start, end),
    start,
    end,
  };
  if (parts.chamberInferred) {
    citation.chamberInferred = true;
    citation.alternativeIds = parts.alternativeIds ?? [];
  }
  return citation;
}

/** Parts with every optional field empty, for the given kind and ids. */
export function emptyParts(kind: CitationKind, ids: string[]): CitationParts {
  return {
    kind,
    chamber: null,
    vergaderjaar: null,
    dossier: null,
    dossierSuffix: null,
    rijkswet: null,
    numbers: [],
    item: null,
    pages: null,
    ids,
  };
}
