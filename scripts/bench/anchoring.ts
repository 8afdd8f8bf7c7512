/**
 * Re-anchoring benchmark: 200 notes on a 1 MB page (target: ≤ 100 ms in total, no task longer
 * than 50 ms), for the page unchanged and edited (5 KB inserted at the top, small edits inside 30
 * quotes, 10 quotes deleted). Two runs:
 *  - Node: the pure anchoring (`reanchorSteps`) on the page text; the longest step between yields.
 *  - Chromium (when /usr/bin/chromium exists): the content script's path on a real 1 MB DOM —
 *    building the text model, then anchoring in 8 ms slices that yield — with long tasks counted
 *    by a PerformanceObserver. The code is bundled for the page with esbuild (shipped with tsx).
 * Baseline in the same runs: `indexOf` for the exact quote and, on a miss, a plain full-text
 * edit-distance DP (Sellers). It is so slow that it runs on 3 misses and is extrapolated.
 *
 *   npx tsx scripts/bench/anchoring.ts
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Anchor } from '../../data/annotations/anchor';
import type { TextPositionSelector, TextQuoteSelector } from '../../data/annotations/model';
import { normalizeText } from '../../data/annotations/page-text';
import { reanchorSteps } from '../../data/annotations/reanchor';
import { describeSpan } from '../../data/annotations/selectors';
import { seededRandom } from '../../tests/fixtures/random';

const PAGE_SIZE = 1_000_000;
const NOTES = 200;
const REPEATS = 5;
const BASELINE_MISSES = 3;
const CHROMIUM = process.env.KAMERLENS_CHROMIUM ?? '/usr/bin/chromium';

/** Seeded, so every run measures the same page. */
const rand = seededRandom(20261122);

/** Paragraphs of Dutch-looking text: words drawn from the seed documents with their frequencies. */
function makeParagraphs(): string[] {
  const dir = join('data', 'sources');
  const words = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .flatMap((f) => normalizeText(readFileSync(join(dir, f), 'utf8')).split(' '))
    .filter((w) => w.length > 0 && !w.startsWith('['));
  const paragraphs: string[] = [];
  let size = 0;
  while (size < PAGE_SIZE) {
    const sentences = Array.from({ length: 3 + Math.floor(rand() * 6) }, () => {
      const length = 8 + Math.floor(rand() * 20);
      return `${Array.from({ length }, () => words[Math.floor(rand() * words.length)]).join(' ')}.`;
    });
    const paragraph = sentences.join(' ');
    paragraphs.push(paragraph);
    size += paragraph.length + 1;
  }
  return paragraphs;
}

/** The page text the content script's model gives for paragraphs in separate elements. */
const pageText = (paragraphs: string[]) => normalizeText(`\n${paragraphs.join('\n')}\n`);

interface NoteSpec {
  paragraph: number;
  offset: number;
  length: number;
}

