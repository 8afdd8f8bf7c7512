import { describe, expect, it } from 'vitest';
import { placeFootnotes, richPieces } from '../../../components/sidepanel/rich-text';
import type { ReferenceRecord } from '../../../data/dataset/types';
import { monitoringsbrief } from '../../fixtures/sidepanel/sample-documents';
import { fakeRecognize } from './render-panel';

const record = (raw: string, ids: string[]): ReferenceRecord => ({
  ids,
  raw,
  kind: 'kamerstuk',
  context: raw,
  citedAs: null,
  location: null,
});

const show = (pieces: ReturnType<typeof richPieces>) =>
  pieces.map((p) =>
    p.kind === 'text' ? p.text : p.kind === 'reference' ? `[${p.text}→${p.ids}]` : `^${p.footnote.number}`,
  );

describe('richPieces', () => {
  it.each([
    ['Zie kst-34352-349 en verder.', [], ['Zie ', '[kst-34352-349→kst-34352-349]', ' en verder.']],
    [
      'Zie (TK 34 352, nr 327).',
      [record('TK 34 352, nr 327', ['kst-34352-327'])],
      ['Zie (', '[TK 34 352, nr 327→kst-34352-327]', ').'],
    ],
    // A record's raw text written across a line break still matches the cleaned paragraph.
    [
      'Zie TK 34 352, nr 327.',
      [record('TK 34 352,\nnr 327', ['kst-34352-327'])],
      ['Zie ', '[TK 34 352, nr 327→kst-34352-327]', '.'],
    ],
    ['Geen verwijzing.', [], ['Geen verwijzing.']],
  ])('%j', (text, records, expected) => {
    expect(show(richPieces(text, fakeRecognize, records))).toEqual(expected);
  });

  it('puts a footnote marker after its sentence, never inside a reference', () => {
    const footnotes = [
      { number: '1', text: 'Noot.', anchor: 'Eerste zin.' },
      { number: '2', text: 'Noot.', anchor: 'Zie kst-343' },
    ];
    expect(show(richPieces('Eerste zin. Zie kst-34352-349 hier.', fakeRecognize, [], footnotes))).toEqual([
      'Eerste zin.',
      '^1',
      ' Zie ',
      '[kst-34352-349→kst-34352-349]',
      '^2',
      ' hier.',
    ]);
  });
});

describe('placeFootnotes', () => {
  it('places each footnote in the paragraph holding its anchor, the rest unplaced', () => {
    const doc = {
      ...monitoringsbrief,
      footnotes: [...monitoringsbrief.footnotes, { number: '2', text: 'Los.', anchor: 'Nergens te vinden.' }],
    };
    const { byText, unplaced } = placeFootnotes(doc);
    expect([...byText].map(([key, notes]) => [key, notes.map((n) => n.number)])).toEqual([['s:1:0', ['1']]]);
    expect(unplaced.map((n) => n.number)).toEqual(['2']);
  });
});
