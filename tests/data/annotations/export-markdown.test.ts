import { describe, expect, it } from 'vitest';
import { exportMarkdown } from '../../../data/annotations/export-markdown';
import { sampleRecord } from '../../fixtures/annotations/arbitraries';
import { describeKnownDocument } from '../../fixtures/annotations/known-documents';

describe('notes export as Markdown', () => {
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
      describeKnownDocument,
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
    const md = exportMarkdown([record], { title: 'N', tags: 'T', linked: 'L' }, describeKnownDocument);
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
    expect(exportMarkdown([record], { title: 'N', tags: 'T', linked: 'L' }, describeKnownDocument)).toContain(
      `## ${heading}\n`,
    );
  });
});
