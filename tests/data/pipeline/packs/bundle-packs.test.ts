// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePackList } from '../../../../data/dataset/pack-list';
import { BundleError, bundlePacks, clearBundled } from '../../../../data/pipeline/packs/bundle-packs';
import { writePacks } from '../../../../data/pipeline/packs/write-packs';
import { fixtureDataset } from '../../../fixtures/opendata/fixture-packs';
import { tempDir } from '../../../fixtures/opendata/fixture-store';

function built() {
  const from = tempDir();
  const list = writePacks(fixtureDataset(), 'vergaderjaar', from);
  return { from, list, ids: list.packs.map((entry) => entry.id) };
}

const listed = (dir: string) => JSON.parse(readFileSync(join(dir, 'packs.json'), 'utf8'));

describe('bundling packs into a release', () => {
  it('copies exactly the named packs and a list naming them; a new choice replaces the old', () => {
    const { from, ids } = built();
    const out = tempDir();
    const [a, b, c] = ids;
    if (!a || !b || !c) throw new Error('fewer than three fixture packs');
    bundlePacks(from, [a, b], out);
    expect(listed(out).packs.map((p: { id: string }) => p.id)).toEqual([a, b]);
    expect(parsePackList(listed(out)).ok).toBe(true);
    for (const name of readdirSync(out).filter((n) => n !== 'packs.json'))
      expect(readFileSync(join(out, name))).toEqual(readFileSync(join(from, name)));

    bundlePacks(from, [c], out);
    const files = readdirSync(out).sort();
    expect(listed(out).packs.map((p: { id: string }) => p.id)).toEqual([c]);
    expect(files).toEqual([listed(out).packs[0].file, 'packs.json'].sort());

    bundlePacks(from, [], out);
    expect(listed(out).packs).toHaveLength(ids.length);
    clearBundled(out);
    expect(readdirSync(out)).toEqual([]);
  });

  it('refuses an unknown id, a missing file or a file that is not the one listed, and changes nothing', () => {
    const { from, list, ids } = built();
    const out = tempDir();
    const [a] = ids;
    if (!a) throw new Error('no fixture packs');
    bundlePacks(from, [a], out);
    const before = readdirSync(out).sort();

    expect(() => bundlePacks(from, ['vergaderjaar-1800-1801'], out)).toThrow(
      /not in .*packs\.json: vergaderjaar-1800-1801/,
    );
    const entry = list.packs[1];
    if (!entry) throw new Error('one fixture pack only');
    writeFileSync(join(from, entry.file), Buffer.from('not the pack'));
    expect(() => bundlePacks(from, [], out)).toThrow(BundleError);
    expect(() => bundlePacks(from, [], out)).toThrow(/is not the file .* names/);
    expect(() => bundlePacks(tempDir(), [], out)).toThrow(/packs\.json not found/);
    expect(readdirSync(out).sort()).toEqual(before);
    expect(listed(out).packs.map((p: { id: string }) => p.id)).toEqual([a]);
  });

  it('the command line: usage errors exit 2, a bad choice exits 1 with the reason', () => {
    const run = (...args: string[]) => {
      try {
        execFileSync('npx', ['tsx', 'scripts/bundle-packs.ts', ...args], { encoding: 'utf8', stdio: 'pipe' });
        return { code: 0, stderr: '' };
      } catch (error) {
        const failed = error as { status: number; stderr: string };
        return { code: failed.status, stderr: failed.stderr };
      }
    };
    expect(run()).toMatchObject({ code: 2, stderr: expect.stringMatching(/give --from DIR/) });
    expect(run('--from')).toMatchObject({ code: 2, stderr: expect.stringMatching(/--from needs a value/) });
    expect(run('--none', '--pack', 'x')).toMatchObject({ code: 2 });
    const empty = tempDir();
    expect(run('--from', empty)).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/packs\.json not found/),
    });
    expect(existsSync('public/packs/packs.json')).toBe(false);
  });
});

describe('the pack list', () => {
  it('is accepted as written and refused with a reason when damaged', () => {
    const { list } = built();
    expect(parsePackList(JSON.parse(JSON.stringify(list)))).toEqual({ ok: true, value: list });
    const entry = list.packs[0];
    const withEntry = (patch: object) => ({ ...list, packs: [{ ...entry, ...patch }] });
    expect(parsePackList({ ...list, format: 'x' })).toEqual({
      ok: false,
      error: 'not a Kamerlens pack list',
    });
    expect(parsePackList({ ...list, packs: [entry, entry] })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/listed twice/),
    });
    expect(parsePackList(withEntry({ file: '../x.pack.json.gz' }))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/not a pack file name/),
    });
    expect(parsePackList(withEntry({ file: 'packs/x.pack.json.gz' }))).toMatchObject({ ok: false });
    expect(parsePackList(withEntry({ fileSha256: 'abc' }))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/fileSha256/),
    });
    expect(parsePackList(withEntry({ counts: null }))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/counts/),
    });
    expect(parsePackList(withEntry({ bytes: -1 }))).toMatchObject({ ok: false });
  });
});
