import { describe, expect, it } from 'vitest';
import {
  referenceList,
  referenceListCsv,
  referenceListMarkdown,
} from '../../../data/annotations/reference-list';
import { findCitations } from '../../../data/citations';

describe('reference list of a page', () => {
  const text =
    'Zie Kamerstukken II 2025/26, 34352, nr. 349, p. 3 en ook Kamerstuk 34 352, nr. 349. ' +
    'De vragen (2024Z15690) staan in Aanhangsel Handelingen II 2024/25, nr. 520. Nogmaals Kamerstuk 34352-349.';
  const entries = referenceList(findCitations(text), (id) =>
    id === 'kst-34352-349' ? 'Monitoringsbrief' : null,
  );

  it('lists each reference once in official style, with counts', () => {
    expect(entries.map((e) => [e.citation, e.ids.join(' '), e.count])).toEqual([
      ['Kamerstukken II 2025/26, 34352, nr. 349', 'kst-34352-349', 3],
      ['2024Z15690', '2024Z15690', 1],
      ['Aanhangsel Handelingen II 2024/25, nr. 520', 'ah-tk-20242025-520', 1],
    ]);
  });

  it('Markdown and CSV carry citation, ids and title', () => {
    const md = referenceListMarkdown({ url: 'https://x.nl/a', title: 'Artikel' }, entries, {
      heading: 'Verwijzingen',
      times: (n) => `${n}×`,
    });
    expect(md).toContain('# Verwijzingen: Artikel');
    expect(md).toContain('- Kamerstukken II 2025/26, 34352, nr. 349 — Monitoringsbrief (3×)');
    const csv = referenceListCsv(entries);
    expect(csv.split('\r\n')[0]).toBe('citation,ids,kind,count,as_written,title');
    expect(csv).toContain('ah-tk-20242025-520,aanhangsel,1');
  });
});
