import { describe, expect, it } from 'vitest';
import { facetsOf, matchesFilter, NO_FILTER } from '../../../data/annotations/filter';
import { sampleRecord } from '../../fixtures/annotations/arbitraries';

const a = sampleRecord();
const b = sampleRecord({ id: 'urn:uuid:b' });

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
