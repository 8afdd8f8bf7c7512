/**
 * Search-as-you-type over the dataset for linking a note to a document: references typed or
 * selected ("34352 nr 349", "kst-34352-349", "2024Z15690") resolve through the recognizer and the
 * id index; other words go through the stored search index (its postings for the query's stems),
 * and only the best-ranked records are read, to keep those whose title, citation or ids hold every
 * word. No keystroke reads every record.
 */
import { findCitations } from '../citations';
import { isWellFormedId } from '../citations/ids';
import type { DocumentRecord } from '../dataset/types';
import { catalogId } from '../search/catalog';
import type { OpenedIndex } from '../search/open-segments';
import { foldText } from '../search/tokenize';
import type { KamerlensDB } from './kamerlens-db';
import { readDocuments, resolveDocuments } from './resolve-documents';
import { openStoredIndex } from './search-segments';

/** One document a note can be linked to. */
export interface DocumentSuggestion {
  id: string;
  title: string | null;
  /** Official citation, when the document's number is known. */
  citation: string | null;
  stub: boolean;
}

/** Most suggestions returned. */
const MAX_SUGGESTIONS = 10;
/** Ranked search results whose records are read to find the suggestions among them. */
const CANDIDATES = 30;

function suggestionOf(doc: DocumentRecord): DocumentSuggestion {
  return { id: doc.id, title: doc.title, citation: doc.citation, stub: doc.stub };
}

/** Full documents before stubs, then by id: a stable, useful order for documents named by reference. */
function byKindThenId(a: DocumentRecord, b: DocumentRecord): number {
  return Number(a.stub) - Number(b.stub) || a.id.localeCompare(b.id);
}

let opened: { key: string; index: Promise<OpenedIndex> } | null = null;

/**
 * The stored search index, opened once per dataset and set of packs (each changes what it holds).
 * Opening reads the catalogs and segments, not the documents; searches then read postings by stem.
 */
async function storedIndex(db: KamerlensDB): Promise<OpenedIndex> {
  const [meta, packs] = await Promise.all([db.meta.get('dataset'), db.packs.toArray()]);
  const version = meta && 'datasetVersion' in meta ? meta.datasetVersion : '';
  const loaded = packs.map((p) => `${p.id}@${p.version}@${p.importedAt}`).sort();
  const key = [db.name, version, ...loaded].join('|');
  if (opened?.key !== key) {
    const index = openStoredIndex(db).then((library) => library.index());
    opened = { key, index };
    // A failed open is not kept: the next keystroke tries again.
    index.catch(() => {
      if (opened?.index === index) opened = null;
    });
  }
  return opened.index;
}

/** Whether every folded word occurs in the document's title, citation or ids. */
function holdsEvery(doc: DocumentRecord, words: readonly string[]): boolean {
  const folded = foldText([doc.title ?? '', doc.citation ?? '', doc.id, ...doc.ids].join(' '));
  return words.every((word) => folded.includes(word));
}

/** Documents matching `query`: referenced ones first, then title/citation/id matches, best ranked first. */
export async function suggestDocuments(db: KamerlensDB, query: string): Promise<DocumentSuggestion[]> {
  const trimmed = query.trim().slice(0, 300);
  if (trimmed.length === 0) return [];
  const wanted = new Set(findCitations(trimmed).flatMap((c) => c.ids));
  if (isWellFormedId(trimmed)) wanted.add(trimmed);
  const out: DocumentSuggestion[] = [];
  const seen = new Set<string>();
  const add = (doc: DocumentRecord) => {
    if (seen.has(doc.id) || out.length >= MAX_SUGGESTIONS) return;
    seen.add(doc.id);
    out.push(suggestionOf(doc));
  };
  if (wanted.size > 0) {
    const found = await resolveDocuments(db, [...wanted]);
    for (const doc of [...new Set(found.values())].sort(byKindThenId)) add(doc);
  }
  const words = foldText(trimmed)
    .split(/\s+/)
    .filter((w) => w.length > 0);
  if (words.join('').length >= 2 && out.length < MAX_SUGGESTIONS) {
    const index = await storedIndex(db);
    const outcome = await index.search(trimmed, { limit: CANDIDATES, passagesPerDoc: 0 });
    const ids = outcome.top.map((hit) => catalogId(index.catalog, hit.doc));
    const rows = await readDocuments(db, ids);
    for (const id of ids) {
      const doc = rows.get(id);
      if (doc && holdsEvery(doc, words)) add(doc);
    }
  }
  return out;
}
