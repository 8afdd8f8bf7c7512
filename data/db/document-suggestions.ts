/**
 * Search-as-you-type over the dataset for linking a note to a document: references typed or
 * selected ("34352 nr 349", "kst-34352-349", "2024Z15690") resolve through the recognizer and the
 * id index; other words match titles, citations and ids (case and accents folded). The compact
 * title list is cached per dataset version, so a keystroke never reads every full record.
 */
import { findCitations } from '../citations';
import { isWellFormedId } from '../citations/ids';
import type { DocumentRecord } from '../dataset/types';
import { foldText } from '../search/tokenize';
import type { KamerlensDB } from './kamerlens-db';

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

interface Entry extends DocumentSuggestion {
  ids: string[];
  folded: string;
}

let cache: { version: string; entries: Entry[] } | null = null;

function suggestionOf(doc: DocumentRecord): DocumentSuggestion {
  return { id: doc.id, title: doc.title, citation: doc.citation, stub: doc.stub };
}

async function entries(db: KamerlensDB): Promise<Entry[]> {
  const meta = await db.meta.get('dataset');
  const version = `${db.name}|${(meta && 'datasetVersion' in meta ? meta.datasetVersion : null) ?? ''}`;
  if (cache === null || cache.version !== version) {
    const list: Entry[] = [];
    await db.documents.each((doc) => {
      list.push({
        ...suggestionOf(doc),
        ids: doc.ids,
        folded: foldText([doc.title ?? '', doc.citation ?? '', doc.id, ...doc.ids].join(' ')),
      });
    });
    // Full documents before stubs, then by id: a stable, useful order for equal matches.
    list.sort((a, b) => Number(a.stub) - Number(b.stub) || a.id.localeCompare(b.id));
    cache = { version, entries: list };
    return list;
  }
  return cache.entries;
}

/** Documents matching `query`: referenced ones first, then title/citation/id matches. */
export async function suggestDocuments(db: KamerlensDB, query: string): Promise<DocumentSuggestion[]> {
  const trimmed = query.trim().slice(0, 300);
  if (trimmed.length === 0) return [];
  const all = await entries(db);
  const wanted = new Set(findCitations(trimmed).flatMap((c) => c.ids));
  if (isWellFormedId(trimmed)) wanted.add(trimmed);
  const out: DocumentSuggestion[] = [];
  const seen = new Set<string>();
  const add = (entry: Entry) => {
    if (seen.has(entry.id) || out.length >= MAX_SUGGESTIONS) return;
    seen.add(entry.id);
    out.push({ id: entry.id, title: entry.title, citation: entry.citation, stub: entry.stub });
  };
  if (wanted.size > 0)
    for (const entry of all) if (entry.ids.some((id) => wanted.has(id)) || wanted.has(entry.id)) add(entry);
  const words = foldText(trimmed)
    .split(/\s+/)
    .filter((w) => w.length > 0);
  if (words.join('').length >= 2) {
    for (const entry of all) {
      if (out.length >= MAX_SUGGESTIONS) break;
      if (words.every((word) => entry.folded.includes(word))) add(entry);
    }
  }
  return out;
}
