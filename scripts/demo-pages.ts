/**
 * Renders the seed documents (data/sources/*.txt) as plain, readable web pages for the demo: an
 * index linking them, each page a title, headings, paragraphs and footnotes. Rendering only — the
 * extension does the recognizing and marking when the pages are opened. The end-to-end fixture
 * pages are copied alongside (under `fixtures/`).
 *
 *   npx tsx scripts/demo-pages.ts [OUT_DIR]      (default .output/demo)
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const SOURCES_DIR = 'data/sources';
const FIXTURES_DIR = 'tests/fixtures/pages';

/** Page titles of the seeds, from the seeds' MANIFEST (the texts themselves mostly lack one). */
const TITLES: Record<string, string> = {
  '000': 'Antwoorden op Kamervragen over “Zorg als kabinet dat iedereen die wil werken ook kan werken”',
  '001': 'Antwoorden op Kamervragen van het lid De Kort over re-integratiedienstverlening',
  '002': 'Antwoorden op Kamervragen over “Bijna een half miljoen mensen … tussen wal en schip”',
  '003': 'Voortgang Participatiewet in balans (brief van 16 december 2024)',
  '004': 'Monitoringsbrief Participatiewet 2025 (brief van 12 december 2025)',
};

/** One block of a rendered page. */
type Block = { kind: 'heading' | 'paragraph' | 'footnote'; text: string; number?: string };

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);

const HEADING = /^(Vraag|Antwoord)( vraag)? \d+:?$|^[A-Z][^.?!:;,]{2,60}$/;

/** Word-processor export: one paragraph per line, `[footnoteRef:N]` marks, `[N: text]` notes. */
function docxBlocks(text: string): Block[] {
  const footnotes: Block[] = [];
  const body = text
    .replace(/\[bookmark: [^\]]*\]/g, '')
    .replace(/\[(\d+):\s+([^\]]*)\]/g, (_, number: string, note: string) => {
      footnotes.push({ kind: 'footnote', number, text: note.trim() });
      return '';
    });
  const blocks: Block[] = body
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line) => ({ kind: HEADING.test(line) ? 'heading' : 'paragraph', text: line }));
  return [...blocks, ...footnotes];
}

/** PDF extraction: hard line breaks, hyphenated words, footnotes as `N Text` lines under a page. */
function pdfBlocks(text: string): Block[] {
  let lines = text.split('\n');
  // Some extractions put an empty line after every line; there, a line ending in two spaces or a
  // whitespace-only line ends the paragraph.
  if (lines.filter((l) => l === '').length > lines.length * 0.4) {
    lines = lines
      .filter((l) => l !== '')
      .flatMap((l) => (/\S {2,}$/.test(l) || l.trim() === '' ? [l, ''] : [l]));
  }
  const blocks: Block[] = [];
  let current: Block | null = null;
  const flush = (): void => {
    if (current) {
      current.text = current.text
        .replace(/(\p{Ll})-\n(\p{Ll})/gu, '$1$2')
        .replace(/\s*\n\s*/g, ' ')
        .trim();
      if (current.kind === 'paragraph' && HEADING.test(current.text)) current.kind = 'heading';
      if (current.text) blocks.push(current);
    }
    current = null;
  };
  for (const raw of lines) {
    const line = raw.trim();
    const footnote = /^(\d{1,2}) (\p{Lu}.*)$/u.exec(line);
    if (line === '') flush();
    else if (footnote) {
      flush();
      current = { kind: 'footnote', number: footnote[1] as string, text: footnote[2] as string };
    } else if (/^(Vraag|Antwoord) \d+$/.test(line)) {
      flush();
      blocks.push({ kind: 'heading', text: line });
    } else if (current) current.text += `\n${line}`;
    else current = { kind: 'paragraph', text: line };
  }
  flush();
  return blocks;
}

