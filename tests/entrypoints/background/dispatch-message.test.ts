import { describe, expect, it } from 'vitest';
import { dispatchMessage } from '../../../entrypoints/background/dispatch-message';
import { forgedServices, SENDERS } from './forged-services';

type Case = [label: string, message: unknown, sender: keyof typeof SENDERS, error: RegExp];

describe('dispatchMessage refuses forged messages with a Result, never a throw', () => {
  const refused: Case[] = [
    ['not an object', 'lookup', 'page', /must be an object/],
    ['null', null, 'page', /must be an object/],
    ['no type', { payload: {} }, 'page', /unknown message type/],
    ['unknown type', { type: 'deleteEverything', payload: {} }, 'page', /unknown message type/],
    ['prototype key as type', { type: 'toString', payload: {} }, 'page', /unknown message type/],
    ['__proto__ as type', { type: '__proto__', payload: {} }, 'page', /unknown message type/],
    ['foreign sender', { type: 'lookup', payload: { ids: [] } }, 'foreign', /sender not accepted/],
    [
      'extra field',
      { type: 'lookup', payload: { ids: [], sql: 'drop' } },
      'page',
      /unexpected payload field/,
    ],
    [
      'site status from a page',
      { type: 'getSiteStatus', payload: { url: 'https://x.nl/' } },
      'page',
      /extension pages/,
    ],
    [
      'enable site from a page',
      { type: 'enableSite', payload: { url: 'https://x.nl/' } },
      'page',
      /extension pages/,
    ],
    [
      'disable site from a page',
      { type: 'disableSite', payload: { url: 'https://x.nl/' } },
      'page',
      /extension pages/,
    ],
    ['enable all from a page', { type: 'enableAllSites', payload: {} }, 'page', /extension pages/],
    ['disable all from a page', { type: 'disableAllSites', payload: {} }, 'page', /extension pages/],
    [
      'payload on an empty call',
      { type: 'importStatus', payload: { x: 1 } },
      'page',
      /unexpected payload field/,
    ],
  ];

  it.each(refused)('%s', async (_label, message, sender, error) => {
    const { services, calls } = await forgedServices();
    const answer = await dispatchMessage(message, SENDERS[sender], services);
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.error).toMatch(error);
    expect(calls).toEqual([]);
  });
});

describe('dispatchMessage turns failures into Results', () => {
  it('turns a handler that throws into a Result', async () => {
    const { services } = await forgedServices();
    services.siteAccess.status = () => Promise.reject(new Error('scripting unavailable'));
    const answer = await dispatchMessage(
      { type: 'getSiteStatus', payload: { url: 'https://x.nl/' } },
      SENDERS.panel,
      services,
    );
    expect(answer).toEqual({ ok: false, error: 'scripting unavailable' });
  });
});
