/**
 * Every reference in the five seed documents, written down by reading them (not by running the
 * recognizer): raw text and ids per occurrence, in order. 002 cites nothing by number.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCitations } from '../../../data/citations';

const SOURCES = join(import.meta.dirname, '../../../data/sources');

type Golden = Array<[raw: string, ids: string]>;

const SEEDS: Record<string, Golden> = {
  '000_5b0e6dc1a4e276c7.txt': [
    // Header: no chamber stated; answers to written questions are read as the Tweede Kamer's (flagged).
    ['Aanhangsel Handelingen, vergaderjaar 2025-2026, nr. 1181', 'ah-tk-20252026-1181'],
    ['Kamerstukken II, 2025/26, 34352, nr. 349', 'kst-34352-349'],
    ['Kamerstukken II, 2025/26, 34352, nr. 349', 'kst-34352-349'],
    ['Kamerstukken II, 2018/19, 34352, nr 138', 'kst-34352-138'],
    ['Kamerstuk 34 352, nr. 340', 'kst-34352-340'],
    ['2025Z19505', '2025Z19505'],
    ['Kamerstuk 34 352, nr. 340', 'kst-34352-340'],
    ['Kamerstuk 36 600 XV, nr. 85', 'kst-36600-XV-85'],
  ],
  '001_6be19fef0512fa7b.txt': [
    ['Kamerstuk 34 352, nr. 325', 'kst-34352-325'],
    ['TK 34 352, nr 327', 'kst-34352-327'],
    ['Kamerstukken II, 2023/24, 34 352, nr. 306', 'kst-34352-306'],
    ['TK\n33 566, nr. 109', 'kst-33566-109'],
    ['Kamerstuk 36 200-XV, nr. 37', 'kst-36200-XV-37'],
    ['Kamerstukken II, 2023–2024, 26 448 nr. 742', 'kst-26448-742'],
    ['Kamerstukken II, 2023–2024,\n26 448, nr. 742', 'kst-26448-742'],
  ],
  '002_6b02423d140da90b.txt': [],
  '003_3f2138dee2da73f1.txt': [
    ['Kamerstukken II, 2023/24, 34 352, nr. 306', 'kst-34352-306'],
    ['Kamerstukken II, 2023/24, 36 582, nr. 2', 'kst-36582-2'],
    ['Kamerstukken II, 2024/25, 36651-21', 'kst-36651-21'],
    ['Kamerstukken II, 2024/25, 26448, nr. 792', 'kst-26448-792'],
    ['Kamerstukken II, 17 050, nrs. 601, 603 en 605', 'kst-17050-601 kst-17050-603 kst-17050-605'],
    ['Kamerstukken II, 2023/24, 34 352, nr. 316', 'kst-34352-316'],
    ['Kamerstukken II, 2024/25, 36 582, nr. 5', 'kst-36582-5'],
    ['Kamerstukken II, 2023/24, 36 582, nr. 4', 'kst-36582-4'],
    ['Kamerstukken II, 2023/24, 34352, nr. 306', 'kst-34352-306'],
    ['Kamerstukken II, 2021/22, 34352, nr 253', 'kst-34352-253'],
    ['Kamerstukken II, 2023/24, 33 566, nr. 109', 'kst-33566-109'],
    ['Kamerstukken II, 2024/25, 36 600 XV, nr. 69', 'kst-36600-XV-69'],
    ['Kamerstukken II, 2024/25, 36 600 XV, nr. 86', 'kst-36600-XV-86'],
  ],
  '004_1bc47c291b0e2824.txt': [
    ['Kamerstukken II, 2019/2020, 34352, nr. 187', 'kst-34352-187'],
    ['Kamerstukken II, 2020/2021, 34352, nr. 216', 'kst-34352-216'],
    ['Kamerstukken II, 2024/2025, 34352, nr. 327', 'kst-34352-327'],
    ['Kamerstukken II, 2024/2025, 34352, nr. 343', 'kst-34352-343'],
    ['Kamerstukken II, 2024/25, 34352, nr. 338', 'kst-34352-338'],
    ['https://www.tweedekamer.nl/kamerstukken/plenaire_verslagen/detail/2024-2025/112', 'h-tk-20242025-112'],
    ['Kamerstukken II, 2024/25, 36449, nr. 11', 'kst-36449-11'],
    ['Kamerstukken II, 2024/25, 36449, nr. 17', 'kst-36449-17'],
    ['Kamerstukken I, 2025/2026, 36582 nr. F', 'kst-36582-F'],
  ],
};

describe('findCitations on the seed documents', () => {
  it.each(Object.entries(SEEDS))('%s', (file, golden) => {
    const text = readFileSync(join(SOURCES, file), 'utf8');
    const found = findCitations(text);
    expect(found.map((c) => [c.raw, c.ids.join(' ')])).toEqual(golden);
    for (const c of found) expect(text.slice(c.start, c.end)).toBe(c.raw);
  });

  it('reads chamber and year where the seeds state them, and only there', () => {
    const text = readFileSync(join(SOURCES, '001_6be19fef0512fa7b.txt'), 'utf8');
    const found = findCitations(text);
    expect(found.map((c) => [c.chamber, c.vergaderjaar])).toEqual([
      [null, null],
      ['TK', null],
      ['TK', '2023-2024'],
      ['TK', null],
      [null, null],
      ['TK', '2023-2024'],
      ['TK', '2023-2024'],
    ]);
  });

  it('does not take the ministry reference 2024-0000933473 of seed 003 for anything', () => {
    const text = readFileSync(join(SOURCES, '003_3f2138dee2da73f1.txt'), 'utf8');
    expect(findCitations(text).some((c) => c.raw.includes('0000933473'))).toBe(false);
  });
});
