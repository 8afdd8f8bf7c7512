import { afterEach, describe, expect, it } from 'vitest';
import type { PageReference } from '../../../../data/messages';
import { answerPanel } from '../../../../entrypoints/content/scanner/page-references';
import { makeCitation } from '../../../fixtures/builders';

/** The content-script side of "on this page", over a stand-in registry. */
function setup() {
  document.body.innerHTML =
    '<p>Zie <kamerlens-ref id="m1" tabindex="0">Kamerstuk 34 352, nr. 349</kamerlens-ref> en <a href="#x"><kamerlens-ref id="m2">2024Z15690</kamerlens-ref></a>.</p>';
  const marks = new Map<number, Element[]>([
    [1, [document.getElementById('m1') as Element]],
    [2, [document.getElementById('m2') as Element]],
  ]);
  const references: PageReference[] = [
    { group: 1, citation: makeCitation({ raw: 'Kamerstuk 34 352, nr. 349', ids: ['kst-34352-349'] }) },
    { group: 2, citation: makeCitation({ raw: '2024Z15690', ids: ['2024Z15690'], kind: 'zaak' }) },
  ];
  const registry = { pageReferences: () => references, marksOfGroup: (g: number) => marks.get(g) ?? [] };
  const opened: [string, string][] = [];
  const popover = { open: (mark: HTMLElement, how: 'focus' | 'pin') => opened.push([mark.id, how]) };
  return { registry, popover, opened, references };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('content script: answering the side panel', () => {
  it('lists the page references', () => {
    const { registry, popover, references } = setup();
    expect(answerPanel({ type: 'pageReferences', payload: {} }, registry, popover)).toEqual({
      ok: true,
      value: references,
    });
  });

  it('reveals a reference by opening its popover pinned', () => {
    const { registry, popover, opened } = setup();
    expect(answerPanel({ type: 'revealReference', payload: { group: 2 } }, registry, popover)).toEqual({
      ok: true,
      value: true,
    });
    expect(opened).toEqual([['m2', 'pin']]);
  });

  it('without a popover, focuses the reference (or the link around it)', () => {
    const { registry } = setup();
    answerPanel({ type: 'revealReference', payload: { group: 2 } }, registry, null);
    expect(document.activeElement?.tagName).toBe('A');
    answerPanel({ type: 'revealReference', payload: { group: 1 } }, registry, null);
    expect(document.activeElement?.id).toBe('m1');
  });

  it.each([
    [
      { type: 'revealReference', payload: { group: 9 } },
      { ok: true, value: false },
    ],
    [
      { type: 'revealReference', payload: { group: '1' } },
      { ok: false, error: 'revealReference: group must be a positive integer' },
    ],
    [
      { type: 'revealReference', payload: null },
      { ok: false, error: 'revealReference: group must be a positive integer' },
    ],
    [{ type: 'lookup', payload: {} }, undefined],
    ['pageReferences', undefined],
    [null, undefined],
  ])('%j → %j', (message, expected) => {
    const { registry, popover } = setup();
    expect(answerPanel(message, registry, popover)).toEqual(expected);
  });
});
