import { describe, expect, it } from 'vitest';
import { layoutQa, resolvePointer } from '../../../components/sidepanel/qa-layout';
import type { QaItem } from '../../../data/dataset/types';

function item(number: string, answer: string | null, extra: Partial<QaItem> = {}): QaItem {
  return {
    number,
    question: `Vraag ${number}?`,
    questionShort: '',
    answer,
    sharedWith: [],
    refersTo: null,
    flags: [],
    ...extra,
  };
}

describe('layoutQa', () => {
  it('hosts a shared answer after the last question it answers, also when only the first carries the text', () => {
    const rows = layoutQa([
      item('1', 'Een.'),
      item('2', 'Samen.', { sharedWith: ['2', '3'] }),
      item('3', null, { sharedWith: ['2', '3'] }),
    ]);
    expect(rows.map((r) => [r.item.number, r.hostsAnswer, r.block.anchor, r.block.text])).toEqual([
      ['1', true, 'answer-1', 'Een.'],
      ['2', false, 'answer-2-3', 'Samen.'],
      ['3', true, 'answer-2-3', 'Samen.'],
    ]);
  });
});

describe('resolvePointer', () => {
  const qa = [
    item('1', 'Een.'),
    item('2', 'Twee.'),
    item('3', 'Zie hierboven.', { refersTo: '1' }),
    item('4', 'Zie hierboven.'),
    item('5', 'Zie het antwoord op vraag 2.'),
    item('6', 'Gewoon een antwoord.'),
  ];
  const rows = layoutQa(qa);
  const pointer = (n: number) => {
    const row = rows[n - 1];
    if (!row) throw new Error('row');
    const p = resolvePointer(rows, row);
    if (!p) return null;
    return p.kind === 'one' ? p.block.numbers : p.blocks.map((b) => b.numbers.join(','));
  };

  it.each([
    [3, ['1']],
    [4, ['1', '2', '3']],
    [5, ['1', '2', '3', '4']],
    [6, null],
    [1, null],
  ])('answer %i points at %j', (n, expected) => {
    expect(pointer(n)).toEqual(expected);
  });
});
