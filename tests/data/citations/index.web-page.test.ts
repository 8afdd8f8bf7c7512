/**
 * A hand-written page text in the style of a web-published letter (no-break and thin spaces,
 * a link, look-alikes between the references): every reference in order, nothing else.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCitations } from '../../../data/citations';

const TEXT = readFileSync(join(import.meta.dirname, '../../fixtures/recognizer/kamerbrief-web.txt'), 'utf8');

const EXPECTED: Array<[kind: string, ids: string]> = [
  ['dossier', 'dossier-36582'],
  ['kamerstuk', 'kst-34352-330'],
  ['kamerstuk', 'kst-34352-349'],
  ['handelingen', 'h-tk-20242025-112-5'],
  ['kamerstuk', 'kst-36600-XV-85'],
  ['aanhangsel', 'ah-tk-20242025-520'],
  ['zaak', '2024Z15690'],
  ['kamerstuk', 'kst-36582-F'],
  ['kamerstuk', 'kst-36582-F'],
  ['kamerstuk', 'kst-36582-G'],
  ['kamerstuk', 'kst-17050-601 kst-17050-603 kst-17050-605'],
];

describe('recognizer on a web-style page text', () => {
  it('finds exactly the references, in order', () => {
    const found = findCitations(TEXT);
    expect(found.map((c) => [c.kind, c.ids.join(' ')])).toEqual(EXPECTED);
    for (const c of found) expect(TEXT.slice(c.start, c.end)).toBe(c.raw);
  });
});
