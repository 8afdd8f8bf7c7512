import { afterEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { listenForShowDocument } from '../../../entrypoints/sidepanel/show-document';

afterEach(() => fakeBrowser.reset());

describe('showDocument: the background moves an open panel', () => {
  it.each([
    [{ documentId: 'kst-34352-349' }, '#/doc/kst-34352-349', { ok: true, value: null }],
    [
      { documentId: 'ah-tk-20242025-520', question: '3' },
      '#/doc/ah-tk-20242025-520/q/3',
      { ok: true, value: null },
    ],
    [{ documentId: '' }, null, { ok: false, error: 'showDocument: documentId must be a short string' }],
    [{ documentId: 42 }, null, { ok: false, error: 'showDocument: documentId must be a short string' }],
  ])('%j', async (payload, hash, answer) => {
    const seen: string[] = [];
    const stop = listenForShowDocument((h) => seen.push(h));
    const answers = await fakeBrowser.runtime.onMessage.trigger(
      { type: 'showDocument', payload },
      {},
      () => undefined,
    );
    expect(answers).toEqual([answer]);
    expect(seen).toEqual(hash ? [hash] : []);
    stop();
  });

  it('leaves other messages to other listeners', async () => {
    const seen: string[] = [];
    listenForShowDocument((h) => seen.push(h));
    browser.runtime.onMessage.addListener((message: unknown) =>
      (message as { type?: string }).type === 'annotationsChanged' ? Promise.resolve('theirs') : undefined,
    );
    const answers = await fakeBrowser.runtime.onMessage.trigger(
      { type: 'annotationsChanged', payload: {} },
      {},
      () => undefined,
    );
    // Ours stays silent (undefined), so the other listener's answer is the one the sender gets.
    expect(answers).toEqual([undefined, 'theirs']);
    expect(seen).toEqual([]);
  });
});
