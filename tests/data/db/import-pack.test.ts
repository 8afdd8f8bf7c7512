import { describe, expect, it } from 'vitest';
import type { AnnotationRecord } from '../../../data/annotations/model';
import type { DatasetPack } from '../../../data/dataset/pack-format';
import { readPack } from '../../../data/dataset/read-pack';
import { annotationsLinkedTo, putAnnotation } from '../../../data/db/annotations';
import { importDataset } from '../../../data/db/import-dataset';
import { importPack, listPacks, removePack } from '../../../data/db/import-pack';
import type { KamerlensDB } from '../../../data/db/kamerlens-db';
import { resolveDocuments } from '../../../data/db/resolve-documents';
import { sweepDeadBlocks } from '../../../data/db/row-blocks';
import { BUNDLED_SEGMENT } from '../../../data/db/segment-owner';
import { readSources } from '../../../data/db/source-documents';
import { splitDataset } from '../../../data/pipeline/packs/write-packs';
import { freshDB } from '../../fixtures/db/fresh-db';
import { generatedDataset } from '../../fixtures/db/generated-dataset';
import { seedLikeDataset } from '../../fixtures/db/seed-like';
import { snapshot, sourceOf, storedDocument, storedDocuments } from '../../fixtures/db/stored-records';
import { queriesOf, watchRequests } from '../../fixtures/db/watch-requests';
import { fixtureDataset, fixturePack, packFile, streamOf } from '../../fixtures/opendata/fixture-packs';

const YEAR = 'vergaderjaar-2024-2025';
const OTHER_YEAR = 'vergaderjaar-2023-2024';

const NOTE: AnnotationRecord = {
  id: 'note-pack',
  created: '2026-01-02T10:00:00.000Z',
  modified: '2026-01-02T10:00:00.000Z',
  target: { source: 'https://www.tweedekamer.nl/stuk', selectors: [] },
  body: { note: 'Zie de motie.', tags: [], linkedDocumentIds: ['2025D09876'] },
};

/** Load `pack` as the background does: from its file, through the shared reader. */
async function load(db: KamerlensDB, pack: DatasetPack) {
  const bytes = packFile(pack);
  const read = await readPack(streamOf(bytes));
  if (!read.ok) throw new Error(read.error);
  return importPack(db, read.value, { bytes: bytes.length, fileName: `${pack.id}.pack.json.gz` });
}

/** The fixture dataset with one record retitled and one left out, split again: the same pack ids, new versions. */
function editedPack(id: string): DatasetPack {
  const dataset = fixtureDataset();
  const documents = dataset.documents
    .filter((d) => d.id !== 'kst-36449-11')
    .map((d) => (d.id === '2025D09876' ? { ...d, title: 'Nieuwe titel' } : d));
  const pack = splitDataset({ ...dataset, documents }, 'vergaderjaar').find((p) => p.id === id);
  if (!pack) throw new Error(id);
  return pack;
}

/** The ids of `pack`'s records readers see from `pack` itself. */
async function fromPack(db: KamerlensDB, pack: DatasetPack): Promise<string[]> {
  const ids: string[] = [];
  for (const document of pack.documents)
    if ((await sourceOf(db, document.id)) === pack.id) ids.push(document.id);
  return ids;
}

async function titleOf(db: KamerlensDB, id: string) {
  return (await resolveDocuments(db, [id])).get(id)?.title ?? null;
}

