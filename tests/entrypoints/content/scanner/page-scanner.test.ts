import { describe, expect, it } from 'vitest';
import { markedIds, type SeenReference, scanPage, seenReferences } from './scanner-helpers';

describe('page scanner: what gets marked', () => {
  it.each<[string, string, SeenReference[]]>([
    [
      'a reference split over text and a link',
      '<p>Zie Kamerstuk 34 352, <a href="/kst">nr. 349</a>.</p>',
      [{ ids: 'kst-34352-349', kind: 'kamerstuk', pieces: ['Kamerstuk 34 352, ', 'nr. 349'] }],
    ],
    [
      'nested inline markup',
      '<p><b>Kamerstukken II</b> 2023/24, <i><span>34</span> 352</i>, nr. 306</p>',
      [
        {
          ids: 'kst-34352-306',
          kind: 'kamerstuk',
          pieces: ['Kamerstukken II', ' 2023/24, ', '34', ' 352', ', nr. 306'],
        },
      ],
    ],
    [
      'non-breaking and thin spaces',
      '<p>Kamerstukken&nbsp;II 2025/26, 34\u2009352, nr.&nbsp;349</p>',
      [
        {
          ids: 'kst-34352-349',
          kind: 'kamerstuk',
          pieces: ['Kamerstukken\u00a0II 2025/26, 34\u2009352, nr.\u00a0349'],
        },
      ],
    ],
    [
      'a line break inside a reference',
      '<p>Kamerstukken II, 2023–2024,<br>26 448, nr. 742</p>',
      [
        {
          ids: 'kst-26448-742',
          kind: 'kamerstuk',
          pieces: ['Kamerstukken II, 2023–2024,', '26 448, nr. 742'],
        },
      ],
    ],
    [
      'several papers in one reference',
      '<p>(Kamerstukken II, 17 050, nrs. 601, 603 en 605)</p>',
      [
        {
          ids: 'kst-17050-601 kst-17050-603 kst-17050-605',
          kind: 'kamerstuk',
          pieces: ['Kamerstukken II, 17 050, nrs. 601, 603 en 605'],
        },
      ],
    ],
    [
      'aanhangsel and zaak in one paragraph',
      '<p>Aanhangsel Handelingen II 2024/25, nr. 520 (zaak 2024Z15690).</p>',
      [
        {
          ids: 'ah-tk-20242025-520',
          kind: 'aanhangsel',
          pieces: ['Aanhangsel Handelingen II 2024/25, nr. 520'],
        },
        { ids: '2024Z15690', kind: 'zaak', pieces: ['2024Z15690'] },
      ],
    ],
    [
      'footnote list items',
      '<ol><li><a href="#r1">1</a> Kamerstukken II, 2019/2020, 34352, nr. 187</li><li>Kamerstuk 36 600 XV, nr. 85</li></ol>',
      [
        { ids: 'kst-34352-187', kind: 'kamerstuk', pieces: ['Kamerstukken II, 2019/2020, 34352, nr. 187'] },
        { ids: 'kst-36600-XV-85', kind: 'kamerstuk', pieces: ['Kamerstuk 36 600 XV, nr. 85'] },
      ],
    ],
  ])('%s', async (_name, html, expected) => {
    await scanPage(html);
    expect(seenReferences()).toEqual(expected);
  });

  it.each([
    ['two paragraphs', '<p>Kamerstuk 34 352,</p><p>nr. 349</p>'],
    ['two list items', '<ul><li>Kamerstukken II 2024/25, 34 352,</li><li>nr. 330</li></ul>'],
    ['two table cells', '<table><tr><td>Kamerstuk 34352</td><td>nr. 349</td></tr></table>'],
    ['a block between', '<div>Kamerstuk 34 352, <div>Nr. 4</div>nr. 349</div>'],
  ])('never joins text across block boundaries: %s', async (_name, html) => {
    await scanPage(html);
    for (const reference of seenReferences()) {
      expect(reference.ids).not.toMatch(/kst-34352-(349|330)/);
      expect(reference.pieces).toHaveLength(1);
    }
  });

  it.each([
    ['textarea', '<textarea>Kamerstukken II 2025/26, 34352, nr. 349</textarea>'],
    ['input value', '<input value="Kamerstuk 34 352, nr. 340">'],
    ['select option', '<select><option>Kamerstuk 36 600 XV, nr. 85</option></select>'],
    [
      'contenteditable',
      '<div contenteditable="true"><p>Kamerstukken II, 2020/2021, 34352, nr. 216</p></div>',
    ],
    ['contenteditable plaintext-only', '<div contenteditable="plaintext-only">Kamerstuk 34352-349</div>'],
    ['script', '<script>var r = "Kamerstukken II 2023/24, 26 448, nr. 742";</script>'],
    ['style', '<style>/* Kamerstuk 34352-349 */</style>'],
    ['noscript', '<noscript>Kamerstuk 17 050, nr. 601</noscript>'],
    ['code', '<p>Invoer: <code>Kamerstuk 34352-349</code></p>'],
    ['hidden', '<div hidden><p>Kamerstukken II, 2019/2020, 34352, nr. 187</p></div>'],
    ['svg', '<svg><text>Kamerstuk 34352-349</text></svg>'],
    ['button', '<button>Kamerstuk 34352-349</button>'],
    ['Kamerlens UI', '<kamerlens-popover><p>Kamerstuk 34352-349</p></kamerlens-popover>'],
  ])('skips %s', async (_name, html) => {
    await scanPage(`${html}<p>Controle: Kamerstuk 34 352, nr. 340.</p>`);
    expect(markedIds()).toEqual(['kst-34352-340']);
  });

  it('does not mark look-alikes', async () => {
    await scanPage(
      '<p>Stb. 2014, 270; artikel 34; kenmerk 2024-0000933473; schooljaar 2018/2019; 1234 AB Utrecht.</p><h2>Nr. 4</h2>',
    );
    expect(markedIds()).toEqual([]);
  });
});

