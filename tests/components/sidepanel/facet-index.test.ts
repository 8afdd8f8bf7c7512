import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFacetIndex, facetsOfHead } from '../../../components/sidepanel/facet-index';
import { type LibraryFilters, NO_FILTERS } from '../../../components/sidepanel/facets';
import { catalogId, catalogOf, headOf, mergeHeads } from '../../../data/search/catalog';
import { FIXTURE_DOCUMENTS } from '../../fixtures/sidepanel/sample-documents';

const docs = FIXTURE_DOCUMENTS.filter((d) => !d.stub);
const facets = createFacetIndex(catalogOf(docs));
const ids = (filters: Partial<LibraryFilters>) => {
  const accept = facets.acceptor({ ...NO_FILTERS, ...filters });
  return docs.filter((_, d) => accept(d)).map((d) => d.id);
};

describe('facet index', () => {
  it.each<[Partial<LibraryFilters>, string[]]>([
    [{}, ['local-002', 'ah-tk-20242025-520', 'kst-34352-349', 'kst-34352-330']],
    [{ kinds: ['brief'] }, ['kst-34352-349', 'kst-34352-330']],
    [{ kinds: ['brief', 'antwoord'] }, ['local-002', 'ah-tk-20242025-520', 'kst-34352-349', 'kst-34352-330']],
    [{ from: '2024-12-01' }, ['local-002', 'kst-34352-349', 'kst-34352-330']],
    [{ from: '2024-12-01', to: '2025-12-31' }, ['kst-34352-349', 'kst-34352-330']],
    [{ author: 'Aartsen' }, ['local-002']],
    [{ author: 'Nobody' }, []],
    [{ dossier: '34352', kinds: ['antwoord'] }, []],
  ])('%j', (filters, expected) => {
    expect(ids(filters)).toEqual(expected);
  });

  it('counts within a subset, each filter under the others', () => {
    const counts = facets.count([1, 2], { ...NO_FILTERS, kinds: ['brief'] });
    expect(counts.kind).toEqual([
      { value: 'antwoord', count: 1 },
      { value: 'brief', count: 1 },
    ]);
    expect(counts.year).toEqual([{ value: '2025', count: 1 }]);
    expect(counts.author).toEqual([{ value: 'Nobel', count: 1 }]);
  });

  it('lists at most the most frequent authors, and always the chosen one', () => {
    const many = Array.from({ length: 30 }, (_, i) => ({
      ...docs[0],
      id: `m${i}`,
      authors: [
        { name: `Auteur ${String(i).padStart(2, '0')}`, role: null, portfolio: null, party: null },
        ...(i < 10 ? [{ name: 'Veel', role: null, portfolio: null, party: null }] : []),
      ],
    })) as typeof docs;
    const index = createFacetIndex(catalogOf(many));
    const top = index.count(null, NO_FILTERS, 3).author;
    expect(top).toEqual([
      { value: 'Veel', count: 10 },
      { value: 'Auteur 00', count: 1 },
      { value: 'Auteur 01', count: 1 },
    ]);
    const chosen = index.count(null, { ...NO_FILTERS, author: 'Auteur 29' }, 3).author;
    expect(chosen.map((c) => c.value)).toContain('Auteur 29');
  });

  it('the most frequent values are those a full sort by count (ties: first seen) would keep', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 300 }),
        fc.integer({ min: 1, max: 12 }),
        (authorOf, max) => {
          const many = authorOf.map((a, i) => ({
            ...docs[0],
            id: `p${i}`,
            authors: [{ name: `Naam ${a}`, role: null, portfolio: null, party: null }],
          })) as typeof docs;
          const tally = new Map<string, number>();
          for (const a of authorOf) tally.set(`Naam ${a}`, (tally.get(`Naam ${a}`) ?? 0) + 1);
          // Insertion order is the order the catalog first saw each name.
          const expected = [...tally]
            .map(([value, count], seen) => ({ value, count, seen }))
            .sort((x, y) => y.count - x.count || x.seen - y.seen)
            .slice(0, max)
            .map(({ value, count }) => ({ value, count }))
            .sort((x, y) => y.count - x.count || x.value.localeCompare(y.value));
          expect(createFacetIndex(catalogOf(many)).count(null, NO_FILTERS, max).author).toEqual(expected);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('a stored head gives the counts and newest documents the catalog gives without filters', () => {
    const many = Array.from({ length: 240 }, (_, i) => ({
      ...docs[i % docs.length],
      id: `h${String(i).padStart(3, '0')}`,
      date: `20${10 + (i % 15)}-0${1 + (i % 9)}-1${i % 10}`,
      authors: [{ name: `Auteur ${i % 130}`, role: null, portfolio: null, party: null }],
    })) as typeof docs;
    const catalog = catalogOf(
      many.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.id.localeCompare(b.id)),
    );
    const head = headOf(catalog);
    expect(facetsOfHead(head)).toEqual(createFacetIndex(catalog).count(null, NO_FILTERS));
    expect(head.newest).toEqual(Array.from({ length: 100 }, (_, d) => catalogId(catalog, d)));
    const halves = [catalogOf(many.slice(0, 120)), catalogOf(many.slice(120))].map(headOf);
    expect(mergeHeads(halves).newest).toEqual(head.newest);
    expect(facetsOfHead(mergeHeads(halves)).kind).toEqual(facetsOfHead(head).kind);
  });
});
