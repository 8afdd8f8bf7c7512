import { beforeEach, describe, expect, it } from 'vitest';
import { citedBy } from '../../../data/db/cited-by';
import { importDataset } from '../../../data/db/import-dataset';
import type { KamerlensDB } from '../../../data/db/kamerlens-db';
import { freshDB } from '../../fixtures/db/fresh-db';
import { seedLikeDataset } from '../../fixtures/db/seed-like';

let db: KamerlensDB;
beforeEach(async () => {
  db = freshDB();
  await importDataset(db, seedLikeDataset());
});

describe('citedBy', () => {
  it('finds every citing place under any alias, newest citing document first', async () => {
    const viaAlias = await citedBy(db, '2024D50204');
    expect(viaAlias).toEqual([
      {
        from: 'kst-34352-349',
        to: 'kst-34352-330',
        qa: null,
        section: 'Inleiding',
        footnote: null,
        context: 'Zoals gemeld in de voortgangsbrief (Kamerstukken II 2024/25, 34 352, nr. 330).',
        raw: 'Kamerstukken II 2024/25, 34 352, nr. 330',
        citedAs: 'voortgangsbrief',
        fromTitle: 'Monitoringsbrief Participatiewet 2025',
        fromDate: '2025-12-12',
        fromType: 'brief',
      },
      expect.objectContaining({ from: 'ah-tk-20242025-520', qa: '4' }),
    ]);
    expect(await citedBy(db, 'kst-34352-330')).toEqual(viaAlias);
  });

  it('finds citing places of an id that has no record at all', async () => {
    expect((await citedBy(db, 'kst-36600-XV-86')).map((place) => place.footnote)).toEqual(['3']);
    expect(await citedBy(db, 'kst-99999-1')).toEqual([]);
    expect(await citedBy(db, '<bad>')).toEqual([]);
  });
});
