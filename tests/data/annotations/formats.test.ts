import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../../data/annotations/csv';
import { exportNotesCsv } from '../../../data/annotations/export-csv';
import { exportMarkdown } from '../../../data/annotations/export-markdown';
import { describeLinkedDocument } from '../../../data/annotations/linked-documents';
import {
  referenceList,
  referenceListCsv,
  referenceListMarkdown,
} from '../../../data/annotations/reference-list';
import { findCitations } from '../../../data/citations';
import { sampleRecord } from './arbitraries';

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['met, komma', '"met, komma"'],
    ['zegt "ja"', '"zegt ""ja"""'],
    ['twee\nregels', '"twee\nregels"'],
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+31 6 1234', "'+31 6 1234"],
    ['-5', "'-5"],
    ['@cmd', "'@cmd"],
    ['\tx', "'\tx"],
    ['=1,"2"', `"'=1,""2"""`],
    ['', ''],
    // Spreadsheets skip leading whitespace and line breaks and read full-width signs as ASCII.
    [' =1+1', "' =1+1"],
    ['  @SUM(A1)', "'  @SUM(A1)"],
    ['\n=1+1', `"'\n=1+1"`],
    ['\r\n-1', `"'\r\n-1"`],
    ['\u3000=1', "'\u3000=1"],
    ['＝1+1', "'＝1+1"],
    ['＋31', "'＋31"],
    ['－5', "'－5"],
    ['＠cmd', "'＠cmd"],
    ['﹦1', "'﹦1"],
    ['1 = 1', '1 = 1'],
    ['e-mail', 'e-mail'],
  ])('%j → %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('ends rows with CRLF', () => {
    expect(toCsv(['a', 'b'], [['1', '2']])).toBe('a,b\r\n1,2\r\n');
  });
});

const known = (id: string) =>
  describeLinkedDocument(
    id,
    id === 'kst-34352-349'
      ? {
          citation: 'Kamerstukken II 2025/26, 34352, nr. 349',
          title: 'Monitoringsbrief Participatiewet 2025',
        }
      : undefined,
  );

describe('notes export', () => {
  it('CSV has one row per note with the official citation of linked documents', () => {
    const csv = exportNotesCsv([sampleRecord()], known);
    const [header, row] = csv.split('\r\n');
    expect(header).toBe(
      'id,page_url,page_title,quote,prefix,suffix,position_start,position_end,note,tags,linked_ids,linked_citations,created,modified',
    );
    expect(row).toContain('"Kamerstukken II 2025/26, 34352, nr. 349"');
    expect(row).toContain('bijstand; cijfers');
  });

  it('Markdown groups per page with quote, note, tags and citations', () => {
    const other = sampleRecord({
      id: 'urn:uuid:2',
      created: '2026-03-02T10:00:00.000Z',
      target: {
        source: 'https://nos.nl/b',
        selectors: [{ type: 'TextQuoteSelector', exact: 'tweede *quote*', prefix: '', suffix: '' }],
      },
      body: { note: '', tags: [], linkedDocumentIds: ['ah-tk-20242025-520'] },
    });
    const md = exportMarkdown(
      [other, sampleRecord()],
      { title: 'Notities', tags: 'Tags', linked: 'Gekoppeld' },
      known,
    );
    expect(md).toBe(
      [
        '# Notities',
        '',
        '## Kabinet past Participatiewet aan',
        '',
        '<https://www.nu.nl/politiek/participatiewet>',
        '',
        '> bijna 406 duizend mensen',
        '',
        'Check CBS-cijfer',
        '',
        'Tags: #bijstand #cijfers',
        '',
        'Gekoppeld:',
        '- Kamerstukken II 2025/26, 34352, nr. 349 — Monitoringsbrief Participatiewet 2025 (`kst-34352-349`)',
        '',
        '---',
        '',
        '## https://nos.nl/b',
        '',
        '<https://nos.nl/b>',
        '',
        '> tweede \\*quote\\*',
        '',
        'Gekoppeld:',
        '- Aanhangsel Handelingen II 2024/25, nr. 520 (`ah-tk-20242025-520`)',
        '',
        '---',
        '',
      ].join('\n'),
    );
  });
});

describe('Markdown export of hostile fields', () => {
  it('escapes tags, titles, quotes, citations and ids; writes the note body as typed', () => {
    const record = sampleRecord({
      target: {
        source: 'https://www.nu.nl/a',
        title: '<script>alert(1)</script> & [klik](javascript:alert(1))\n# kop',
        selectors: [
          { type: 'TextQuoteSelector', exact: '<img src=x onerror=alert(1)>', prefix: '', suffix: '' },
        ],
      },
      body: { note: '**eigen** _opmaak_', tags: ['<script>x</script>', 'a`b'], linkedDocumentIds: ['x`y'] },
    });
    const md = exportMarkdown([record], { title: 'Notities', tags: 'Tags', linked: 'Gekoppeld' }, (id) => ({
      id,
      citation: '![beeld](https://evil.example/p.png)',
      title: '<b>titel</b>',
    }));
    expect(md).toContain(
      '## \\<script\\>alert(1)\\</script\\> \\& \\[klik\\](javascript:alert(1)) \\# kop\n',
    );
    expect(md).toContain('> \\<img src=x onerror=alert(1)\\>\n');
    expect(md).toContain('\n**eigen** _opmaak_\n');
    expect(md).toContain('Tags: #\\<script\\>x\\</script\\> #a\\`b\n');
    expect(md).toContain('- \\!\\[beeld\\](https://evil.example/p.png) — \\<b\\>titel\\</b\\> (x\\`y)\n');
    // Outside the note body and our own page link, no raw HTML and no link, image or code syntax is left.
    const rest = md.replace('**eigen** _opmaak_', '').replace('<https://www.nu.nl/a>', '');
    expect(rest).not.toMatch(/(^|[^\\])[<[`]/m);
  });

  it.each([
    ['javascript:alert(1)'],
    ['data:text/html,<b>x</b>'],
    ['file:///etc/passwd'],
    ['chrome-extension://abc/sidepanel.html'],
  ])('writes a %s page address as text, not as a link', (source) => {
    const record = sampleRecord({ target: { ...sampleRecord().target, source, title: 'Pagina' } });
    const md = exportMarkdown([record], { title: 'N', tags: 'T', linked: 'L' }, known);
    expect(md).not.toContain(`<${source}>`);
    expect(md).not.toMatch(/(^|[^\\])</m);
  });

  it.each([
    ['1. punt', '1\\. punt'],
    ['- streep', '\\- streep'],
    ['+ plus', '\\+ plus'],
    ['midden - streep', 'midden - streep'],
  ])('escapes a title that starts like a list: %j', (title, heading) => {
    const record = sampleRecord({ target: { ...sampleRecord().target, title } });
    expect(exportMarkdown([record], { title: 'N', tags: 'T', linked: 'L' }, known)).toContain(
      `## ${heading}\n`,
    );
  });
});

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
