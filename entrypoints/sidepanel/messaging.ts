/** Typed calls from the panel to the background and to a tab's content script; failures are `{ok: false}`. */
import { browser } from 'wxt/browser';
import type { BackgroundProtocol, ContentProtocol } from '../../data/messages';
import type { Result } from '../../data/result';

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
export async function callBackground<K extends keyof BackgroundProtocol>(
  type: K,
  payload: BackgroundProtocol[K]['payload'],
): Promise<Result<BackgroundProtocol[K]['result']>> {
  try {
    return asResult(await browser.runtime.sendMessage({ type, payload }), type);
  } catch (error) {
    return failure(error);
  }
}

/** One call to the content script of tab `tabId` (rejects into `{ok: false}` when none listens). */
export async function callTab<K extends keyof ContentProtocol>(
  tabId: number,
  type: K,
  payload: ContentProtocol[K]['payload'],
): Promise<Result<ContentProtocol[K]['result']>> {
  try {
    return asResult(await browser.tabs.sendMessage(tabId, { type, payload }), type);
  } catch (error) {
    return failure(error);
  }
}
