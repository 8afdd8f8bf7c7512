import { beforeEach, describe, expect, it } from 'vitest';
import {
  hasTextAtMost,
  OPAQUE,
  type TextBlock,
  textBlocks,
} from '../../../../entrypoints/content/scanner/text-blocks';

const blockTexts = (html: string, deep = true, scope?: string): string[] => {
  document.body.innerHTML = html;
  const root = scope ? (document.querySelector(scope) as Element) : document.body;
  return [...textBlocks(root, deep)].flatMap((block) => (block ? [block.text] : []));
};

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('textBlocks', () => {
  it.each([
    [
      'inline elements join',
      '<p>Kamerstuk 34 352, <a href="#">nr. 349</a>.</p>',
      ['Kamerstuk 34 352, nr. 349.'],
    ],
    [
      'nested inline markup joins',
      '<p><b>Kamerstukken II</b> 2023/24, <i><span>34</span> 352</i>, nr. 306</p>',
      ['Kamerstukken II 2023/24, 34 352, nr. 306'],
    ],
    ['paragraphs stay apart', '<p>Kamerstuk 34 352,</p><p>nr. 349</p>', ['Kamerstuk 34 352,', 'nr. 349']],
    [
      'a block inside a block splits the outer text',
      '<div>Kamerstuk 34 352, <div>tussen 1</div>nr. 349</div>',
      ['Kamerstuk 34 352, ', 'tussen 1', 'nr. 349'],
    ],
    [
      'an empty block still splits',
      '<div>Kamerstuk 34 352, <p></p>nr. 349</div>',
      ['Kamerstuk 34 352, ', 'nr. 349'],
    ],
    [
      'list items and cells stay apart',
      '<ul><li>nr 1</li><li>nr 2</li></ul><table><tr><td>3</td><td>4</td></tr></table>',
      ['nr 1', 'nr 2', '3', '4'],
    ],
    [
      'br is a line break',
      '<p>Kamerstukken II, 2023–2024,<br>26 448, nr. 742</p>',
      ['Kamerstukken II, 2023–2024,\n26 448, nr. 742'],
    ],
    [
      'skipped inline content is opaque',
      '<p>Kamerstuk 34352<code>x</code>-349</p>',
      [`Kamerstuk 34352${OPAQUE}-349`],
    ],
    [
      'marks are read again',
      '<p>1 <kamerlens-ref>Kamerstuk 34352-349</kamerlens-ref> 2</p>',
      ['1 Kamerstuk 34352-349 2'],
    ],
    [
      'other Kamerlens elements are opaque',
      '<p>1 <kamerlens-popover>x</kamerlens-popover> 2</p>',
      [`1 ${OPAQUE} 2`],
    ],
    [
      'skipped regions contribute nothing',
      '<textarea>nr 1</textarea><script>var a = "nr 2";</script><style>p{}</style><div contenteditable="true">nr 3</div>' +
        '<div hidden>nr 4</div><svg><text>nr 5</text></svg><select><option>nr 6</option></select><noscript>nr 7</noscript>' +
        '<button>nr 8</button><div contenteditable="false">nr 9</div>',
      ['nr 9'],
    ],
    ['blocks without digits are left out', '<p>geen cijfers</p><p>wel 1</p>', ['wel 1']],
  ])('%s', (_name, html, expected) => {
    expect(blockTexts(html)).toEqual(expected);
  });

  it('yields null for runs without digits, so a long digit-free page still has pause points', () => {
    document.body.innerHTML = '<p>een</p><p>twee</p><p>drie 3</p>';
    expect([...textBlocks(document.body, true)].map((block) => block?.text ?? null)).toEqual([
      null,
      null,
      'drie 3',
    ]);
  });

  it('says which runs hold a link whose href may be a reference (only those are read for link citations)', () => {
    document.body.innerHTML =
      '<p>Zie <b><i><a href="https://zoek.officielebekendmakingen.nl/kst-36600-XV-85.html">de brief</a></i></b> 1</p>' +
      '<p>Zie <a href="#boven">boven</a> 2</p>' +
      '<div><a href="/kst-1">kop</a><p>binnen 3</p>na de kop 4</div>' +
      '<p>Geen link 5</p>' +
      '<p>Alleen de <a href="/kst-36600-XV-85">brief</a></p>';
    const runs = [...textBlocks(document.body, true)].map((block) => block && [block.text, block.linked]);
    expect(runs).toEqual([
      ['Zie de brief 1', true],
      ['Zie boven 2', false],
      // The link ends before the nested block: the run after the block starts without it.
      ['kop', true],
      ['binnen 3', false],
      ['na de kop 4', false],
      ['Geen link 5', false],
      // No digit in the text, but one in the href: read for the link.
      ['Alleen de brief', true],
    ]);
  });

  it('shallow walks leave nested blocks out', () => {
    expect(blockTexts('<div id="s">a 1 <p>b 2</p> c 3 <span>d 4</span></div>', false, '#s')).toEqual([
      'a 1 ',
      ' c 3 d 4',
    ]);
  });

  it('maps every node to its offset in the joined text', () => {
    document.body.innerHTML = '<p>Zie <b>Kamerstuk</b> 34<br>352 <i>nr. 1</i></p>';
    const [block] = [...textBlocks(document.body, true)] as [TextBlock];
    expect(block).not.toBeNull();
    block.nodes.forEach((node, i) => {
      const start = block.starts[i] as number;
      expect(block.text.slice(start, start + node.data.length)).toBe(node.data);
    });
  });

  it('reports an interrupted walk when the page removed its position during a pause', () => {
    document.body.innerHTML = '<div id="s"><p>a 1</p><p>b 2</p><p>c 3</p></div>';
    const scope = document.querySelector('#s') as Element;
    const walk = textBlocks(scope, true);
    expect(walk.next().value).toMatchObject({ text: 'a 1' });
    scope.querySelectorAll('p')[1]?.remove();
    let step = walk.next();
    while (!step.done) step = walk.next();
    expect(step.value).toBe(false);
  });
});

describe('hasTextAtMost: whether a section is small enough to read whole', () => {
  it.each([
    // [html, limit, expected]: text in nested elements counts, markup does not
    ['<p>abc</p><p><b>de</b>f</p>', 6, true],
    ['<p>abc</p><p><b>de</b>f</p>', 5, false],
    ['', 0, true],
    ['<p><img alt="lange tekst"></p>', 0, true],
  ] as const)('%s within %i → %s', (html, limit, expected) => {
    const section = document.createElement('section');
    section.innerHTML = html;
    expect(hasTextAtMost(section, limit)).toBe(expected);
  });
});
