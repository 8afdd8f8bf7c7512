/**
 * The stored search index in the database: written by the dataset import, updated by pack import and
 * removal for exactly that pack's rows, built by the upgrade for data stored before, and always
 * answering like an in-memory index over the rows stored now.
 */
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { DatasetPack } from '../../../data/dataset/pack-format';
import type { DocumentRecord } from '../../../data/dataset/types';
import { importDataset } from '../../../data/db/import-dataset';
import { importPack, removePack } from '../../../data/db/import-pack';
import { KamerlensDB } from '../../../data/db/kamerlens-db';
import { setLive } from '../../../data/db/live-sources';
import type { PostingsBlock } from '../../../data/db/postings-blocks';
import { overlappingSteps } from '../../../data/db/precedence';
import type { DatasetMeta } from '../../../data/db/records';
import {
  findStaleSegments,
  openStoredIndex,
  rebuildStaleSegments,
  stageSegment,
  sweepPostings,
} from '../../../data/db/search-segments';
import {
  lastTransactionTables,
  type OwnershipPlan,
  planOwnership,
  settleOwnership,
} from '../../../data/db/segment-ownership';
import { ownedRecords } from '../../../data/db/source-documents';
import { buildSearchIndex } from '../../../data/search/build-index';
import { catalogId, newestFirst } from '../../../data/search/catalog';
import { StaleIndexError } from '../../../data/search/open-segments';
import { createSearcher } from '../../../data/search/run-search';
import { buildSegment } from '../../../data/search/segment';
import { runSliced } from '../../../data/time-slices';
import { makeDocument } from '../../fixtures/builders';
import { freshDB } from '../../fixtures/db/fresh-db';
import { V3_STORES } from '../../fixtures/db/old-schemas';
import { seedLikeDataset } from '../../fixtures/db/seed-like';
import { storedDocuments } from '../../fixtures/db/stored-records';
import { fixturePack } from '../../fixtures/opendata/fixture-packs';

const YEAR = 'vergaderjaar-2024-2025';
const OTHER_YEAR = 'vergaderjaar-2023-2024';

/** A fixture pack with documents of its own (the fixture packs' full documents are all bundled too). */
function packWith(id: string, documents: DocumentRecord[]): DatasetPack {
  const base = fixturePack(id.startsWith('vergaderjaar') ? id : YEAR);
  return {
    ...base,
    id,
    documents: [...base.documents, ...documents],
    counts: { ...base.counts, documents: base.documents.length + documents.length },
  };
}

const doc = (id: string, title: string, date: string) => makeDocument({ id, title, date });
const OWN = [
  doc('kst-40000-1', 'Brief over windmolens op zee en stikstofruimte', '2025-03-01'),
  doc('kst-40000-2', 'Antwoord over windmolenparken en netcongestie', '2025-02-01'),
  doc('kst-40000-3', 'Motie over stikstofruimte voor woningbouw', '2025-01-15'),
];
const OTHER = [doc('kst-40001-1', 'Brief over de bekostiging van jeugdzorg', '2024-03-01')];

/** Queries from the stored rows' own title words (first, a prefix of one, two of them), plus misses. */
function queriesOf(rows: DocumentRecord[]): string[] {
  const words = rows
    .flatMap((row) => (row.title ?? '').split(/\s+/))
    .filter((word) => word.length > 5)
    .slice(0, 12);
  return [...words, ...words.map((w) => w.slice(0, 4)), `${words[0]} ${words[3]}`, 'xyzzy', 'de '];
}

/** The ids the stored index finds for `query`, sorted (the ranking is compared in `expectIndexMatchesRows`). */
async function searchIds(db: KamerlensDB, query: string) {
  const index = await (await openStoredIndex(db)).index();
  const outcome = await index.search(query);
  return outcome.top.map((hit) => catalogId(index.catalog, hit.doc)).sort();
}

/** The stored index answers every query as an in-memory index over the rows stored now. */
async function expectIndexMatchesRows(db: KamerlensDB) {
  const rows = (await storedDocuments(db)).filter((row) => !row.stub).sort(newestFirst);
  const memory = buildSearchIndex(rows);
  const searcher = createSearcher(memory);
  const stored = await (await openStoredIndex(db)).index();
  expect(stored.catalog.count).toBe(rows.length);
  let found = 0;
  for (const query of queriesOf(rows)) {
    const expected = searcher
      .search(query)
      .top.map((hit) => [memory.docs[hit.doc]?.id, hit.score.toFixed(4)]);
    const outcome = await stored.search(query);
    const actual = outcome.top.map((hit) => [catalogId(stored.catalog, hit.doc), hit.score.toFixed(4)]);
    expect(actual, query).toEqual(expected);
    if (actual.length > 0) found++;
  }
  expect(found).toBeGreaterThan(5);
}

