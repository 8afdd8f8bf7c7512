import { describe, expect, it } from 'vitest';
import { importDataset } from '../../../data/db/import-dataset';
import type { Result } from '../../../data/result';
import { dispatchMessage } from '../../../entrypoints/background/dispatch-message';
import { freshDB } from '../../fixtures/db/fresh-db';
import { seedLikeDataset } from '../../fixtures/db/seed-like';
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

  it('says an answer is not final while the bundled dataset is imported for the first time, and only then', async () => {
    const { services } = await forgedServices();
    services.db = freshDB();
    services.importProgress = () => ({
      state: 'importing',
      fraction: 0.4,
      datasetVersion: null,
      error: null,
    });
    const ask = async () =>
      (await dispatchMessage(
        { type: 'lookup', payload: { ids: ['kst-34352-349'] } },
        SENDERS.page,
        services,
      )) as Result<{ document: { id: string } | null; pending?: boolean }[]>;
    expect(await ask()).toMatchObject({ ok: true, value: [{ document: null, pending: true }] });
    // An update: the previous dataset answers meanwhile, and what it does not hold is not in it.
    await importDataset(services.db, seedLikeDataset());
    const known = await ask();
    expect(known.ok && known.value[0]?.document?.id).toBe('kst-34352-349');
    const unknown = (await dispatchMessage(
      { type: 'lookup', payload: { ids: ['kst-99999-1'] } },
      SENDERS.page,
      services,
    )) as Result<{ document: unknown; pending?: boolean }[]>;
    expect(unknown.ok && unknown.value[0]).toMatchObject({ document: null });
    expect(unknown.ok && unknown.value[0]?.pending).toBeUndefined();
    // Not importing: never pending.
    services.db = freshDB();
    services.importProgress = () => ({ state: 'idle', fraction: 0, datasetVersion: null, error: null });
    const idle = await ask();
    expect(idle.ok && idle.value[0]?.pending).toBeUndefined();
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
