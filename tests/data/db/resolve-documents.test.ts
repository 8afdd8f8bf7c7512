import { beforeEach, describe, expect, it } from 'vitest';
import { importDataset } from '../../../data/db/import-dataset';
import type { KamerlensDB } from '../../../data/db/kamerlens-db';
import { resolveDocuments } from '../../../data/db/resolve-documents';
import { freshDB } from '../../fixtures/db/fresh-db';
import { seedLikeDataset } from '../../fixtures/db/seed-like';

let db: KamerlensDB;
beforeEach(async () => {
  db = freshDB();
  await importDataset(db, seedLikeDataset());
});

describe('resolveDocuments', () => {
  it.each([
    ['kst-34352-330', 'kst-34352-330'],
    ['2024Z21268', 'kst-34352-330'],
    ['kst-1-1', null],
  ])('%s → %s', async (id, expected) => {
    expect((await resolveDocuments(db, [id])).get(id)?.id ?? null).toBe(expected);
  });
});
