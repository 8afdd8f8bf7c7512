/**
 * Metadata-only documents for the panel benchmark, shaped like the open-data records (a title, a
 * short summary, authors and askers, a kind, a date, a dossier; no text), generated in the page from
 * a vocabulary the bench passes in (the seed texts' words, Zipf-distributed), so hundreds of
 * thousands of records are never sent as JSON. Pure: bundled into the page by _db-in-chromium.ts.
 */
import {
  DATASET_SCHEMA_VERSION,
  type DatasetFile,
  type DocumentRecord,
  type DossierRecord,
} from '../../data/dataset/types';
import { seededRandom, zipfSampler } from '../../tests/fixtures/random';

/** Dossiers the generated documents fall in (one per ~40 documents, as in the open data). */
const dossierCount = (count: number) => Math.max(10, Math.floor(count / 40));

/** Canonical id and aliases of the n-th generated document. */
export function panelDocumentIds(n: number, count: number): { id: string; aliases: string[] } {
  const dossier = 30000 + (n % dossierCount(count));
  const serial = String(n).padStart(6, '0');
  return { id: `kst-${dossier}-${Math.floor(n / dossierCount(count)) + 1}`, aliases: [`2024D${serial}`] };
}

/** `count` metadata-only documents and their dossiers over `words` (most frequent first). */
export function panelDataset(count: number, words: readonly string[], seed = 2026): DatasetFile {
  const next = seededRandom(seed);
  const draw = zipfSampler(words, next);
  const word = () => draw() || 'woord';
  const sentence = (n: number) => Array.from({ length: n }, word).join(' ');
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const names = Array.from({ length: 3000 }, (_, i) => `${word()} ${word()} ${i}`);
  const person = (role: string) => ({
    name: names[int(0, names.length - 1)] ?? '',
    role,
    portfolio: null,
    party: null,
  });
  const documents: DocumentRecord[] = [];
  for (let n = 0; n < count; n++) {
    const { id, aliases } = panelDocumentIds(n, count);
    const answer = n % 5 < 2;
    const year = 2010 + (n % 16);
    documents.push({
      id,
      ids: [id, ...aliases],
      stub: false,
      source: `opendata-${n}.xml`,
      type: answer ? 'antwoord' : 'brief',
      title: `${answer ? 'Antwoord op vragen over' : 'Brief over'} ${sentence(int(4, 10))}`,
      date: `${year}-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`,
      authors: [person('minister')],
      askedBy: answer ? [person('lid')] : [],
      submitted: null,
      newsArticle: null,
      chamber: 'TK',
      vergaderjaar: null,
      dossier: id.split('-')[1] ?? null,
      dossierSuffix: null,
      citation: null,
      officialUrl: null,
      summary: sentence(int(15, 35)),
      summarySource: 'extractive',
      keyPoints: [],
      qa: [],
      sections: [],
      footnotes: [],
      references: [],
      citedBy: [],
    });
  }
  const dossiers: DossierRecord[] = Array.from({ length: dossierCount(count) }, (_, i) => ({
    id: String(30000 + i),
    title: `Dossier over ${sentence(4)}`,
  }));
  return {
    schemaVersion: DATASET_SCHEMA_VERSION,
    datasetVersion: `panel-bench-${count}`,
    contentHash: 'a'.repeat(64),
    sources: [],
    documents,
    dossiers,
  };
}
