/**
 * Re-anchoring benchmark: 200 notes on a 1 MB page (target: ≤ 100 ms in total, no slice of work
 * longer than 50 ms), for an unchanged page and for an edited one (text inserted at the top,
 * small edits inside 30 quotes, 10 quotes deleted). Baseline in the same run: `indexOf` for the
 * exact quote and, on a miss, a plain full-text edit-distance DP (Sellers), which is so slow that
 * it runs for a few misses only and is extrapolated (said so in the output).
 *
 *   npx tsx scripts/bench/anchoring.ts
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Anchor } from '../../data/annotations/anchor';
import { normalizeText } from '../../data/annotations/page-text';
import { reanchorSteps } from '../../data/annotations/reanchor';
import { describeSpan } from '../../data/annotations/selectors';
import type { TextPositionSelector, TextQuoteSelector } from '../../data/db/records';

const PAGE_SIZE = 1_000_000;
const NOTES = 200;
const EDITED_NOTES = 30;
const DELETED_NOTES = 10;
const REPEATS = 5;
const BASELINE_MISSES = 3;

/** Deterministic PRNG (mulberry32) so every run measures the same page. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rand = random(20261122);
const pick = <T>(items: T[]): T => items[Math.floor(rand() * items.length)] as T;

/** A page of Dutch-looking text: words drawn from the seed documents with their frequencies. */
function makePage(): string {
  const dir = join('data', 'sources');
  const words = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .flatMap((f) => normalizeText(readFileSync(join(dir, f), 'utf8')).split(' '))
    .filter((w) => w.length > 0 && !w.startsWith('['));
  const parts: string[] = [];
  let size = 0;
  while (size < PAGE_SIZE) {
    const length = 8 + Math.floor(rand() * 20);
    const sentence = `${Array.from({ length }, () => pick(words)).join(' ')}. `;
    parts.push(sentence);
    size += sentence.length;
  }
  return parts.join('').slice(0, PAGE_SIZE);
}

interface Note {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

function makeNotes(page: string): Note[] {
  const notes: Note[] = [];
  const stride = Math.floor(page.length / NOTES);
  for (let i = 0; i < NOTES; i++) {
    const start = i * stride + Math.floor(rand() * (stride - 400));
    const length = 20 + Math.floor(rand() * 280);
    notes.push(describeSpan(page, start, start + length));
  }
  return notes;
}

/** The page after an edit: 5 KB inserted on top, 30 quotes changed slightly, 10 quotes deleted. */
function editPage(page: string, notes: Note[]): string {
  const edits: { start: number; end: number; replacement: string }[] = [];
  notes.forEach((note, i) => {
    const { start, end } = note.position;
    if (i % 20 === 7 && edits.length < EDITED_NOTES + DELETED_NOTES) {
      edits.push({ start, end, replacement: '' });
    } else if (i % 20 === 3 || i % 20 === 13 || i % 20 === 17) {
      const middle = start + Math.floor((end - start) / 2);
      edits.push({ start: middle, end: middle + 3, replacement: 'XYZW' });
    }
  });
  let edited = page;
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    edited = edited.slice(0, edit.start) + edit.replacement + edited.slice(edit.end);
  }
  return `${'Nieuw bericht bovenaan de pagina. '.repeat(150)}${edited}`;
}

interface Run {
  totalMs: number;
  longestSliceMs: number;
  exact: number;
  fuzzy: number;
  orphans: number;
}

function anchorAll(text: string, notes: Note[]): Run {
  const run: Run = { totalMs: 0, longestSliceMs: 0, exact: 0, fuzzy: 0, orphans: 0 };
  const begin = performance.now();
  const steps = reanchorSteps(text, notes);
  let anchors: (Anchor | null)[] = [];
  for (;;) {
    const sliceStart = performance.now();
    const step = steps.next();
    run.longestSliceMs = Math.max(run.longestSliceMs, performance.now() - sliceStart);
    if (step.done === true) {
      anchors = step.value;
      break;
    }
  }
  run.totalMs = performance.now() - begin;
  for (const anchor of anchors) {
    if (anchor === null) run.orphans++;
    else if (anchor.method === 'exact') run.exact++;
    else run.fuzzy++;
  }
  return run;
}

/** Sellers' DP: fewest edits of `pattern` against any substring of `text`; O(|text|·|pattern|). */
function naiveBestErrors(text: string, pattern: string): number {
  let column = new Int32Array(pattern.length + 1).map((_, i) => i);
  let next = new Int32Array(pattern.length + 1);
  let best = pattern.length;
  for (let j = 0; j < text.length; j++) {
    const c = text.charCodeAt(j);
    next[0] = 0;
    for (let i = 1; i <= pattern.length; i++) {
      const cost = pattern.charCodeAt(i - 1) === c ? 0 : 1;
      next[i] = Math.min(
        (column[i - 1] as number) + cost,
        (column[i] as number) + 1,
        (next[i - 1] as number) + 1,
      );
    }
    [column, next] = [next, column];
    best = Math.min(best, column[pattern.length] as number);
  }
  return best;
}

/** Baseline: indexOf for exact quotes; DP on a few misses, extrapolated to all of them. */
function baseline(text: string, notes: Note[]): { totalMs: number; misses: number; measured: number } {
  const begin = performance.now();
  const misses: Note[] = [];
  for (const note of notes) if (text.indexOf(note.quote.exact) < 0) misses.push(note);
  const exactMs = performance.now() - begin;
  const measured = misses.slice(0, BASELINE_MISSES);
  const dpBegin = performance.now();
  for (const note of measured) naiveBestErrors(text, note.quote.exact);
  const perMiss = measured.length === 0 ? 0 : (performance.now() - dpBegin) / measured.length;
  return { totalMs: exactMs + perMiss * misses.length, misses: misses.length, measured: measured.length };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

const page = makePage();
const notes = makeNotes(page);
const edited = editPage(page, notes);
console.log(`page ${(page.length / 1e6).toFixed(2)} MB, ${notes.length} notes, quotes 20–300 characters`);

for (const [name, text] of [
  ['unchanged page', page],
  ['edited page', edited],
] as const) {
  const runs = Array.from({ length: REPEATS }, () => anchorAll(text, notes));
  const last = runs[runs.length - 1] as Run;
  const total = median(runs.map((r) => r.totalMs));
  const longest = Math.max(...runs.map((r) => r.longestSliceMs));
  const base = baseline(text, notes);
  console.log(
    `${name}: ${total.toFixed(1)} ms total (median of ${REPEATS}), longest step ${longest.toFixed(1)} ms; ` +
      `${last.exact} exact, ${last.fuzzy} fuzzy, ${last.orphans} orphans`,
  );
  const ratio = base.totalMs / Math.max(total, 0.001);
  console.log(
    `  baseline (indexOf + full-text DP): ${base.totalMs.toFixed(1)} ms` +
      (base.misses > base.measured
        ? ` (DP measured on ${base.measured} of ${base.misses} misses, extrapolated)`
        : '') +
      ` → ratio ${ratio.toFixed(1)}× ${ratio >= 1 ? 'faster' : 'slower'}`,
  );
}
