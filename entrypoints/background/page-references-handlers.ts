/**
 * `pageReferencesChanged`: a content script's marks changed. Passed on to extension pages (the
 * open side panel) as `tabReferencesChanged` with the tab id taken from the sender, never from
 * the payload, so a page can only ever announce its own tab.
 */
import { browser } from 'wxt/browser';
import type { SidePanelProtocol } from '../../data/messages';
import type { HandlerSpec } from './handlers';
import { emptyPayload } from './validate-payload';

/** The message extension pages get. */
export interface TabReferencesChanged {
  type: 'tabReferencesChanged';
  payload: SidePanelProtocol['tabReferencesChanged']['payload'];
}

/** The handler, over a way to reach extension pages (rejects when no page listens). */
export function pageReferencesChangedHandler(
  notifyPages: (message: TabReferencesChanged) => Promise<unknown>,
): HandlerSpec<'pageReferencesChanged'> {
  return {
    from: 'any',
    validate: emptyPayload,
    handle: (_payload, sender) => {
      if (sender.kind !== 'content-script' || sender.tabId === null) {
        return { ok: false, error: 'pageReferencesChanged is only accepted from a content script in a tab' };
      }
      // No panel open: nobody to tell, and nothing to wait for.
      notifyPages({ type: 'tabReferencesChanged', payload: { tabId: sender.tabId } }).catch(() => undefined);
      return { ok: true, value: null };
    },
  };
}

/** Sends to every extension page (the side panel) through `runtime.sendMessage`. */
export const notifyExtensionPages = (message: TabReferencesChanged): Promise<unknown> =>
  browser.runtime.sendMessage(message);
