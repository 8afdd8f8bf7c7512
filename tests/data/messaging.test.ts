import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { callBackground, callTab } from '../../data/messaging';

afterEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
});

describe('callBackground and callTab: every outcome is a Result', () => {
  it('passes the answer of the receiving end through', async () => {
    const send = vi
      .spyOn(fakeBrowser.runtime, 'sendMessage')
      .mockResolvedValue({ ok: true, value: [] } as never);
    expect(await callBackground('lookup', { ids: ['kst-34352-349'] })).toEqual({ ok: true, value: [] });
    expect(send).toHaveBeenCalledWith({ type: 'lookup', payload: { ids: ['kst-34352-349'] } });
  });

  it.each([
    ['no answer', undefined],
    ['an answer that is not a Result', { value: 1 }],
  ])('%s is a failure naming the call', async (_label, answer) => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(answer as never);
    expect(await callBackground('lookup', { ids: [] })).toEqual({ ok: false, error: 'no answer to lookup' });
  });

  it('a transport failure comes back as {ok: false}, never a throw', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(new Error('worker restarting'));
    expect(await callBackground('lookup', { ids: [] })).toEqual({ ok: false, error: 'worker restarting' });
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('no receiving end'));
    expect(await callTab(3, 'pageReferences', {})).toEqual({ ok: false, error: 'no receiving end' });
  });

  it('sends a tab call to that tab', async () => {
    const send = vi
      .spyOn(fakeBrowser.tabs, 'sendMessage')
      .mockResolvedValue({ ok: true, value: [] } as never);
    expect(await callTab(3, 'pageReferences', {})).toEqual({ ok: true, value: [] });
    expect(send).toHaveBeenCalledWith(3, { type: 'pageReferences', payload: {} });
  });
});
