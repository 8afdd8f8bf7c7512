/**
 * Which tab "on this page" is about. In the side panel it is the active tab of the panel's window;
 * when the panel page is itself open as a tab (the end-to-end tests, or a reader who opened
 * sidepanel.html directly) it is the most recently used other tab.
 */
import { type Browser, browser } from 'wxt/browser';

type Tab = Browser.tabs.Tab;

function isOwnPage(tab: Tab, ownTabId: number | undefined): boolean {
  return tab.id === ownTabId || (tab.url ?? '').startsWith(`${location.origin}/`);
}

/** The tab whose page the panel describes, or null when there is none. */
export async function targetTab(): Promise<Tab | null> {
  const own = await browser.tabs.getCurrent().catch(() => undefined);
  const active = await browser.tabs.query({ active: true, currentWindow: true });
  const candidate = active.find((tab) => !isOwnPage(tab, own?.id));
  if (candidate?.id !== undefined) return candidate;
  const all = await browser.tabs.query(own?.windowId !== undefined ? { windowId: own.windowId } : {});
  const others = all.filter((tab) => tab.id !== undefined && !isOwnPage(tab, own?.id));
  others.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
  return others[0] ?? null;
}

/** Calls `onChange` when another tab becomes active or a tab finishes loading; returns the stop function. */
export function watchTabs(onChange: () => void): () => void {
  const activated = () => onChange();
  const updated = (_id: number, info: { status?: string }) => {
    if (info.status === 'complete') onChange();
  };
  browser.tabs.onActivated.addListener(activated);
  browser.tabs.onUpdated.addListener(updated);
  return () => {
    browser.tabs.onActivated.removeListener(activated);
    browser.tabs.onUpdated.removeListener(updated);
  };
}
