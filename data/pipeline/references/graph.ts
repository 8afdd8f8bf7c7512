/**
 * The citation graph. Every id a document cites resolves to a full record (by any of its ids) or to a
 * stub made for it; every record lists who cites it (`citedBy`). A stub carries what its id and the
 * citing texts say (kind, chamber, year, dossier and its title), the official citation and URL.
 */
import type { Citation } from '../../citations/types';
import type { CitedByRecord, DocumentRecord } from '../../dataset/types';
import { textlessRecord } from '../record/textless-record';
import type { Recognizer } from './pipeline-recognizer';
import type { FoundReference } from './references';

/** A parsed full document with the citations behind its references (same order). */
export interface LinkInput {
  record: DocumentRecord;
  found: FoundReference[];
}

/** Link `documents`: fill `targets` and `citedBy`, add stubs. Returns full records (in order), then stubs by id. */
export function linkDocuments(
  documents: LinkInput[],
  dossierTitle: (dossier: string | null, suffix: string | null) => string | null,
  recognizer: Recognizer,
): DocumentRecord[] {
  const owner = new Map<string, DocumentRecord>();
  for (const { record } of documents) {
    for (const id of new Set([record.id, ...record.ids])) {
      const other = owner.get(id);
      if (other && other !== record)
        throw new Error(`id ${id} belongs to both ${other.source} and ${record.source}`);
      owner.set(id, record);
    }
  }
  const stubs = new Map<string, { record: DocumentRecord; citations: Citation[] }>();
  for (const { record, found } of documents) {
    record.references = found.map(({ record: reference, citation }) => {
      const targets = reference.ids.map((id) => {
        const full = owner.get(id);
        if (full) return { target: full, id: full.id };
        const stub = stubs.get(id) ?? { record: newStub(id, citation, recognizer), citations: [] };
        stubs.set(id, stub);
        stub.citations.push(citation);
        return { target: stub.record, id };
      });
      for (const { target } of targets) {
        if (target === record) continue;
        target.citedBy.push(citedBy(record.id, reference));
      }
      return { ...reference, targets: targets.map((t) => t.id) };
    });
  }
  const stubRecords = [...stubs.values()].map(({ record, citations }) => {
    completeStub(record, citations, recognizer);
    record.dossierTitle = dossierTitle(record.dossier, record.dossierSuffix);
    return record;
  });
  stubRecords.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return [...documents.map((d) => d.record), ...stubRecords];
}

function citedBy(documentId: string, reference: DocumentRecord['references'][number]): CitedByRecord {
  return {
    documentId,
    qa: reference.location?.qa ?? null,
    context: reference.context,
    raw: reference.raw,
    citedAs: reference.citedAs,
    location: reference.location,
  };
}

function newStub(id: string, citation: Citation, recognizer: Recognizer): DocumentRecord {
  const identity = recognizer.identity(id);
  return textlessRecord({
    id,
    ids: [id],
    type: identity?.kind ?? citation.kind,
    title: null,
    date: null,
    authors: [],
    askedBy: [],
    chamber: identity?.chamber ?? null,
    vergaderjaar: identity?.vergaderjaar ?? null,
    dossier: identity?.dossier ?? null,
    dossierSuffix: identity?.dossierSuffix ?? null,
    dossierTitle: null,
    citation: null,
    officialUrl: recognizer.url(id),
    provenance: null,
  });
}

// Chamber and year come from the citing texts when the id does not say them; texts that disagree
// leave the field unknown rather than picking one.
function completeStub(record: DocumentRecord, citations: Citation[], recognizer: Recognizer): void {
  record.chamber ??= agreed(citations.map((c) => c.chamber));
  record.vergaderjaar ??= agreed(citations.map((c) => c.vergaderjaar));
  const identity = recognizer.identity(record.id);
  if (identity) {
    record.citation = recognizer.format({
      ...identity,
      chamber: record.chamber,
      vergaderjaar: record.vergaderjaar,
    });
  }
}

function agreed<T>(values: (T | null)[]): T | null {
  const known = [...new Set(values.filter((value): value is T => value !== null))];
  return known.length === 1 ? (known[0] as T) : null;
}
