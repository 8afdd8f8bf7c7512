/**
 * The `cite` command-line tool, without I/O: argument parsing, plain and JSONL output, exit codes.
 * `scripts/cite.ts` supplies the files, stdin and stdout; tests supply fakes.
 */
import { formatCitation } from './format';
import { findCitations } from './index';

/** What the tool needs from the outside world. */
export interface CliIo {
  /** Whole text of a file (plain mode); rejects when it cannot be read. */
  readText(source: CliSource): Promise<string>;
  /** Lines of a file without their line ends (JSONL mode); rejects when it cannot be read. */
  readLines(source: CliSource): AsyncIterable<string>;
  out(line: string): void;
  err(line: string): void;
}

/** A file path, or standard input. */
export type CliSource = { kind: 'file'; path: string } | { kind: 'stdin' };

/** Exit codes: success, some input failed, wrong usage. */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

export const USAGE = `Usage: npm run -s cite -- [--jsonl] [FILE...]

Finds Dutch parliamentary references (Kamerstukken, Handelingen, Aanhangsels, zaak and
document numbers, official identifiers and links) in text. Reads standard input when no FILE
is given; "-" also means standard input.

Plain mode prints one line per reference, tab-separated:
  SOURCE:LINE:COL   official citation   canonical ids (space-separated)   raw text (JSON string)
SOURCE is the file name or <stdin>; LINE and COL count from 1 (COL in UTF-16 code units).

--jsonl  Every input line is a JSON object with a string "text" field (other fields are ignored).
         Every input line gives exactly one output line, in order:
           {"citations":[{kind, chamber, vergaderjaar, dossier, dossierSuffix, rijkswet,
                          numbers, item, pages, ids, raw, start, end}, ...]}
         start/end are UTF-16 offsets into "text". A line that is not such an object (also an
         empty line) gives {"error":"..."} instead, and the run goes on.
--help   Show this help.

Exit status: 0 when everything was read; 1 when a file could not be read or a JSONL line
failed; 2 on a usage error.`;

/** Parsed command line. */
export interface CliOptions {
  jsonl: boolean;
  help: boolean;
  sources: CliSource[];
}

/** Parses argv (without node and script); an error message for unknown flags. */
export function parseCliArgs(
  argv: string[],
): { ok: true; options: CliOptions } | { ok: false; error: string } {
  const options: CliOptions = { jsonl: false, help: false, sources: [] };
  let onlyFiles = false;
  for (const arg of argv) {
    if (!onlyFiles && arg === '--') onlyFiles = true;
    else if (!onlyFiles && arg === '--jsonl') options.jsonl = true;
    else if (!onlyFiles && (arg === '--help' || arg === '-h')) options.help = true;
    else if (arg === '-') options.sources.push({ kind: 'stdin' });
    else if (!onlyFiles && arg.startsWith('-')) return { ok: false, error: `unknown option: ${arg}` };
    else options.sources.push({ kind: 'file', path: arg });
  }
  if (options.sources.length === 0) options.sources.push({ kind: 'stdin' });
  return { ok: true, options };
}

/** Runs the tool; resolves to the exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseCliArgs(argv);
  if (!parsed.ok) {
    io.err(`cite: ${parsed.error}`);
    io.err('Try: npm run -s cite -- --help');
    return EXIT_USAGE;
  }
  if (parsed.options.help) {
    io.out(USAGE);
    return EXIT_OK;
  }
  let status = EXIT_OK;
  for (const source of parsed.options.sources) {
    try {
      const failed = parsed.options.jsonl ? await runJsonl(source, io) : await runPlain(source, io);
      if (failed) status = EXIT_FAILED;
    } catch (error) {
      io.err(
        `cite: cannot read ${sourceName(source)}: ${error instanceof Error ? error.message : String(error)}`,
      );
      status = EXIT_FAILED;
    }
  }
  return status;
}

/** Plain mode for one source; resolves to whether anything failed. */
async function runPlain(source: CliSource, io: CliIo): Promise<boolean> {
  const text = await io.readText(source);
  for (const line of plainLines(text, sourceName(source))) io.out(line);
  return false;
}

/** JSONL mode for one source; resolves to whether any line failed. */
async function runJsonl(source: CliSource, io: CliIo): Promise<boolean> {
  let failed = false;
  for await (const line of io.readLines(source)) {
    const result = citeJsonlLine(line);
    if (!result.ok) failed = true;
    io.out(result.output);
  }
  return failed;
}

/** The plain-mode lines for `text`: position, official citation, ids, raw. */
export function plainLines(text: string, name: string): string[] {
  const lines: string[] = [];
  let line = 1;
  let lineStart = 0;
  let scanned = 0;
  for (const c of findCitations(text)) {
    // Count line breaks incrementally: one pass over the text for all references.
    for (; scanned < c.start; scanned++) {
      if (text.charCodeAt(scanned) === 10) {
        line++;
        lineStart = scanned + 1;
      }
    }
    const column = c.start - lineStart + 1;
    lines.push(
      `${name}:${line}:${column}\t${formatCitation(c)}\t${c.ids.join(' ')}\t${JSON.stringify(c.raw)}`,
    );
  }
  return lines;
}

/** One JSONL input line → one output line; `ok` is false for an error line. */
export function citeJsonlLine(line: string): { ok: boolean; output: string } {
  const trimmed = line.endsWith('\r') ? line.slice(0, -1) : line;
  if (trimmed.trim() === '') return failure('empty line: expected a JSON object with a "text" field');
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch (error) {
    return failure(`not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return failure('not a JSON object: expected {"text": "..."}');
  }
  const text = (value as { text?: unknown }).text;
  if (typeof text !== 'string') return failure('no string "text" field');
  return { ok: true, output: JSON.stringify({ citations: findCitations(text) }) };
}

function failure(error: string): { ok: false; output: string } {
  return { ok: false, output: JSON.stringify({ error }) };
}

function sourceName(source: CliSource): string {
  return source.kind === 'stdin' ? '<stdin>' : source.path;
}
