import { describe, expect, it } from 'vitest';
import { dispatchMessage } from '../../../entrypoints/background/dispatch-message';
import { forgedServices, SENDERS } from './forged-services';

describe('the pack calls', () => {
  it.each([
    ['importStagedPacks', {}],
    ['packImportStatus', {}],
    ['removePack', { id: 'vergaderjaar-2024-2025' }],
  ])('%s answers an extension page and is refused from a content script', async (type, payload) => {
    const { services } = await forgedServices();
    expect(await dispatchMessage({ type, payload }, SENDERS.panel, services)).toMatchObject({ ok: true });
    expect(await dispatchMessage({ type, payload }, SENDERS.page, services)).toEqual({
      ok: false,
      error: `${type} is only accepted from extension pages`,
    });
  });

  it.each([{ id: '' }, { id: 'x'.repeat(101) }, { id: 7 }, { id: 'a', extra: 1 }])(
    'removePack refuses the payload %j',
    async (payload) => {
      const { services } = await forgedServices();
      const answer = await dispatchMessage({ type: 'removePack', payload }, SENDERS.panel, services);
      expect(answer.ok).toBe(false);
    },
  );

  it('answers that nothing was removed for a pack that is not loaded, and idle before any import', async () => {
    const { services } = await forgedServices();
    const removed = await dispatchMessage(
      { type: 'removePack', payload: { id: 'dossier-1' } },
      SENDERS.panel,
      services,
    );
    expect(removed).toEqual({ ok: true, value: false });
    const status = await dispatchMessage({ type: 'packImportStatus', payload: {} }, SENDERS.panel, services);
    expect(status).toMatchObject({ ok: true, value: { state: 'idle' } });
  });
});
