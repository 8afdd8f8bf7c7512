/**
 * A deterministic corpus of `count` documents for the search benchmark, with realistic Dutch
 * vocabulary: the words of the seed texts plus compounds of them, drawn with a Zipf distribution
 * (so common words are common and a prefix matches many words, as in real text). Answers have
 * 3–6 questions (some sharing an answer), letters 2–4 sections with footnotes.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentRecord, QaItem } from '../../data/dataset/types';
import { seededRandom, zipfSampler } from '../../tests/fixtures/random';

/** Words of the seed texts, most frequent first. */
export function seedWords(): string[] {
  const dir = 'data/sources';
  const counts = new Map<string, number>();
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()) {
    for (const word of readFileSync(join(dir, file), 'utf8').match(/[\p{L}][\p{L}-]*[\p{L}]/gu) ?? []) {
      counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([word]) => word);
}

/** Builds the corpus generator; `documents(count)` is deterministic for a given seed. */
export function createCorpus(seed = 2026) {
  const next = seededRandom(seed);
  const base = seedWords();
  // Compounds of seed words stretch the vocabulary to ~30,000 words, as Dutch compounding does.
  const compounds = new Set<string>();
  while (compounds.size < 25_000) {
    const a = base[Math.floor(next() * Math.min(base.length, 3000))] ?? '';
    const b = base[Math.floor(next() * Math.min(base.length, 3000))] ?? '';
    if (a.length > 3 && b.length > 3) compounds.add(`${a.toLowerCase()}${b.toLowerCase()}`);
  }
  const vocabulary = [...base, ...compounds];
  const word = zipfSampler(vocabulary, next);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const sentence = (words: number) => {
    const picked = Array.from({ length: words }, word);
    const first = picked[0] ?? '';
    picked[0] = first.charAt(0).toUpperCase() + first.slice(1);
    return `${picked.join(' ')}.`;
  };
  const text = (words: number) => {
    const parts: string[] = [];
    for (let left = words; left > 0; left -= 15) parts.push(sentence(Math.min(left, int(8, 15))));
    return parts.join(' ');
  };
  const person = () => ({ name: word(), role: 'minister', portfolio: null, party: null });

  function qaItems(): QaItem[] {
    const count = int(3, 6);
    const items: QaItem[] = [];
    for (let q = 1; q <= count; q++) {
      const question = text(18);
      items.push({
        number: String(q),
        question,
        questionShort: question.slice(0, 60),
        answer: text(40),
        sharedWith: [],
        refersTo: null,
        flags: [],
      });
    }
    // Now and then two questions share one answer, as in real answer documents.
    if (count >= 4 && next() < 0.3) {
      const shared = [String(count - 1), String(count)];
      const answer = items[count - 2]?.answer ?? null;
      for (const item of items.slice(-2)) Object.assign(item, { sharedWith: shared, answer });
    }
    return items;
  }

  function document(n: number): DocumentRecord {
    const answer = n % 5 < 3;
    const year = 2010 + (n % 16);
    return {
      id: `gen-${n}`,
      ids: [`gen-${n}`, `${year}D${String(n).padStart(5, '0')}`],
      stub: false,
      source: `generated-${n}.txt`,
      type: answer ? 'antwoord' : 'brief',
      title: sentence(int(6, 14)),
      date: `${year}-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`,
      authors: [person()],
      askedBy: answer ? [{ ...person(), role: 'lid', party: 'VVD' }] : [],
      submitted: null,
      newsArticle: null,
      chamber: 'TK',
      vergaderjaar: null,
      dossier: answer ? null : String(30000 + (n % 700)),
      dossierSuffix: null,
      citation: null,
      officialUrl: null,
      summary: text(35),
      summarySource: 'extractive',
      keyPoints: [],
      qa: answer ? qaItems() : [],
      sections: answer
        ? []
        : Array.from({ length: int(2, 4) }, () => ({
            heading: sentence(3),
            paragraphs: [text(45), text(45)],
          })),
      footnotes: answer
        ? []
        : Array.from({ length: int(1, 4) }, (_, i) => ({
            number: String(i + 1),
            text: text(12),
            anchor: null,
          })),
      references: [],
      citedBy: [],
    };
  }

  return {
    vocabularySize: vocabulary.length,
    documents: (count: number) => Array.from({ length: count }, (_, n) => document(n)),
  };
}

/** The words the search benchmarks type letter by letter, the same in every engine's run. */
export const TYPED_WORDS = [
  'loonkostensubsidie',
  'gemeenten',
  'arbeidsmarkt',
  're-integratie',
  'participatiewet bijstand',
  'staatssecretaris',
  'jongeren uitkering',
];

/** The `p`th percentile of ascending `sorted` (NaN when empty). */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** What typing `query` letter by letter sends to the search: every prefix, none ending in a space. */
export function keystrokes(query: string): string[] {
  return Array.from({ length: query.length }, (_, i) => query.slice(0, i + 1)).filter(
    (q) => !q.endsWith(' '),
  );
}

/**
 * Memory figures need a collectable heap: without `--expose-gc`, re-run this script under it (tsx's
 * loader flags are kept) and exit with the child's status. `marker` names the child's environment flag.
 */
export function rerunWithExposedGc(marker: string): void {
  if (typeof globalThis.gc === 'function' || process.env[marker]) return;
  const child = spawnSync(process.execPath, [...process.execArgv, '--expose-gc', ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, [marker]: '1' },
  });
  process.exit(child.status ?? 1);
}
