/**
 * Telling every view of the notes that they changed: content scripts (to re-highlight) by message,
 * extension pages (the side panel's lists) on a BroadcastChannel, which needs no listener in
 * their message routing and reaches every page of the extension's origin.
 */
import { browser } from 'wxt/browser';
import { ANNOTATIONS_CHANNEL } from '../../data/annotations/channel';

/** Notify content scripts and extension pages that notes of `source` (null: of many pages) changed. */
export function notifyAnnotationsChanged(source: string | null): void {
  try {
    const channel = new BroadcastChannel(ANNOTATIONS_CHANNEL);
    channel.postMessage({ source });
    channel.close();
  } catch {
    // No BroadcastChannel (old browser): extension pages refresh when they regain focus.
  }
  void browser.tabs
    .query({})
    .then((tabs) => {
      for (const tab of tabs) {
        if (tab.id === undefined) continue;
        // Tabs without our content script reject ("receiving end does not exist"): nothing to update there.
        browser.tabs
          .sendMessage(tab.id, { type: 'annotationsChanged', payload: { source } })
          .catch(() => undefined);
      }
    })
    .catch(() => undefined);
}
