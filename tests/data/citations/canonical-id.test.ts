/** Canonical id parsing, as a table. */
import { describe, expect, it } from 'vitest';
import { findCitations, isCanonicalId, parseCanonicalId } from '../../../data/citations';

describe('parseCanonicalId', () => {
  it.each([
    [
      'kst-34352-349',
      { kind: 'kamerstuk', dossier: '34352', dossierSuffix: null, numbers: ['349'], chamber: null },
    ],
    ['kst-36600-XV-85', { kind: 'kamerstuk', dossier: '36600', dossierSuffix: 'XV', numbers: ['85'] }],
    ['kst-36582-F', { kind: 'kamerstuk', numbers: ['F'] }],
    ['dossier-36582', { kind: 'dossier', dossier: '36582', numbers: [] }],
    ['dossier-36600-XV', { kind: 'dossier', dossierSuffix: 'XV' }],
    [
      'h-tk-20242025-112-5',
      { kind: 'handelingen', chamber: 'TK', vergaderjaar: '2024-2025', numbers: ['112'], item: '5' },
    ],
    ['h-tk-20242025-112', { kind: 'handelingen', item: null }],
    [
      'ah-tk-20242025-520',
      { kind: 'aanhangsel', chamber: 'TK', vergaderjaar: '2024-2025', numbers: ['520'] },
    ],
    ['ah-20252026-1181', { kind: 'aanhangsel', chamber: null, vergaderjaar: '2025-2026' }],
    ['ah-1260001', { kind: 'aanhangsel', chamber: null, vergaderjaar: null, numbers: [] }],
    ['2024Z15690', { kind: 'zaak' }],
    ['2024D43182', { kind: 'document' }],
    ['kst-34352-349-n2', { id: 'kst-34352-349' }],
    ['kv-tk-2024Z15690', { id: '2024Z15690', kind: 'zaak', chamber: 'TK' }],
  ])('%s', (id, expected) => {
    expect(parseCanonicalId(id)).toMatchObject(expected);
  });

  it.each([
    '',
    'kst-',
    'kst-34352',
    'kst-034352-349',
    'kst-34352-349-extra-x-y',
    'h-tk-20242026-1',
    'ah-xx-20242025-1',
    'dossier-12',
    '2024X15690',
    'KST-34352-349',
    'kst-34352-349 ',
    `kst-${'1'.repeat(200)}`,
  ])('rejects %j', (id) => {
    expect(parseCanonicalId(id)).toBeNull();
  });

  it('agrees with every id the recognizer writes', () => {
    const text =
      'Kamerstukken II 2019/20, 35 300, nrs. 1–3; Kamerstukken 36 100 B en 36 100 C, nr. 4; Handelingen 2024/25, nr. 1, item 2; ' +
      'Aanhangsel Handelingen 2025/26, nr. 1181; dossier 36600-XV; ah-1260001; 2024D43182; kst-36582-F';
    const ids = findCitations(text).flatMap((c) => c.ids);
    expect(ids.length).toBeGreaterThan(8);
    for (const id of ids) expect(isCanonicalId(id)).toBe(true);
  });

  it('is not fooled by non-canonical spellings', () => {
    expect(isCanonicalId('kst-34352-349-n1')).toBe(false);
    expect(isCanonicalId('kv-tk-2024Z15690')).toBe(false);
  });
});
