import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { exportJsonLd } from '../../../data/annotations/jsonld';
import type { AnnotationRecord } from '../../../data/annotations/model';
import {
  AnnotationStorageError,
  allAnnotations,
  annotationsForSource,
  annotationsLinkedTo,
  deleteAnnotation,
  importAnnotationFile,
  mergeAnnotations,
  putAnnotation,
  storageErrorText,
} from '../../../data/db/annotations';
import { suggestDocuments } from '../../../data/db/document-suggestions';
import { importDataset } from '../../../data/db/import-dataset';
import { KamerlensDB } from '../../../data/db/kamerlens-db';
import { sampleRecord } from '../../fixtures/annotations/arbitraries';
import { freshDB } from '../../fixtures/db/fresh-db';
import { seedLikeDataset } from '../../fixtures/db/seed-like';

const first = sampleRecord();
const second = sampleRecord({
  id: 'urn:uuid:second',
  modified: '2026-03-05T10:00:00.000Z',
  target: {
    source: 'https://nos.nl/b',
    selectors: [{ type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' }],
  },
  body: { note: 'tweede', tags: ['pilot'], linkedDocumentIds: ['ah-tk-20242025-520', 'kst-34352-349'] },
});

describe('annotation storage', () => {
  it('stores, lists per page, per linked document, and deletes with the record returned for undo', async () => {
    const db = freshDB();
    await putAnnotation(db, first);
    await putAnnotation(db, second);
    expect(await annotationsForSource(db, 'https://nos.nl/b')).toEqual([second]);
    expect((await annotationsLinkedTo(db, ['kst-34352-349'])).map((r) => r.id)).toEqual([
      second.id,
      first.id,
    ]);
    expect(await annotationsLinkedTo(db, ['ah-tk-20242025-520', 'kst-34352-349'])).toHaveLength(2);
    expect(await deleteAnnotation(db, first.id)).toEqual(first);
    expect(await deleteAnnotation(db, first.id)).toBeNull();
    expect(await allAnnotations(db)).toEqual([second]);
  });

  it('export → wipe → import gives identical notes', async () => {
    const db = freshDB();
    await mergeAnnotations(db, [first, second]);
    const before = await allAnnotations(db);
    const file = exportJsonLd(before);
    await db.annotations.clear();
    expect(await importAnnotationFile(db, file)).toEqual({
      status: 'imported',
      added: 2,
      updated: 0,
      unchanged: 0,
    });
    expect(await allAnnotations(db)).toEqual(before);
    expect(await importAnnotationFile(db, file)).toEqual({
      status: 'imported',
      added: 0,
      updated: 0,
      unchanged: 2,
    });
  });

  it('rejects a file with one malformed item and changes nothing', async () => {
    const db = freshDB();
    await putAnnotation(db, first);
    const before = await allAnnotations(db);
    const newer = {
      ...first,
      modified: '2026-09-09T00:00:00.000Z',
      body: { ...first.body, note: 'overschreven?' },
    };
    const json = JSON.parse(exportJsonLd([newer, second]));
    json.first.items.push({ ...json.first.items[1], id: 'urn:uuid:bad', created: 'morgen' });
    const report = await importAnnotationFile(db, JSON.stringify(json));
    expect(report).toEqual({
      status: 'rejected',
      issues: [{ index: 2, id: 'urn:uuid:bad', field: 'created', reason: 'notDate' }],
    });
    expect(await allAnnotations(db)).toEqual(before);
  });

  it('rolls the whole import back when a write fails halfway, and says it was storage', async () => {
    const db = freshDB();
    await putAnnotation(db, first);
    let writes = 0;
    db.annotations.hook('creating', () => {
      writes++;
      if (writes === 2) throw new DOMException('disk full', 'QuotaExceededError');
    });
    const third = { ...second, id: 'urn:uuid:third' };
    const failure = await mergeAnnotations(db, [second, third]).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AnnotationStorageError);
    expect((failure as AnnotationStorageError).kind).toBe('quota');
    expect(storageErrorText(failure as AnnotationStorageError)).toMatch(
      /^storage-full: importing notes failed/,
    );
    expect(await allAnnotations(db)).toEqual([first]);
  });

  it('keeps notes byte-identical through dataset re-imports', async () => {
    const db = freshDB();
    await importDataset(db, seedLikeDataset('v1'));
    await mergeAnnotations(db, [first, second]);
    const before = await allAnnotations(db);
    await importDataset(db, seedLikeDataset('v2'));
    await importDataset(db, seedLikeDataset('v3'));
    expect(await allAnnotations(db)).toEqual(before);
  });
});

describe('schema upgrade with existing notes', () => {
  const NAME = `kamerlens-annotations-upgrade-${process.pid}`;
  afterEach(() => Dexie.delete(NAME));

  it('notes written under schema version 2 are read unchanged by the current schema', async () => {
    const v2 = new Dexie(NAME);
    v2.version(1).stores({
      documents: 'id, *ids, type, date, dossier',
      dossiers: 'id',
      meta: 'key',
      settings: 'key',
    });
    v2.version(2).stores({
      references: '++key, from, to',
      annotations: 'id, created, modified, target.source, *body.linkedDocumentIds, *body.tags',
    });
    const stored: AnnotationRecord[] = [first, second];
    await v2.table('annotations').bulkAdd(stored);
    v2.close();

    const db = new KamerlensDB(NAME);
    await db.open();
    expect(await allAnnotations(db)).toEqual([second, first]);
    expect((await annotationsLinkedTo(db, ['ah-tk-20242025-520'])).map((r) => r.id)).toEqual([second.id]);
    expect(await annotationsForSource(db, first.target.source)).toEqual([first]);
    db.close();
  });
});

describe('suggestDocuments', () => {
  it.each([
    ['Kamerstukken II 2025/26, 34352, nr. 349', 'kst-34352-349'],
    ['kst-34352-330', 'kst-34352-330'],
    ['monitoringsbrief', 'kst-34352-349'],
    ['PARTICIPATIEWET balans', 'kst-34352-330'],
    ['2024D43182', 'ah-tk-20242025-520'],
  ])('%s → %s first', async (query, id) => {
    const db = freshDB();
    await importDataset(db, seedLikeDataset());
    const [top] = await suggestDocuments(db, query);
    expect(top?.id).toBe(id);
  });

  it('suggests nothing for an empty query or one letter', async () => {
    const db = freshDB();
    await importDataset(db, seedLikeDataset());
    expect(await suggestDocuments(db, '  ')).toEqual([]);
    expect(await suggestDocuments(db, 'q')).toEqual([]);
  });
});
