/**
 * The pipeline's view of the reference recognizer (data/citations): finding references in text and
 * describing an id. Passed in as a value so tests can run the pipeline with a recognizer of their own.
 */
import { findCitations, formatCitation, officialUrl, parseCanonicalId } from '../../citations';
import type { Citation, CitationIdentity } from '../../citations/types';

/** The recognizer functions the pipeline uses. */
export interface Recognizer {
  find(text: string): Citation[];
  /** What a canonical id says (kind, chamber, year, dossier, numbers), or null. */
  identity(id: string): CitationIdentity | null;
  /** Official citation style for an identity, with the session year and chamber when known. */
  format(identity: CitationIdentity): string | null;
  /** Public URL of the document an id names, or null. */
  url(id: string): string | null;
}

/** The project's recognizer. */
export const defaultRecognizer: Recognizer = {
  find: findCitations,
  identity: parseCanonicalId,
  format: (identity) => formatCitation({ ...identity, ids: [identity.id] }) || null,
  url: officialUrl,
};
