/**
 * The Kamerlens database (extension origin only: background and extension pages).
 * Versions are append-only: never edit a shipped `version(n)` block, add `version(n + 1)`.
 */
import { Dexie, type EntityTable, type Table, type Transaction } from 'dexie';
import type { AnnotationRecord } from '../annotations/model';
import type { DocumentRecord } from '../dataset/types';
import type { SegmentCatalog, SegmentHead } from '../search/segment';
import type { BlockDirectory, DirectoryKey } from './block-directory';
import { type PostingsBlock, type SegmentRow, storedRowsOf } from './postings-blocks';
import type { SourceDocuments } from './precedence';
import type {
  BlockKey,
  BodyKey,
  BodyRow,
  MetaRecord,
  PackRecord,
  ReferenceEdge,
  RowBlock,
  SettingRecord,
  StagedPack,
} from './records';
import { edgesOf } from './reference-edges';
import { buildAllSegments } from './segment-owner';
import type { SegmentPart } from './segment-parts';
import { moveRowsToBlocks } from './upgrade-to-blocks';
import { writeInChunks } from './write-in-chunks';

/** IndexedDB name of the extension's database. */
const DATABASE_NAME = 'kamerlens';

/** The newest schema version this code declares. */
export const SCHEMA_VERSION = 10;

/** Typed Dexie database: bundled dataset tables plus the reader's own tables. */
export class KamerlensDB extends Dexie {
  documentBlocks!: Table<RowBlock, BlockKey>;
  /** The long fields of documents no card shows, a row per document that has them (block-packing.ts). */
  documentBodies!: Table<BodyRow, BodyKey>;
  dossierBlocks!: Table<RowBlock, BlockKey>;
  sourceIds!: EntityTable<SourceDocuments, 'source'>;
  blockDirectories!: Table<BlockDirectory, DirectoryKey>;
  meta!: EntityTable<MetaRecord, 'key'>;
  packs!: EntityTable<PackRecord, 'id'>;
  stagedPacks!: EntityTable<StagedPack, 'key'>;
  searchHeads!: EntityTable<SegmentHead, 'id'>;
  searchCatalogs!: EntityTable<SegmentCatalog, 'id'>;
  searchSegments!: EntityTable<SegmentRow, 'id'>;
  /**
   * Postings blocks (postings-blocks.ts; a segment stored before them has a row per stem) and the
   * parts of segment rows (segment-parts.ts), by generation.
   */
  searchPostings!: Table<PostingsBlock | SegmentPart, [string, string]>;
  settings!: EntityTable<SettingRecord, 'key'>;
  annotations!: EntityTable<AnnotationRecord, 'id'>;

