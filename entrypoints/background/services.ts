/** What the message handlers need from the outside world, injected so tests can forge each part. */

import type { CONTENT_UI_FILE } from '../../components/content-ui-parts';
import type { KamerlensDB } from '../../data/db/kamerlens-db';
import type { PackImporter } from '../../data/db/pack-importer';
import type {
  BackgroundProtocol,
  ImportProgress,
  MessageOf,
  SidePanelProtocol,
  SiteStatus,
} from '../../data/messages';
import type { Result } from '../../data/result';
import type { NoteFrameSessions } from './note-frame-sessions';
import type { SenderInfo } from './sender';

/** Site access operations (see `site-access.ts`). */
export interface SiteAccess {
  status(url: string): Promise<SiteStatus>;
  enable(url: string): Promise<Result<SiteStatus>>;
  disable(url: string): Promise<Result<SiteStatus>>;
  enableAll(): Promise<Result<{ allSites: boolean }>>;
  disableAll(): Promise<Result<{ allSites: boolean }>>;
}

/** Everything a handler may use. */
export interface BackgroundServices {
  db: KamerlensDB;
  /** The import as this worker tracks it. */
  importProgress(): ImportProgress;
  /** The imports of packs the reader added (data/db/pack-importer.ts). */
  packs: PackImporter;
  /**
   * Opens the side panel. Must reach the browser API synchronously: Chrome keeps the click's user
   * gesture only until the message handler first yields.
   */
  openSidePanel(
    request: BackgroundProtocol['openSidePanel']['payload'],
    sender: SenderInfo,
  ): Promise<Result<BackgroundProtocol['openSidePanel']['result']>>;
  siteAccess: SiteAccess;
  /** Runs the extension file `file` in one frame of a tab, in the content scripts' isolated world. */
  injectScript(tabId: number, frameId: number, file: typeof CONTENT_UI_FILE): Promise<void>;
  /** Sends to every extension page (the open side panel); rejects when no page listens. */
  notifyExtensionPages(message: MessageOf<SidePanelProtocol>): Promise<unknown>;
  /** Tells content scripts and extension pages that the notes of `source` (null: of many pages) changed. */
  notifyAnnotationsChanged(source: string | null): void;
  /** Sends a message to one frame of one tab; resolves to the answer of its content script. */
  sendToFrame(tabId: number, frameId: number, message: unknown): Promise<unknown>;
  /** The note frame's open sessions (note-frame-sessions.ts). */
  noteFrameSessions: NoteFrameSessions;
  /** The clock (epoch ms): notes' `modified` times and session expiry. */
  now(): number;
}
