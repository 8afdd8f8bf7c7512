/**
 * Recognizer throughput (`findCitations`) in MB/s (10^6 UTF-8 bytes per second) on deterministic
 * text: 10 MB of reference-free Dutch (seed sentences without references), 10 MB with a reference
 * every ~200 characters (mixed variants), and the five seeds. Baseline in the same run: one big
 * alternation regex over the main forms (matching only, no parsing). Each 10 MB text is also
 * measured the way the page scanner calls the recognizer: cut into blocks of 200–2,000 characters
 * at sentence ends (paragraphs; the bench page's are ~600), `findCitations` called once per block,
 * with µs per call. Targets: ≥ 100 MB/s
 * reference-free, ≥ 30 MB/s dense. Figures are printed, never asserted; they are CPU time of the
 * fastest round, so other load on the machine does not pass for a slower recognizer.
 *
 * The recognizer is measured as the extension ships it: bundled into one ESM module (esbuild,
 * scope-hoisted), not through tsx's per-module interop, which adds a getter to every call.
 *
 *   npx tsx scripts/bench/recognizer.ts
 *
 * KAMERLENS_RECOGNIZER=path/to/index.ts measures another copy of the recognizer (e.g. an older
 * commit's, from `git archive <commit> data/citations | tar -x -C /tmp/old`) on the same corpora.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildSync } from 'esbuild';
import type { findCitations as FindCitations } from '../../data/citations';
import { seededRandom } from '../../tests/fixtures/random';
import { scannerPage } from './_scanner-page';

const bundleDir = mkdtempSync(join(tmpdir(), 'kamerlens-bench-'));
const bundle = join(bundleDir, 'recognizer.mjs');
buildSync({
  entryPoints: [process.env.KAMERLENS_RECOGNIZER ?? 'data/citations/index.ts'],
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  outfile: bundle,
});
const { findCitations } = (await import(pathToFileURL(bundle).href)) as {
  findCitations: typeof FindCitations;
};

/**
 * The scanner bench's 1 MB page (370 references, ~600-byte paragraphs), its blocks' text as the
 * scanner reads them (tags dropped, `&nbsp;` read as U+00A0). A page scans its text once, in a
 * fresh script context, so what it pays is mostly the recognizer's first pass, in code V8 has not
 * optimized yet, not the fastest of warm rounds. The first pass is measured in fresh Node processes
 * (median of COLD_RUNS): the main thread's CPU time (what a page's main-thread profile counts; Linux
 * schedstat) and the process's (with the optimizing compiler's background threads).
 */
const pageBlocks = [
  ...scannerPage({ bytes: 1024 * 1024, references: 370, paragraphBytes: 600 }).matchAll(
    /<(h2|p)>(.*?)<\/\1>/g,
  ),
].map((m) => (m[2] ?? '').replace(/<[^>]*>/g, '').replaceAll('&nbsp;', '\u00a0'));
const pageMegabytes = Buffer.byteLength(pageBlocks.join(''), 'utf8') / 1e6;
const COLD_RUNS = 15;
const blocksFile = join(bundleDir, 'blocks.json');
writeFileSync(blocksFile, JSON.stringify(pageBlocks));
/** One fresh process: [main-thread ms, process ms] of its first pass over the page's blocks. */
const COLD_PASS = `
import { readFileSync } from 'node:fs';
const { findCitations } = await import(${JSON.stringify(pathToFileURL(bundle).href)});
const blocks = JSON.parse(readFileSync(${JSON.stringify(blocksFile)}, 'utf8'));
const thread = () => {
  try {
    return Number(readFileSync('/proc/self/task/' + process.pid + '/schedstat', 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return Number.NaN;
  }
};
const t = thread();
const s = process.cpuUsage();
for (const block of blocks) findCitations(block);
const u = process.cpuUsage(s);
console.log(JSON.stringify([thread() - t, (u.user + u.system) / 1000]));
`;
const coldPasses = Array.from(
  { length: COLD_RUNS },
  () =>
    JSON.parse(
      execFileSync(process.execPath, ['--input-type=module', '-e', COLD_PASS], { encoding: 'utf8' }),
    ) as [number, number],
);
rmSync(bundleDir, { recursive: true, force: true });
const median = (values: number[]): number => values.sort((a, b) => a - b)[values.length >> 1] as number;
const pageRefs = pageBlocks.reduce((n, block) => n + findCitations(block).length, 0);

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
function measure<T>(
  input: T,
  megabytes: number,
  run: (t: T) => number,
  rounds: number,
): { mbps: number; count: number; seconds: number } {
  let count = run(input);
  let seconds = Number.POSITIVE_INFINITY;
  for (let r = 0; r < rounds; r++) {
    const start = process.cpuUsage();
    count = run(input);
    const used = process.cpuUsage(start);
    seconds = Math.min(seconds, (used.user + used.system) / 1e6);
  }
  return { mbps: megabytes / seconds, count, seconds };
}

