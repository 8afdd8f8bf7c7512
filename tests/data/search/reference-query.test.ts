import { describe, expect, it } from 'vitest';
import { findCitations } from '../../../data/citations/index';
import { referenceIdsInQuery } from '../../../data/search/reference-query';

describe('referenceIdsInQuery with the real recognizer', () => {
  it.each([
    ['kst-34352-349', ['kst-34352-349']],
    ['Kamerstuk 34352, nr. 349', ['kst-34352-349']],
    // No label: the recognizer alone rejects it (precision); tried again as "Kamerstuk …".
    ['34352 nr 349', ['kst-34352-349']],
    ['34 352, nr. 349', ['kst-34352-349']],
    ['34352-349', ['kst-34352-349']],
    ['2024Z15690', ['2024Z15690']],
    ['2024z15690', ['2024Z15690']],
    ['2024D43182', ['2024D43182']],
    ['ah-tk-20242025-520', ['ah-tk-20242025-520']],
    ['Aanhangsel Handelingen II 2024/25, nr. 520', ['ah-tk-20242025-520']],
    ['loonkostensubsidie', []],
    ['2024', []],
    ['artikel 34 352', []],
  ])('%j → %j', (query, ids) => {
    expect(referenceIdsInQuery(query, findCitations)).toEqual(ids);
  });
});
