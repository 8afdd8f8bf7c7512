/**
 * The one client for the typed calls of data/messages.ts: the content script, the side panel and the
 * note frame call the background through it, and the side panel a tab's content script. Every
 * failure, of the transport included, comes back as `{ok: false}`; nothing throws.
 */
import { browser } from 'wxt/browser';
import type { BackgroundProtocol, ContentProtocol } from './messages';
import type { Result } from './result';

/** A typed call to the background service worker. */
export type CallBackground = <K extends keyof BackgroundProtocol>(
  type: K,
  payload: BackgroundProtocol[K]['payload'],
) => Promise<Result<BackgroundProtocol[K]['result']>>;

/** A typed call to the content script of tab `tabId`. */
export type CallTab = <K extends keyof ContentProtocol>(
  tabId: number,
  type: K,
  payload: ContentProtocol[K]['payload'],
) => Promise<Result<ContentProtocol[K]['result']>>;

/** An answer as a `Result`; anything else (no listener answered) is a failure naming the call. */
function asResult<T>(answer: unknown, type: string): Result<T> {
  if (!answer || typeof answer !== 'object' || typeof (answer as { ok?: unknown }).ok !== 'boolean') {
    return { ok: false, error: `no answer to ${type}` };
  }
  return answer as Result<T>;
}

function failure(error: unknown): { ok: false; error: string } {
  return { ok: false, error: error instanceof Error ? error.message : String(error) };
}

/** One call to the background service worker. */
export const callBackground: CallBackground = async (type, payload) => {
  try {
    return asResult(await browser.runtime.sendMessage({ type, payload }), type);
  } catch (error) {
    return failure(error);
  }
};

/** One call to the content script of tab `tabId` (`{ok: false}` when none listens). */
export const callTab: CallTab = async (tabId, type, payload) => {
  try {
    return asResult(await browser.tabs.sendMessage(tabId, { type, payload }), type);
  } catch (error) {
    return failure(error);
  }
};
