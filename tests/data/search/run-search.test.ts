import { describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../../data/search/build-index';
import { passagesOf } from '../../../data/search/passages';
import { createTermMatcher } from '../../../data/search/query-terms';
import { createSearcher } from '../../../data/search/run-search';
import { snippetOf } from '../../../data/search/snippet';
import { FIXTURE_DOCUMENTS } from '../../fixtures/sidepanel/sample-documents';

const index = buildSearchIndex(FIXTURE_DOCUMENTS);
const searcher = createSearcher(index);

function ids(query: string): string[] {
  return searcher.search(query).top.map((hit) => index.docs[hit.doc]?.id ?? '?');
}

function bestWhere(query: string) {
  const hit = searcher.search(query).top[0];
  if (!hit) return null;
  const doc = index.docs[hit.doc];
  return doc ? passagesOf(doc)[hit.passages[0]?.passage ?? -1]?.where : null;
}

describe('search: what matches', () => {
  it.each([
    ['loonkostensubsidie', ['ah-tk-20242025-520', 'kst-34352-349']],
    ['loonkost', ['ah-tk-20242025-520', 'kst-34352-349']],
    ['LOONKOSTENSUBSIDIES', ['ah-tk-20242025-520', 'kst-34352-349']],
    ['financiele middelen', ['kst-34352-330']],
    ['financiële', ['kst-34352-330']],
    ['reintegratievoorzieningen', ['kst-34352-349']],
    ['2024Z15690', ['ah-tk-20242025-520']],
    ['de kort vvd', ['ah-tk-20242025-520']],
    ['xyzzy', []],
    ['', []],
  ])('%j → %j', (query, expected) => {
    expect(ids(query).sort()).toEqual([...expected].sort());
  });

  it('"gemeenten" finds the document that only says "gemeente"', () => {
    expect(ids('gemeenten ')).toContain('kst-34352-330');
  });

  it('stubs are not in the index', () => {
    expect(index.docs.some((d) => d.stub)).toBe(false);
  });

  it('every term must match when some document has them all', () => {
    const outcome = searcher.search('loonkostensubsidie jobcoaching');
    expect(outcome.complete).toBe(true);
    expect(outcome.top.map((h) => index.docs[h.doc]?.id)).toEqual(['ah-tk-20242025-520']);
  });

  it('falls back to partial matches, ranked by how many terms match', () => {
    const outcome = searcher.search('loonkostensubsidie xyzzy ');
    expect(outcome.complete).toBe(false);
    expect(outcome.total).toBe(2);
  });

  it('filters with accept but keeps every match for the counts', () => {
    const letters = searcher.search('loonkostensubsidie', { accept: (d) => index.docs[d]?.type === 'brief' });
    expect(letters.top.map((h) => index.docs[h.doc]?.id)).toEqual(['kst-34352-349']);
    expect(letters.matched.length).toBe(2);
    expect(letters.total).toBe(1);
  });
});

describe('search: ranking', () => {
  it('a title match outranks a body match', () => {
    expect(ids('monitoringsbrief')[0]).toBe('kst-34352-349');
  });

  it('the target comes first on every keystroke once the prefix is distinctive', () => {
    const word = 'arbeidsongeschiktheid';
    for (let n = 8; n <= word.length; n++) expect(ids(word.slice(0, n))[0]).toBe('local-002');
  });
});

describe('search: where it matched', () => {
  it.each([
    ['jobcoaching', { kind: 'answer', numbers: ['3'] }],
    ['zekerheid', { kind: 'answer', numbers: ['3', '4', '5'] }],
    ['hardheden', { kind: 'question', number: '7' }],
    ['werkgevers', { kind: 'section', index: 2, heading: 'Vooruitblik' }],
    ['Significant', { kind: 'footnote', number: '1' }],
    ['Aartsen', { kind: 'meta' }],
  ])('%s → %j', (query, where) => {
    expect(bestWhere(query)).toEqual(where);
  });

  it('a shared answer is indexed once', () => {
    const doc = FIXTURE_DOCUMENTS[0];
    if (!doc) throw new Error('fixture');
    const answers = passagesOf(doc).filter((p) => p.where.kind === 'answer');
    expect(answers.map((p) => p.where)).toEqual([
      { kind: 'answer', numbers: ['1'] },
      { kind: 'answer', numbers: ['2'] },
      { kind: 'answer', numbers: ['3', '4', '5'] },
      { kind: 'answer', numbers: ['6'] },
    ]);
  });
});

describe('snippets', () => {
  const text =
    'Gemeenten zetten steeds meer instrumenten in voor mensen met een forse afstand tot de arbeidsmarkt, zoals beschut werk, loonkostensubsidie en jobcoaching.';

  it('marks the matched words, inflections and completions', () => {
    const segments = snippetOf(
      text,
      createTermMatcher([{ term: 'loonk', stem: 'loonk', prefix: true, stopword: false }]),
    );
    expect(segments.filter((s) => s.mark).map((s) => s.text)).toEqual(['loonkostensubsidie']);
    expect(segments.map((s) => s.text).join('')).toBe(text);
  });

  it('cuts long text around the matches at word boundaries', () => {
    const long = `${'Eerst veel andere woorden hier. '.repeat(20)}${text}${' En daarna nog meer tekst.'.repeat(20)}`;
    const segments = snippetOf(long, (w) => w === 'jobcoaching', 120);
    const joined = segments.map((s) => s.text).join('');
    expect(joined.startsWith('… ')).toBe(true);
    expect(joined.endsWith(' …')).toBe(true);
    expect(joined.length).toBeLessThanOrEqual(125);
    expect(segments.find((s) => s.mark)?.text).toBe('jobcoaching');
  });

  it('merges a hyphenated compound into one mark', () => {
    const segments = snippetOf('de re-integratie van', (w) => w === 'reintegratie' || w === 'integratie');
    expect(segments.filter((s) => s.mark).map((s) => s.text)).toEqual(['re-integratie']);
  });
});

describe('search while typing', () => {
  it('keystroke by keystroke gives the same results as the whole query at once', () => {
    const typed = createSearcher(index);
    const query = 'gemeenten loonkostensubsidie jobcoaching';
    let outcome = typed.search('');
    for (let n = 1; n <= query.length; n++) outcome = typed.search(query.slice(0, n));
    const fresh = createSearcher(index).search(query);
    expect(outcome.top).toEqual(fresh.top);
    expect([...outcome.matched].sort()).toEqual([...fresh.matched].sort());
  });

  it('a changed finished word is not served from the kept scores', () => {
    const typed = createSearcher(index);
    typed.search('loonkostensubsidie j');
    const changed = typed.search('sociale z');
    expect(changed.top.map((h) => index.docs[h.doc]?.id)).toEqual(
      createSearcher(index)
        .search('sociale z')
        .top.map((h) => index.docs[h.doc]?.id),
    );
    expect(changed.top.map((h) => index.docs[h.doc]?.id)).toContain('local-002');
  });
});
