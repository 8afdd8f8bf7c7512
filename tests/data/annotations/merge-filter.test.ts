import { describe, expect, it } from 'vitest';
import { facetsOf, matchesFilter, NO_FILTER } from '../../../data/annotations/filter';
import { planMerge } from '../../../data/annotations/merge';
import { sampleRecord } from './arbitraries';

const a = sampleRecord();
const newerA = { ...a, modified: '2026-04-01T00:00:00.000Z', body: { ...a.body, note: 'nieuwer' } };
const olderA = { ...a, modified: '2026-01-01T00:00:00.000Z', body: { ...a.body, note: 'ouder' } };
const b = sampleRecord({ id: 'urn:uuid:b' });

describe('planMerge', () => {
  it.each([
    { name: 'new note is added', stored: [], incoming: [b], put: [b], counts: [1, 0, 0] },
    { name: 'newer version replaces', stored: [a], incoming: [newerA], put: [newerA], counts: [0, 1, 0] },
    { name: 'older version is ignored', stored: [a], incoming: [olderA], put: [], counts: [0, 0, 1] },
    { name: 'same version is unchanged', stored: [a], incoming: [a], put: [], counts: [0, 0, 1] },
    {
      name: 'duplicates in the file: the newest counts',
      stored: [],
      incoming: [olderA, newerA, a],
      put: [newerA],
      counts: [1, 0, 2],
    },
  ])('$name', ({ stored, incoming, put, counts }) => {
    const plan = planMerge(new Map(stored.map((r) => [r.id, r])), incoming);
    expect(plan.put).toEqual(put);
    expect([plan.added, plan.updated, plan.unchanged]).toEqual(counts);
  });
});

describe('filters', () => {
  const nos = sampleRecord({
    id: 'urn:uuid:nos',
    target: {
      source: 'https://nos.nl/artikel/1',
      selectors: [{ type: 'TextQuoteSelector', exact: 'Loonkostensubsidie', prefix: '', suffix: '' }],
    },
    body: { note: 'Pilot Rotterdam', tags: ['pilot'], linkedDocumentIds: [] },
  });
  it.each([
    [{ ...NO_FILTER }, ['urn:uuid:00000000-0000-4000-8000-000000000001', 'urn:uuid:nos']],
    [{ ...NO_FILTER, tag: 'pilot' }, ['urn:uuid:nos']],
    [{ ...NO_FILTER, documentId: 'kst-34352-349' }, ['urn:uuid:00000000-0000-4000-8000-000000000001']],
    [{ ...NO_FILTER, site: 'nos.nl' }, ['urn:uuid:nos']],
    [{ ...NO_FILTER, text: 'rotterdam loonkosten' }, ['urn:uuid:nos']],
    [{ ...NO_FILTER, text: 'CIJFER' }, ['urn:uuid:00000000-0000-4000-8000-000000000001']],
  ])('%j', (filter, ids) => {
    expect([a, nos].filter((r) => matchesFilter(r, filter)).map((r) => r.id)).toEqual(ids);
  });
  it('counts facet values', () => {
    expect(facetsOf([a, nos, b])).toEqual({
      tags: [
        { value: 'bijstand', count: 2 },
        { value: 'cijfers', count: 2 },
        { value: 'pilot', count: 1 },
      ],
      documents: [{ value: 'kst-34352-349', count: 2 }],
      sites: [
        { value: 'nu.nl', count: 2 },
        { value: 'nos.nl', count: 1 },
      ],
    });
  });
});
