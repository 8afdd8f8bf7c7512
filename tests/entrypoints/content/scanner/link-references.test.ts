import { describe, expect, it } from 'vitest';
import { scanPage, seenReferences } from './scanner-helpers';

describe('page scanner: links whose href is a reference', () => {
  it.each<[string, string, string]>([
    [
      'an officielebekendmakingen.nl paper',
      '<li><a href="https://zoek.officielebekendmakingen.nl/kst-36600-XV-85.html">Brief over de begroting</a></li>',
      'kst-36600-XV-85',
    ],
    [
      'a tweedekamer.nl document and zaak',
      '<p><a href="https://www.tweedekamer.nl/kamerstukken/brieven_regering/detail?id=2023Z01234&amp;did=2023D05678">Kabinetsreactie op het advies</a></p>',
      '2023D05678 2023Z01234',
    ],
    [
      'an openkamer.org paper',
      '<p><a href="https://www.openkamer.org/kamerstuk/31234/57/">Wijziging van de Wet</a></p>',
      'kst-31234-57',
    ],
    [
      'a repository.overheid.nl frbr path',
      '<p><a href="https://repository.overheid.nl/frbr/officielepublicaties/kst/36600-XV/kst-36600-XV-85/1/pdf/kst-36600-XV-85.pdf">PDF</a></p>',
      'kst-36600-XV-85',
    ],
  ])('%s: the link text is marked with the href ids', async (_, html, ids) => {
    await scanPage(html);
    const link = document.querySelector('a') as HTMLAnchorElement;
    expect(seenReferences()).toEqual([{ ids, kind: expect.any(String), pieces: [link.textContent] }]);
    // The mark sits inside the link and takes no focus: the link stays the keyboard stop.
    const mark = link.querySelector('kamerlens-ref') as Element;
    expect(mark.hasAttribute('tabindex')).toBe(false);
    expect(mark.hasAttribute('role')).toBe(false);
    expect(link.getAttribute('href')).toContain('http');
  });

  it('registers the link for the popover: the registry finds the href citation from the link', async () => {
    const { scanner } = await scanPage(
      '<p>Lees de <a href="https://zoek.officielebekendmakingen.nl/kst-36600-XV-85.html">brief</a>.</p>',
    );
    const link = document.querySelector('a') as Element;
    expect(scanner.registry.citationOf(link)?.ids).toEqual(['kst-36600-XV-85']);
    expect(scanner.registry.pageReferences().map((r) => r.citation.ids)).toEqual([['kst-36600-XV-85']]);
  });

  it('marks a reference in the link text once, not the link again', async () => {
    await scanPage(
      '<p><a href="https://zoek.officielebekendmakingen.nl/kst-36600-XV-85.html">Kamerstukken II 2023/24, 36 600 XV, nr. 85</a></p>',
    );
    expect(seenReferences()).toEqual([
      {
        ids: 'kst-36600-XV-85',
        kind: 'kamerstuk',
        pieces: ['Kamerstukken II 2023/24, 36 600 XV, nr. 85'],
      },
    ]);
  });

  it('marks a reference that runs into a link once', async () => {
    await scanPage(
      '<p>Kamerstuk 34 352, <a href="https://zoek.officielebekendmakingen.nl/kst-34352-349.html">nr. 349</a></p>',
    );
    expect(seenReferences().map((r) => r.pieces)).toEqual([['Kamerstuk 34 352, ', 'nr. 349']]);
  });

  it('marks text and link references side by side in one paragraph', async () => {
    await scanPage(
      '<p>Zie Kamerstuk 34 352, nr. 349 en <a href="https://www.openkamer.org/kamerstuk/31234/57/">de brief</a>.</p>',
    );
    expect(seenReferences().map((r) => [r.ids, r.pieces])).toEqual([
      ['kst-34352-349', ['Kamerstuk 34 352, nr. 349']],
      ['kst-31234-57', ['de brief']],
    ]);
  });

  it('finds a citing link deep in inline markup, after a link that cites nothing', async () => {
    await scanPage(
      '<p>Zie <a href="#boven">boven</a> en <span><b><a href="https://www.openkamer.org/kamerstuk/31234/57/">de brief</a></b></span>.</p>',
    );
    expect(seenReferences().map((r) => [r.ids, r.pieces])).toEqual([['kst-31234-57', ['de brief']]]);
  });

  it.each([
    ['javascript:', '<p><a href="javascript:open(\'kst-36600-XV-85\')">Brief</a></p>'],
    ['an extension page', '<p><a href="chrome-extension://abc/sidepanel.html#kst-36600-XV-85">Brief</a></p>'],
    ['a data address', '<p><a href="data:text/html,kst-36600-XV-85">Brief</a></p>'],
    [
      'an href that is no reference',
      '<p><a href="https://example.org/artikel/31234?page=57">Artikel</a></p>',
    ],
    [
      'a link with no text',
      '<p><a href="https://www.openkamer.org/kamerstuk/31234/57/"><img alt=""></a></p>',
    ],
    [
      'a link around whole blocks',
      '<a href="https://www.openkamer.org/kamerstuk/31234/57/"><div>Brief</div><div>Meer</div></a>',
    ],
  ])('leaves %s alone', async (_, html) => {
    await scanPage(html);
    expect(seenReferences()).toEqual([]);
  });

  it('keeps the link mark on a rescan and marks a link added later', async () => {
    const { scanner } = await scanPage(
      '<ul><li><a href="https://www.openkamer.org/kamerstuk/31234/57/">Brief</a></li></ul>',
    );
    const first = document.querySelector('kamerlens-ref');
    const item = document.createElement('li');
    item.innerHTML = '<a href="https://zoek.officielebekendmakingen.nl/kst-36600-XV-85.html">Begroting</a>';
    document.querySelector('ul')?.append(item);
    document.querySelector('li')?.append(' (pdf)');
    await scanner.idle();
    expect(seenReferences().map((r) => [r.ids, r.pieces])).toEqual([
      ['kst-31234-57', ['Brief']],
      ['kst-36600-XV-85', ['Begroting']],
    ]);
    expect(first?.isConnected).toBe(true);
  });
});
