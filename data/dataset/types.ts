/**
 * The dataset contract: what `npm run data:build` writes and what the extension imports.
 * The pipeline (data/pipeline) produces it; the DB layer (data/db) and the UI consume it.
 * Change a field here and the schema validator, the importer and the UI change with it.
 */
import type { Citation } from '../citations/types';

/**
 * Bumped whenever the shape below changes incompatibly.
 * Fields marked optional (`?`) may be absent from a valid dataset (the validator checks them only
 * when present); `npm run data:build` always writes them.
 */
export const DATASET_SCHEMA_VERSION = 1;

/** `antwoord`: answers to written questions; `brief`: a letter to parliament. */
export type DocumentType = 'antwoord' | 'brief';

/** A person named in a document: a minister, state secretary or member of parliament. */
export interface Person {
  name: string;
  /** e.g. `minister`, `staatssecretaris`, `lid` */
  role: string | null;
  /** e.g. `Werk en Participatie`, `Sociale Zaken en Werkgelegenheid` (office) */
  portfolio: string | null;
  /** For members: the party (`VVD`). */
  party: string | null;
}

/** A news article that written questions are about. */
export interface NewsArticle {
  title: string;
  outlet: string | null;
  /** ISO date. */
  date: string | null;
  /** Link to the article as printed in the document's own footnote, when it gives one. */
  url?: string | null;
}

/** One question with its answer. Shared answers carry the numbers that share them. */
export interface QaItem {
  /** The question number as printed (`1`, `3`). */
  number: string;
  question: string;
  /** One-line form of the question for the popover. */
  questionShort: string;
  /** Null when no answer was found (then `flags` says so). */
  answer: string | null;
  /** All question numbers answered by the same answer text, e.g. ["3","4","5"]; [] when not shared. */
  sharedWith: string[];
  /** When the answer refers elsewhere ("Zie hierboven."): the question number it points at, if resolvable. */
  refersTo: string | null;
  /** Problems found while parsing, e.g. `no-answer`. */
  flags: string[];
}

/** A section of a letter. */
export interface Section {
  heading: string | null;
  /** Paragraphs of cleaned text (de-hyphenated, furniture removed). */
  paragraphs: string[];
}

/** A footnote (or trailing endnote, numbered `1)`) of a document. */
export interface Footnote {
  number: string;
  text: string;
  /** Where it annotates: the sentence carrying the footnote mark. */
  anchor: string | null;
}

/** An outgoing reference found inside a document. */
export interface ReferenceRecord {
  ids: string[];
  raw: string;
  kind: Citation['kind'];
  /** The sentence around the reference. */
  context: string;
  /** What the text calls the cited document, where it names it. */
  citedAs: string | null;
  /** Where in the citing document: a question number, section heading or footnote number. */
  location: { qa?: string; section?: string; footnote?: string } | null;
  /** Record id each of `ids` resolves to in this dataset (a full document or a stub), same order. */
  targets?: string[];
}

/** One place in the dataset that cites a document. */
export interface CitedByRecord {
  /** Id of the citing document. */
  documentId: string;
  /** Question number when the citation sits in a question/answer. */
  qa: string | null;
  /** The citing sentence. */
  context: string;
  raw: string;
  /** What the citing text calls this document, where it names it. */
  citedAs?: string | null;
  /** Where in the citing document (same shape as `ReferenceRecord.location`). */
  location?: ReferenceRecord['location'];
}

/** A document record: a full document from `data/sources/`, or a stub for one cited but not present. */
export interface DocumentRecord {
  /** Canonical id when known, otherwise a stable local id (`local-<source>`). */
  id: string;
  /** Every known identifier: `kst-…`, `ah-tk-…`, `2024D…`, `2024Z…`. */
  ids: string[];
  stub: boolean;
  /** Source file name; null for stubs. */
  source: string | null;
  /** For stubs: the kind of the reference (`kamerstuk`, `aanhangsel`, …). */
  type: DocumentType | Citation['kind'];
  title: string | null;
  /** ISO date; null when unknown. */
  date: string | null;
  authors: Person[];
  /** Members who asked (answers only). */
  askedBy: Person[];
  /** Date the questions were submitted (answers only). */
  submitted: string | null;
  newsArticle: NewsArticle | null;
  chamber: Citation['chamber'];
  vergaderjaar: string | null;
  dossier: string | null;
  dossierSuffix: string | null;
  /** Title of the dossier (`dossier` + `dossierSuffix`), when known from public records. */
  dossierTitle?: string | null;
  /** Official citation (Aanwijzingen 3.43) when the document's number is known. */
  citation: string | null;
  /** Official source URL derived from the id, when known. */
  officialUrl: string | null;
  summary: string | null;
  summarySource: 'editorial' | 'extractive' | null;
  keyPoints: string[];
  qa: QaItem[];
  sections: Section[];
  footnotes: Footnote[];
  references: ReferenceRecord[];
  citedBy: CitedByRecord[];
  /** Where the metadata of a full document came from; null for stubs. */
  provenance?: RecordProvenance | null;
  /** The kind as the Tweede Kamer's open data names it (`Motie`, `Brief regering`), when known. */
  kind?: DocumentKind | null;
  /** The paper's own subject (`onderwerp`) when it differs from `title`. */
  subject?: string | null;
  /** To whom the paper is addressed (open data actors with relation `Geaddresseerde`). */
  addressees?: Person[];
  /** The cases (zaken) the paper belongs to. */
  zaken?: ZaakRecord[];
}

/** A document kind (`soort`) with a Dutch and an English label; an unknown soort keeps its own label. */
export interface DocumentKind {
  /** The soort exactly as the Kamer sends it. */
  soort: string;
  /** Group for filtering: `brief`, `antwoord`, `vragen`, `motie`, `amendement`, …, or `onbekend`. */
  group: string;
  nl: string;
  en: string;
}

/** A case (zaak) of the Tweede Kamer and the papers that belong to it. */
export interface ZaakRecord {
  /** The zaak number, `2024Z15690`. */
  id: string;
  /** e.g. `Schriftelijke vragen`, `Motie`. */
  soort: string | null;
  /** The zaak's subject. */
  title: string | null;
  /** Ids of the other papers of this zaak (record ids where the dataset has them). */
  documents: string[];
}

/** Provenance of a full document's identifiers, title and date. */
interface RecordProvenance {
  /** Where the identifiers come from (the source manifest's note), or null when none are known. */
  identifiers: string | null;
  /** `text`: the document itself; `manifest`: the source manifest; `opendata`: the Kamer's open data. */
  title: 'text' | 'manifest' | 'opendata' | null;
  date: 'text' | 'manifest' | 'opendata' | null;
}

/** A dossier and its title, as known from public records. */
export interface DossierRecord {
  /** `34352` or `36600-XV` */
  id: string;
  title: string;
  /** Where the title comes from, and any caveat (e.g. not the full official title). */
  provenance?: string;
}

/** The dataset file. Byte-for-byte reproducible: no build timestamps. */
export interface DatasetFile {
  schemaVersion: number;
  /** Short version string derived from the content hash. */
  datasetVersion: string;
  /** sha256 of the canonical JSON of `documents` and `dossiers`. */
  contentHash: string;
  sources: { file: string; sha256: string }[];
  documents: DocumentRecord[];
  dossiers: DossierRecord[];
}
