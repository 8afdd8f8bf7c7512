/**
 * Recognizer throughput (`findCitations`) in MB/s (10^6 UTF-8 bytes per second) on deterministic
 * text: 10 MB of reference-free Dutch (seed sentences without references), 10 MB with a reference
 * every ~200 characters (mixed variants), and the five seeds. Baseline in the same run: one big
 * alternation regex over the main forms (matching only, no parsing). Targets: ≥ 100 MB/s
 * reference-free, ≥ 30 MB/s dense. Figures are printed, never asserted; they are CPU time of the
 * fastest round, so other load on the machine does not pass for a slower recognizer.
 *
 * The recognizer is measured as the extension ships it: bundled into one ESM module (esbuild,
 * scope-hoisted), not through tsx's per-module interop, which adds a getter to every call.
 *
 *   npx tsx scripts/bench/recognizer.ts
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildSync } from 'esbuild';
import type { findCitations as FindCitations } from '../../data/citations';
import { seededRandom } from '../../tests/fixtures/random';

const bundleDir = mkdtempSync(join(tmpdir(), 'kamerlens-bench-'));
const bundle = join(bundleDir, 'recognizer.mjs');
buildSync({
  entryPoints: ['data/citations/index.ts'],
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  outfile: bundle,
});
const { findCitations } = (await import(pathToFileURL(bundle).href)) as {
  findCitations: typeof FindCitations;
};
rmSync(bundleDir, { recursive: true, force: true });

const SIZE = 10_000_000;
const SOURCES = 'data/sources';

/** The naive approach: one alternation regex for the main forms, as a quick parser would write it. */
const NAIVE =
  /Kamerstuk(?:ken)?\s+(?:I{1,2}\s*,?\s*)?(?:\d{4}[/–-]\d{2,4}\s*,\s*)?\d{2}\s?\d{3}(?:[\s-][A-Z]{1,5})?\s*,?\s*nrs?\.?\s*\d+|(?:Aanhangsel\s+)?Handelingen\s+I{1,2}\s+\d{4}\/\d{2,4},\s*nr\.\s*\d+(?:,\s*item\s*\d+)?|\b\d{4}[ZD]\d{5}\b|\b(?:kst|ah|h)-[\w-]+/g;

function naiveCount(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(NAIVE)) n++;
  return n;
}

const seeds = readdirSync(SOURCES)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(join(SOURCES, f), 'utf8'));

/** Seed sentences in which neither the recognizer nor the baseline finds anything. */
const sentences = seeds
  .join('\n')
  .split(/(?<=[a-z)][.?!])\s+(?=[A-Z])/)
  .map((s) => s.replace(/\s+/g, ' ').trim())
  // A sentence ending in `nr.` glued to one starting with a number would form a real reference.
  .filter(
    (s) => s.length > 20 && !/\bnrs?\.$/.test(s) && findCitations(s).length === 0 && naiveCount(s) === 0,
  );

function referenceFree(random: () => number): string {
  const parts: string[] = [];
  let length = 0;
  while (length < SIZE) {
    const s = sentences[Math.floor(random() * sentences.length)] ?? '';
    parts.push(s);
    length += s.length + 1;
  }
  return parts.join(' ');
}

/** A random reference in one of the forms real text uses. */
function reference(random: () => number): string {
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)] as T;
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const dossier = int(17000, 36900);
  const spaced = `${String(dossier).slice(0, 2)} ${String(dossier).slice(2)}`;
  const year = int(1995, 2025);
  const yy = String((year + 1) % 100).padStart(2, '0');
  const nr = int(1, 400);
  const forms = [
    () => `Kamerstukken II ${year}/${yy}, ${spaced}, nr. ${nr}`,
    () => `Kamerstukken II, ${year}–${year + 1}, ${dossier} nr. ${nr}`,
    () => `Kamerstuk ${spaced}, nr. ${nr}`,
    () => `Kamerstuk ${dossier}-${nr}`,
    () => `Kamerstukken II, ${spaced}, nrs. ${nr}, ${nr + 2} en ${nr + 4}`,
    () => `Kamerstuk ${spaced} ${pick(['XV', 'XVI', 'VI', 'B'])}, nr. ${nr}`,
    () => `Kamerstukken I ${year}/${yy}, ${dossier}, ${pick(['A', 'F', 'G'])}`,
    () => `(TK ${spaced}, nr ${nr})`,
    () => `(${dossier}, nr. ${nr})`,
    () => `Handelingen II ${year}/${yy}, nr. ${int(1, 120)}, item ${int(1, 20)}`,
    () => `Aanhangsel Handelingen II ${year}/${yy}, nr. ${int(1, 3000)}`,
    () => `${year}Z${String(int(0, 99999)).padStart(5, '0')}`,
    () => `kst-${dossier}-${nr}`,
    () => `https://zoek.officielebekendmakingen.nl/kst-${dossier}-${nr}.html`,
    () => `Kamerstukken II ${year}/${yy}, ${spaced}, nr. ${nr}, p. ${int(1, 40)}`,
  ];
  return pick(forms)();
}

/** References inserted into the dense corpus (to compare with what each approach finds). */
let inserted = 0;

function dense(random: () => number): string {
  const parts: string[] = [];
  let length = 0;
  let sinceReference = 0;
  while (length < SIZE) {
    const s = sentences[Math.floor(random() * sentences.length)] ?? '';
    const due = sinceReference + s.length >= 200;
    const chunk = due ? `${s.slice(0, Math.max(0, 200 - sinceReference))} (${reference(random)}).` : s;
    if (due) inserted++;
    sinceReference = chunk === s ? sinceReference + s.length + 1 : 0;
    parts.push(chunk);
    length += chunk.length + 1;
  }
  return parts.join(' ');
}

/**
 * MB/s of `run` over `rounds` runs after one warm-up, on this process's CPU time, fastest round: on
 * a machine shared with other work, wall time mostly measures the waiting. `count` from the last run.
 */
function measure(text: string, run: (t: string) => number, rounds: number): { mbps: number; count: number } {
  const megabytes = Buffer.byteLength(text, 'utf8') / 1e6;
  let count = run(text);
  let best = 0;
  for (let r = 0; r < rounds; r++) {
    const start = process.cpuUsage();
    count = run(text);
    const used = process.cpuUsage(start);
    best = Math.max(best, megabytes / ((used.user + used.system) / 1e6));
  }
  return { mbps: best, count };
}

const random = seededRandom(20260331);
const seedsText = seeds.join('\n');
const corpora: Array<[string, string, number]> = [
  ['reference-free Dutch, 10 MB', referenceFree(random), 7],
  ['dense (1 ref / ~200 chars), 10 MB', dense(random), 7],
  [`the five seeds, ${(seedsText.length / 1000).toFixed(0)} kB`, seedsText, 200],
];

const countRefs = (t: string) => findCitations(t).length;
console.log(`dense corpus: ${inserted} references inserted`);
console.log(
  `${sentences.length} reference-free seed sentences; MB = 10^6 UTF-8 bytes; CPU time, fastest round`,
);
console.log('corpus                                  | findCitations      | naive regex        | ratio');
for (const [label, text, rounds] of corpora) {
  const ours = measure(text, countRefs, rounds);
  const naive = measure(text, naiveCount, rounds);
  const cell = (m: { mbps: number; count: number }) =>
    `${m.mbps.toFixed(0).padStart(5)} MB/s ${String(m.count).padStart(6)} refs`;
  console.log(
    `${label.padEnd(39)} | ${cell(ours)} | ${cell(naive)} | ${(ours.mbps / naive.mbps).toFixed(2)}x`,
  );
}
