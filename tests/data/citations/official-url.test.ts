import { describe, expect, it } from 'vitest';
import { officialUrl } from '../../../data/citations';

describe('officialUrl', () => {
  it.each([
    ['kst-34352-349', 'https://zoek.officielebekendmakingen.nl/kst-34352-349.html'],
    ['kst-36600-XV-85', 'https://zoek.officielebekendmakingen.nl/kst-36600-XV-85.html'],
    ['ah-tk-20242025-520', 'https://zoek.officielebekendmakingen.nl/ah-tk-20242025-520.html'],
    ['ah-1260001', 'https://zoek.officielebekendmakingen.nl/ah-1260001.html'],
    ['h-tk-20242025-112-5', 'https://zoek.officielebekendmakingen.nl/h-tk-20242025-112-5.html'],
    ['h-tk-20242025-112', 'https://www.tweedekamer.nl/kamerstukken/plenaire_verslagen/detail/2024-2025/112'],
    ['dossier-36582', 'https://zoek.officielebekendmakingen.nl/dossier/36582'],
    ['dossier-36600-XV', 'https://zoek.officielebekendmakingen.nl/dossier/36600-XV'],
    ['2024Z15690', 'https://www.tweedekamer.nl/kamerstukken/detail?id=2024Z15690'],
    ['2024D43182', 'https://www.tweedekamer.nl/kamerstukken/detail?did=2024D43182'],
    // Ids without a chamber are ours; no official page can be promised.
    ['ah-20252026-1181', null],
    ['h-20242025-112-5', null],
    ['h-ek-20242025-3', null],
    ['nonsense', null],
  ])('%s → %s', (id, expected) => {
    expect(officialUrl(id)).toBe(expected);
  });
});
