/**
 * What the side panel needs from the outside world, as one injectable interface: the database
 * (through data/db in the extension, fixtures in tests), the active tab's content script, the
 * clipboard and the recognizer. `entrypoints/sidepanel/browser-sources.ts` builds the real one.
 */
import type { DocumentRecord } from '../../data/dataset/types';
import type { PackRecord } from '../../data/db/records';
import type { ImportProgress, PackImportProgress, PageReference } from '../../data/messages';
import type { Recognize } from '../../data/search/index';
import type { OpenedLibrary } from '../../data/search/open-segments';

/** The loaded dataset, as "about the data" shows it. */
interface LoadedDataset {
  datasetVersion: string;
  schemaVersion: number;
  contentHash: string;
  /** ISO time the import finished. */
  importedAt: string;
  counts: { documents: number; stubs: number; references: number; dossiers: number };
  sources: { file: string; sha256: string }[];
}

/** The stored dataset and the last import attempt. */
export interface PanelDatasetInfo {
  dataset: LoadedDataset | null;
  importState: 'importing' | 'done' | 'failed' | null;
  importError: string | null;
}

/** The references in the active tab, or why there are none to show. */
export type PageScan =
  | { ok: true; tabId: number; title: string; url: string; references: PageReference[] }
  | { ok: false; reason: 'no-tab' | 'not-scanned'; url: string | null };

/** Whether Kamerlens runs on the active tab's site (null: not a web page). */
export interface ActiveSite {
  url: string;
  pattern: string;
  enabled: boolean;
  via: 'default' | 'site' | 'all' | null;
  /** The reader turned Kamerlens on for every site. */
  allSites: boolean;
}

/** How much the extension stores and may store, and whether the browser keeps it under pressure. */
export interface StorageFigures {
  /** Bytes used by the extension's origin (database included). */
  usage: number;
  /** Bytes the browser lets it use. */
  quota: number;
  /** True when the browser will not evict the data (dataset and notes) to free space. */
  persisted: boolean;
}

/**
 * Everything the panel reads or does outside its own DOM. Documents are read by query, never all
 * at once: the library's catalog and search index as stored at import time, then the records shown.
 */
export interface PanelSources {
  /** The library's stored head at once, its catalog and search index behind it (full documents, newest first). */
  openLibrary(): Promise<OpenedLibrary>;
  /** The records with these primary keys (the library's own ids: one keyed read, no alias lookup). */
  readRecords(ids: readonly string[]): Promise<Map<string, DocumentRecord>>;
  /** The documents behind `ids` (canonical ids or aliases; a full document wins over a stub). */
  readDocuments(ids: readonly string[]): Promise<Map<string, DocumentRecord>>;
  /** Titles of the dossiers with these keys (`34352`, `36600-XV`) that the dataset knows. */
  dossierTitles(keys: readonly string[]): Promise<Map<string, string>>;
  datasetInfo(): Promise<PanelDatasetInfo>;
  /** The background's view of a running import (fraction done). */
  importProgress(): Promise<ImportProgress>;
  /** The references marked in the active tab. */
  pageReferences(): Promise<PageScan>;
  /** Scroll the tab to a marked reference and open its popover. */
  revealReference(tabId: number, group: number): Promise<boolean>;
  /** Calls `onChange` when the active tab changes or finishes loading; returns a function that stops. */
  watchActiveTab(onChange: () => void): () => void;
  /** Calls `onChange` with a tab's id when the references marked on its page change; returns a function that stops. */
  watchPageReferences(onChange: (tabId: number) => void): () => void;
  copyText(text: string): Promise<void>;
  recognize: Recognize;
  /** The active tab's site and whether Kamerlens runs there (null for non-web pages). */
  activeSite(): Promise<ActiveSite | null>;
  /** Enable or disable the site; called from a click (the permission prompt needs the user gesture). */
  setSiteEnabled(url: string, enabled: boolean): Promise<ActiveSite | null>;
  /** Turn Kamerlens on or off for every site (from a click, as above); resolves to the new setting. */
  setAllSitesEnabled(enabled: boolean): Promise<boolean>;
  /** Storage used and granted (`navigator.storage`), or null where the browser cannot say. */
  storageEstimate(): Promise<StorageFigures | null>;
  /** Asks the browser to keep the data (`navigator.storage.persist`); resolves to whether it now does. */
  persistStorage(): Promise<boolean>;
  /** The packs the reader added, by id. */
  listPacks(): Promise<PackRecord[]>;
  /**
   * Hands a pack file to the background (staged in the database, then a message) and resolves to how
   * its import ended; `{ok: false}` when the background did not answer (it may have stopped: what is
   * staged is imported when it wakes).
   */
  addPack(file: File): Promise<{ ok: true; value: PackImportProgress } | { ok: false; error: string }>;
  /** Where the background's pack import stands, and how many files still wait to be imported. */
  packImportStatus(): Promise<{ progress: PackImportProgress; waiting: number }>;
  /** Removes a pack (in the background); resolves to whether it was loaded. */
  removePack(id: string): Promise<boolean>;
}
