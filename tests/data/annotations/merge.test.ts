import { describe, expect, it } from 'vitest';
import { planMerge } from '../../../data/annotations/merge';
import { sampleRecord } from '../../fixtures/annotations/arbitraries';

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
