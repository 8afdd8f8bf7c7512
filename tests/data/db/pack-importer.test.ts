// @vitest-environment node
import { gzipSync } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { importDataset } from '../../../data/db/import-dataset';
import type { KamerlensDB } from '../../../data/db/kamerlens-db';
import { createPackImporter } from '../../../data/db/pack-importer';
import type { PackImportMeta } from '../../../data/db/records';
import { findStaleSegments } from '../../../data/db/search-segments';
import { BUNDLED_SEGMENT } from '../../../data/db/segment-owner';
import type { PackImportProgress } from '../../../data/messages';
import { freshDB } from '../../fixtures/db/fresh-db';
import { seedLikeDataset } from '../../fixtures/db/seed-like';
import { snapshot } from '../../fixtures/db/stored-records';
import { queriesOf } from '../../fixtures/db/watch-requests';
import { fixturePack, packFile } from '../../fixtures/opendata/fixture-packs';

const YEAR = 'vergaderjaar-2024-2025';

/** Stage a file as the side panel does. */
async function stage(db: KamerlensDB, bytes: Uint8Array, fileName = 'pakket.pack.json.gz') {
  await db.stagedPacks.add({
    fileName,
    file: new Blob([new Uint8Array(bytes)]),
    stagedAt: '2026-05-01T12:00:00Z',
  });
}

/** What readers see of the data. */
const dataTables = snapshot;

