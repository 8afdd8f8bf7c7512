/**
 * The message protocol: every cross-context call in one typed map (Hypothesis-style).
 * Results cross boundaries as `Result<T>` because Errors do not serialize.
 * Payloads that reach the background are untrusted (a page can talk to the content script):
 * the background validates every one before use.
 *
 * Owners: the background handles `BackgroundProtocol`; the content script handles `ContentProtocol`;
 * the side panel handles `SidePanelProtocol`; Chrome's offscreen importer handles `ImporterProtocol`.
 */

import type { AnnotationRecord } from './annotations/model';
import type {
  NoteFrameEvent,
  NoteFrameNotice,
  NoteFrameTarget,
  NoteFrameView,
} from './annotations/note-frame';
import type { Citation } from './citations/types';
import type { PackRefusal } from './dataset/read-pack';
import type { CitedByRecord, DocumentRecord, QaItem } from './dataset/types';
import type { ImportReport } from './db/annotations';
import type { DocumentSuggestion } from './db/document-suggestions';

/**
 * What a popover card shows of a document: its metadata, summary, the questions in one-line form
 * and the places citing it, without the bodies (answers, sections, footnotes, outgoing references).
 * Field names and shapes are those of `DocumentRecord`, so a full record is a valid card too. The
 * lookup answers cards because a batch of whole documents cost more to clone and serialize than the
 * lookup itself (measured in scripts/bench/lookup.ts); the side panel reads whole records directly.
 */
export interface CardDocument
  extends Pick<
    DocumentRecord,
    | 'id'
    | 'stub'
    | 'type'
    | 'title'
    | 'date'
    | 'authors'
    | 'askedBy'
    | 'submitted'
    | 'dossier'
    | 'dossierSuffix'
    | 'citation'
    | 'officialUrl'
    | 'summary'
    | 'summarySource'
    | 'kind'
  > {
  /** Every question of an answer document, by number and one-line form (no question or answer text). */
  qa: Pick<QaItem, 'number' | 'questionShort'>[];
  /** Every place citing the document, with the citing sentence. */
  citedBy: Pick<CitedByRecord, 'documentId' | 'qa' | 'context' | 'raw'>[];
}

/** One answer of a batch lookup. `document` is null when the id is not in the dataset. */
export interface LookupEntry {
  id: string;
  document: CardDocument | null;
  /** Title of the dossier the id belongs to, when known. */
  dossierTitle: string | null;
  /**
   * Titles of the documents in `document.citedBy`, by document id (null: the record has no title),
   * so a card needs no second lookup for them. Empty when nothing cites the document.
   */
  citingTitles: Record<string, string | null>;
  /**
   * The bundled dataset is still being imported for the first time: a `document: null` is not final
   * ("not in the dataset" would be wrong), so a page does not keep this answer.
   */
  pending?: boolean;
}

/** A reference found on the current page, as the content script reports it to the side panel. */
export interface PageReference {
  /** Identifies the mark group on the page, for `revealReference`. */
  group: number;
  citation: Citation;
}

/** Progress of the bundled dataset import, as the background tracks it (first-run screen). */
export interface ImportProgress {
  /** `idle`: nothing attempted since the worker started; the DB's `meta` table has the last outcome. */
  state: 'idle' | 'importing' | 'done' | 'failed';
  /** 0…1 while importing; 1 when done. */
  fraction: number;
  datasetVersion: string | null;
  /** What went wrong, when `state` is `failed`. */
  error: string | null;
}

/**
 * Where the import of a pack the reader added stands. `idle`: nothing staged or imported since the
 * worker started; `importing`: reading (first half of `fraction`) or writing (second half).
 */
export interface PackImportProgress {
  state: 'idle' | 'importing' | 'done' | 'failed';
  /** 0…1 while importing; 1 when done. */
  fraction: number;
  /** The file being (or last) imported. */
  fileName: string | null;
  /** The pack's id and version, once the file has been read. */
  packId: string | null;
  version: string | null;
  /** The version of the same pack this import replaced (an update); null for a new pack. */
  replaced: string | null;
  /** Why the file was refused or the import failed, when `state` is `failed` (English, for logs). */
  error: string | null;
  /** The same reason as a code, for the side panel to word in the reader's language. */
  refusal?: PackRefusal | null;
}

/** Whether Kamerlens runs on a site, and why. */
export interface SiteStatus {
  /** The site's match pattern (`https://example.org/*`); null for pages no extension may script. */
  pattern: string | null;
  enabled: boolean;
  /** `default`: one of the build's default sites; `site`: the reader enabled it; `all`: all sites are on. */
  via: 'default' | 'site' | 'all' | null;
  /** True when the reader enabled all sites. */
  allSites: boolean;
}

/**
 * How an `openSidePanel` request ended: the panel shows the document, or (Firefox, which opens its
 * sidebar only from its own user input) the sidebar will show it once the reader opens it, with
 * the keyboard shortcut that does so (null when the reader has removed it).
 */
