/**
 * A record without text: a stub (an id only cited) or a paper known from open data. It has
 * metadata and nothing that needs the text: no summary, questions, sections, footnotes or
 * outgoing references. `citedBy` is filled later, when the citation graph is linked.
 */
import type { DocumentRecord } from '../../dataset/types';

/** What differs between text-less records: identity and metadata. */
export type TextlessFields = Pick<
  DocumentRecord,
  | 'id'
  | 'ids'
  | 'type'
  | 'title'
  | 'date'
  | 'authors'
  | 'askedBy'
  | 'chamber'
  | 'vergaderjaar'
  | 'dossier'
  | 'dossierSuffix'
  | 'dossierTitle'
  | 'citation'
  | 'officialUrl'
  | 'provenance'
> &
  Partial<Pick<DocumentRecord, 'kind' | 'subject' | 'addressees' | 'zaken'>>;

/** The full record for `fields`, every text-derived field empty. */
export function textlessRecord(fields: TextlessFields): DocumentRecord {
  const { id, ids, type, ...rest } = fields;
  return {
    id,
    ids,
    stub: true,
    source: null,
    type,
    title: rest.title,
    date: rest.date,
    authors: rest.authors,
    askedBy: rest.askedBy,
    submitted: null,
    newsArticle: null,
    chamber: rest.chamber,
    vergaderjaar: rest.vergaderjaar,
    dossier: rest.dossier,
    dossierSuffix: rest.dossierSuffix,
    dossierTitle: rest.dossierTitle,
    citation: rest.citation,
    officialUrl: rest.officialUrl,
    summary: null,
    summarySource: null,
    keyPoints: [],
    qa: [],
    sections: [],
    footnotes: [],
    references: [],
    citedBy: [],
    provenance: rest.provenance,
    ...(rest.kind !== undefined && { kind: rest.kind }),
    ...(rest.subject !== undefined && { subject: rest.subject }),
    ...(rest.addressees !== undefined && { addressees: rest.addressees }),
    ...(rest.zaken !== undefined && { zaken: rest.zaken }),
  };
}
