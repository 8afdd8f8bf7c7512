import { afterEach, describe, expect, it } from 'vitest';
import { planBlock } from '../../../entrypoints/content/mark-block';
import { createMarkRegistry } from '../../../entrypoints/content/mark-registry';
import { MarkWriter } from '../../../entrypoints/content/mark-writer';
import { type TextBlock, textBlocks } from '../../../entrypoints/content/text-blocks';
import { markedIds, seenReferences } from './scanner-helpers';

afterEach(() => {
  document.body.innerHTML = '';
});

/** The text blocks of the body that have text to scan. */
const blocks = (): TextBlock[] =>
  [...textBlocks(document.body, true)].filter((block): block is TextBlock => block !== null);

const registry = createMarkRegistry();

/** A writer with every block of `html` planned, nothing written yet. */
function planned(html: string): MarkWriter {
  document.body.innerHTML = html;
  const writer = new MarkWriter(registry, 'verwijzing');
  for (const block of blocks()) writer.add(planBlock(block, registry), 0);
  return writer;
}

describe('mark writer', () => {
  it('writes nothing until asked, then the planned marks in document order', () => {
    const writer = planned(
      '<p>Kamerstuk 34 352, nr. 340</p><p>Zie 2024Z15690 en Kamerstuk 36 600 XV, nr. 85</p>',
    );
    expect(writer.size).toBe(2);
    expect(markedIds()).toEqual([]);
    const marked = writer.write(1_000, () => 0);
    const ids = ['kst-34352-340', '2024Z15690', 'kst-36600-XV-85'];
    expect(marked.map((reference) => reference.citation.ids.join(' '))).toEqual(ids);
    expect(markedIds()).toEqual(ids);
    expect(writer.size).toBe(0);
  });

  it('writes at least one plan per call, and no more once the budget is spent', () => {
    const writer = planned(
      '<p>Kamerstuk 34 352, nr. 340</p><p>2024Z15690</p><p>Kamerstuk 36 600 XV, nr. 85</p>',
    );
    let now = 0;
    const clock = () => now++;
    expect(writer.write(0, clock)).toHaveLength(1);
    expect(writer.write(0, clock)).toHaveLength(1);
    expect(markedIds()).toEqual(['kst-34352-340', '2024Z15690']);
    expect(writer.waitedMs(now + 10)).toBeGreaterThan(0);
    writer.write(0, clock);
    expect(writer.waitedMs(now + 10)).toBe(0);
  });

  it('drops a plan whose text the page changed or removed before it was written', () => {
    const writer = planned(
      '<p id="a">Kamerstuk 34 352, nr. 340</p><p id="b">2024Z15690</p><p>Kamerstuk 36 600 XV, nr. 85</p>',
    );
    document.querySelector('#a')?.firstChild?.replaceWith('Kamerstuk 34 352, nr. 349');
    (document.querySelector('#b')?.firstChild as Text).data = 'geen zaak 12';
    writer.write(1_000, () => 0);
    expect(markedIds()).toEqual(['kst-36600-XV-85']);
    expect(document.body.textContent).toBe(
      'Kamerstuk 34 352, nr. 349geen zaak 12Kamerstuk 36 600 XV, nr. 85',
    );
  });

  it('writes only the newest plan when the same text was planned twice', () => {
    const writer = planned('<p>Kamerstuk 34 352, nr. 34</p>');
    // The page appended a text node to the paragraph; read again, the reference is longer. The
    // first plan's text is unchanged, yet writing it would mark the shorter, wrong reference.
    document.querySelector('p')?.append('0');
    writer.add(planBlock(blocks()[0] as TextBlock, registry), 0);
    writer.write(1_000, () => 0);
    expect(seenReferences()).toEqual([
      { ids: 'kst-34352-340', kind: 'kamerstuk', pieces: ['Kamerstuk 34 352, nr. 34', '0'] },
    ]);
  });
});
