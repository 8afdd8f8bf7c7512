/** Bad sources stop the build with the file and line, and no dataset (not even part of one) is written. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../../data/pipeline/build';
import { SourceError } from '../../../data/pipeline/source/source-error';

const BAD = 'tests/fixtures/documents/bad';

function failure(name: string): SourceError {
  try {
    buildDataset({ sourcesDir: resolve(BAD, name) });
  } catch (error) {
    if (error instanceof SourceError) return error;
    throw error;
  }
  throw new Error(`${name} built without error`);
}

describe('bad sources', () => {
  it.each([
    ['empty', '020_empty.txt', 1, 'empty source'],
    ['nul', '021_nul.txt', 4, 'not text: NUL byte (binary file?)'],
    ['invalid-utf8', '022_latin1.txt', 4, 'not text: invalid UTF-8'],
    ['unrecognizable', '023_prose.txt', 1, 'not recognizable as an answer to written questions'],
    [
      'footnote-mark-without-text',
      '024_answers.txt',
      7,
      'footnote mark [footnoteRef:2] has no footnote text [2: …]',
    ],
    ['footnote-text-without-mark', '025_answers.txt', 7, 'footnote text [3: …] has no mark [footnoteRef:3]'],
    ['pdf-footnote-without-mark', '026_letter.txt', 10, 'footnote 1 has no mark 1 in the text above it'],
    ['answer-without-question', '027_answers.txt', 9, 'answer to question 5, but there is no question 5'],
    ['unfaithful-editorial', 'editorial/101_answers.json', 2, 'name "Rutte" does not occur in the document'],
    ['manifest-missing-source', 'manifest.json', 4, 'source 999_missing.txt is not in the sources folder'],
  ])('%s', (name, file, line, problem) => {
    const error = failure(name);
    expect(error.file).toBe(join(BAD, name, file));
    expect(error.line).toBe(line);
    expect(error.problem).toContain(problem);
    expect(error.message).toContain(`${join(BAD, name, file)}:${line}: `);
  });
});

describe('npm run data:build on bad input', () => {
  it('exits non-zero, names file and line, and leaves no file (and an existing one untouched)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kamerlens-bad-'));
    const fresh = join(dir, 'fresh.json');
    const existing = join(dir, 'existing.json');
    writeFileSync(existing, '{"previous":true}\n');
    const tsx = resolve('node_modules/.bin/tsx');
    for (const out of [fresh, existing]) {
      let stderr = '';
      let status = 0;
      try {
        execFileSync(tsx, ['scripts/build-dataset.ts', '--sources', join(BAD, 'nul'), '--out', out], {
          stdio: 'pipe',
        });
      } catch (error) {
        const failed = error as { status: number; stderr: Buffer };
        status = failed.status;
        stderr = failed.stderr.toString();
      }
      expect(status).toBe(1);
      expect(stderr).toContain(`${join(BAD, 'nul', '021_nul.txt')}:4: not text: NUL byte`);
    }
    expect(existsSync(fresh)).toBe(false);
    expect(readFileSync(existing, 'utf8')).toBe('{"previous":true}\n');
  });
});