/** The postings rows segment `id` points at now (none when it is gone). */
async function postingsOf(db: KamerlensDB, id: string) {
  const key = (await db.searchSegments.get(id))?.stored?.key;
  return key ? db.searchPostings.where('segment').equals(key).toArray() : [];
}

describe('stored search index', () => {
  it('is written by the dataset import', async () => {
    const db = freshDB();
    await importDataset(db, seedLikeDataset());
    expect((await db.searchSegments.toArray()).map((s) => s.id)).toEqual(['bundled']);
    expect(await searchIds(db, 'participatiewet')).toContain('kst-34352-330');
    await expectIndexMatchesRows(db);
  });

  it('a pack import and removal change that pack’s segment only', async () => {
    const db = freshDB();
    await importDataset(db, seedLikeDataset());
    const bundled = await postingsOf(db, 'bundled');
    await importPack(db, packWith(YEAR, OWN), { bytes: 1, fileName: 'p' });
    expect((await db.searchSegments.toArray()).map((s) => s.id).sort()).toEqual(['bundled', YEAR]);
    expect(await postingsOf(db, 'bundled')).toEqual(bundled);
    expect(await searchIds(db, 'stikstofruimte')).toEqual(['kst-40000-1', 'kst-40000-3']);
    expect(await searchIds(db, 'windmo')).toEqual(['kst-40000-1', 'kst-40000-2']);
    await expectIndexMatchesRows(db);

    await removePack(db, YEAR);
    expect((await db.searchSegments.toArray()).map((s) => s.id)).toEqual(['bundled']);
    expect(await postingsOf(db, YEAR)).toEqual([]);
    expect(await postingsOf(db, 'bundled')).toEqual(bundled);
    expect(await searchIds(db, 'stikstofruimte')).toEqual([]);
  });

  it('a library opened before a pack update says its index is stale instead of answering from dropped postings', async () => {
    const db = freshDB();
    await importDataset(db, seedLikeDataset());
    await importPack(db, packWith(YEAR, OWN), { bytes: 1, fileName: 'p' });
    const before = await (await openStoredIndex(db)).index();
    expect((await before.search('stikstofruimte')).top).toHaveLength(2);

    const update = {
      ...packWith(YEAR, [...OWN, doc('kst-40000-4', 'Brief over stikstofruimte', '2025-04-01')]),
    };
    await importPack(db, { ...update, version: `${update.version}-2` }, { bytes: 1, fileName: 'p2' });
    // Postings already read answer from the cache; a stem first asked for now is not there.
    await expect(before.search('windmolenparken')).rejects.toBeInstanceOf(StaleIndexError);
    // The bundled segment was not replaced: its postings are still there.
    await expect(before.search('gemeente')).resolves.toBeDefined();
    expect(await searchIds(db, 'stikstofruimte')).toEqual(['kst-40000-1', 'kst-40000-3', 'kst-40000-4']);
  });

  it('a row two packs share is indexed once, by the pack that wrote it last, and goes back on removal', async () => {
    const db = freshDB();
    await importDataset(db, seedLikeDataset());
    await importPack(db, packWith(YEAR, OWN), { bytes: 1, fileName: 'a' });
    await importPack(db, packWith(OTHER_YEAR, OTHER), { bytes: 1, fileName: 'b' });
    const shared = OWN.slice(0, 2).map((d) => ({ ...d, title: `${d.title} zeldzaamwoord` }));
    const second: DatasetPack = {
      ...fixturePack(YEAR),
      id: 'dossier-extra',
      documents: shared,
      dossiers: [],
      counts: { documents: shared.length, dossiers: 0 },
    };
    await importPack(db, second, { bytes: 1, fileName: 'c' });
    expect(await searchIds(db, 'zeldzaamwoord')).toEqual(['kst-40000-1', 'kst-40000-2']);
    // Once: the rows moved from the first pack's segment to the second's.
    expect(await searchIds(db, 'windmo')).toEqual(['kst-40000-1', 'kst-40000-2']);
    await expectIndexMatchesRows(db);

    expect((await db.searchCatalogs.get(YEAR))?.catalog.count).toBe(1);
    await removePack(db, second.id);
    // The shared rows stay (as last written) and go back to the first pack's segment.
    expect(await db.searchSegments.get(second.id)).toBeUndefined();
    expect((await db.searchCatalogs.get(YEAR))?.catalog.count).toBe(3);
    expect(await searchIds(db, 'windmo')).toEqual(['kst-40000-1', 'kst-40000-2']);
    await expectIndexMatchesRows(db);
    await removePack(db, YEAR);
    await expectIndexMatchesRows(db);
  });

  it('a bundled import over loaded packs keeps every segment in step with the rows', async () => {
    const db = freshDB();
    await importDataset(db, seedLikeDataset());
    await importPack(db, packWith(YEAR, OWN), { bytes: 1, fileName: 'a' });
    // The new bundled dataset holds one of the pack's documents with the text: its row wins.
    const dataset = seedLikeDataset('v2-test');
    const source = dataset.documents.find((d) => d.source)?.source ?? null;
    const taken = { ...OWN[0], source, title: 'Gebundelde brief over windmolens' } as DocumentRecord;
    const outcome = await importDataset(db, { ...dataset, documents: [...dataset.documents, taken] });
    expect(outcome).toMatchObject({ status: 'imported' });
    expect(await searchIds(db, 'gebundelde')).toEqual(['kst-40000-1']);
    expect(await searchIds(db, 'stikstofruimte')).toEqual(['kst-40000-3']);
    await expectIndexMatchesRows(db);
  });

  it('a pack and the bundled dataset imported side by side (a first start): the one ending last settles who indexes what', async () => {
    const db = freshDB();
    const dataset = seedLikeDataset();
    // The pack holds a document the bundled dataset holds with the text, and decides what it
    // indexes when it starts, before the bundled dataset is there.
    const bundledDocument = dataset.documents.find((d) => !d.stub && d.id === 'kst-34352-330');
    if (!bundledDocument) throw new Error('fixture changed');
    const pack = packWith(YEAR, [...OWN, { ...bundledDocument, title: 'De balans volgens het pakket' }]);
    const ended: string[] = [];
    const packImport = importPack(db, pack, { bytes: 1, fileName: 'p', chunkSize: 1 }).then(() =>
      ended.push('pack'),
    );
    const bundledImport = importDataset(db, dataset).then(() => ended.push('bundled'));
    await Promise.all([packImport, bundledImport]);
    // The order this test is about: the bundled dataset became live while the pack was writing.
    expect(ended).toEqual(['bundled', 'pack']);
    expect(await searchIds(db, 'pakket')).toEqual([]);
    expect(await searchIds(db, 'stikstofruimte')).toEqual(['kst-40000-1', 'kst-40000-3']);
    await expectIndexMatchesRows(db);
  });
});

