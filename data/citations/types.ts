/** What the recognizer returns: one recognized reference in a text. */

/** Kinds of parliamentary reference. */
export type CitationKind = 'kamerstuk' | 'dossier' | 'handelingen' | 'aanhangsel' | 'zaak' | 'document';

/** Tweede Kamer, Eerste Kamer, or the joint session (Verenigde Vergadering). */
export type Chamber = 'TK' | 'EK' | 'VV';

/** One recognized reference. Offsets are UTF-16 code units into the scanned text. */
export interface Citation {
  kind: CitationKind;
  /** When the text states it (or the id format implies it, as `ah-tk-…`), or inferred (`chamberInferred`). */
  chamber: Chamber | null;
  /** Normalized `2025-2026`, or null when the text does not state it. */
  vergaderjaar: string | null;
  /** Dossier number, digits only (`34352`). */
  dossier: string | null;
  /** Budget chapter, sub-dossier or letter after the dossier: `XV`, `32`, `B`. */
  dossierSuffix: string | null;
  /** Rijkswet number in brackets (`R2101`); never part of the id. */
  rijkswet: string | null;
  /** One entry per paper (`["601","603","605"]`); ranges expanded. For handelingen/aanhangsel: the nr. */
  numbers: string[];
  /** Handelingen item number. */
  item: string | null;
  /** Pinpoint as written after normalizing dashes/spaces (`7`, `12-13`, `12 en 13`), or null. */
  pages: string | null;
  /** One canonical id per paper: `kst-34352-349`, `dossier-36600-XV`, `ah-tk-20242025-520`, `2024Z15690`. */
  ids: string[];
  /** The matched text, exactly `text.slice(start, end)`. */
  raw: string;
  start: number;
  end: number;
  /** Set when the text names no chamber and `chamber` is the far more likely reading (Aanhangsel: TK). */
  chamberInferred?: true;
  /** The other readings' ids when the chamber was inferred (`ah-ek-…`), so they stay findable. */
  alternativeIds?: string[];
}

/** What a canonical id alone tells about a reference (no position, no pinpoint): see `parseCanonicalId`. */
export type CitationIdentity = Pick<
  Citation,
  'kind' | 'chamber' | 'vergaderjaar' | 'dossier' | 'dossierSuffix' | 'numbers' | 'item'
> & {
  /** The id it was parsed from, normalized (version suffix `-n1` removed). */
  id: string;
};