describe('importPack', () => {
  it('reports progress that only goes forward while the index is built and the rows are written', async () => {
    const db = freshDB();
    // Large enough for the index to be built over several slices while the rows are written a few
    // at a time: the two report side by side.
    const [pack] = splitDataset(generatedDataset(3000), 'vergaderjaar');
    if (!pack) throw new Error('no pack');
    const fractions: number[] = [];
    await importPack(db, pack, {
      bytes: 1,
      fileName: 'groot.pack.json.gz',
      chunkSize: 20,
      onProgress: (f) => fractions.push(f),
    });
    expect(fractions.length).toBeGreaterThan(20);
    const backwards = fractions.filter((f, i) => i > 0 && f < (fractions[i - 1] as number));
    expect(backwards).toEqual([]);
    expect(fractions.at(-1)).toBe(1);
  });

  it('round trip: built, read back and stored with its dossiers and description', async () => {
    const db = freshDB();
    const pack = fixturePack(YEAR);
    const fractions: number[] = [];
    const bytes = packFile(pack);
    const read = await readPack(streamOf(bytes));
    if (!read.ok) throw new Error(read.error);
    const { pack: stored, replaced } = await importPack(db, read.value, {
      bytes: bytes.length,
      fileName: 'jaar.pack.json.gz',
      onProgress: (f) => fractions.push(f),
    });
    expect(replaced).toBeNull();
    expect(stored).toMatchObject({
      id: YEAR,
      version: pack.version,
      counts: pack.counts,
      inBundled: 0,
      bytes: bytes.length,
    });
    expect(fractions[0]).toBe(0);
    expect(fractions.at(-1)).toBe(1);
    const { documents, dossiers } = await snapshot(db);
    expect(documents).toHaveLength(pack.counts.documents);
    expect(dossiers).toHaveLength(pack.counts.dossiers);
    expect(await storedDocument(db, '2025D09876')).toEqual(pack.documents.find((d) => d.id === '2025D09876'));
    expect(await listPacks(db)).toEqual([stored]);
  });

  it('keeps the bundled dataset’s records (with the text) over a pack’s record with the same id', async () => {
    const db = freshDB();
    await importDataset(db, seedLikeDataset());
    const bundled = await snapshot(db);
    const { pack } = await load(db, fixturePack(YEAR));
    // kst-34352-330 and ah-tk-20242025-520 are in the bundled dataset: not written by the pack.
    expect(pack.inBundled).toBe(2);
    const seed = bundled.documents.find((d) => d.id === 'kst-34352-330');
    expect(await storedDocument(db, 'kst-34352-330')).toEqual(seed);
    expect(await sourceOf(db, 'kst-34352-330')).toBe('bundled');
    await removePack(db, YEAR);
    expect(await snapshot(db)).toEqual(bundled);
  });

  it('a pack’s record takes the place of a bundled stub, which comes back when the pack goes', async () => {
    const db = freshDB();
    await importDataset(db, seedLikeDataset('v1'));
    const stub = await storedDocument(db, 'kst-36600-XV-85');
    expect(stub?.stub).toBe(true);
    const pack = fixturePack('vergaderjaar-onbekend');
    const { pack: stored } = await load(db, pack);
    expect(stored.inBundled).toBe(1); // local-000_…, which the bundled dataset has with its text
    expect(await storedDocument(db, 'kst-36600-XV-85')).toEqual(
      pack.documents.find((d) => d.id === 'kst-36600-XV-85'),
    );
    expect(await sourceOf(db, 'kst-36600-XV-85')).toBe(pack.id);
    // A new bundled dataset with the stub again: the pack's record still wins.
    await importDataset(db, seedLikeDataset('v2'));
    expect(await sourceOf(db, 'kst-36600-XV-85')).toBe(pack.id);
    await removePack(db, pack.id);
    expect(await storedDocument(db, 'kst-36600-XV-85')).toEqual(
      seedLikeDataset('v2').documents.find((d) => d.id === 'kst-36600-XV-85'),
    );
  });

  it('an update replaces exactly that pack’s records, and notes stay linked through update, removal and re-adding', async () => {
    const db = freshDB();
    await load(db, fixturePack(YEAR));
    await load(db, fixturePack(OTHER_YEAR));
    await putAnnotation(db, NOTE);
    const otherPack = fixturePack(OTHER_YEAR);
    const other = await fromPack(db, otherPack);
    expect(other.length).toBeGreaterThan(0);

    const { replaced } = await load(db, editedPack(YEAR));
    expect(replaced).toBe(fixturePack(YEAR).version);
    expect((await db.packs.get(YEAR))?.version).toBe(editedPack(YEAR).version);
    expect(await titleOf(db, '2025D09876')).toBe('Nieuwe titel');
    expect(await storedDocument(db, 'kst-36449-11')).toBeUndefined();
    expect(await fromPack(db, otherPack)).toEqual(other);
    expect(await annotationsLinkedTo(db, ['2025D09876'])).toEqual([NOTE]);

    expect(await removePack(db, YEAR)).toBe(true);
    expect(await titleOf(db, '2025D09876')).toBeNull();
    expect(await annotationsLinkedTo(db, ['2025D09876'])).toEqual([NOTE]);

    await load(db, editedPack(YEAR));
    expect(await titleOf(db, '2025D09876')).toBe('Nieuwe titel');
    expect(await annotationsLinkedTo(db, ['2025D09876'])).toEqual([NOTE]);
  });

  it('removal deletes exactly the pack’s records; a dossier two packs share goes with the last', async () => {
    const db = freshDB();
    await load(db, fixturePack(OTHER_YEAR));
    const before = await snapshot(db);
    await load(db, fixturePack(YEAR));
    const shared = (await snapshot(db)).dossiers.find((d) => d.id === '34352');
    expect(fixturePack(OTHER_YEAR).dossiers.some((d) => d.id === '34352')).toBe(true);
    expect(fixturePack(YEAR).dossiers.some((d) => d.id === '34352')).toBe(true);
    await removePack(db, YEAR);
    expect((await snapshot(db)).dossiers.find((d) => d.id === '34352')).toEqual(shared);
    expect(await snapshot(db)).toEqual(before);
    await removePack(db, OTHER_YEAR);
    expect(await snapshot(db)).toEqual({ documents: [], dossiers: [], packs: [] });
    expect(await removePack(db, OTHER_YEAR)).toBe(false);
  });

  it('is all or nothing: a pack that fails half-way leaves the previous state', async () => {
    const db = freshDB();
    await load(db, fixturePack(YEAR));
    const before = await snapshot(db);
    const blocks = await db.documentBlocks.count();
    const pack = editedPack(YEAR);
    // A value that cannot be stored, in the last record: the import fails after earlier writes.
    const broken = {
      ...pack,
      documents: pack.documents.map((d, i, all) =>
        i === all.length - 1 ? { ...d, title: 1n as unknown as string } : d,
      ),
    };
    await expect(importPack(db, broken, { bytes: 1, fileName: 'kapot', chunkSize: 1 })).rejects.toThrow();
    expect(await snapshot(db)).toEqual(before);
    // Its blocks went too.
    expect(await db.documentBlocks.count()).toBe(blocks);
  });

  it('a new bundled dataset keeps the packs’ records', async () => {
    const db = freshDB();
    await importDataset(db, seedLikeDataset('v1'));
    await load(db, fixturePack(OTHER_YEAR));
    const pack = fixturePack(OTHER_YEAR);
    const packIds = await fromPack(db, pack);
    const packRows = (await snapshot(db)).documents.filter((d) => packIds.includes(d.id));
    await importDataset(db, seedLikeDataset('v2'));
    const after = await snapshot(db);
    expect(after.documents.filter((d) => packIds.includes(d.id))).toEqual(packRows);
    const v2 = seedLikeDataset('v2').documents;
    for (const document of v2)
      if (!packIds.includes(document.id)) expect(await storedDocument(db, document.id)).toEqual(document);
    expect(await listPacks(db)).toHaveLength(1);
  });
});

