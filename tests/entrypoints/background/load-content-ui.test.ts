import { describe, expect, it } from 'vitest';
import { dispatchMessage } from '../../../entrypoints/background/dispatch-message';
import type { SenderInfo } from '../../../entrypoints/background/sender';
import type { BackgroundServices } from '../../../entrypoints/background/services';
import { SENDERS } from './forged-services';

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
