import { describe, expect, it } from 'vitest';
import { dispatchMessage } from '../../../entrypoints/background/dispatch-message';
import { forgedServices, SENDERS } from './forged-services';

describe('the site access calls', () => {
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

  it.each(['getSiteStatus', 'enableSite', 'disableSite', 'enableAllSites', 'disableAllSites'])(
    '%s is refused from a content script',
    async (type) => {
      const { services, calls } = await forgedServices();
      const payload = type.endsWith('AllSites') ? {} : { url: 'https://x.nl/' };
      const answer = await dispatchMessage({ type, payload }, SENDERS.page, services);
      expect(answer).toEqual({ ok: false, error: `${type} is only accepted from extension pages` });
      expect(calls).toEqual([]);
    },
  );
});
