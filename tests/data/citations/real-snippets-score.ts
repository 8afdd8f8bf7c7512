/**
 * Scores the recognizer on the corpus of real snippets (tests/fixtures/citations/real-snippets.jsonl):
 * per snippet the found ids are matched against the expected ids as multisets. Run alone to print
 * the figures: `npx tsx tests/data/citations/real-snippets-score.ts [real-snippets-heldout.jsonl]`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { findCitations } from '../../../data/citations';

/** One snippet of real text with the ids it references (one entry per reference; repeats allowed). */
export interface RealSnippet {
  source: string;
  text: string;
  expected: string[];
  note?: string;
}

/** Per-snippet outcome: ids expected but not found, ids found but not expected. */
export interface SnippetResult {
  snippet: RealSnippet;
  found: string[];
  missed: string[];
  extra: string[];
}

const FIXTURES = join(import.meta.dirname, '../../fixtures/citations');

/**
 * A corpus file: a path that exists from the working directory (`tests/fixtures/citations/x.jsonl`,
 * absolute paths) is taken as it is; anything else is a file name in the fixtures folder.
 */
export function realSnippetsFile(name: string): string {
  const asPath = resolve(name);
  return existsSync(asPath) ? asPath : join(FIXTURES, name);
}

/** The corpus (or a held-out file, gathered after the rules were written), one JSON object per line. */
export function loadRealSnippets(name = 'real-snippets.jsonl'): RealSnippet[] {
  return readFileSync(realSnippetsFile(name), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as RealSnippet);
}

/** Every id of every citation found in `text`, in order. */
export function foundIds(text: string): string[] {
  return findCitations(text).flatMap((c) => c.ids);
}

/** Multiset difference: the items of `a` left after removing one occurrence per item of `b`. */
function minus(a: string[], b: string[]): string[] {
  const left = [...b];
  const out: string[] = [];
  for (const x of a) {
    const k = left.indexOf(x);
    if (k >= 0) left.splice(k, 1);
    else out.push(x);
  }
  return out;
}

/** Scores every snippet and the corpus as a whole. */
export function scoreRealSnippets(snippets: RealSnippet[]): {
  results: SnippetResult[];
  recall: number;
  precision: number;
  expected: number;
  found: number;
} {
  let expected = 0;
  let found = 0;
  let hits = 0;
  const results = snippets.map((snippet) => {
    const ids = foundIds(snippet.text);
    const missed = minus(snippet.expected, ids);
    const extra = minus(ids, snippet.expected);
    expected += snippet.expected.length;
    found += ids.length;
    hits += snippet.expected.length - missed.length;
    return { snippet, found: ids, missed, extra };
  });
  return {
    results,
    recall: expected === 0 ? 1 : hits / expected,
    precision: found === 0 ? 1 : hits / found,
    expected,
    found,
  };
}

if (process.argv[1]?.endsWith('real-snippets-score.ts')) {
  const score = scoreRealSnippets(loadRealSnippets(process.argv[2]));
  for (const r of score.results) {
    if (r.missed.length > 0 || r.extra.length > 0) {
      console.log(`${r.snippet.source}\n  missed: ${r.missed.join(' ')}\n  extra:  ${r.extra.join(' ')}`);
    }
  }
  console.log(
    `recall ${score.recall.toFixed(3)} precision ${score.precision.toFixed(3)} (${score.expected} expected, ${score.found} found)`,
  );
}
