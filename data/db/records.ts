/**
 * Record shapes stored in the database besides the dataset's own `DocumentRecord` / `DossierRecord`.
 * Bundled tables (documents, dossiers, meta) are rewritten by every dataset import;
 * user tables (settings, annotations) are never touched by an import.
 */
import type { PackRefusal } from '../dataset/read-pack';

/** One edge of the citation graph: document `from` cites identifier `to` (schema v2–v5 stored them in a table). */
export interface ReferenceEdge {
  /** Auto-increment key; edges have no natural identity (a document may cite the same id twice). */
  key?: number;
  /** Id of the citing document. */
  from: string;
  /** One canonical id the citing text points at (a document id, alias, stub or dossier id). */
  to: string;
  /** Question number when the citation sits in a question/answer. */
  qa: string | null;
  /** Section heading when the citation sits in a letter section. */
  section: string | null;
  /** Footnote number when the citation sits in a footnote. */
  footnote: string | null;
  /** The citing sentence. */
  context: string;
  /** The reference as written. */
  raw: string;
  /** What the citing text calls the cited document, where it names it. */
  citedAs: string | null;
}

/** Counts of what the current dataset holds. */
export interface DatasetCounts {
  documents: number;
  stubs: number;
  references: number;
  dossiers: number;
}

/** `meta` row `dataset`: which dataset is loaded. Written only by a successful import. */
export interface DatasetMeta {
  key: 'dataset';
  schemaVersion: number;
  datasetVersion: string;
  contentHash: string;
  sources: { file: string; sha256: string }[];
  counts: DatasetCounts;
  /** ISO time the import committed. */
  importedAt: string;
}

/** Where the last import attempt stands. */
type ImportState = 'importing' | 'done' | 'failed';

/** `meta` row `import`: the last import attempt, so the side panel can show progress or what went wrong. */
export interface ImportStatusMeta {
  key: 'import';
  state: ImportState;
  /** Dataset version of the attempted file, when it could be read. */
  datasetVersion: string | null;
  /** Why the last attempt failed; null unless `state` is `failed`. */
  error: string | null;
  /** ISO time of the last state change. */
  updatedAt: string;
}

/**
 * Schema v3–v6 (read by the upgrade to blocks, upgrade-to-blocks.ts): which packs brought a
 * document or dossier row: absent on the bundled dataset's rows. A row two
 * packs share (a dossier named in several vergaderjaren) lists both and goes only when the last of
 * them is removed. A pack's row replaces a bundled stub (a paper only cited, without metadata) and
 * keeps it in `displaced`, to put back when the pack goes; a bundled row with the text is never
 * replaced.
 */
export interface PackMembership<T> {
  packs?: string[];
  displaced?: T;
}

/** A row of the `packs` table: a pack the reader added, as loaded. */
export interface PackRecord {
  /** The pack's id (`vergaderjaar-2024-2025`); adding a pack with the same id replaces it. */
  id: string;
  split: 'vergaderjaar' | 'dossier';
  /** The vergaderjaar or dossier the pack holds; null for its records without one. */
  key: string | null;
  version: string;
  contentHash: string;
  /** What the pack holds, as its envelope counts it. */
  counts: { documents: number; dossiers: number };
  /** Its documents left out because the bundled dataset holds the same id (with the text). */
  inBundled: number;
  /** Size of the pack file (compressed). */
  bytes: number;
  /** Name of the file it was read from. */
  fileName: string;
  /** ISO time the import committed. */
  importedAt: string;
}

/** A row of the `stagedPacks` table: a pack file waiting for the background to import it. */
export interface StagedPack {
  key?: number;
  fileName: string;
  /** The file's bytes, as the side panel read them from disk. */
  file: Blob;
  /** ISO time it was staged. */
  stagedAt: string;
}

/** Where the last pack import stands (`meta` row `packImport`), for the side panel after a worker restart. */
export interface PackImportMeta {
  key: 'packImport';
  state: 'importing' | 'done' | 'failed';
  fileName: string;
  /** The pack's id and version once read. */
  packId: string | null;
  version: string | null;
  /** The version this import replaced, when a pack with the same id was loaded. */
  replaced: string | null;
  error: string | null;
  /** The reason as a code (see PackImportProgress.refusal). */
  refusal?: PackRefusal | null;
  updatedAt: string;
}

/**
 * `meta` row `bundledPacks`: the release whose bundled packs were staged, so they are staged once per
 * release and a bundled pack the reader removed stays removed until a release names another version.
 */
export interface BundledPacksMeta {
  key: 'bundledPacks';
  /** The bundled packs' ids and versions (`id@version`, sorted, space-separated). */
  release: string;
  /** The ids staged for import (the others were already loaded at the named version). */
  staged: string[];
  stagedAt: string;
}

/** `meta` row `live`: each loaded source's current generation of blocks (live-sources.ts). */
export interface LiveSourcesMeta {
  key: 'live';
  /** Each loaded source's current generation. */
  sources: Record<string, number>;
  /** The next generation to hand out. */
  next: number;
  /** Counts the changes of `sources` (a context holding the row in memory keeps the newest). */
  revision?: number;
}

/** A row of the `meta` table. */
export type MetaRecord = DatasetMeta | ImportStatusMeta | PackImportMeta | BundledPacksMeta | LiveSourcesMeta;

/** A user setting (key → JSON value). */
export interface SettingRecord {
  key: string;
  value: unknown;
}

/**
 * Schema v5–v6 (read by the upgrade to blocks): a row of `importUndo`: what one chunk of an import (or a pack removal) replaced, written in the
 * chunk's own transaction, so the import can be undone to the row if it fails or its worker stops
 * before the last transaction, which deletes these rows together with the flip that makes it whole.
 */
export interface UndoChunk {
  key?: number;
  /** `bundled`, or the pack id the import or removal is for. */
  source: string;
  table: 'documents' | 'dossiers';
  /** The ids the chunk wrote or deleted, and their rows before it (undefined: there was none). */
  ids: string[];
  before: unknown[];
  /** Written by schema v5's imports: the graph edges (a table v6 dropped) that left those documents. */
  edges?: ReferenceEdge[];
}

/** One record in a block: what finding and ranking it needs, and the record itself as JSON. */
export interface BlockEntry {
  id: string;
  /** Every id it answers to (its own first). */
  ids: string[];
  stub: boolean;
  /**
   * The record as JSON (`storedJson`); with `body`, without the fields its `documentBodies` row
   * holds (block-packing.ts: a card lookup reads no body).
   */
  json: string;
  /** Its body is in `documentBodies` (absent in blocks written before schema v10: `json` is whole). */
  body?: true;
}

/** A row of `documentBodies`: the long fields no card shows of one document (block-packing.ts). */
export interface BodyRow {
  source: string;
  generation: number;
  /** The document's own id. */
  id: string;
  /** Those fields as a JSON object, assigned over the entry's record when it is read whole. */
  json: string;
}

/** The key of a body row: `[source, generation, id]`. */
export type BodyKey = [string, number, string];

/** A row of `documentBlocks` or `dossierBlocks`. */
export interface RowBlock {
  /** `bundled`, or the pack id. */
  source: string;
  /** The import that wrote it (live-sources.ts). */
  generation: number;
  /** Its place among the generation's blocks. */
  seq: number;
  /**
   * Every id and alias of its entries (the multiEntry index lookups read), in blocks written before
   * schema v9; later ones are found through their generation's directory (block-directory.ts).
   */
  ids?: string[];
  entries: BlockEntry[];
}

/** The key of a block: `[source, generation, seq]`. */
export type BlockKey = [string, number, number];
