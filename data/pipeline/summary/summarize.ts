/**
 * A deterministic extractive summarizer for Dutch parliamentary text (SumBasic-style): sentences are
 * scored by the average weight of their content words (frequency in the document, Dutch stop words
 * left out), boosted for an early position and for opening a section or answer; after each pick the
 * picked words lose weight, so the summary does not repeat itself. Ties go to the earlier sentence.
 */
import { SUMMARY_STOP_WORDS } from './summary-stop-words';

/** A sentence the summarizer may pick, in document order. */
export interface Candidate {
  text: string;
  /** Section or answer the sentence belongs to (0-based, in order). */
  group: number;
  /** First sentence of its paragraph. */
  opensParagraph: boolean;
  /** First sentence of its section or answer. */
  opensGroup: boolean;
}

/** A picked summary (sentences in document order) and key points. */
export interface ExtractiveSummary {
  summary: string;
  keyPoints: string[];
}

const SUMMARY_SENTENCES = 3;
const KEY_POINTS = 4;

/** Summary (2–4 sentences) and key points picked from `candidates`; null when there is nothing to pick. */
export function summarize(candidates: Candidate[]): ExtractiveSummary | null {
  const usable = candidates
    .map((candidate, position) => ({ ...candidate, position, terms: termsOf(candidate.text) }))
    .filter((c) => isSummarySentence(c.text) && c.terms.length >= 3);
  if (usable.length === 0) return null;
  const weight = termWeights(usable.map((c) => c.terms));
  const groups = Math.max(1, ...usable.map((c) => c.group + 1));
  const score = (c: (typeof usable)[number]) => {
    const average = c.terms.reduce((sum, term) => sum + (weight.get(term) ?? 0), 0) / c.terms.length;
    const place = 1 + 0.6 * (c.opensGroup ? 1 : 0) + 0.25 * (c.opensParagraph ? 1 : 0);
    const early = 1 + 0.5 * (1 - c.group / groups);
    return average * place * early;
  };
  const picked: typeof usable = [];
  const pick = (pool: typeof usable) => {
    let best: (typeof usable)[number] | null = null;
    let bestScore = -1;
    for (const c of pool) {
      const s = score(c);
      if (s > bestScore) [best, bestScore] = [c, s];
    }
    if (!best) return null;
    picked.push(best);
    // Words already said count for less next time.
    for (const term of best.terms) weight.set(term, (weight.get(term) ?? 0) ** 2);
    return best;
  };
  const summary: typeof usable = [];
  while (summary.length < SUMMARY_SENTENCES) {
    const next = pick(usable.filter((c) => !picked.includes(c)));
    if (!next) break;
    summary.push(next);
  }
  const keyPoints: typeof usable = [];
  while (keyPoints.length < KEY_POINTS) {
    const usedGroups = new Set([...summary, ...keyPoints].map((c) => c.group));
    const fresh = usable.filter((c) => !picked.includes(c) && !usedGroups.has(c.group));
    const next = pick(fresh.length > 0 ? fresh : usable.filter((c) => !picked.includes(c)));
    if (!next) break;
    keyPoints.push(next);
  }
  const inOrder = (list: typeof usable) =>
    [...list].sort((a, b) => a.position - b.position).map((c) => c.text);
  return { summary: inOrder(summary).join(' '), keyPoints: inOrder(keyPoints) };
}

/** Lower-cased content words with a light Dutch plural/inflection stem. */
function termsOf(text: string): string[] {
  const terms: string[] = [];
  for (const match of text.toLowerCase().matchAll(/\p{L}[\p{L}'’-]*/gu)) {
    const word = match[0];
    if (word.length < 3 || SUMMARY_STOP_WORDS.has(word)) continue;
    terms.push(stem(word));
  }
  return terms;
}

function stem(word: string): string {
  if (word.length > 6 && word.endsWith('en')) return word.slice(0, -2);
  if (word.length > 5 && (word.endsWith('s') || word.endsWith('e'))) return word.slice(0, -1);
  return word;
}

function termWeights(sentences: string[][]): Map<string, number> {
  const counts = new Map<string, number>();
  let total = 0;
  for (const terms of sentences) {
    for (const term of terms) {
      counts.set(term, (counts.get(term) ?? 0) + 1);
      total++;
    }
  }
  return new Map([...counts].map(([term, count]) => [term, count / total]));
}

// Questions, cross-references ("Zie …"), fragments and links make poor summary sentences.
function isSummarySentence(text: string): boolean {
  const words = text.split(/\s+/).length;
  return (
    words >= 6 &&
    words <= 60 &&
    !text.includes('?') &&
    !/^Zie\b/.test(text) &&
    /^[\p{Lu}‘'"“«]/u.test(text) &&
    /[.!]["'’”»)]*$/.test(text) &&
    !/https?:\/\//.test(text)
  );
}
