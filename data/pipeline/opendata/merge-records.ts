/**
 * Merging open-data records into the records built from the source documents. A paper known to
 * both becomes one record: text, questions and summaries from the source, metadata reconciled.
 * Where both have a value and they differ, the existing record's value is kept and the conflict
 * reported; open data fills only what the record lacks. An id already owned by another record is
 * not moved (ids stay unique) and the clash is reported.
 */
import type { DocumentRecord } from '../../dataset/types';
import type { OpenDataReport } from './build-report';

const OFFICIAL = /^(?:kst|ah)-/;
const COMPARED = ['title', 'date', 'vergaderjaar', 'dossier', 'dossierSuffix'] as const;

/** Records after the merge, and which record id each open-data id ended up in. */
export interface MergeResult {
  documents: DocumentRecord[];
  /** Open-data record id → the id of the record that holds it now. */
  finalId: Map<string, string>;
}

/** Merge `incoming` into `existing` (whose order is kept; new records follow, sorted by id). */
export function mergeRecords(
  existing: DocumentRecord[],
  incoming: DocumentRecord[],
  report: OpenDataReport,
): MergeResult {
  const documents = existing.map((record) => ({ ...record }));
  const owner = new Map<string, DocumentRecord>();
  for (const record of documents) for (const id of record.ids) owner.set(id, record);
  const finalId = new Map<string, string>();
  const added: DocumentRecord[] = [];
  for (const record of incoming) {
    const matches = [...new Set(record.ids.map((id) => owner.get(id)).filter((r) => r !== undefined))];
    // Stubs first lose to full documents; among equals the first id (the official one) decides.
    matches.sort((a, b) => Number(a.stub) - Number(b.stub));
    const target = matches[0];
    if (!target) {
      added.push(record);
      finalId.set(record.id, record.id);
      continue;
    }
    if (matches.length > 1)
      report.conflicts.push(
        `${record.id} matches ${matches.map((m) => m.id).join(' and ')}; merged into ${target.id} only`,
      );
    if (target.stub) report.filledStubs += 1;
    else report.mergedWithSource += 1;
    mergeInto(target, record, owner, report);
    finalId.set(record.id, target.id);
  }
  for (const record of added) {
    for (const id of record.ids) owner.set(id, record);
  }
  added.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  report.added += added.length;
  return { documents: [...documents, ...added], finalId };
}

function mergeInto(
  target: DocumentRecord,
  record: DocumentRecord,
  owner: Map<string, DocumentRecord>,
  report: OpenDataReport,
): void {
  const targetOfficial = target.ids.find((id) => OFFICIAL.test(id));
  const ids = [...target.ids];
  for (const id of record.ids) {
    const holder = owner.get(id);
    if (holder === target) continue;
    if (holder)
      report.conflicts.push(`${target.id}: id ${id} from open data belongs to ${holder.id}; not added`);
    else if (OFFICIAL.test(id) && targetOfficial && id !== targetOfficial)
      report.conflicts.push(`${target.id}: open data names it ${id}; kept ${targetOfficial}`);
    else {
      ids.push(id);
      owner.set(id, target);
    }
  }
  target.ids = ids;
  for (const key of COMPARED) {
    const mine = target[key];
    const theirs = record[key];
    if (mine === null || mine === undefined) target[key] = theirs;
    else if (theirs !== null && normalized(mine) !== normalized(theirs))
      report.conflicts.push(`${target.id} ${key}: "${mine}" kept, open data says "${theirs}"`);
  }
  target.dossierTitle ??= record.dossierTitle ?? null;
  target.citation ??= record.citation;
  target.officialUrl ??= record.officialUrl;
  if (target.authors.length === 0) target.authors = record.authors;
  if (target.askedBy.length === 0) target.askedBy = record.askedBy;
  target.kind ??= record.kind ?? null;
  target.subject ??= record.subject !== target.title ? (record.subject ?? null) : null;
  if (!target.addressees?.length) target.addressees = record.addressees ?? [];
  if (!target.zaken?.length) target.zaken = record.zaken ?? [];
  if (target.stub) target.provenance ??= record.provenance ?? null;
}

function normalized(value: string): string {
  return value.replace(/\s+/g, ' ').trim().toLowerCase();
}
