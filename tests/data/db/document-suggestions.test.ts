/**
 * Suggestions for linking a note read by query: a reference through the id index, words through the
 * stored search index and a few ranked records, never every record; and a new dataset is searched.
 */
import { describe, expect, it } from 'vitest';
import type { DatasetFile } from '../../../data/dataset/types';
import { suggestDocuments } from '../../../data/db/document-suggestions';
import { importDataset } from '../../../data/db/import-dataset';
import type { KamerlensDB } from '../../../data/db/kamerlens-db';
import type { RowBlock } from '../../../data/db/records';
import { makeDataset, makeDocument } from '../../fixtures/builders';
import { freshDB } from '../../fixtures/db/fresh-db';
import { seedLikeDataset } from '../../fixtures/db/seed-like';

/** The seed-like dataset with `extra` more documents about other things. */
function largerDataset(extra: number, version = 'v1-test'): DatasetFile {
  const seed = seedLikeDataset(version);
  const filler = Array.from({ length: extra }, (_, i) =>
    makeDocument({
      id: `kst-40000-${i + 1}`,
      source: 'filler.txt',
      title: `Verslag van een commissiedebat over onderwerp ${i + 1}`,
      date: '2023-05-01',
      summary: 'Een verslag over de participatiewet en de gemeenten.',
      summarySource: 'extractive',
    }),
  );
  return { ...seed, documents: [...seed.documents, ...filler] };
}

/** Counts the distinct document blocks the database hands out, and the cursors opened over them. */
function countDocumentReads(db: KamerlensDB) {
  const seen = new Set<string>();
  const counts = {
    cursors: 0,
    get blocks() {
      return seen.size;
    },
    reset() {
      seen.clear();
      this.cursors = 0;
    },
  };
  const note = (rows: readonly unknown[]) => {
    for (const row of rows) {
      const block = row as RowBlock | undefined;
      if (block) seen.add(`${block.source}/${block.generation}/${block.seq}`);
    }
  };
  db.use({
    stack: 'dbcore',
    name: 'count-document-reads',
    create: (down) => ({
      ...down,
      table(name) {
        const table = down.table(name);
        if (name !== 'documentBlocks') return table;
        return {
          ...table,
          async get(request) {
            const row = await table.get(request);
            note([row]);
            return row;
          },
          async getMany(request) {
            const rows = await table.getMany(request);
            note(rows);
            return rows;
          },
          async query(request) {
            const answer = await table.query(request);
            if (request.values) note(answer.result);
            return answer;
          },
          openCursor(request) {
            counts.cursors++;
            return table.openCursor(request);
          },
        };
      },
    }),
  });
  return counts;
}

describe('suggestDocuments reads by query', () => {
  it.each([
    ['monitoringsbrief', 'kst-34352-349'],
    ['PARTICIPATIEWET balans', 'kst-34352-330'],
    ['kst-34352-330', 'kst-34352-330'],
    ['Kamerstukken II 2025/26, 34352, nr. 349', 'kst-34352-349'],
  ])('%s among 3,000 documents: found first, reading a few blocks and no cursor', async (query, id) => {
    const db = freshDB();
    const counts = countDocumentReads(db);
    expect((await importDataset(db, largerDataset(3000))).status).toBe('imported');
    const blocks = await db.documentBlocks.count();
    counts.reset();
    const [top] = await suggestDocuments(db, query);
    expect(top?.id).toBe(id);
    expect(counts.cursors).toBe(0);
    expect(counts.blocks).toBeGreaterThan(0);
    expect(counts.blocks).toBeLessThanOrEqual(Math.min(30, blocks / 2));
  });

  it('a word in many titles: at most ten suggestions, every one holding the word', async () => {
    const db = freshDB();
    expect((await importDataset(db, largerDataset(50))).status).toBe('imported');
    const suggestions = await suggestDocuments(db, 'commissiedebat');
    expect(suggestions).toHaveLength(10);
    for (const s of suggestions) expect(s.title).toContain('commissiedebat');
  });

  it('a word only in summaries suggests nothing: titles, citations and ids are what a note links by', async () => {
    const db = freshDB();
    expect((await importDataset(db, largerDataset(20))).status).toBe('imported');
    const suggestions = await suggestDocuments(db, 'verslag gemeenten');
    expect(suggestions).toEqual([]);
  });

  it('after a new dataset is imported, its documents are suggested', async () => {
    const db = freshDB();
    await importDataset(db, seedLikeDataset());
    expect(await suggestDocuments(db, 'zonnepanelen')).toEqual([]);
    const imported = await importDataset(
      db,
      makeDataset('v2-test', [
        makeDocument({
          id: 'kst-36000-1',
          source: 'zon.txt',
          title: 'Brief over zonnepanelen op daken',
          date: '2025-01-01',
        }),
      ]),
    );
    expect(imported.status).toBe('imported');
    expect((await suggestDocuments(db, 'zonnepanelen')).map((s) => s.id)).toEqual(['kst-36000-1']);
  });
});
