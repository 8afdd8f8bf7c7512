/**
 * A search segment's large fields stored in parts (segment-parts.ts): read back exactly as written,
 * however the parts cut them; the row an import's last transaction writes holds none of them; a
 * segment whose parts went is stale, not half-read.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { importDataset } from '../../../data/db/import-dataset';
import type { StoredSegment } from '../../../data/db/postings-blocks';
import { openStoredIndex } from '../../../data/db/search-segments';
import { isPacked, packSegment, partKeys, unpackSegment } from '../../../data/db/segment-parts';
import { StaleIndexError } from '../../../data/search/open-segments';
import { freshDB } from '../../fixtures/db/fresh-db';
import { seedLikeDataset } from '../../fixtures/db/seed-like';
import { seededRandom } from '../../fixtures/random';

/** A segment of `n` passages and words, its arrays filled with varied values, its texts not all ASCII. */
function bigSegment(n: number): StoredSegment {
  const random = seededRandom(7);
  const fill = <T extends { length: number; [i: number]: number }>(array: T, max: number): T => {
    for (let i = 0; i < array.length; i++) array[i] = Math.floor(random() * max);
    return array;
  };
  const words = Array.from({ length: n }, (_, i) => (i % 97 === 0 ? `één€${i}` : `woord${i}`));
  return {
    id: 'vergaderjaar-2024-2025',
    docFirstPassage: fill(new Uint32Array(n + 1), 2 ** 32),
    passageLength: fill(new Uint16Array(n), 2 ** 16),
    passageBoost: Float32Array.from({ length: n }, () => random() * 3),
    totalLength: 12_345,
    surfaces: `${words.join('\n')}\n`,
    surfaceStart: fill(new Uint32Array(n + 1), 2 ** 32),
    surfaceStem: fill(new Uint32Array(n), n),
    stems: `${words.slice(1).join('\n')}\n`,
    stemStart: fill(new Uint32Array(n), 2 ** 32),
    stemDf: fill(new Uint32Array(n - 1), 1000),
    stemOrder: fill(new Uint32Array(n - 1), n),
    stored: { format: 2, key: 'vergaderjaar-2024-2025\u0001g1', blocks: 3, solo: 1024 },
    version: '2025-06-01',
  };
}

/** Field by field (typed arrays element by element, with their type): `toEqual` on arrays this long takes seconds. */
function expectSameSegment(actual: StoredSegment, expected: StoredSegment): void {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const [name, value] of Object.entries(expected)) {
    const got = (actual as unknown as Record<string, unknown>)[name];
    if (ArrayBuffer.isView(value)) {
      const want = value as unknown as ArrayLike<number>;
      const have = got as ArrayLike<number>;
      expect((got as object).constructor, name).toBe(value.constructor);
      expect(have.length, name).toBe(want.length);
      let differing = 0;
      for (let i = 0; i < want.length; i++) if (!Object.is(have[i], want[i])) differing++;
      expect(differing, name).toBe(0);
    } else expect(got, name).toEqual(value);
  }
}

describe('segment parts', () => {
  it('read back exactly as written, fields cut across parts included', async () => {
    const segment = bigSegment(300_000);
    const { row, parts } = await packSegment(segment, 'k');
    expect(parts.length).toBeGreaterThan(5);
    for (const part of parts) expect(part.bytes.byteLength).toBeLessThanOrEqual(1 << 20);
    expect(parts.map((part) => [part.stem, part.segment])).toEqual(partKeys(row, 'k'));
    // The row keeps only the small fields.
    expect(Object.keys(row).sort()).toEqual(['id', 'packed', 'stored', 'totalLength', 'version']);
    expect(JSON.stringify(row).length).toBeLessThan(2_000);
    const back = unpackSegment(
      row,
      parts.map((part) => part.bytes),
    );
    expectSameSegment(back, segment);
  });

  it('an empty segment round-trips too', async () => {
    const segment = { ...bigSegment(1), surfaces: '', stems: '', stemDf: new Uint32Array(0) };
    const { row, parts } = await packSegment(segment, 'k');
    expect(
      unpackSegment(
        row,
        parts.map((part) => part.bytes),
      ),
    ).toEqual(segment);
  });

  it('a part missing is refused, not read as zeros', async () => {
    const { row, parts } = await packSegment(bigSegment(300_000), 'k');
    expect(() =>
      unpackSegment(
        row,
        parts.slice(1).map((part) => part.bytes),
      ),
    ).toThrow(/parts/);
  });

  it('an import stores the segment row without its large fields, and the index opens from the parts', async () => {
    const db = freshDB();
    await importDataset(db, seedLikeDataset());
    const row = await db.searchSegments.get('bundled');
    expect(row && isPacked(row)).toBe(true);
    expect(row && 'surfaces' in row).toBe(false);
    const index = await (await openStoredIndex(db)).index();
    const found = await index.search('participatiewet');
    expect(found.top.length).toBeGreaterThan(0);
  });

  it('a segment whose parts were deleted opens as stale', async () => {
    const db = freshDB();
    await importDataset(db, seedLikeDataset());
    const row = await db.searchSegments.get('bundled');
    if (!row || !isPacked(row) || !row.stored) throw new Error('expected a packed segment');
    await db.searchPostings.delete(partKeys(row, row.stored.key)[0] as [string, string]);
    const index = await (await openStoredIndex(db)).index();
    await expect(index.search('participatiewet')).rejects.toBeInstanceOf(StaleIndexError);
  });
});
