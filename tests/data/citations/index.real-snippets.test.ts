/**
 * Golden test on real text copied from the parliamentary sites, the open mirrors and research
 * writing (tests/fixtures/citations/real-snippets.jsonl): every expected id is found and nothing
 * else. The second corpus (real-snippets-2.jsonl, more pages, news and legal pages) is held to the
 * same bar except for the misses listed in `KNOWN_MISSES`, each a form no rule reads. The
 * corpus-wide recall and precision are printed for the record. The held-out files, each scored blind
 * once and then tuned on, are held to the same bar below
 * (`npx tsx tests/data/citations/real-snippets-score.ts real-snippets-heldout-6.jsonl` prints one).
 */
import { describe, expect, it } from 'vitest';
import { loadRealSnippets, scoreRealSnippets } from './real-snippets-score';

const snippets = loadRealSnippets();

describe('real snippets', () => {
  it('is a corpus of real text from the parliamentary sites, the open mirrors and research writing', () => {
    expect(snippets.length).toBeGreaterThanOrEqual(60);
    const hosts = new Set(snippets.map((s) => /^https?:\/\/([^/]+)/.exec(s.source)?.[1] ?? 'other'));
    for (const host of [
      'zoek.officielebekendmakingen.nl',
      'www.tweedekamer.nl',
      'www.eerstekamer.nl',
      'www.openkamer.org',
      'berthub.eu',
    ]) {
      expect(hosts.has(host), host).toBe(true);
    }
  });

  it.each(snippets.map((s, k) => [k, s.source, s] as const))('#%i %s', (_k, _source, snippet) => {
    const { results } = scoreRealSnippets([snippet]);
    expect(results[0]?.missed, snippet.text).toEqual([]);
    expect(results[0]?.extra, snippet.text).toEqual([]);
  });

  it('reaches recall ≥ 0.95 at precision ≥ 0.99 over the corpus', () => {
    const score = scoreRealSnippets(snippets);
    console.log(
      `real snippets: recall ${score.recall.toFixed(3)}, precision ${score.precision.toFixed(3)} (${score.expected} expected, ${score.found} found)`,
    );
    expect(score.recall).toBeGreaterThanOrEqual(0.95);
    expect(score.precision).toBeGreaterThanOrEqual(0.99);
  });
});

/** Ids of the second corpus that no rule reads, by the start of the snippet's text, with the reason. */
const KNOWN_MISSES: Record<string, { ids: string[]; why: string }> = {
  'Het doel van de Kamer daarbij was': {
    ids: ['h-ek-20082009-36'],
    why: 'old Handelingen cited by date and meeting-page (`Handelingen I 23 juni 2009, 36–1624`)',
  },
  'Aan de orde is de voortzetting': {
    ids: ['kst-26456-85', 'kst-26456-86'],
    why: '`stukken nrs. 85 en 86` take their dossier from a bill named lines earlier',
  },
};

const second = loadRealSnippets('real-snippets-2.jsonl');

describe('real snippets, second corpus', () => {
  it('is a corpus of real text from many pages, with and without references', () => {
    expect(second.length).toBeGreaterThanOrEqual(130);
    expect(new Set(second.map((s) => s.source)).size).toBeGreaterThanOrEqual(60);
    expect(second.filter((s) => s.expected.length === 0).length).toBeGreaterThanOrEqual(50);
  });

  it.each(second.map((s, k) => [k, s.source, s] as const))('#%i %s', (_k, _source, snippet) => {
    const { results } = scoreRealSnippets([snippet]);
    const known = Object.entries(KNOWN_MISSES).find(([start]) => snippet.text.startsWith(start))?.[1];
    expect(results[0]?.missed, snippet.text).toEqual(known?.ids ?? []);
    expect(results[0]?.extra, snippet.text).toEqual([]);
  });

  it('reaches recall ≥ 0.95 at precision ≥ 0.99 over the corpus', () => {
    const score = scoreRealSnippets(second);
    console.log(
      `real snippets 2: recall ${score.recall.toFixed(3)}, precision ${score.precision.toFixed(3)} (${score.expected} expected, ${score.found} found)`,
    );
    expect(score.recall).toBeGreaterThanOrEqual(0.95);
    expect(score.precision).toBeGreaterThanOrEqual(0.99);
  });
});

