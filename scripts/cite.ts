/**
 * `npm run -s cite -- [--jsonl] [FILE...]`: find parliamentary references in files or stdin.
 * Only wiring: the behaviour lives in data/citations/cli-core.ts (see `--help`).
 */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { type CliIo, type CliSource, runCli } from '../data/citations/cli-core';

const io: CliIo = {
  async readText(source: CliSource): Promise<string> {
    if (source.kind === 'file') return readFile(source.path, 'utf8');
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
  async *readLines(source: CliSource): AsyncIterable<string> {
    const input = source.kind === 'file' ? createReadStream(source.path, 'utf8') : process.stdin;
    // Open errors (missing file) surface here, before the first line, as a rejection.
    if (source.kind === 'file') {
      await new Promise<void>((resolve, reject) => {
        input.once('ready', () => resolve());
        input.once('error', reject);
      });
    }
    yield* createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  },
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

process.exitCode = await runCli(process.argv.slice(2), io);
