/**
 * Golden test on real text copied from the parliamentary sites, the open mirrors and research
 * writing (tests/fixtures/citations/real-snippets.jsonl): every expected id is found and nothing
 * else. The corpus-wide recall and precision are printed for the record.
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
