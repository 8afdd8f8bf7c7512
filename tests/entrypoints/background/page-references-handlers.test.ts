import { describe, expect, it } from 'vitest';
import { dispatchMessage } from '../../../entrypoints/background/dispatch-message';
import { HANDLERS } from '../../../entrypoints/background/handlers';
import {
  pageReferencesChangedHandler,
  type TabReferencesChanged,
} from '../../../entrypoints/background/page-references-handlers';
import type { BackgroundServices } from '../../../entrypoints/background/services';
import { SENDERS } from './forged-services';

function withRecorder() {
  const sent: TabReferencesChanged[] = [];
  const handlers = {
    ...HANDLERS,
    pageReferencesChanged: pageReferencesChangedHandler(async (message) => {
      sent.push(message);
    }),
  };
  const services = {} as BackgroundServices;
  return {
    sent,
    call: (message: unknown, sender: keyof typeof SENDERS) =>
      dispatchMessage(message, SENDERS[sender], services, handlers),
  };
}

describe('pageReferencesChanged: passed on to the panel with the sender tab', () => {
  it('a content script announces its own tab (from the sender, not the payload)', async () => {
    const { sent, call } = withRecorder();
    expect(await call({ type: 'pageReferencesChanged', payload: {} }, 'page')).toEqual({
      ok: true,
      value: null,
    });
    expect(sent).toEqual([{ type: 'tabReferencesChanged', payload: { tabId: SENDERS.page.tabId } }]);
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
    const { sent, call } = withRecorder();
    const answer = await call(message, sender);
    expect(answer.ok).toBe(false);
    expect(answer.ok ? '' : answer.error).toMatch(error);
    expect(sent).toEqual([]);
  });

  it('no panel open (the send rejects) still answers ok', async () => {
    const handler = pageReferencesChangedHandler(() => Promise.reject(new Error('no receiver')));
    expect(await handler.handle({}, SENDERS.page, {} as BackgroundServices)).toEqual({
      ok: true,
      value: null,
    });
  });
});
