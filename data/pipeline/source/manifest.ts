/**
 * The source manifest (`data/sources/manifest.json`): per source file, the identifiers, title and
 * date known from public records, with where they come from; and the titles of dossiers. Anything
 * not known is left out or null; the pipeline never fills it in by guessing.
 */
import { lineAt, parseJsonSource, SourceError } from './source-error';

/** What public records say about one source document. */
export interface ManifestDocument {
  source: string;
  /** Known identifiers, canonical id first (`kst-…`, `ah-tk-…`), then registry numbers. Empty when unknown. */
  ids: string[];
  title: string | null;
  /** ISO date. */
  date: string | null;
  /** `TK` / `EK` / `VV` when known from public records (the canonical id may not say it). */
  chamber: 'TK' | 'EK' | 'VV' | null;
  /** Session year `2024-2025` when known from public records. */
  vergaderjaar: string | null;
  /** Where the identifiers, title and date come from. */
  provenance: string;
}

/** A dossier title from public records. */
interface ManifestDossier {
  /** `34352`, `36600-XV`. */
  id: string;
  title: string;
  provenance: string;
}

/** The whole source manifest. */
export interface Manifest {
  documents: ManifestDocument[];
  dossiers: ManifestDossier[];
}

/** File name of the manifest inside a sources folder. */
export const MANIFEST_FILE = 'manifest.json';

/** Parse and check the manifest text; errors name the manifest file and line. */
export function parseManifest(text: string, file = MANIFEST_FILE): Manifest {
  const json = parseJsonSource(text, file);
  const fail = (where: string, problem: string, near?: string): never => {
    throw new SourceError(file, near ? lineOf(text, text.indexOf(near)) : 1, `${where}: ${problem}`);
  };
  const root = asRecord(json) ?? fail('manifest', 'must be an object with "documents" and "dossiers"');
  onlyKeys(root, ['$comment', 'documents', 'dossiers'], 'manifest', fail);
  const documents = (
    Array.isArray(root.documents) ? root.documents : fail('manifest', '"documents" must be a list')
  ).map((value, i) => readDocument(value, `documents[${i}]`, fail));
  const dossiers = (
    Array.isArray(root.dossiers) ? root.dossiers : fail('manifest', '"dossiers" must be a list')
  ).map((value, i) => readDossier(value, `dossiers[${i}]`, fail));
  const seen = new Set<string>();
  for (const doc of documents) {
    if (seen.has(doc.source)) fail('documents', `source ${doc.source} is listed twice`, `"${doc.source}"`);
    seen.add(doc.source);
  }
  const ids = new Set<string>();
  for (const id of documents.flatMap((doc) => doc.ids)) {
    if (ids.has(id)) fail('documents', `id ${id} belongs to two sources`, `"${id}"`);
    ids.add(id);
  }
  return { documents, dossiers };
}

type Fail = (where: string, problem: string, near?: string) => never;

function readDocument(value: unknown, where: string, fail: Fail): ManifestDocument {
  const entry = asRecord(value) ?? fail(where, 'must be an object');
  onlyKeys(entry, ['source', 'ids', 'title', 'date', 'chamber', 'vergaderjaar', 'provenance'], where, fail);
  const source =
    typeof entry.source === 'string' && /^[\w.-]+\.txt$/.test(entry.source)
      ? entry.source
      : fail(where, '"source" must be a .txt file name');
  const near = `"${source}"`;
  const ids =
    Array.isArray(entry.ids) && entry.ids.every((id) => typeof id === 'string' && id !== '')
      ? (entry.ids as string[])
      : fail(where, '"ids" must be a list of strings', near);
  const title =
    entry.title === null || (typeof entry.title === 'string' && entry.title !== '')
      ? (entry.title as string | null)
      : fail(where, '"title" must be a string or null', near);
  const date =
    entry.date === null || (typeof entry.date === 'string' && isIsoDate(entry.date))
      ? (entry.date as string | null)
      : fail(where, '"date" must be an ISO date (YYYY-MM-DD) or null', near);
  const chamber =
    entry.chamber === undefined || entry.chamber === null
      ? null
      : ['TK', 'EK', 'VV'].includes(entry.chamber as string)
        ? (entry.chamber as 'TK' | 'EK' | 'VV')
        : fail(where, '"chamber" must be TK, EK, VV or null', near);
  const vergaderjaar =
    entry.vergaderjaar === undefined || entry.vergaderjaar === null
      ? null
      : typeof entry.vergaderjaar === 'string' && /^(\d{4})-(\d{4})$/.test(entry.vergaderjaar)
        ? entry.vergaderjaar
        : fail(where, '"vergaderjaar" must look like 2024-2025', near);
  const provenance =
    typeof entry.provenance === 'string' && entry.provenance.trim() !== ''
      ? entry.provenance
      : fail(where, '"provenance" must say where the facts come from', near);
  return { source, ids, title, date, chamber, vergaderjaar, provenance };
}

function readDossier(value: unknown, where: string, fail: Fail): ManifestDossier {
  const entry = asRecord(value) ?? fail(where, 'must be an object');
  onlyKeys(entry, ['id', 'title', 'provenance'], where, fail);
  const id =
    typeof entry.id === 'string' && /^\d{4,6}(?:-[A-Z0-9]{1,5})?$/.test(entry.id)
      ? entry.id
      : fail(where, '"id" must look like 34352 or 36600-XV');
  const title =
    typeof entry.title === 'string' && entry.title !== ''
      ? entry.title
      : fail(where, '"title" must be a string', `"${id}"`);
  const provenance =
    typeof entry.provenance === 'string' && entry.provenance !== ''
      ? entry.provenance
      : fail(where, '"provenance" is required', `"${id}"`);
  return { id, title, provenance };
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

function onlyKeys(entry: Record<string, unknown>, allowed: string[], where: string, fail: Fail): void {
  for (const key of Object.keys(entry))
    if (!allowed.includes(key)) fail(where, `unknown field "${key}"`, `"${key}"`);
}

/** `YYYY-MM-DD` naming a real day. */
function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

function lineOf(text: string, offset: number): number {
  return offset < 0 ? 1 : lineAt(text, offset);
}
