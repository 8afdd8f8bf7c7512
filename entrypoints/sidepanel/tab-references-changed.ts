/** Handles `SidePanelProtocol.tabReferencesChanged`: the background says a tab's references changed. */
import { browser } from 'wxt/browser';
import type { Result } from '../../data/result';

/** Calls `onChange` with the tab id of each valid `tabReferencesChanged`; returns the stop function. */
export function listenForTabReferences(onChange: (tabId: number) => void): () => void {
  const listener = (message: unknown): Promise<Result<null>> | undefined => {
    if (typeof message !== 'object' || message === null) return undefined;
    const { type, payload } = message as { type?: unknown; payload?: { tabId?: unknown } };
    // Other messages (showDocument, content scripts' own calls to the background) are not ours.
    if (type !== 'tabReferencesChanged') return undefined;
    const tabId = payload?.tabId;
    if (typeof tabId !== 'number' || !Number.isSafeInteger(tabId) || tabId < 0) {
      return Promise.resolve({ ok: false, error: 'tabReferencesChanged: tabId must be a tab id' });
    }
    onChange(tabId);
    return Promise.resolve({ ok: true, value: null });
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