describe('page scanner: the page stays intact', () => {
  const PAGE =
    '<article><h1>Brief</h1><p>Zie <b>Kamerstukken II</b> 2023/24, <i>34 352</i>, nr. 306 en ' +
    '<a href="https://example.org/kst" title="bron">Kamerstuk 34 352, nr. 349</a>.</p>' +
    '<p>Antwoord: Aanhangsel Handelingen II 2024/25, nr. 520.<sup>1</sup></p>' +
    '<ul><li>Zaak 2024Z15690</li></ul></article>';

  it('keeps textContent, links and element structure', async () => {
    document.body.innerHTML = PAGE;
    const text = document.body.textContent;
    const links = [...document.querySelectorAll('a')].map((a) => [a.href, a.title, a.textContent]);
    const structure = [...document.body.querySelectorAll('*')].map((el) => el.localName);
    await scanPage(PAGE);
    expect(markedIds()).toHaveLength(4);
    expect(document.body.textContent).toBe(text);
    expect([...document.querySelectorAll('a')].map((a) => [a.href, a.title, a.textContent])).toEqual(links);
    const after = [...document.body.querySelectorAll('*')]
      .map((el) => el.localName)
      .filter((n) => n !== 'kamerlens-ref');
    expect(after).toEqual(structure);
  });

  it('gives the first piece the tab stop and an accessible name, outside links only', async () => {
    await scanPage(PAGE);
    const focusable = [...document.querySelectorAll('kamerlens-ref[tabindex]')];
    expect(focusable.map((m) => m.getAttribute('aria-label'))).toEqual([
      'Kamerstukken II 2023/24, 34 352, nr. 306',
      'Aanhangsel Handelingen II 2024/25, nr. 520',
      '2024Z15690',
    ]);
    for (const mark of focusable) {
      expect(mark.getAttribute('tabindex')).toBe('0');
      expect(mark.getAttribute('role')).toBe('button');
      expect(mark.getAttribute('aria-roledescription')).toBe('verwijzing');
    }
    const inLink = document.querySelector('a kamerlens-ref') as Element;
    expect(inLink.hasAttribute('tabindex') || inLink.hasAttribute('role')).toBe(false);
  });

  it('is idempotent: a rescan of the same text adds no marks', async () => {
    const { scanner } = await scanPage(PAGE);
    const before = document.body.innerHTML;
    // Touching each paragraph queues it for a rescan.
    for (const p of document.querySelectorAll('p')) p.append('');
    await scanner.idle();
    expect(document.body.innerHTML).toBe(before);
    expect(document.querySelectorAll('kamerlens-ref kamerlens-ref')).toHaveLength(0);
  });

  it('removes its marks and restores the text when stopped', async () => {
    document.body.innerHTML = PAGE;
    const text = document.body.textContent;
    const { stop } = await scanPage(PAGE);
    stop();
    expect(document.querySelectorAll('kamerlens-ref')).toHaveLength(0);
    expect(document.body.textContent).toBe(text);
  });
});
