import { describe, expect, it } from 'vitest';
import { type TextBlock, textBlocks } from '../../../../entrypoints/content/scanner/text-blocks';
import { wrapRange } from '../../../../entrypoints/content/scanner/wrap-range';

const firstBlock = (html: string): TextBlock => {
  document.body.innerHTML = html;
  return [...textBlocks(document.body, true)].find((block) => block !== null) as TextBlock;
};
const mark = () => document.createElement('kamerlens-ref');

describe('wrapRange', () => {
  it.each([
    [
      'inside one text node',
      '<p>Zie Kamerstuk 34352-349 nu</p>',
      'Kamerstuk 34352-349',
      ['Kamerstuk 34352-349'],
    ],
    [
      'across a link',
      '<p>Zie Kamerstuk 34 352, <a href="#x">nr. 349</a>.</p>',
      'Kamerstuk 34 352, nr. 349',
      ['Kamerstuk 34 352, ', 'nr. 349'],
    ],
    [
      'across nested inline elements',
      '<p><b>Kamerstukken II</b> 2023/24, <i><span>34</span> 352</i>, nr. 306</p>',
      'Kamerstukken II 2023/24, 34 352, nr. 306',
      ['Kamerstukken II', ' 2023/24, ', '34', ' 352', ', nr. 306'],
    ],
    [
      'whitespace-only pieces are left unwrapped',
      '<p><b>2024Z</b> <i>15690</i></p>',
      '2024Z 15690',
      ['2024Z', '15690'],
    ],
    [
      // What trim() removes: em, ideographic and line-break spaces; a zero-width space is text.
      'pieces of other spaces are left unwrapped, a zero-width space is not one',
      '<p><b>2024Z</b>\u2003\u3000\n<i>15690</i>\u200b<u>nr</u></p>',
      '2024Z\u2003\u3000\n15690\u200bnr',
      ['2024Z', '15690', '\u200b', 'nr'],
    ],
  ])('%s', (_name, html, stretch, pieces) => {
    const block = firstBlock(html);
    const before = document.body.innerHTML.replace(/<[^>]+>/g, '');
    const start = block.text.indexOf(stretch);
    const marks = wrapRange(block, start, start + stretch.length, mark);
    expect(marks.map((m) => m.textContent)).toEqual(pieces);
    expect(document.body.textContent).toBe(before);
    for (const m of marks) expect(m.childNodes).toHaveLength(1);
  });

  it('keeps earlier offsets valid when stretches in one node are wrapped last to first', () => {
    const block = firstBlock('<p>A 2024Z15690 en B 2024D43182 eind</p>');
    const second = block.text.indexOf('2024D43182');
    const first = block.text.indexOf('2024Z15690');
    wrapRange(block, second, second + 10, mark);
    wrapRange(block, first, first + 10, mark);
    expect(document.body.innerHTML).toBe(
      '<p>A <kamerlens-ref>2024Z15690</kamerlens-ref> en B <kamerlens-ref>2024D43182</kamerlens-ref> eind</p>',
    );
  });

  it('leaves the link in place with its href, the mark inside it', () => {
    const block = firstBlock('<p>Kamerstuk 34 352, <a href="/kst">nr. 349</a></p>');
    wrapRange(block, 0, block.text.length, mark);
    const link = document.querySelector('a') as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe('/kst');
    expect(link.firstElementChild?.localName).toBe('kamerlens-ref');
    expect(link.textContent).toBe('nr. 349');
  });
});
