import { describe, expect, it } from 'vitest';
import { CONTENT_SCRIPT_HANDLERS } from '../../../entrypoints/background/content-script-handlers';
import { dispatchMessage } from '../../../entrypoints/background/dispatch-message';
import type { SenderInfo } from '../../../entrypoints/background/sender';
import type { BackgroundServices } from '../../../entrypoints/background/services';
import { forgedServices, SENDERS } from './forged-services';

function withInjector(fail?: string) {
  const injected: unknown[][] = [];
  const services = {
    injectScript: async (...args: unknown[]) => {
      if (fail) throw new Error(fail);
      injected.push(args);
    },
  } as unknown as BackgroundServices;
  return {
    injected,
    call: (payload: unknown, sender: SenderInfo) =>
      dispatchMessage({ type: 'loadContentUi', payload }, sender, services),
  };
}

describe('loadContentUi: the UI part goes into the asking frame only', () => {
  it("injects the built UI script into the sender's tab and frame", async () => {
    const { injected, call } = withInjector();
    expect(await call({}, { ...SENDERS.page, frameId: 4 })).toEqual({ ok: true, value: null });
    expect(injected).toEqual([[SENDERS.page.tabId, 4, '/content-ui.js']]);
  });

  it.each([
    ['a content script without a frame id', {}, SENDERS.page, /only accepted from content scripts/],
    ['an extension page', {}, { ...SENDERS.panel, frameId: 0 }, /only accepted from content scripts/],
    ['a foreign sender', {}, { ...SENDERS.foreign, frameId: 0 }, /sender not accepted/],
    [
      'a file named in the payload',
      { file: '/background.js' },
      { ...SENDERS.page, frameId: 0 },
      /unexpected payload field/,
    ],
  ] as const)('refuses %s', async (_label, payload, sender, error) => {
    const { injected, call } = withInjector();
    const answer = await call(payload, sender);
    expect(answer.ok).toBe(false);
    expect(answer.ok ? '' : answer.error).toMatch(error);
    expect(injected).toEqual([]);
  });

  it('answers why when the browser refuses to inject', async () => {
    const { call } = withInjector('Cannot access contents of the page');
    expect(await call({}, { ...SENDERS.page, frameId: 0 })).toEqual({
      ok: false,
      error: 'Cannot access contents of the page',
    });
  });
});

describe('pageReferencesChanged: passed on to the panel with the sender tab', () => {
  async function withRecorder() {
    const { services, pagesTold } = await forgedServices();
    return {
      pagesTold,
      call: (message: unknown, sender: keyof typeof SENDERS) =>
        dispatchMessage(message, SENDERS[sender], services),
    };
  }

  it('a content script announces its own tab (from the sender, not the payload)', async () => {
    const { pagesTold, call } = await withRecorder();
    expect(await call({ type: 'pageReferencesChanged', payload: {} }, 'page')).toEqual({
      ok: true,
      value: null,
    });
    expect(pagesTold).toEqual([{ type: 'tabReferencesChanged', payload: { tabId: SENDERS.page.tabId } }]);
  });

  it.each([
    [
      'a tab id in the payload',
      { type: 'pageReferencesChanged', payload: { tabId: 99 } },
      'page',
      /unexpected payload field/,
    ],
    [
      'an extension page',
      { type: 'pageReferencesChanged', payload: {} },
      'panel',
      /only accepted from a content script/,
    ],
    ['a foreign sender', { type: 'pageReferencesChanged', payload: {} }, 'foreign', /sender not accepted/],
  ] as const)('refuses %s', async (_label, message, sender, error) => {
    const { pagesTold, call } = await withRecorder();
    const answer = await call(message, sender);
    expect(answer.ok).toBe(false);
    expect(answer.ok ? '' : answer.error).toMatch(error);
    expect(pagesTold).toEqual([]);
  });

  it('no panel open (the send rejects) still answers ok', async () => {
    const services = {
      notifyExtensionPages: () => Promise.reject(new Error('no receiver')),
    } as unknown as BackgroundServices;
    expect(await CONTENT_SCRIPT_HANDLERS.pageReferencesChanged.handle({}, SENDERS.page, services)).toEqual({
      ok: true,
      value: null,
    });
  });
});

describe('openSidePanel: straight to the opener', () => {
  it('passes the request synchronously, with the sender', async () => {
    const { services, calls } = await forgedServices();
    const pending = dispatchMessage(
      { type: 'openSidePanel', payload: { documentId: 'kst-34352-349', question: '3' } },
      SENDERS.page,
      services,
    );
    // No await yet: the browser call must already have happened (user gesture).
    expect(calls).toEqual([
      { name: 'openSidePanel', args: [{ documentId: 'kst-34352-349', question: '3' }, SENDERS.page] },
    ]);
    expect(await pending).toEqual({ ok: true, value: { shown: true } });
  });
});