describe('the pack importer', () => {
  it('imports a staged file, reports progress up to done, and unstages it', async () => {
    const db = freshDB();
    await importDataset(db, seedLikeDataset());
    const importer = createPackImporter(db);
    await stage(db, packFile(fixturePack(YEAR)));
    const seen: PackImportProgress[] = [];
    const running = importer.importStaged();
    const poll = setInterval(() => void importer.progress().then((p) => seen.push(p)), 0);
    const outcome = await running;
    clearInterval(poll);
    expect(outcome).toMatchObject({
      state: 'done',
      fraction: 1,
      packId: YEAR,
      version: fixturePack(YEAR).version,
      replaced: null,
      error: null,
    });
    expect(await db.stagedPacks.count()).toBe(0);
    expect((await db.packs.get(YEAR))?.fileName).toBe('pakket.pack.json.gz');
    expect(seen.every((p) => p.fraction >= 0 && p.fraction <= 1)).toBe(true);
    // What a new worker (after this one stopped) reports: the stored outcome.
    expect(await createPackImporter(db).progress()).toEqual(outcome);
  });

  it('says when a pack replaced an earlier version of itself', async () => {
    const db = freshDB();
    const importer = createPackImporter(db);
    await stage(db, packFile(fixturePack(YEAR)));
    await importer.importStaged();
    await db.packs.update(YEAR, { version: '1-oudeversie00' });
    await stage(db, packFile(fixturePack(YEAR)));
    expect(await importer.importStaged()).toMatchObject({ state: 'done', replaced: '1-oudeversie00' });
  });

  it.each([
    [
      'a truncated file',
      packFile(fixturePack(YEAR)).subarray(0, 100),
      'not a complete gzip file',
      'not-gzip',
    ],
    ['a file that is not a pack', gzipSync('{"format":"iets anders"}'), 'not a Kamerlens pack', 'not-a-pack'],
  ])('refuses %s with a clear message, keeping the data already loaded', async (_, bytes, message, code) => {
    const db = freshDB();
    await importDataset(db, seedLikeDataset());
    const importer = createPackImporter(db);
    await stage(db, packFile(fixturePack('vergaderjaar-2023-2024')));
    await importer.importStaged();
    const before = await dataTables(db);
    await stage(db, bytes);
    const outcome = await importer.importStaged();
    expect(outcome.state).toBe('failed');
    expect(outcome.error).toContain(message);
    expect(outcome.refusal?.code).toBe(code);
    // A new worker still has the reason as a code, for the panel to word in the reader's language.
    expect((await createPackImporter(db).progress()).refusal?.code).toBe(code);
    expect(await dataTables(db)).toEqual(before);
    expect(await db.stagedPacks.count()).toBe(0);
  });

  it('a file still staged when a worker stopped is imported again, whole, by the next one', async () => {
    const db = freshDB();
    await stage(db, packFile(fixturePack(YEAR)));
    // The stopped worker had recorded its start; its transaction never committed.
    const left: PackImportMeta = {
      key: 'packImport',
      state: 'importing',
      fileName: 'pakket.pack.json.gz',
      packId: null,
      version: null,
      replaced: null,
      error: null,
      updatedAt: '2026-05-01T12:00:00Z',
    };
    await db.meta.put(left);
    const next = createPackImporter(db);
    expect((await next.progress()).state).toBe('importing');
    expect(await next.importStaged()).toMatchObject({ state: 'done', packId: YEAR });
    const reference = freshDB();
    await stage(reference, packFile(fixturePack(YEAR)));
    await createPackImporter(reference).importStaged();
    const strip = (tables: Awaited<ReturnType<typeof dataTables>>) => ({
      ...tables,
      packs: tables.packs.map(({ importedAt: _at, ...pack }) => pack),
    });
    expect(strip(await dataTables(db))).toEqual(strip(await dataTables(reference)));
  });

  it('a new worker builds again a pack’s search segment that an older build wrote, before importing', async () => {
    const db = freshDB();
    await stage(db, packFile(fixturePack(YEAR)));
    await createPackImporter(db).importStaged();
    const segment = await db.searchSegments.get(YEAR);
    // As an older build stored it: no postings layout, no version.
    const { stored: _stored, version: _version, ...older } = segment ?? ({} as NonNullable<typeof segment>);
    await db.searchSegments.put(older);
    expect((await findStaleSegments(db)).rebuild).toEqual([YEAR]);
    const next = createPackImporter(db);
    // Nothing is staged: the call waits for the repair that runs before any import.
    await next.importStaged();
    expect(await findStaleSegments(db)).toEqual({ rebuild: [], orphans: [] });
    expect((await db.searchSegments.get(YEAR))?.version).toBe(fixturePack(YEAR).version);
  });

  it('reads the next staged file while the one before it is imported', async () => {
    const db = freshDB();
    const importer = createPackImporter(db);
    await stage(db, packFile(fixturePack('vergaderjaar-2023-2024')), 'eerste.pack.json.gz');
    await stage(db, packFile(fixturePack(YEAR)), 'tweede.pack.json.gz');
    // What happens in which order: a file's bytes read, a pack made live (its record stored).
    const events: string[] = [];
    const original = Blob.prototype.stream;
    const stream = vi.spyOn(Blob.prototype, 'stream').mockImplementation(function (this: Blob) {
      events.push(`read ${this.size}`);
      return original.call(this);
    });
    const put = db.packs.put.bind(db.packs);
    vi.spyOn(db.packs, 'put').mockImplementation((record, key) => {
      events.push(`live ${record.id}`);
      return put(record, key);
    });
    try {
      expect(await importer.importStaged()).toMatchObject({ state: 'done', packId: YEAR });
    } finally {
      stream.mockRestore();
    }
    const sizes = [fixturePack('vergaderjaar-2023-2024'), fixturePack(YEAR)].map(
      (pack) => packFile(pack).length,
    );
    // The second file is read before the first pack is live, and each is read once.
    expect(events).toEqual([
      `read ${sizes[0]}`,
      `read ${sizes[1]}`,
      'live vergaderjaar-2023-2024',
      `live ${YEAR}`,
    ]);
    expect((await db.packs.toArray()).map((pack) => pack.fileName).sort()).toEqual([
      'eerste.pack.json.gz',
      'tweede.pack.json.gz',
    ]);
    expect(await db.stagedPacks.count()).toBe(0);
  });

  it('reads every source’s id list once for a run of staged files, not once per file', async () => {
    const db = freshDB();
    const reads = queriesOf(db, 'sourceIds');
    await importDataset(db, seedLikeDataset());
    const importer = createPackImporter(db);
    await stage(db, packFile(fixturePack('vergaderjaar-2023-2024')), 'eerste.pack.json.gz');
    await stage(db, packFile(fixturePack(YEAR)), 'tweede.pack.json.gz');
    reads.length = 0;
    expect(await importer.importStaged()).toMatchObject({ state: 'done', packId: YEAR });
    expect(reads).toEqual(['sourceIds']);
    // The second pack's ownership came from the sources handed on: it shares records with the bundled dataset.
    expect((await db.packs.get(YEAR))?.inBundled).toBe(2);
    expect((await db.sourceIds.toArray()).map((row) => row.source).sort()).toEqual(
      [BUNDLED_SEGMENT, 'vergaderjaar-2023-2024', YEAR].sort(),
    );
  });

  it('a file read ahead that is not a pack fails alone, after the pack before it is imported', async () => {
    const db = freshDB();
    const importer = createPackImporter(db);
    await stage(db, packFile(fixturePack(YEAR)), 'goed.pack.json.gz');
    await stage(db, gzipSync('{"format":"iets anders"}'), 'fout.pack.json.gz');
    const outcome = await importer.importStaged();
    expect(outcome).toMatchObject({ state: 'failed', fileName: 'fout.pack.json.gz' });
    expect(outcome.refusal?.code).toBe('not-a-pack');
    expect((await db.packs.toArray()).map((pack) => pack.id)).toEqual([YEAR]);
    expect(await db.stagedPacks.count()).toBe(0);
  });

  it('removes a pack after the import already running', async () => {
    const db = freshDB();
    const importer = createPackImporter(db);
    await stage(db, packFile(fixturePack(YEAR)));
    const importing = importer.importStaged();
    const removed = importer.remove(YEAR);
    await importing;
    expect(await removed).toBe(true);
    expect(await dataTables(db)).toEqual({ documents: [], dossiers: [], packs: [] });
  });
});