/**
 * The held-out corpora once they have been measured: rules were then written from their misses, so
 * they are held to the bar here like the tuning corpora. Figures when first scored: heldout-2 recall
 * 0.938; heldout-4, blind, recall 0.926 at precision 0.987 (162 expected, 152 found); heldout-5,
 * blind after the rules from heldout-4, 10 of 10 (a small file: the stored copies ran out of pages
 * no corpus had used); heldout-6 (103 snippets from public repositories: committee decision lists,
 * tweedekamer.nl pages of 2015, legal writing), blind, recall 0.461 at precision 0.976 (180
 * expected, 85 found), after the rules written from it 0.961 at 1.000; heldout-7 (15 snippets of
 * legal writing and two decision lists), blind after the rules from heldout-6, 15 of 16 at precision
 * 1.000 (the miss, a chamber glued to the year, is read since); heldout-8 (22 passages of court
 * rulings, 4 references), blind, 4 of 4 with nothing marked in the 18 passages without one. At the start of
 * the session that added heldout-4 (already tuned on): heldout 0.933, heldout-3 0.907.
 */
const SEEN_HELD_OUT: Array<[string, Record<string, { ids: string[]; why: string }>]> = [
  ['real-snippets-heldout.jsonl', {}],
  [
    'real-snippets-heldout-2.jsonl',
    {
      'Datum 2025-12-09. Laatste update': {
        ids: ['h-20252026-23'],
        why: 'a plenary heading that names no chamber: council minutes print the same line',
      },
    },
  ],
  [
    'real-snippets-heldout-3.jsonl',
    {
      'Aan de orde is het voorstel om de vervaldatum': {
        ids: ['kst-35925-VI-T', 'kst-35925-VI-U'],
        why: 'bare Eerste Kamer papers in running text (`…, 35925-VI, letter T, en …`): no label, no brackets',
      },
    },
  ],
  ['real-snippets-heldout-4.jsonl', {}],
  ['real-snippets-heldout-5.jsonl', {}],
  [
    'real-snippets-heldout-6.jsonl',
    {
      '4. Agendapunt: Voorstel van wet van de leden Kalma': {
        ids: ['kst-30372-31'],
        why: '`Tweede nota van wijziging 30372 nr. 31`: a bare dossier and paper, no label, comma or brackets',
      },
      '6. Agendapunt: Voortgang Huis voor democratie': {
        ids: ['dossier-31475', 'dossier-31475'],
        why: '`(31 475)` after a title that names no bill, motion or law: a bare bracketed number reads like an amount',
      },
      '18. Agendapunt: Nadere uitwerking Financiële': {
        ids: ['kst-31700-VII-72'],
        why: '`zie 31700 VII nr. 72`: a bare paper after `zie`, no label, comma or brackets',
      },
      '29. Agendapunt: Antwoord Europese commissie': {
        ids: ['kst-31544-8', 'kst-31544-9'],
        why: '`Betreft documenten 31544-8 en 31544-9`: compact papers after a plain word, outside a list or zaak row',
      },
      'Zie hierover het advies van de Raad van State': {
        ids: ['kst-28836-3'],
        why: '`…, A, pt. 1a, en nr. 3`: a paper after a point reference (`pt.`) is not read as a continuation',
      },
    },
  ],
  ['real-snippets-heldout-7.jsonl', {}],
  ['real-snippets-heldout-8.jsonl', {}],
];

describe.each(SEEN_HELD_OUT)('held-out corpus %s, measured blind and then tuned on', (file, knownMisses) => {
  const corpus = loadRealSnippets(file);

  it.each(corpus.map((s, k) => [k, s.source, s] as const))('#%i %s', (_k, _source, snippet) => {
    const { results } = scoreRealSnippets([snippet]);
    const known = Object.entries(knownMisses).find(([start]) => snippet.text.startsWith(start))?.[1];
    expect(results[0]?.missed, snippet.text).toEqual(known?.ids ?? []);
    expect(results[0]?.extra, snippet.text).toEqual([]);
  });

  it('reaches recall ≥ 0.95 at precision ≥ 0.99 over the corpus', () => {
    const score = scoreRealSnippets(corpus);
    console.log(`${file}: recall ${score.recall.toFixed(3)}, precision ${score.precision.toFixed(3)}`);
    expect(score.recall).toBeGreaterThanOrEqual(0.95);
    expect(score.precision).toBeGreaterThanOrEqual(0.99);
  });
});
