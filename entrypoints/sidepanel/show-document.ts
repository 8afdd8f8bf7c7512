/** Handles `SidePanelProtocol.showDocument`: the background moves an open panel to a document. */
import { browser } from 'wxt/browser';
import { documentHash } from '../../components/sidepanel/routes';
import type { Result } from '../../data/result';

/** Listens for `showDocument` and calls `navigate` with the reader's hash; returns the stop function. */
export function listenForShowDocument(navigate: (hash: string) => void): () => void {
  const listener = (message: unknown): Promise<Result<null>> | undefined => {
    if (typeof message !== 'object' || message === null) return undefined;
    const { type, payload } = message as {
      type?: unknown;
      payload?: { documentId?: unknown; question?: unknown };
    };
    // Other messages between extension pages and the background are not ours to answer.
    if (type !== 'showDocument') return undefined;
    const id = payload?.documentId;
    const question = payload?.question;
    if (typeof id !== 'string' || id.length === 0 || id.length > 100) {
      return Promise.resolve({ ok: false, error: 'showDocument: documentId must be a short string' });
    }
    const target =
      typeof question === 'string' && question ? ({ kind: 'question', number: question } as const) : null;
    navigate(documentHash(id, target));
    return Promise.resolve({ ok: true, value: null });
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
