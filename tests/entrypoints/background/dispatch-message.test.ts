import { describe, expect, it } from 'vitest';
import type { Result } from '../../../data/result';
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
    ['ids missing', { type: 'lookup', payload: {} }, 'page', /ids must be an array/],
    [
      'ids not an array',
      { type: 'lookup', payload: { ids: 'kst-34352-349' } },
      'page',
      /ids must be an array/,
    ],
    ['201 ids', { type: 'lookup', payload: { ids: Array(201).fill('kst-1-1') } }, 'page', /at most 200/],
    ['an id too long', { type: 'lookup', payload: { ids: ['k'.repeat(101)] } }, 'page', /at most 100/],
    ['an id not a string', { type: 'lookup', payload: { ids: [{ toString: 1 }] } }, 'page', /strings/],
    [
      'extra field',
      { type: 'lookup', payload: { ids: [], sql: 'drop' } },
      'page',
      /unexpected payload field/,
    ],
    [
      'malformed documentId',
      { type: 'openSidePanel', payload: { documentId: '../x' } },
      'page',
      /documentId/,
    ],
    [
      'question too long',
      { type: 'openSidePanel', payload: { documentId: 'kst-34352-349', question: '1'.repeat(21) } },
      'page',
      /question/,
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
    ['url not a URL', { type: 'enableSite', payload: { url: 'not a url' } }, 'panel', /not a URL/],
    [
      'url too long',
      { type: 'enableSite', payload: { url: `https://x.nl/${'a'.repeat(2048)}` } },
      'panel',
      /2048/,
    ],
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

describe('dispatchMessage answers valid calls', () => {
  it('looks up ids from a content script', async () => {
    const { services } = await forgedServices();
    const answer = (await dispatchMessage(
      { type: 'lookup', payload: { ids: ['2024Z15690', 'bad id', 'kst-34352-349'] } },
      SENDERS.page,
      services,
    )) as Result<{ id: string; document: { id: string } | null }[]>;
    expect(answer.ok && answer.value.map((entry) => entry.document?.id ?? null)).toEqual([
      'ah-tk-20242025-520',
      null,
      'kst-34352-349',
    ]);
  });

  it('passes openSidePanel to the opener synchronously, with the sender', async () => {
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

  it.each([
    ['getSiteStatus', { url: 'https://example.org/a' }, 'status'],
    ['enableSite', { url: 'https://example.org/a' }, 'enable'],
    ['disableSite', { url: 'https://example.org/a' }, 'disable'],
    ['enableAllSites', {}, 'enableAll'],
    ['disableAllSites', {}, 'disableAll'],
  ])('routes %s from an extension page', async (type, payload, call) => {
    const { services, calls } = await forgedServices();
    const answer = await dispatchMessage({ type, payload }, SENDERS.panel, services);
    expect(answer.ok).toBe(true);
    expect(calls.map((entry) => entry.name)).toEqual([call]);
  });

  it('reports the stored import outcome when this worker has not imported', async () => {
    const { services } = await forgedServices();
    const answer = await dispatchMessage({ type: 'importStatus', payload: {} }, SENDERS.panel, services);
    expect(answer).toEqual({
      ok: true,
      value: { state: 'done', fraction: 1, datasetVersion: 'v1-test', error: null },
    });
  });

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