const megabytesOf = (text: string) => Buffer.byteLength(text, 'utf8') / 1e6;

const random = seededRandom(20260331);
const seedsText = seeds.join('\n');
const corpora: Array<[string, string, number]> = [
  ['reference-free Dutch, 10 MB', referenceFree(random), 7],
  ['dense (1 ref / ~200 chars), 10 MB', dense(random), 7],
  [`the five seeds, ${(seedsText.length / 1000).toFixed(0)} kB`, seedsText, 200],
];

const countRefs = (t: string) => findCitations(t).length;
const perBlock = (blocks: string[]): number => {
  let n = 0;
  for (const block of blocks) n += findCitations(block).length;
  return n;
};

/**
 * `text` cut into paragraphs as the scanner's blocks are (one block element's text each): lengths
 * drawn evenly from 200–2,000 characters, each cut at the next sentence end (the space stays with
 * the next block) so no reference is split. The blocks cover the whole text, so their MB/s compares with the single string's.
 */
/** A sentence end (not `nr. 12`'s dot, which would split a reference): the space after it. */
const SENTENCE_END = /(?<=[a-z)][.?!]) (?=[A-Z])/g;

function blocksOf(text: string, random: () => number): string[] {
  const blocks: string[] = [];
  let at = 0;
  while (at < text.length) {
    const want = at + 200 + Math.floor(random() * 1800);
    SENTENCE_END.lastIndex = want;
    const stop = want >= text.length ? null : SENTENCE_END.exec(text);
    const end = stop === null ? text.length : stop.index;
    blocks.push(text.slice(at, end));
    at = end;
  }
  return blocks;
}

console.log(`dense corpus: ${inserted} references inserted`);
console.log(
  `${sentences.length} reference-free seed sentences; MB = 10^6 UTF-8 bytes; CPU time, fastest round`,
);
console.log('corpus                                  | findCitations      | naive regex        | ratio');
for (const [label, text, rounds] of corpora) {
  const megabytes = megabytesOf(text);
  const ours = measure(text, megabytes, countRefs, rounds);
  const naive = measure(text, megabytes, naiveCount, rounds);
  const cell = (m: { mbps: number; count: number }) =>
    `${m.mbps.toFixed(0).padStart(5)} MB/s ${String(m.count).padStart(6)} refs`;
  console.log(
    `${label.padEnd(39)} | ${cell(ours)} | ${cell(naive)} | ${(ours.mbps / naive.mbps).toFixed(2)}x`,
  );
}

console.log('\nper block, as the scanner calls it      | one string | per block                     | ratio');
const blockRandom = seededRandom(20260401);
for (const [label, text, rounds] of corpora.slice(0, 2)) {
  const blocks = blocksOf(text, blockRandom);
  const megabytes = megabytesOf(text);
  const whole = measure(text, megabytes, countRefs, rounds);
  const split = measure(blocks, megabytes, perBlock, rounds);
  const perCall = (split.seconds * 1e6) / blocks.length;
  const name = `${label} in ${blocks.length} blocks`;
  console.log(
    `${name.padEnd(39)} | ${whole.mbps.toFixed(0).padStart(5)} MB/s | ${split.mbps.toFixed(0).padStart(5)} MB/s ${perCall.toFixed(1).padStart(5)} µs/call ${String(split.count).padStart(6)} refs | ${(split.mbps / whole.mbps).toFixed(2)}x`,
  );
}

const warmPage = measure(pageBlocks, pageMegabytes, perBlock, 30);
console.log(
  `\nthe scanner bench's 1 MB page, ${pageBlocks.length} blocks, ${pageRefs} refs, per block, ms per MB:`,
);
console.log(
  `  first pass in a fresh process (median of ${COLD_RUNS}): main thread ${(median(coldPasses.map((c) => c[0])) / pageMegabytes).toFixed(1)}, process ${(median(coldPasses.map((c) => c[1])) / pageMegabytes).toFixed(1)} (CPU)`,
);
console.log(
  `  warm, fastest of 30 passes: ${((1000 * warmPage.seconds) / pageMegabytes).toFixed(1)} (${warmPage.mbps.toFixed(0)} MB/s)`,
);
