/** Official citation style and readable ids, as tables. */
import { describe, expect, it } from 'vitest';
import { findCitations, formatCitation, formatId } from '../../../data/citations';

const only = (text: string) => {
  const found = findCitations(text);
  expect(found).toHaveLength(1);
  return found[0] as NonNullable<(typeof found)[0]>;
};

describe('formatCitation', () => {
  it.each([
    ['Kamerstukken II, 2025/26, 34352, nr. 349', 'Kamerstukken II 2025/26, 34352, nr. 349'],
    ['Kamerstukken I, 2025/2026, 36582 nr. F', 'Kamerstukken I 2025/26, 36582, F'],
    ['Kamerstuk 34 352, nr. 340', 'Kamerstukken 34352, nr. 340'],
    ['TK 34 352, nr 327', 'Kamerstukken II, 34352, nr. 327'],
    ['Kamerstukken II, 17 050, nrs. 601, 603 en 605', 'Kamerstukken II, 17050, nrs. 601, 603 en 605'],
    ['Kamerstukken II 2019/20, 35 300, nrs. 1–3', 'Kamerstukken II 2019/20, 35300, nrs. 1, 2 en 3'],
    ['Kamerstuk 36 600 XV, nr. 85', 'Kamerstukken 36600 XV, nr. 85'],
    ['Kamerstuk 21501-32-1699', 'Kamerstukken 21501-32, nr. 1699'],
    ['Kamerstukken II 2019/20, 35 212 (R2101), nr. 5', 'Kamerstukken II 2019/20, 35212 (R2101), nr. 5'],
    ['Kamerstukken 36 100 B en 36 100 C, nr. 4', 'Kamerstukken 36100 B en 36100 C, nr. 4'],
    ['Kamerstuk 35 300, nr. 4, pag. 4-5', 'Kamerstukken 35300, nr. 4, p. 4-5'],
    ['Kamerstukken 36582', 'Kamerstukken 36582'],
    ['Kamerstukken II 2024/25, 36 600 XV', 'Kamerstukken II 2024/25, 36600 XV'],
    ['Handelingen II 2024/25, nr. 112, item 5', 'Handelingen II 2024/25, nr. 112, item 5'],
    ['Handelingen II 2008/09, nr. 57, p. 4410', 'Handelingen II 2008/09, nr. 57, p. 4410'],
    ['Aanhangsel Handelingen II 2024/25, nr. 520', 'Aanhangsel Handelingen II 2024/25, nr. 520'],
    ['Aanhangsel Handelingen, vergaderjaar 2025-2026, nr. 1181', 'Aanhangsel Handelingen 2025/26, nr. 1181'],
    ['ah-1260001', 'ah-1260001'],
    ['2024Z15690', '2024Z15690'],
    ['2024D43182', '2024D43182'],
  ])('%s → %s', (text, expected) => {
    expect(formatCitation(only(text))).toBe(expected);
  });
});

describe('formatId', () => {
  it.each([
    ['kst-34352-349', 'Kamerstukken 34352, nr. 349'],
    ['kst-36600-XV-85', 'Kamerstukken 36600 XV, nr. 85'],
    ['kst-36582-F', 'Kamerstukken 36582, F'],
    ['kst-21501-32-1699', 'Kamerstukken 21501-32, nr. 1699'],
    ['dossier-36600-XV', 'Kamerstukken 36600 XV'],
    ['h-tk-20242025-112-5', 'Handelingen II 2024/25, nr. 112, item 5'],
    ['ah-tk-20242025-520', 'Aanhangsel Handelingen II 2024/25, nr. 520'],
    ['ah-ek-20242025-12', 'Aanhangsel Handelingen I 2024/25, nr. 12'],
    ['ah-20252026-1181', 'Aanhangsel Handelingen 2025/26, nr. 1181'],
    ['2024Z15690', '2024Z15690'],
    ['kst-34352-349-n1', 'Kamerstukken 34352, nr. 349'],
    ['not-an-id', null],
    ['', null],
  ])('%s → %s', (id, expected) => {
    expect(formatId(id)).toBe(expected);
  });
});
