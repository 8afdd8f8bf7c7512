/**
 * The panel's document sources over a list of records in memory, through the same stored-index code
 * the extension uses (segments built as an import builds them, postings read by key).
 */
import type { DocumentRecord, DossierRecord } from '../../../data/dataset/types';
import { openSegments } from '../../../data/search/open-segments';
import { buildSegment, type SegmentPostings } from '../../../data/search/segment';

/** `openLibrary`, `readDocuments` and `dossierTitles` over `documents` and `dossiers`. */
export function memoryLibrary(documents: readonly DocumentRecord[], dossiers: readonly DossierRecord[]) {
  const reads = { documents: [] as string[][], postings: 0 };
  return {
    reads,
    async openLibrary() {
      const built = buildSegment('bundled', documents);
      const rows = new Map<string, SegmentPostings>(built.postings.map((row) => [row.stem, row]));
      const index = openSegments([built.catalog], [built.segment], async (keys) => {
        reads.postings += keys.length;
        return keys.map(([stem]) => rows.get(stem));
      });
      return { head: built.head.head, index: () => Promise.resolve(index) };
    },
    async readRecords(ids: readonly string[]) {
      reads.documents.push([...ids]);
      const wanted = new Set(ids);
      return new Map(documents.filter((doc) => wanted.has(doc.id)).map((doc) => [doc.id, doc]));
    },
    async readDocuments(ids: readonly string[]) {
      reads.documents.push([...ids]);
      const found = new Map<string, DocumentRecord>();
      const consider = (id: string, doc: DocumentRecord) => {
        const current = found.get(id);
        if (!current || (current.stub && !doc.stub)) found.set(id, doc);
      };
      const wanted = new Set(ids);
      // A primary id first, then aliases; a full document wins over a stub.
      for (const doc of documents) if (wanted.has(doc.id)) consider(doc.id, doc);
      for (const doc of documents) for (const alias of doc.ids) if (wanted.has(alias)) consider(alias, doc);
      return found;
    },
    async dossierTitles(keys: readonly string[]) {
      const wanted = new Set(keys);
      return new Map(dossiers.filter((d) => wanted.has(d.id)).map((d) => [d.id, d.title]));
    },
  };
}
