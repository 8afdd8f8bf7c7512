import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { listenForTabReferences } from '../../../entrypoints/sidepanel/tab-references-changed';

afterEach(() => fakeBrowser.reset());

describe('tabReferencesChanged: the panel hears that a tab’s references changed', () => {
  it.each([
    [{ tabId: 12 }, [12], { ok: true, value: null }],
    [{ tabId: '12' }, [], { ok: false, error: 'tabReferencesChanged: tabId must be a tab id' }],
    [{ tabId: -1 }, [], { ok: false, error: 'tabReferencesChanged: tabId must be a tab id' }],
    [{}, [], { ok: false, error: 'tabReferencesChanged: tabId must be a tab id' }],
  ])('%j', async (payload, tabs, answer) => {
    const seen: number[] = [];
    const stop = listenForTabReferences((tabId) => seen.push(tabId));
    const answers = await fakeBrowser.runtime.onMessage.trigger(
      { type: 'tabReferencesChanged', payload },
      {},
      () => undefined,
    );
    expect(answers).toEqual([answer]);
    expect(seen).toEqual(tabs);
    stop();
  });

  it('leaves other messages to their listeners, and stops', async () => {
    const seen: number[] = [];
    const stop = listenForTabReferences((tabId) => seen.push(tabId));
    // The content script's own call to the background reaches extension pages too: not ours.
    expect(
      await fakeBrowser.runtime.onMessage.trigger(
        { type: 'pageReferencesChanged', payload: {} },
        {},
        () => undefined,
      ),
    ).toEqual([undefined]);
    stop();
    await fakeBrowser.runtime.onMessage.trigger(
      { type: 'tabReferencesChanged', payload: { tabId: 3 } },
      {},
      () => undefined,
    );
    expect(seen).toEqual([]);
  });
});