export type SidePanelOutcome = { shown: true } | { shown: false; shortcut: string | null };

/** Most ids one `lookup` may carry: the validator refuses more, and callers split longer lists. */
export const MAX_LOOKUP_IDS = 200;

/**
 * Calls handled by the background service worker. Calls marked *extension pages only* are refused
 * from content scripts. Each payload is checked: ids ≤ 200 per batch, each a well-formed id of at
 * most 100 characters; URLs http(s) and at most 2048 characters.
 */
export interface BackgroundProtocol {
  /**
   * Look up documents by canonical id or alias, in one batch (at most 200 ids): one entry per id, in
   * order, each with the card-shaped document, its dossier title and the titles of citing documents.
   */
  lookup: { payload: { ids: string[] }; result: LookupEntry[] };
  /**
   * Open the side panel at a document, optionally at one question. Send it from the click handler:
   * Chrome only opens the panel while the click's user gesture lasts.
   */
  openSidePanel: { payload: { documentId: string; question?: string }; result: SidePanelOutcome };
  /** Where the bundled dataset import stands (poll it on the first-run screen). */
  importStatus: { payload: Record<string, never>; result: ImportProgress };
  /**
   * Extension pages only. Import the pack files staged in the database's `stagedPacks` table (the side
   * panel puts a file there: megabytes do not go through messages), oldest first, each read, checked
   * and loaded whole or not at all, then unstaged. Answers how the last one ended. A worker stopped
   * half-way imports what is still staged from the start when it wakes.
   */
  importStagedPacks: { payload: Record<string, never>; result: PackImportProgress };
  /** Extension pages only. Where the pack import stands (poll it while one runs). */
  packImportStatus: { payload: Record<string, never>; result: PackImportProgress };
  /** Extension pages only. Remove a loaded pack and its records (notes stay); false when none had that id. */
  removePack: { payload: { id: string }; result: boolean };
  /**
   * Extension pages only: sent by Chrome's offscreen pack importer (entrypoints/importer) after an
   * import's or removal's last transaction committed. The background reads the live generations
   * again before the replaced one is deleted (data/db/live-sources.ts), then answers.
   */
  liveChanged: { payload: Record<string, never>; result: null };
  /** Extension pages only. Whether Kamerlens runs on the site of `url`. */
  getSiteStatus: { payload: { url: string }; result: SiteStatus };
  /**
   * Extension pages only. Run on the site of `url`. The page first calls
   * `browser.permissions.request({ origins: [sitePattern(url)] })` in the click handler (a user
   * gesture the background does not have); the background then registers the content script.
   */
  enableSite: { payload: { url: string }; result: SiteStatus };
  /** Extension pages only. Stop running on the site of `url`: unregister and give the permission back. */
  disableSite: { payload: { url: string }; result: SiteStatus };
  /**
   * Extension pages only. Run on every site. The page first calls
   * `browser.permissions.request({ origins: [ALL_SITES_PATTERN] })` in the click handler.
   */
  enableAllSites: { payload: Record<string, never>; result: { allSites: boolean } };
  /** Extension pages only. Stop running on every site except the defaults and sites enabled one by one. */
  disableAllSites: { payload: Record<string, never>; result: { allSites: boolean } };

  // Annotations (handlers in entrypoints/background/annotations-handlers.ts). Writes go
  // through the background only; after each it sends `annotationsChanged` to the tabs and posts
  // `{source}` on the BroadcastChannel `kamerlens-annotations` for extension pages. A storage
  // failure answers `{ok: false, error: 'storage-full: …' | 'storage: …'}` for the UI to show.
  /** The notes of the page at `url` (normalized here: tracking parameters and fragment dropped). */
  annotationsForPage: { payload: { url: string }; result: AnnotationRecord[] };
  /** Extension pages only. Every note, newest first. */
  listAnnotations: { payload: Record<string, never>; result: AnnotationRecord[] };
  /** Extension pages only. Notes linked to any of `ids` (a document's id and aliases), newest first. */
  annotationsForDocuments: { payload: { ids: string[] }; result: AnnotationRecord[] };
  /**
   * Create or update a note (validated). The background sets `modified` to now; updating keeps the
   * stored `created` and `target`, so only the body of an existing note can change.
   */
  saveAnnotation: { payload: { annotation: AnnotationRecord }; result: AnnotationRecord };
  /** Delete a note; answers it (for undo), or null when it did not exist. */
  deleteAnnotation: { payload: { id: string }; result: AnnotationRecord | null };
  /** Extension pages only. Put a deleted note back exactly as it was (undo). */
  restoreAnnotation: { payload: { annotation: AnnotationRecord }; result: AnnotationRecord };
  /** Extension pages only. Import a JSON-LD export: checked whole, all-or-nothing, merged by id. */
  importAnnotations: { payload: { json: string }; result: ImportReport };
  /** Documents a note can be linked to, for search-as-you-type (at most 10). */
  searchDocuments: { payload: { query: string }; result: DocumentSuggestion[] };
  /**
   * Content scripts only. Open the note frame (data/annotations/note-frame.ts) showing `view` in the
   * sender's tab and frame; an editor comes with the `target` its Save writes (a card with none).
   * Returns the session's nonce, which the frame page's URL carries. One session per tab: a new one
   * replaces the last. Nothing in it is ever given to the web page.
   */
  openNoteFrame: { payload: { view: NoteFrameView; target?: NoteFrameTarget }; result: { nonce: string } };
  /**
   * The note frame page only, in the tab of the content script that opened the session: the view to
   * render. Any other sender, tab or nonce gets an error and nothing else.
   */
  noteFrameView: { payload: { nonce: string }; result: NoteFrameView };
  /**
   * The note frame page only (same checks as `noteFrameView`): something happened in the frame. A
   * `save` is stored here, as `saveAnnotation` does, from the session's target (a storage failure
   * answers its `storage-full:`/`storage:` error for the editor to show); then, and for every other
   * event, the opening content script is told by `noteFrameEvent`.
   */
  noteFrameEvent: { payload: { nonce: string; event: NoteFrameEvent }; result: null };