function renderPage(title: string, blocks: Block[], source: string): string {
  const body = blocks
    .map((block) => {
      const text = escapeHtml(block.text).replace(
        /\[footnoteRef:(\d+)\]/g,
        '<sup><a href="#voetnoot-$1" id="noot-$1">$1</a></sup>',
      );
      if (block.kind === 'heading') return `<h2>${text}</h2>`;
      if (block.kind === 'footnote') {
        return `<p class="voetnoot" id="voetnoot-${block.number}"><span class="nummer">${block.number}</span> ${text}</p>`;
      }
      return `<p>${text}</p>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
  :root { color-scheme: light dark; }
  body { font: 17px/1.6 Georgia, serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
  h1 { font-size: 1.5rem; line-height: 1.3; }
  h2 { font-size: 1.1rem; margin-top: 1.6rem; }
  .voetnoot { font-size: 0.9rem; margin: 0.3rem 0; }
  .voetnoot .nummer { display: inline-block; min-width: 1.5rem; font-weight: bold; }
  .bron { font-size: 0.85rem; opacity: 0.8; }
</style>
</head>
<body>
<nav><a href="index.html">← Alle documenten</a></nav>
<main>
<h1>${escapeHtml(title)}</h1>
<p class="bron">Bron: ${escapeHtml(source)} (tekst zoals aangeleverd, eenvoudig opgemaakt)</p>
${body}
</main>
</body>
</html>
`;
}

function renderIndex(pages: { file: string; title: string }[]): string {
  const items = pages.map((p) => `  <li><a href="${p.file}">${escapeHtml(p.title)}</a></li>`).join('\n');
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Kamerlens demo</title>
<style>
  :root { color-scheme: light dark; }
  body { font: 17px/1.6 system-ui, sans-serif; max-width: 42rem; margin: 2rem auto; padding: 0 1rem; }
</style>
</head>
<body>
<main>
<h1>Kamerlens demo</h1>
<p>Vijf openbare Kamerstukken over de Participatiewet. Met Kamerlens geladen zijn de verwijzingen
naar Kamerstukken, Handelingen en Kamervragen gemarkeerd; beweeg erover of ga er met Tab naartoe.</p>
<ul>
${items}
</ul>
<p><a href="fixtures/index.html">Testpagina's</a> (nieuwsartikel, liveblog, formulieren).</p>
</main>
</body>
</html>
`;
}

/** Renders every seed into `outDir` (emptied first) and copies the fixture pages; returns the index path. */
export function renderDemoPages(outDir = '.output/demo'): string {
  if (!existsSync(SOURCES_DIR)) throw new Error(`${SOURCES_DIR} not found: run from the repository root`);
  const sources = readdirSync(SOURCES_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  if (sources.length === 0) throw new Error(`no .txt seed documents in ${SOURCES_DIR}`);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const pages = sources.map((source) => {
    const text = readFileSync(join(SOURCES_DIR, source), 'utf8')
      .replace(/\r\n?/g, '\n')
      .replace(/^\uFEFF/, '');
    const key = basename(source).slice(0, 3);
    const title = TITLES[key] ?? text.trim().split('\n')[0]?.slice(0, 100) ?? source;
    const blocks =
      text.includes('[footnoteRef:') || /\n[^\n]{300,}/.test(text) ? docxBlocks(text) : pdfBlocks(text);
    const file = `${basename(source, '.txt')}.html`;
    writeFileSync(join(outDir, file), renderPage(title, blocks, source));
    return { file, title };
  });
  writeFileSync(join(outDir, 'index.html'), renderIndex(pages));
  if (existsSync(FIXTURES_DIR)) cpSync(FIXTURES_DIR, join(outDir, 'fixtures'), { recursive: true });
  return join(outDir, 'index.html');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    console.log(`Demo pages written: ${renderDemoPages(process.argv[2])}`);
  } catch (error) {
    console.error(`demo-pages: ${(error as Error).message}`);
    process.exit(2);
  }
}
