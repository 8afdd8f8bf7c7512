// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { DatasetPack } from '../../../data/dataset/pack-format';
import { importDataset } from '../../../data/db/import-dataset';
import type { KamerlensDB } from '../../../data/db/kamerlens-db';
import { createPackImporter } from '../../../data/db/pack-importer';
import { type BundledPackFiles, stageBundledPacks } from '../../../entrypoints/background/bundled-packs';
import { freshDB } from '../../fixtures/db/fresh-db';
import { seedLikeDataset } from '../../fixtures/db/seed-like';
import { fixturePacks, packFile } from '../../fixtures/opendata/fixture-packs';

const HEX = 'a'.repeat(64);

/** The release files of `packs`, as the bundler writes them; `reads` counts file reads. */
function release(packs: DatasetPack[], options: { failOn?: string } = {}) {
  const bytes = new Map(packs.map((pack) => [`${pack.id}.pack.json.gz`, packFile(pack)]));
  const reads: string[] = [];
  const files: BundledPackFiles = {
    list: async () => ({
      format: 'kamerlens-pack-list',
      formatVersion: 1,
      split: 'vergaderjaar',
      datasetVersion: 'test',
      packs: packs.map((pack) => ({
        id: pack.id,
        file: `${pack.id}.pack.json.gz`,
        version: pack.version,
        contentHash: pack.contentHash,
        fileSha256: HEX,
        bytes: bytes.get(`${pack.id}.pack.json.gz`)?.length ?? 0,
        counts: pack.counts,
      })),
    }),
    file: async (name) => {
      reads.push(name);
      if (name === options.failOn) throw new Error(`${name}: 404`);
      const file = bytes.get(name);
      if (!file) throw new Error(`no file ${name}`);
      return new Blob([new Uint8Array(file)]);
    },
  };
  return { files, reads };
}

async function loadedPacks(db: KamerlensDB) {
  return (await db.packs.toArray()).map((pack) => `${pack.id}@${pack.version}`).sort();
}

async function seeded(): Promise<KamerlensDB> {
  const db = freshDB();
  await importDataset(db, seedLikeDataset());
  return db;
}

describe('bundled packs', () => {
  const packs = fixturePacks();
  const expected = packs.map((pack) => `${pack.id}@${pack.version}`).sort();

  it('stages every bundled pack once, and the importer loads them whole', async () => {
    const db = await seeded();
    const { files } = release(packs);
    const staging = await stageBundledPacks(db, files);
    expect(staging).toEqual({ status: 'staged', ids: packs.map((pack) => pack.id) });
    expect(await db.stagedPacks.count()).toBe(packs.length);
    const outcome = await createPackImporter(db).importStaged();
    expect(outcome.state).toBe('done');
    expect(await loadedPacks(db)).toEqual(expected);
    expect(await db.stagedPacks.count()).toBe(0);
    // The next worker start of the same release stages nothing again.
    expect(await stageBundledPacks(db, files)).toEqual({ status: 'already-staged' });
    expect(await db.stagedPacks.count()).toBe(0);
  });

  it('leaves a pack the reader removed removed until a release names another version', async () => {
    const db = await seeded();
    const { files } = release(packs);
    await stageBundledPacks(db, files);
    const importer = createPackImporter(db);
    await importer.importStaged();
    const [first] = packs;
    if (!first) throw new Error('no fixture packs');
    expect(await importer.remove(first.id)).toBe(true);
    expect(await stageBundledPacks(db, files)).toEqual({ status: 'already-staged' });
    expect((await db.packs.get(first.id)) ?? null).toBeNull();

    // A new release: the same packs, one with new contents (so a new version).
    const changed: DatasetPack = { ...first, version: `${first.schemaVersion}-${'b'.repeat(12)}` };
    const next = release([changed, ...packs.slice(1)]);
    const staging = await stageBundledPacks(db, next.files);
    // Only the pack whose named version is not loaded is read and staged.
    expect(staging).toEqual({ status: 'staged', ids: [first.id] });
    expect(next.reads).toEqual([`${first.id}.pack.json.gz`]);
  });

  it('skips packs already loaded at the named version (added by the reader from a file)', async () => {
    const db = await seeded();
    const [first, ...rest] = packs;
    if (!first) throw new Error('no fixture packs');
    await db.stagedPacks.add({
      fileName: 'eigen.pack.json.gz',
      file: new Blob([new Uint8Array(packFile(first))]),
      stagedAt: '2026-01-01T00:00:00Z',
    });
    await createPackImporter(db).importStaged();
    const { files, reads } = release(packs);
    expect(await stageBundledPacks(db, files)).toEqual({
      status: 'staged',
      ids: rest.map((pack) => pack.id),
    });
    expect(reads).not.toContain(`${first.id}.pack.json.gz`);
  });

  it('stages nothing, and marks nothing, when a bundled file cannot be read', async () => {
    const db = await seeded();
    const last = packs.at(-1);
    if (!last) throw new Error('no fixture packs');
    const { files } = release(packs, { failOn: `${last.id}.pack.json.gz` });
    const staging = await stageBundledPacks(db, files);
    expect(staging).toEqual({
      status: 'failed',
      error: `bundled pack not readable: ${last.id}.pack.json.gz: 404`,
    });
    expect(await db.stagedPacks.count()).toBe(0);
    expect(await db.meta.get('bundledPacks')).toBeUndefined();
    // The next start tries again and succeeds.
    expect((await stageBundledPacks(db, release(packs).files)).status).toBe('staged');
  });

  it('a release without packs stages none; a damaged list is refused with its reason', async () => {
    const db = await seeded();
    expect(await stageBundledPacks(db, { list: async () => null, file: async () => new Blob() })).toEqual({
      status: 'none',
    });
    const damaged: BundledPackFiles = {
      list: async () => ({
        format: 'kamerlens-pack-list',
        formatVersion: 1,
        split: 'vergaderjaar',
        datasetVersion: 'x',
        packs: [{ id: 'vergaderjaar-2024-2025', file: '../../etc/passwd' }],
      }),
      file: async () => new Blob(),
    };
    expect(await stageBundledPacks(db, damaged)).toEqual({
      status: 'failed',
      error: 'bundled pack list refused: pack 1 (vergaderjaar-2024-2025): not a pack file name',
    });
    expect(await db.stagedPacks.count()).toBe(0);
  });
});