describe('who indexes what, worked out ahead of the last transaction', () => {
  /** `settleOwnership`'s answer for OTHER_YEAR becoming `own`, in a last transaction rolled back after. */
  async function settledWith(
    db: KamerlensDB,
    own: { source: string; generation: number; documents: string[] },
    plan: OwnershipPlan,
  ) {
    const rollBack = new Error('roll back');
    let answer: string[] = [];
    await db
      .transaction('rw', lastTransactionTables(db), async () => {
        await setLive(db, own.source, own.generation);
        answer = await settleOwnership(db, own.source, own, undefined, plan);
        throw rollBack;
      })
      .catch((error: unknown) => {
        if (error !== rollBack) throw error;
      });
    return answer;
  }

  it('the plan is taken when nothing else was made live since it, and worked out again when something was', async () => {
    const db = freshDB();
    await importDataset(db, seedLikeDataset());
    await importPack(db, packWith(YEAR, OWN), { bytes: 1, fileName: 'a' });
    // A pack about to hold one of YEAR's documents: YEAR's segment is to be rebuilt.
    const own = { source: OTHER_YEAR, generation: 999, documents: ['kst-40000-1', 'kst-40001-9'] };
    const plan = await planOwnership(db, OTHER_YEAR, own);
    expect(plan.rebuild).toEqual([YEAR]);
    // Taken as it is (a plan saying something else is believed: nothing is worked out in the transaction).
    expect(await settledWith(db, own, { ...plan, rebuild: ['as planned'] })).toEqual(['as planned']);
    expect(await settledWith(db, own, plan)).toEqual([YEAR]);
    // YEAR removed meanwhile: the plan is of another state, and the answer is worked out anew.
    await removePack(db, YEAR);
    expect(await settledWith(db, own, { ...plan, rebuild: ['as planned'] })).toEqual([]);
  });

  it('the comparison of ids yields between steps and finds what one pass finds', async () => {
    const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);
    const sources = [
      { source: 'a', generation: 1, documents: ids('a', 20_000) },
      { source: 'b', generation: 2, documents: [...ids('b', 20_000), 'x-5'] },
      { source: 'c', generation: 3, documents: ids('c', 20_000) },
    ];
    const { value, stats } = await runSliced(overlappingSteps('x', [], ids('x', 10), sources), {
      budgetMs: 0,
    });
    expect(value).toEqual(['b']);
    expect(stats.slices).toBeGreaterThan(5);
  });
});

