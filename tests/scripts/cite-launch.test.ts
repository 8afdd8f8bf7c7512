// @vitest-environment node
/** `npm run cite` runs a prebuilt bundle of scripts/cite.ts: same output as the source, rebuilt when stale. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const INPUT =
  '{"text":"Zie Kamerstuk 34 352, nr. 340."}\n{"text":"Aanhangsel Handelingen, vergaderjaar 2024–2025, nr. 1028"}\n';

function run(command: string, args: string[]) {
  return spawnSync(command, args, { cwd: ROOT, input: INPUT, encoding: 'utf8', timeout: 120_000 });
}

describe('scripts/cite-launch.mjs', () => {
  it('prints what scripts/cite.ts prints', () => {
    const source = run('npx', ['tsx', 'scripts/cite.ts', '--jsonl']);
    const launched = run('node', ['scripts/cite-launch.mjs', '--jsonl']);
    expect(launched.status).toBe(0);
    expect(launched.stdout).toBe(source.stdout);
    expect(launched.stdout).toContain('ah-tk-20242025-1028');
  }, 120_000);

  it('is not stale right after a run', async () => {
    run('node', ['scripts/cite-launch.mjs', '--jsonl']);
    const launcher = (await import(pathToFileURL(join(ROOT, 'scripts/cite-launch.mjs')).href)) as {
      bundleIsStale: () => boolean;
    };
    expect(launcher.bundleIsStale()).toBe(false);
  }, 120_000);
});
