/** Opens the side panel (Chrome `sidePanel`, Firefox `sidebarAction`) at a document. */
import {
  type BackgroundProtocol,
  type SidePanelOutcome,
  type SidePanelProtocol,
  sidePanelPath,
} from '../../data/messages';
import type { Result } from '../../data/result';
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
  /** Firefox: the keyboard shortcut that opens the sidebar, as the reader has set it (null: none). */
  sidebarShortcut?(): Promise<string | null>;
}

type OpenRequest = BackgroundProtocol['openSidePanel']['payload'];

/**
 * Returns the `openSidePanel` service. Both browser calls are made before anything is awaited:
 * Chrome (≥ 116) lets `sidePanel.open` run only inside the user gesture that sent the message,
 * and awaiting `setOptions` first would end it.
 */
export function createSidePanelOpener(platform: PanelPlatform) {
  return (request: OpenRequest, sender: SenderInfo): Promise<Result<SidePanelOutcome>> => {
    const path = sidePanelPath(request.documentId, request.question);
    const payload = request.question ? request : { documentId: request.documentId };
    let calls: Promise<boolean>;
    try {
      calls = startOpening(platform, path, sender);
    } catch (error) {
      calls = Promise.reject(error);
    }
    return calls.then(
      async (opened) => {
        // A panel that was already open keeps its page; tell it to move. A new one reads the path.
        const answer = await platform.notifyPanel({ type: 'showDocument', payload }).catch(() => undefined);
        if (opened || isOk(answer)) return { ok: true, value: { shown: true } } as const;
        // Firefox refused to open its sidebar, and none is open: the sidebar page is set, so the
        // document shows when the reader opens the sidebar; the card says how.
        const shortcut = (await platform.sidebarShortcut?.().catch(() => null)) ?? null;
        return { ok: true, value: { shown: false, shortcut } } as const;
      },
      (error: unknown) => ({ ok: false, error: `side panel not opened: ${describe(error)}` }) as const,
    );
  };
}

/** Resolves true when the panel opened, false when Firefox refused for want of user input. */
function startOpening(platform: PanelPlatform, path: string, sender: SenderInfo): Promise<boolean> {
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
    return Promise.all([configured, opened]).then(() => true);
  }
  if (sidebarAction) {
    const configured = sidebarAction.setPanel({ panel: platform.extensionUrl(path) });
    // Firefox opens the sidebar only from its own user-input handlers, and a click in a content
    // script does not count: that refusal is expected, any other failure is reported.
    const opened = sidebarAction.open().then(
      () => true,
      (error: unknown) => (USER_INPUT_REFUSAL.test(describe(error)) ? false : Promise.reject(error)),
    );
    return Promise.all([configured, opened]).then(([, wasOpened]) => wasOpened);
  }
  return Promise.reject(new Error('this browser has no side panel API'));
}

/** Firefox's message when `sidebarAction.open()` runs outside a user-input handler. */
const USER_INPUT_REFUSAL = /user input handler/i;

/** Whether an open panel answered `showDocument` with success. */
function isOk(answer: unknown): boolean {
  return typeof answer === 'object' && answer !== null && (answer as { ok?: unknown }).ok === true;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
