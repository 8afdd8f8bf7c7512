// @vitest-environment node
/** The real `cite` process: stdin in, stdout and exit code out. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

function cite(args: string[], input: string) {
  return spawnSync('npx', ['tsx', 'scripts/cite.ts', ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('scripts/cite.ts as a process', () => {
  it('JSONL from stdin: one line out per line in, exit 1 when one failed', () => {
    const result = cite(
      ['--jsonl'],
      '{"text":"Zie Kamerstuk 34 352, nr. 340."}\nkapot\n{"text":"2024D43182"}\n',
    );
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(JSON.parse(lines[0] ?? '').citations[0]).toMatchObject({
      ids: ['kst-34352-340'],
      start: 4,
      end: 29,
    });
    expect(JSON.parse(lines[1] ?? '')).toHaveProperty('error');
    expect(JSON.parse(lines[2] ?? '').citations[0].kind).toBe('document');
    expect(result.status).toBe(1);
  }, 60_000);

  it('plain mode on a seed file, and a usage error for an unknown flag', () => {
    const plain = cite(['data/sources/004_1bc47c291b0e2824.txt'], '');
    expect(plain.status).toBe(0);
    expect(plain.stdout).toContain('\tKamerstukken I 2025/26, 36582, F\tkst-36582-F\t');
    const usage = cite(['--nope'], '');
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('unknown option: --nope');
  }, 60_000);
});
