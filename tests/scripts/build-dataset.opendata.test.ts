// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateDataset } from '../../data/dataset/validate';
import { fixtureStore, tempDir } from '../fixtures/opendata/fixture-store';

function build(args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-dataset.ts', ...args], {
    encoding: 'utf8',
  });
}

describe('npm run data:build with --opendata', () => {
  it('writes a valid dataset and prints the open-data report', () => {
    const out = join(tempDir(), 'dataset.json');
    const run = build(['--opendata', fixtureStore(), '--out', out, '--since', '2024-11-01']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^.*dataset\.json: \d+ bytes, 5 documents, /);
    expect(run.stdout).toContain('open data: 6 papers mapped;');
    expect(run.stdout).toContain('left out by filters');
    expect(validateDataset(JSON.parse(readFileSync(out, 'utf8'))).ok).toBe(true);
  });

  it('writes packs beside the dataset when asked', () => {
    const dir = tempDir();
    const run = build([
      '--opendata',
      fixtureStore(),
      '--out',
      join(dir, 'dataset.json'),
      '--packs',
      join(dir, 'packs'),
      '--split',
      'dossier',
    ]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/packs: \d+ packs by dossier, \d+ bytes gzip/);
    const list = JSON.parse(readFileSync(join(dir, 'packs', 'packs.json'), 'utf8'));
    expect(list.packs.map((p: { id: string }) => p.id)).toContain('dossier-36600-XV');
  });

  it.each([
    [['--split', 'jaar', '--packs', '.'], '--split must be vergaderjaar or dossier'],
    [['--split', 'dossier'], '--split needs --packs DIR'],
    [['--since', '2024-13-45', '--opendata', '.'], '--since must be a date'],
    [['--dossier', 'abc', '--opendata', '.'], '--dossier must be a dossier number'],
    [['--kind', 'motie'], 'they need --opendata DIR'],
  ])('refuses %j', (args, message) => {
    const run = build(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
  });

  it('fails clearly on a folder that was never synced, writing nothing', () => {
    const dir = tempDir();
    const run = build(['--opendata', dir, '--out', join(dir, 'out.json')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('no synced Document category here (run npm run data:sync first)');
  });
});
