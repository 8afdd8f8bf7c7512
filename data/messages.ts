/**
 * The message protocol: every cross-context call in one typed map (Hypothesis-style).
 * Results cross boundaries as `Result<T>` because Errors do not serialize.
 * Payloads that reach the background are untrusted (a page can talk to the content script):
 * the background validates every one before use.
 *
 * Owners: the background handles `BackgroundProtocol`; the content script handles `ContentProtocol`.
 */
import type { Citation } from './citations/types';
import type { DocumentRecord } from './documents/types';

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** One answer of a batch lookup. `document` is null when the id is not in the dataset. */
export interface LookupEntry {
  id: string;
  document: DocumentRecord | null;
  /** Title of the dossier the id belongs to, when known. */
  dossierTitle: string | null;
}

/** A reference found on the current page, as the content script reports it to the side panel. */
export interface PageReference {
  /** Identifies the mark group on the page, for `revealReference`. */
  group: number;
  citation: Citation;
}

/** Calls handled by the background service worker. */
export interface BackgroundProtocol {
  /** Look up documents by canonical id, in one batch (at most 200 ids). */
  lookup: { payload: { ids: string[] }; result: LookupEntry[] };
  /** Open the side panel at a document, optionally at one question. */
  openSidePanel: { payload: { documentId: string; question?: string }; result: null };
}

/** Calls handled by the content script of a tab (sent by the side panel). */
export interface ContentProtocol {
  /** The references marked on this page. */
  pageReferences: { payload: Record<string, never>; result: PageReference[] };
  /** Scroll to a marked reference and open its popover. */
  revealReference: { payload: { group: number }; result: boolean };
}

/** A message on the wire. */
export type MessageOf<P> = { [K in keyof P]: { type: K; payload: P[K] extends { payload: infer X } ? X : never } }[keyof P];