  /**
   * Content scripts only (refused without a sender tab). The references marked on the sender's page
   * changed; sent at most once per 300 ms, and only after a panel asked that page for them. The
   * background passes it on to extension pages as `tabReferencesChanged` with the sender's tab id.
   */
  pageReferencesChanged: { payload: Record<string, never>; result: null };
  /**
   * Content scripts only (refused without a sender tab and frame). Inject the content script's UI
   * part (`/content-ui.js`: the popover's card UI) into the sender's frame, in the content script's
   * isolated world; answers once it has run.
   */
  loadContentUi: { payload: Record<string, never>; result: null };
}

/** Calls the background sends to an open side panel. */
export interface SidePanelProtocol {
  /** Show a document (and question) in the already open panel; a closed panel opens at `sidePanelPath`. */
  showDocument: { payload: { documentId: string; question?: string }; result: null };
  /** The references on the page in tab `tabId` changed: "On this page" reads them again when it shows that tab. */
  tabReferencesChanged: { payload: { tabId: number }; result: null };
}

/** The optional host permission that enables every site. */
export const ALL_SITES_PATTERN = '<all_urls>';

/**
 * The match pattern enabling the site of `url` (scheme and host; ports are not part of match
 * patterns in Firefox), or null for URLs that are not http(s).
 */
export function sitePattern(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  return `${parsed.protocol}//${parsed.hostname}/*`;
}

/** The side panel page at a document (and question): `sidepanel.html#/doc/<id>?q=<question>`. */
export function sidePanelPath(documentId: string, question?: string): string {
  const query = question ? `?q=${encodeURIComponent(question)}` : '';
  return `sidepanel.html#/doc/${encodeURIComponent(documentId)}${query}`;
}

/** The state of re-anchoring a page's notes, as the content script reports it. */
export interface AnnotationPageStatus {
  /** The page's normalized URL (the notes' `target.source`). */
  source: string;
  /** Ids of notes placed and highlighted on the page. */
  anchored: string[];
  /** Ids of notes whose quote was not found ("niet gevonden op deze pagina"); never deleted. */
  orphaned: string[];
  /** True while anchoring is still running (content may still arrive). */
  pending: boolean;
}

/** Calls handled by the content script of a tab (sent by the side panel). */
export interface ContentProtocol {
  /** The references marked on this page. */
  pageReferences: { payload: Record<string, never>; result: PageReference[] };
  /** Scroll to a marked reference and open its popover. */
  revealReference: { payload: { group: number }; result: boolean };
  /** Where this page's notes stand: highlighted, or not found on the page. */
  annotationStatus: { payload: Record<string, never>; result: AnnotationPageStatus };
  /** Scroll to a note's highlight and show the note; false when it is not on the page. */
  revealAnnotation: { payload: { id: string }; result: boolean };
  /** Sent by the background after notes changed (`source`: the page, or null for many pages). */
  annotationsChanged: { payload: { source: string | null }; result: null };
  /**
   * From the background: what happened in the note frame this content script opened (session
   * `nonce`), or that the background saved the editor's note.
   */
  noteFrameEvent: { payload: { nonce: string; event: NoteFrameNotice }; result: null };
}

/**
 * Calls the background sends to Chrome's offscreen pack importer (entrypoints/importer), which
 * imports on a thread of its own (data/db/import-thread.ts). Firefox's background page holds that
 * thread itself.
 */
export interface ImporterProtocol {
  /** One call of the pack importer: its progress, import the staged files, or remove a pack. */
  importerCall: { payload: ImporterCall; result: PackImportProgress | boolean };
}

/** A call of the pack importer, as it crosses to the context or thread that imports. */
export type ImporterCall = { call: 'progress' } | { call: 'importStaged' } | { call: 'remove'; id: string };

/** A message on the wire. */
export type MessageOf<P> = {
  [K in keyof P]: { type: K; payload: P[K] extends { payload: infer X } ? X : never };
}[keyof P];
