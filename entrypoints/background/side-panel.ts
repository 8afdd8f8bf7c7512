/** Opens the side panel (Chrome `sidePanel`, Firefox `sidebarAction`) at a document. */
import {
  type BackgroundProtocol,
  type Result,
  type SidePanelProtocol,
  sidePanelPath,
} from '../../data/messages';
import type { SenderInfo } from './sender';

/** The parts of Chrome's `sidePanel` API used here. */
export interface ChromeSidePanelApi {
  setOptions(options: { path?: string; enabled?: boolean }): Promise<void>;
  open(options: { tabId?: number; windowId?: number }): Promise<void>;
}

/** The parts of Firefox's `sidebarAction` API used here. */
export interface FirefoxSidebarApi {
  setPanel(details: { panel: string }): Promise<void>;
  open(): Promise<void>;
}

/** The browser pieces the opener uses (one of the two panel APIs exists per browser). */
export interface PanelPlatform {
  sidePanel?: ChromeSidePanelApi;
  sidebarAction?: FirefoxSidebarApi;
  /** Absolute URL of an extension file. */
  extensionUrl(path: string): string;
  /** Tell an already open panel to show the document (rejects when no panel listens). */
  notifyPanel(message: {
    type: 'showDocument';
    payload: SidePanelProtocol['showDocument']['payload'];
  }): Promise<unknown>;
}

type OpenRequest = BackgroundProtocol['openSidePanel']['payload'];

/**
 * Returns the `openSidePanel` service. Both browser calls are made before anything is awaited:
 * Chrome (≥ 116) lets `sidePanel.open` run only inside the user gesture that sent the message,
 * and awaiting `setOptions` first would end it.
 */
export function createSidePanelOpener(platform: PanelPlatform) {
  return (request: OpenRequest, sender: SenderInfo): Promise<Result<null>> => {
    const path = sidePanelPath(request.documentId, request.question);
    let calls: Promise<unknown>;
    try {
      calls = startOpening(platform, path, sender);
    } catch (error) {
      calls = Promise.reject(error);
    }
    return calls.then(
      async () => {
        const payload = request.question ? request : { documentId: request.documentId };
        // A panel that was already open keeps its page; tell it to move. A new one reads the path.
        await platform.notifyPanel({ type: 'showDocument', payload }).catch(() => undefined);
        return { ok: true, value: null } as const;
      },
      (error: unknown) => ({ ok: false, error: `side panel not opened: ${describe(error)}` }) as const,
    );
  };
}

function startOpening(platform: PanelPlatform, path: string, sender: SenderInfo): Promise<unknown> {
  const { sidePanel, sidebarAction } = platform;
  if (sidePanel) {
    const target =
      sender.windowId !== null
        ? { windowId: sender.windowId }
        : sender.tabId !== null
          ? { tabId: sender.tabId }
          : null;
    if (!target) return Promise.reject(new Error('no browser window to open the panel in'));
    const configured = sidePanel.setOptions({ path, enabled: true });
    const opened = sidePanel.open(target);
    return Promise.all([configured, opened]);
  }
  if (sidebarAction) {
    const configured = sidebarAction.setPanel({ panel: platform.extensionUrl(path) });
    // Firefox opens the sidebar only from its own user-input handlers; when it refuses, the panel
    // is still set, so the sidebar shows the document the next time the reader opens it.
    const opened = sidebarAction.open();
    return Promise.all([configured, opened]);
  }
  return Promise.reject(new Error('this browser has no side panel API'));
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