describe('an import in short transactions', () => {
  /**
   * Loads `pack` as a worker that stops after `chunks` transactions of rows: the database closes
   * under the import (nothing after that runs, not even its undo), then opens again as the next
   * worker finds it.
   */
  async function stoppedAfter(db: KamerlensDB, pack: DatasetPack, chunks: number) {
    let done = 0;
    const stopped = importPack(db, pack, {
      bytes: 1,
      fileName: 'stopped',
      chunkSize: 1,
      onProgress: (fraction) => {
        if (fraction > 0.2 && fraction < 1 && ++done === chunks) db.close();
      },
    });
    await expect(stopped).rejects.toThrow();
    await db.open();
  }

  it('a worker stopped half-way through an update: readers never saw it; its blocks are swept, then it imports whole', async () => {
    const db = freshDB();
    await importDataset(db, seedLikeDataset());
    await load(db, fixturePack(YEAR));
    await putAnnotation(db, NOTE);
    const before = await snapshot(db);
    const blocks = await db.documentBlocks.count();
    const segmentsBefore = await db.searchSegments.toArray();
    // A new version with every title changed, stopped after three transactions.
    const edited = editedPack(YEAR);
    const retitled = {
      ...edited,
      documents: edited.documents.map((d) => ({ ...d, title: `${d.title} (herzien)` })),
    };
    await stoppedAfter(db, retitled, 3);
    // Half-way: blocks of the new version are stored, but readers see the previous version whole.
    expect(await db.documentBlocks.count()).toBeGreaterThan(blocks);
    expect(await snapshot(db)).toEqual(before);
    expect(await db.searchSegments.toArray()).toEqual(segmentsBefore);

    expect(await sweepDeadBlocks(db, (source) => source !== 'bundled')).toBe(1);
    expect(await db.documentBlocks.count()).toBe(blocks);
    expect(await snapshot(db)).toEqual(before);

    await load(db, editedPack(YEAR));
    expect(await titleOf(db, '2025D09876')).toBe('Nieuwe titel');
    expect(await storedDocument(db, 'kst-36449-11')).toBeUndefined();
    expect(await annotationsLinkedTo(db, ['2025D09876'])).toEqual([NOTE]);
    expect((await storedDocuments(db)).filter((d) => d.title?.endsWith('(herzien)'))).toEqual([]);
  });

  it('a new pack stopped half-way shows nothing, and its blocks are swept', async () => {
    const db = freshDB();
    await importDataset(db, seedLikeDataset());
    const before = await snapshot(db);
    const blocks = await db.documentBlocks.count();
    await stoppedAfter(db, fixturePack(YEAR), 4);
    expect(await db.documentBlocks.count()).toBeGreaterThan(blocks);
    expect(await snapshot(db)).toEqual(before);
    // The bundled dataset's importer leaves a pack's blocks alone; the packs' importer sweeps them.
    expect(await sweepDeadBlocks(db, (source) => source === 'bundled')).toBe(0);
    expect(await sweepDeadBlocks(db, () => true)).toBe(1);
    expect(await db.documentBlocks.count()).toBe(blocks);
  });

  it('answers lookups between its transactions, from the previous version until its last one', async () => {
    const db = freshDB();
    await importDataset(db, seedLikeDataset());
    await load(db, fixturePack(YEAR));
    const pack = editedPack(YEAR);
    const answered: (string | null)[] = [];
    // Each lookup starts after a transaction of records and must end before the next one starts.
    const lookups: Promise<void>[] = [];
    await importPack(db, pack, {
      bytes: 1,
      fileName: 'p',
      chunkSize: 2,
      onProgress: (fraction) => {
        // From when the index is built (0.2, no record written yet) until the last record.
        if (fraction >= 0.2 && fraction < 0.9)
          lookups.push(titleOf(db, '2025D09876').then((title) => void answered.push(title)));
      },
    });
    await Promise.all(lookups);
    expect(answered.length).toBeGreaterThan(3);
    const previous = fixturePack(YEAR).documents.find((d) => d.id === '2025D09876')?.title;
    expect(new Set(answered)).toEqual(new Set([previous]));
    expect(await titleOf(db, '2025D09876')).toBe('Nieuwe titel');
  });

  it('reads no stored record: a pack’s records are written, never compared with what is there', async () => {
    const db = freshDB();
    const reads: string[] = [];
    watchRequests(db, 'CountBlockReads', {
      getMany: (table) => {
        if (table.endsWith('Blocks')) reads.push(`getMany ${table}`);
      },
      query: (table) => {
        if (table.endsWith('Blocks')) reads.push(`query ${table}`);
      },
    });
    await importDataset(db, seedLikeDataset());
    await load(db, fixturePack(OTHER_YEAR));
    reads.length = 0;
    // It shares records with the bundled dataset (which wins them) and a dossier with the other pack.
    const { pack } = await importPack(db, fixturePack(YEAR), { bytes: 1, fileName: 'p', chunkSize: 4 });
    expect(pack.inBundled).toBe(2);
    expect(reads).toEqual([]);
  });

  it('reads every source’s id list once, for its ownership and its plan alike', async () => {
    const db = freshDB();
    const reads = queriesOf(db, 'sourceIds');
    await importDataset(db, seedLikeDataset());
    await load(db, fixturePack(OTHER_YEAR));
    reads.length = 0;
    const { pack } = await importPack(db, fixturePack(YEAR), { bytes: 1, fileName: 'p' });
    expect(pack.inBundled).toBe(2);
    expect(reads).toEqual(['sourceIds']);
    // Its search segment indexes what it wins, as before.
    expect(await titleOf(db, '2025D09876')).not.toBeNull();
  });

  it('takes the sources the previous import of its run left, reading no id list', async () => {
    const db = freshDB();
    const reads = queriesOf(db, 'sourceIds');
    await importDataset(db, seedLikeDataset());
    const first = await load(db, fixturePack(OTHER_YEAR));
    reads.length = 0;
    const { pack, sources } = await importPack(db, fixturePack(YEAR), {
      bytes: 1,
      fileName: 'p',
      sources: first.sources,
    });
    expect(reads).toEqual([]);
    expect(pack.inBundled).toBe(2);
    expect(await titleOf(db, '2025D09876')).not.toBeNull();
    // What it hands on is what is stored: the next import plans from the sources as they are.
    expect(sources).toEqual(await readSources(db));
    expect([...sources.all.keys()].sort()).toEqual([BUNDLED_SEGMENT, YEAR, OTHER_YEAR].sort());
  });

  it('reads the id lists again when something else went live after the previous import of its run', async () => {
    const db = freshDB();
    const reads = queriesOf(db, 'sourceIds');
    await importDataset(db, seedLikeDataset());
    const first = await load(db, fixturePack(OTHER_YEAR));
    // Another context removes that pack meanwhile: the sources handed on still list it.
    await removePack(db, OTHER_YEAR);
    reads.length = 0;
    const { sources } = await importPack(db, fixturePack(YEAR), {
      bytes: 1,
      fileName: 'p',
      sources: first.sources,
    });
    expect(reads).toEqual(['sourceIds']);
    expect(sources).toEqual(await readSources(db));
    expect([...sources.all.keys()].sort()).toEqual([BUNDLED_SEGMENT, YEAR].sort());
  });

  it('hands on sources the next import reads again when something else went live during it', async () => {
    const db = freshDB();
    const reads = queriesOf(db, 'sourceIds');
    await importDataset(db, seedLikeDataset());
    const first = await load(db, fixturePack(OTHER_YEAR));
    // Another context removes the first pack while this one writes its rows: its plan is not taken.
    let removal: Promise<boolean> | null = null;
    const second = await importPack(db, fixturePack(YEAR), {
      bytes: 1,
      fileName: 'p',
      chunkSize: 1,
      sources: first.sources,
      onProgress: (fraction) => {
        if (fraction > 0.3 && fraction < 1) removal ??= removePack(db, OTHER_YEAR);
      },
    });
    expect(await removal).toBe(true);
    // The removal went live before this import's last transaction, which took a later revision.
    expect((await readSources(db)).revision).toBe(second.sources.revision + 1);
    reads.length = 0;
    const third = await importPack(db, editedPack(YEAR), {
      bytes: 1,
      fileName: 'p',
      sources: second.sources,
    });
    expect(reads).toEqual(['sourceIds']);
    expect(third.sources).toEqual(await readSources(db));
    expect([...third.sources.all.keys()].sort()).toEqual([BUNDLED_SEGMENT, YEAR].sort());
  });
});