describe('stored postings', () => {
  it('a segment stored before blocks (a row per stem, keyed by the segment id) still answers', async () => {
    const db = freshDB();
    await importDataset(db, seedLikeDataset());
    const rows = (await storedDocuments(db)).filter((row) => !row.stub);
    const built = buildSegment('bundled', rows);
    await db.searchPostings.clear();
    await db.searchSegments.put(built.segment);
    await db.searchPostings.bulkAdd(built.postings as unknown as PostingsBlock[]);
    expect(await searchIds(db, 'participatiewet')).toContain('kst-34352-330');
    await expectIndexMatchesRows(db);
  });

  it('postings no segment points at (an import stopped before its flip) are swept, the live ones stay', async () => {
    const db = freshDB();
    await importDataset(db, seedLikeDataset());
    const live = await postingsOf(db, 'bundled');
    const rows = (await storedDocuments(db)).filter((row) => !row.stub);
    const staged = await stageSegment(db, buildSegment('bundled', rows.slice(0, 3)));
    const key = staged.segment.stored?.key ?? '';
    expect(await db.searchPostings.where('segment').equals(key).count()).toBeGreaterThan(0);
    // Staged, not flipped: searches still read the live generation.
    await expectIndexMatchesRows(db);
    // An importer sweeps only its own segments' postings: the pack importer leaves the bundled ones.
    expect(await sweepPostings(db, (segment) => segment !== 'bundled')).toBe(0);
    expect(await sweepPostings(db)).toBe(1);
    expect(await db.searchPostings.where('segment').equals(key).count()).toBe(0);
    expect(await postingsOf(db, 'bundled')).toEqual(live);
    expect(await sweepPostings(db)).toBe(0);
  });
});

describe('a stale stored index', () => {
  it('none after imports; an older build’s segment, another version’s, or an orphan is found and built again', async () => {
    const db = freshDB();
    await importDataset(db, seedLikeDataset());
    await importPack(db, packWith(YEAR, OWN), { bytes: 1, fileName: 'a' });
    expect(await findStaleSegments(db)).toEqual({ rebuild: [], orphans: [] });

    // An older build: the pack's segment with a row per stem, no layout, no version.
    const rows = await ownedRecords(db, YEAR);
    const old = buildSegment(YEAR, rows);
    await db.searchPostings
      .where('segment')
      .equals((await db.searchSegments.get(YEAR))?.stored?.key ?? '')
      .delete();
    await db.searchSegments.put(old.segment);
    await db.searchPostings.bulkAdd(old.postings as unknown as PostingsBlock[]);
    // Another version: the bundled dataset's meta names one its segment was not built from.
    const meta = await db.meta.get('dataset');
    if (meta?.key === 'dataset') await db.meta.put({ ...meta, datasetVersion: 'v-anders' } as DatasetMeta);
    // An orphan: a segment of a pack that is not loaded.
    await stageSegment(db, buildSegment('dossier-weg', rows.slice(0, 1)));
    await db.searchSegments.put({ ...buildSegment('dossier-weg', rows.slice(0, 1)).segment });
    await db.searchHeads.put({ id: 'dossier-weg', head: buildSegment('dossier-weg', []).head.head });

    const stale = await findStaleSegments(db);
    expect({ ...stale, rebuild: [...stale.rebuild].sort() }).toEqual({
      rebuild: ['bundled', YEAR],
      orphans: ['dossier-weg'],
    });
    const fractions: number[] = [];
    await rebuildStaleSegments(db, stale, (f) => fractions.push(f));
    expect(fractions.at(-1)).toBe(1);
    expect(await findStaleSegments(db)).toEqual({ rebuild: [], orphans: [] });
    expect((await db.searchSegments.get(YEAR))?.stored).toBeDefined();
    expect(await db.searchSegments.get('dossier-weg')).toBeUndefined();
    expect(await sweepPostings(db)).toBe(1);
    expect(await searchIds(db, 'stikstofruimte')).toEqual(['kst-40000-1', 'kst-40000-3']);
    await expectIndexMatchesRows(db);
  });
});

const NAME = `kamerlens-search-upgrade-${process.pid}`;
afterEach(async () => {
  await Dexie.delete(NAME);
});

describe('upgrade from schema version 3', () => {
  it('builds the search index over the documents already stored', async () => {
    const v3 = new Dexie(NAME);
    v3.version(3).stores(V3_STORES);
    const dataset = seedLikeDataset();
    await v3.table('documents').bulkAdd(dataset.documents);
    await v3.table('documents').bulkPut(OWN.map((d) => ({ ...d, packs: [YEAR] })));
    v3.close();

    const db = new KamerlensDB(NAME);
    await db.open();
    expect((await db.searchSegments.toArray()).map((s) => s.id).sort()).toEqual(['bundled', YEAR]);
    expect(await searchIds(db, 'participatiewet')).toContain('kst-34352-330');
    expect(await searchIds(db, 'stikstofruimte')).toEqual(['kst-40000-1', 'kst-40000-3']);
    await expectIndexMatchesRows(db);
    db.close();
  });
});
