/** Who sent a message: an extension page (trusted), a content script in a tab, or anything else. */

/** The parts of `runtime.MessageSender` the background decides on. */
export interface MessageSenderLike {
  id?: string;
  url?: string;
  tab?: { id?: number; windowId?: number };
}

/** A classified sender. `tabId`/`windowId` come from the sender's tab, when it has one. */
export interface SenderInfo {
  kind: 'extension-page' | 'content-script' | 'foreign';
  tabId: number | null;
  windowId: number | null;
  /** The sending frame within its tab (0: the top frame), when the browser says. */
  frameId?: number;
  /** The sending page's or frame's URL, when the browser says. */
  url?: string;
  /** The sending document (Chrome: a new id per load of a frame), when the browser says. */
  documentId?: string;
}

/**
 * Extension pages are recognized by their URL on the extension's own origin; content scripts by
 * a tab and a web URL. `runtime.onMessage` only delivers this extension's messages, but the id is
 * checked anyway so a misrouted message is never trusted.
 */
export function classifySender(
  sender: MessageSenderLike,
  extensionId: string,
  extensionOrigin: string,
): SenderInfo {
  const tabId = typeof sender.tab?.id === 'number' ? sender.tab.id : null;
  const windowId = typeof sender.tab?.windowId === 'number' ? sender.tab.windowId : null;
  if (sender.id !== extensionId) return { kind: 'foreign', tabId, windowId };
  if (typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin)) {
    return { kind: 'extension-page', tabId, windowId };
  }
  if (tabId !== null) return { kind: 'content-script', tabId, windowId };
  return { kind: 'foreign', tabId, windowId };
}
