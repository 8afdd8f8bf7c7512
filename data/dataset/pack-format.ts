/**
 * The dataset pack: a slice of the dataset (one vergaderjaar, or one dossier) as gzip-compressed
 * canonical JSON, versioned and content-hashed like the dataset file itself, so a reader can check
 * that a pack is whole and is what its version says before loading any of it.
 */
import type { DocumentRecord, DossierRecord } from './types';

/** The `format` field every pack carries. */
export const PACK_FORMAT = 'kamerlens-pack';
/** Bumped when the pack envelope changes incompatibly. */
export const PACK_FORMAT_VERSION = 1;

/** How a dataset is split into packs. */
export type PackSplit = 'vergaderjaar' | 'dossier';

/** One pack, as written (before gzip). */
export interface DatasetPack {
  format: typeof PACK_FORMAT;
  formatVersion: number;
  /** The dataset schema version of the records inside. */
  schemaVersion: number;
  /** Stable name: `vergaderjaar-2024-2025`, `dossier-36600-XV`, `vergaderjaar-onbekend`. */
  id: string;
  split: PackSplit;
  /** The vergaderjaar or dossier id the pack holds; null for the records without one. */
  key: string | null;
  /** `{schemaVersion}-{first 12 hex digits of contentHash}`. */
  version: string;
  /** sha256 of the canonical JSON of `documents` and `dossiers` (as for the dataset file). */
  contentHash: string;
  counts: { documents: number; dossiers: number };
  documents: DocumentRecord[];
  dossiers: DossierRecord[];
}

/** A written pack as the pack list names it. */
interface PackEntry {
  id: string;
  file: string;
  version: string;
  contentHash: string;
  /** sha256 of the gzip file's bytes. */
  fileSha256: string;
  bytes: number;
  counts: { documents: number; dossiers: number };
}

/** The pack list written beside the packs (`packs.json`). */
export interface PackList {
  format: 'kamerlens-pack-list';
  formatVersion: number;
  split: PackSplit;
  /** The version of the dataset the packs were split from. */
  datasetVersion: string;
  packs: PackEntry[];
}
