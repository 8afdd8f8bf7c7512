import { describe, expect, it } from 'vitest';
import type { Result } from '../../../data/result';
import { dispatchMessage } from '../../../entrypoints/background/dispatch-message';
import { forgedServices, SENDERS } from './forged-services';

describe('the dataset calls', () => {
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

  it('reports the stored import outcome when this worker has not imported', async () => {
    const { services } = await forgedServices();
    const answer = await dispatchMessage({ type: 'importStatus', payload: {} }, SENDERS.panel, services);
    expect(answer).toEqual({
      ok: true,
      value: { state: 'done', fraction: 1, datasetVersion: 'v1-test', error: null },
    });
  });

  it('reports the live progress while this worker imports', async () => {
    const { services } = await forgedServices();
    const live = { state: 'importing', fraction: 0.5, datasetVersion: 'v2', error: null } as const;
    services.importProgress = () => live;
    expect(await dispatchMessage({ type: 'importStatus', payload: {} }, SENDERS.page, services)).toEqual({
      ok: true,
      value: live,
    });
  });
});