  constructor(name: string = DATABASE_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    // v1: documents resolved through the graph stored inside each record (`references`, `citedBy`).
    this.version(1).stores({
      documents: 'id, *ids, type, date, dossier',
      dossiers: 'id',
      meta: 'key',
      settings: 'key',
    });
    // v2: the citation graph as its own table, indexed both ways, so "cited by" for any alias is one
    // index query; plus the annotations table. Edges are derived from the documents already stored,
    // so a reader upgrading keeps working before the next dataset import. The type/date/dossier
    // indexes go: no query uses them (the side panel filters in memory) and they cost import time.
    this.version(2)
      .stores({
        documents: 'id, *ids',
        references: '++key, from, to',
        annotations: 'id, created, modified, target.source, *body.linkedDocumentIds, *body.tags',
      })
      .upgrade(deriveReferenceEdges);
    // v3: dataset packs added by the reader. Records a pack brought list it in `packs` (indexed, so
    // removing or replacing a pack finds exactly its records; see PackMembership); the bundled
    // dataset's records carry no `packs`, so the data stored before needs no change. `packs` describes each loaded pack;
    // `stagedPacks` holds a pack file handed to the background until its import has run.
    this.version(3).stores({
      documents: 'id, *ids, *packs',
      dossiers: 'id, *packs',
      packs: 'id',
      stagedPacks: '++key',
    });
    // v4: the search index, stored (search-segments.ts): written by the imports instead of being
    // built at every panel open. A segment per source of documents, its head and catalog apart (the
    // panel shows its first page from the heads, lists from the catalogs, before the rest is read);
    // postings keyed by stem and segment, so a query reads the few keys of its stems and a pack's
    // update touches only its own.
    this.version(4)
      .stores({
        searchHeads: 'id',
        searchCatalogs: 'id',
        searchSegments: 'id',
        searchPostings: '[stem+segment], segment',
      })
      .upgrade(buildStoredIndex);
    // v5: imports write in short transactions (lookups answer between them) and keep an undo row per
    // transaction (UndoChunk), so one that fails or is stopped half-way is undone to the row; the
    // search postings are stored in blocks (postings-blocks.ts; older rows stay readable).
    this.version(5).stores({ importUndo: '++key, source' });
    // v6: the graph edges' table goes. Nothing has read it since cards carry the `citedBy` the
    // pipeline links (and a document's edges are its own `references`), and every import wrote a
    // row per edge, each a request as costly as a document's row: at 300,000 generated documents,
    // 200,000 of them (npm run bench -- import). Dropping a table keeps every other table's rows.
    this.version(6).stores({ references: null });
    // v7: documents and dossiers in blocks of a few dozen per row, per source and import generation
    // (row-blocks.ts): an import made a request per row, 300,000 of them for 300,000 documents,
    // where a request cost three quarters of a row's time. The generation the `live` meta row names
    // is what readers see, so an import needs neither undo rows nor to read what it replaces, and
    // which source's record wins is decided when reading (precedence.ts). `sourceIds` lists each
    // source's documents, for deciding which segment indexes a record held by two sources.
    this.version(7)
      .stores({
        documentBlocks: '[source+generation+seq], *ids',
        dossierBlocks: '[source+generation+seq], *ids',
        sourceIds: 'source',
      })
      .upgrade(moveRowsToBlocks);
    // v8: the row tables and their undo rows go, now that v7 moved their rows into blocks (apart,
    // so that v7's upgrade could still read them).
    this.version(8).stores({ documents: null, dossiers: null, importUndo: null });
    // v9: where each id's block is, a row per generation of a source's blocks (block-directory.ts),
    // so that blocks need no `ids` key per id and alias, most of what writing them cost. Blocks
    // written before keep their `ids` and that index, and are found through it until their source
    // is imported again: nothing to move, and the notes are not touched.
    this.version(9).stores({ blockDirectories: '[table+source+generation]' });
    // v10: the long fields of a document no card shows (sections, footnotes, question and answer
    // text), a row per document apart from its block (block-packing.ts), so a card lookup reads and
    // parses about a kilobyte per document instead of 13,000-55,000 chars. Blocks written before keep
    // their whole records and keep answering, to cards and readers alike, until their source is
    // imported again: nothing to move.
    this.version(10).stores({ documentBodies: '[source+generation+id]' });
    // No change broadcasts: Dexie's Observability middleware posts every write transaction's change
    // set on a BroadcastChannel to every context of the origin that loaded Dexie, which only liveQuery
    // needs (we use none; notes announce their changes on their own channel, annotations-notify.ts).
    // In the extension's origin the panel and note frames hear them: an import in the extension took
    // 1.3-1.6x as long with them as without (npm run bench -- origin, 20,000 documents).
    this.unuse({ stack: 'dbcore', name: 'Observability' });
  }
}

/** v3 → v4: build the stored search index over the documents already stored. */
async function buildStoredIndex(tx: Transaction): Promise<void> {
  const built = await buildAllSegments(tx.table('documents'));
  const heads = tx.table<SegmentHead, string>('searchHeads');
  const catalogs = tx.table<SegmentCatalog, string>('searchCatalogs');
  const segments = tx.table<SegmentRow, string>('searchSegments');
  const postings = tx.table<PostingsBlock, [string, string]>('searchPostings');
  await Promise.all(
    built
      .map(storedRowsOf)
      .flatMap(({ staged, blocks }) => [
        heads.put(staged.head),
        catalogs.put(staged.catalog),
        segments.put(staged.segment),
        writeInChunks(postings, blocks, { mode: 'put' }),
      ]),
  );
}

/** v1 → v2: fill the `references` table from the `references` of every stored document. */
async function deriveReferenceEdges(tx: Transaction): Promise<void> {
  const documents = tx.table<DocumentRecord, string>('documents');
  const edges = tx.table<ReferenceEdge, number>('references');
  const derived: ReferenceEdge[] = [];
  await documents.each((document) => {
    derived.push(...edgesOf(document));
  });
  await edges.bulkAdd(derived);
}

/** Open a database instance (the extension uses the default name; tests pass a fresh one). */
export function openKamerlensDB(name: string = DATABASE_NAME): KamerlensDB {
  return new KamerlensDB(name);
}

let shared: KamerlensDB | null = null;

/** The one shared instance for this context (background or extension page). */
export function sharedDB(): KamerlensDB {
  shared ??= openKamerlensDB();
  return shared;
}