interface Note {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

/** 200 quotes of 20–300 characters, spread over the page, each inside one paragraph. */
function chooseNotes(paragraphs: string[]): NoteSpec[] {
  const specs: NoteSpec[] = [];
  const stride = Math.floor(paragraphs.length / NOTES);
  for (let i = 0; i < NOTES; i++) {
    let paragraph = i * stride;
    while ((paragraphs[paragraph] as string).length < 320) paragraph++;
    const text = paragraphs[paragraph] as string;
    const length = 20 + Math.floor(rand() * 280);
    specs.push({ paragraph, offset: Math.floor(rand() * (text.length - length)), length });
  }
  return specs;
}

function notesOf(paragraphs: string[], specs: NoteSpec[]): Note[] {
  const starts: number[] = [];
  let at = 0;
  for (const p of paragraphs) {
    starts.push(at);
    at += p.length + 1;
  }
  const text = pageText(paragraphs);
  return specs.map((s) => {
    const start = (starts[s.paragraph] as number) + s.offset;
    return describeSpan(text, start, start + s.length);
  });
}

/** The edited page: 3 paragraphs (≈ 5 KB) on top, 30 quotes changed a little, 10 quotes deleted. */
function editParagraphs(paragraphs: string[], specs: NoteSpec[]): string[] {
  const edited = [...paragraphs];
  specs.forEach((s, i) => {
    const text = edited[s.paragraph] as string;
    if (i % 20 === 7) {
      edited[s.paragraph] = text.slice(0, s.offset) + text.slice(s.offset + s.length);
    } else if (i % 20 === 3 || i % 20 === 13 || i % 20 === 17) {
      const middle = s.offset + Math.floor(s.length / 2);
      edited[s.paragraph] = `${text.slice(0, middle)}XYZW${text.slice(middle + 3)}`;
    }
  });
  const intro = 'Nieuw bericht bovenaan de pagina met een update van de redactie. '.repeat(25);
  return [intro, intro, intro, ...edited];
}

interface Run {
  totalMs: number;
  longestStepMs: number;
  exact: number;
  fuzzy: number;
  orphans: number;
}

function anchorAll(text: string, notes: Note[]): Run {
  const run: Run = { totalMs: 0, longestStepMs: 0, exact: 0, fuzzy: 0, orphans: 0 };
  const begin = performance.now();
  const steps = reanchorSteps(text, notes);
  let anchors: (Anchor | null)[] = [];
  for (;;) {
    const stepStart = performance.now();
    const step = steps.next();
    run.longestStepMs = Math.max(run.longestStepMs, performance.now() - stepStart);
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

/** Baseline: indexOf for exact quotes; the DP on a few misses, extrapolated to all of them. */
function baseline(text: string, notes: Note[]): { totalMs: number; misses: number; measured: number } {
  const begin = performance.now();
  const misses = notes.filter((note) => text.indexOf(note.quote.exact) < 0);
  const exactMs = performance.now() - begin;
  const measured = misses.slice(0, BASELINE_MISSES);
  const dpBegin = performance.now();
  for (const note of measured) naiveBestErrors(text, note.quote.exact);
  const perMiss = measured.length === 0 ? 0 : (performance.now() - dpBegin) / measured.length;
  return { totalMs: exactMs + perMiss * misses.length, misses: misses.length, measured: measured.length };
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const ms = (value: number) => `${value.toFixed(1)} ms`;

function report(
  name: string,
  run: { totalMs: number; longest: string; exact: number; fuzzy: number; orphans: number },
  base: ReturnType<typeof baseline>,
) {
  console.log(
    `${name}: ${ms(run.totalMs)} total, ${run.longest}; ${run.exact} exact, ${run.fuzzy} fuzzy, ${run.orphans} not found`,
  );
  const ratio = base.totalMs / Math.max(run.totalMs, 0.001);
  const note =
    base.misses > base.measured
      ? ` (DP measured on ${base.measured} of ${base.misses} misses, extrapolated)`
      : '';
  console.log(
    `  baseline (indexOf + full-text DP): ${ms(base.totalMs)}${note} → ratio ${ratio.toFixed(1)}× faster`,
  );
}

const paragraphsA = makeParagraphs();
const specs = chooseNotes(paragraphsA);
const notes = notesOf(paragraphsA, specs);
const paragraphsB = editParagraphs(paragraphsA, specs);
const textA = pageText(paragraphsA);
const textB = pageText(paragraphsB);
console.log(`page ${(textA.length / 1e6).toFixed(2)} MB, ${notes.length} notes, quotes 20–300 characters`);

console.log('\nNode (pure anchoring):');
for (const [name, text] of [
  ['unchanged page', textA],
  ['edited page', textB],
] as const) {
  const runs = Array.from({ length: REPEATS }, () => anchorAll(text, notes));
  const last = runs[runs.length - 1] as Run;
  const longest = Math.max(...runs.map((r) => r.longestStepMs));
  const first = (runs[0] as Run).totalMs;
  report(
    name,
    {
      ...last,
      totalMs: median(runs.map((r) => r.totalMs)),
      longest: `median of ${REPEATS} (first, cold: ${ms(first)}), longest step ${ms(longest)}`,
    },
    baseline(text, notes),
  );
}

await chromiumRun();

/** The content script's path in Chromium: DOM → text model → sliced anchoring; long tasks observed. */
async function chromiumRun(): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    console.log(`\nChromium: skipped (no browser at ${CHROMIUM})`);
    return;
  }
  const { build } = await import('esbuild');
  const { chromium } = await import('playwright-core');
  const entry = `
    import { buildPageText } from './entrypoints/content/annotate/text-model';
    import { reanchorSteps } from './data/annotations/reanchor';
    ${naiveBestErrors.toString()}
    window.bench = async (notes, sliceMs, baselineMisses) => {
      const longTasks = [];
      const observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) longTasks.push(e.duration); });
      observer.observe({ type: 'longtask' });
      const begin = performance.now();
      const model = buildPageText(document.body);
      const modelMs = performance.now() - begin;
      const steps = reanchorSteps(model.text, notes);
      let anchors, busy = 0, longestSlice = 0;
      for (;;) {
        const sliceStart = performance.now();
        let step;
        do { step = steps.next(); } while (!step.done && performance.now() - sliceStart < sliceMs);
        const slice = performance.now() - sliceStart;
        busy += slice;
        longestSlice = Math.max(longestSlice, slice);
        if (step.done) { anchors = step.value; break; }
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      const wallMs = performance.now() - begin;
      // Long tasks are reported after they end: wait, then stop observing before the baseline runs.
      await new Promise((resolve) => setTimeout(resolve, 100));
      observer.disconnect();
      const baseBegin = performance.now();
      const misses = notes.filter((n) => model.text.indexOf(n.quote.exact) < 0);
      const exactMs = performance.now() - baseBegin;
      const measured = misses.slice(0, baselineMisses);
      const dpBegin = performance.now();
      for (const n of measured) naiveBestErrors(model.text, n.quote.exact);
      const perMiss = measured.length ? (performance.now() - dpBegin) / measured.length : 0;
      return {
        textLength: model.text.length, modelMs, anchorBusyMs: busy, wallMs, longestSlice, longTasks,
        exact: anchors.filter((a) => a && a.method === 'exact').length,
        fuzzy: anchors.filter((a) => a && a.method === 'fuzzy').length,
        orphans: anchors.filter((a) => !a).length,
        baseline: { totalMs: exactMs + perMiss * misses.length, misses: misses.length, measured: measured.length },
      };
    };`;
  const bundle = await build({
    stdin: { contents: entry, resolveDir: resolve('.'), loader: 'ts' },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  const script = bundle.outputFiles[0]?.text ?? '';
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP * ~NOTFOUND'],
  });
  try {
    console.log('\nChromium (DOM text model + anchoring in 8 ms slices):');
    for (const [name, paragraphs, expectedText] of [
      ['unchanged page', paragraphsA, textA],
      ['edited page', paragraphsB, textB],
    ] as const) {
      const page = await browser.newPage();
      // Inline markup inside paragraphs, as on real pages: the model must join split text nodes.
      const html = paragraphs.map((p, i) =>
        i % 5 === 0 ? `<p>${p.replace(' ', ' <b>').replace(/ (\S+)$/, '</b> $1')}</p>` : `<p>${p}</p>`,
      );
      await page.setContent(`<!doctype html><html><body>\n${html.join('\n')}\n</body></html>`);
      await page.addScriptTag({ content: script });
      const result = await page.evaluate(
        ([n, b]) =>
          (window as unknown as { bench: (...a: unknown[]) => Promise<ChromiumResult> }).bench(n, 8, b),
        [notes, BASELINE_MISSES] as const,
      );
      if (result.textLength !== expectedText.length)
        console.log(`  (model length ${result.textLength} ≠ expected ${expectedText.length})`);
      const longTasks =
        result.longTasks.length === 0
          ? 'no long task'
          : `${result.longTasks.length} long tasks, longest ${ms(Math.max(...result.longTasks))}`;
      // Anchoring is compared with the baseline; both need the page text, so the model build is shown apart.
      report(
        name,
        {
          totalMs: result.anchorBusyMs,
          longest: `busy, cold (${ms(result.wallMs)} wall incl. yields and the text model of ${ms(result.modelMs)}), longest slice ${ms(result.longestSlice)}, ${longTasks}`,
          exact: result.exact,
          fuzzy: result.fuzzy,
          orphans: result.orphans,
        },
        result.baseline,
      );
      await page.close();
    }
  } finally {
    await browser.close();
  }
}

interface ChromiumResult {
  textLength: number;
  modelMs: number;
  anchorBusyMs: number;
  wallMs: number;
  longestSlice: number;
  longTasks: number[];
  exact: number;
  fuzzy: number;
  orphans: number;
  baseline: { totalMs: number; misses: number; measured: number };
}
