/** The dataset calls: look documents up for the cards, and how the bundled import stands. */
import { datasetInfo } from '../../data/db/dataset-info';
import { liveFor } from '../../data/db/live-sources';
import { lookupCards } from '../../data/db/lookup-cards';
import { BUNDLED_SEGMENT } from '../../data/db/segment-owner';
import type { ImportProgress, LookupEntry } from '../../data/messages';
import type { Handlers } from './handler-spec';
import type { BackgroundServices } from './services';
import { emptyPayload, lookupPayload } from './validate-payload';

/** The handlers. */
export const DATASET_HANDLERS: Handlers<'lookup' | 'importStatus'> = {
  lookup: {
    from: 'any',
    validate: lookupPayload,
    handle: async ({ ids }, _sender, services) => ({
      ok: true,
      value: await lookupDuringImport(services, ids),
    }),
  },
  importStatus: {
    from: 'any',
    validate: emptyPayload,
    handle: async (_payload, _sender, services) => ({ ok: true, value: await importStatusOf(services) }),
  },
};

/**
 * The cards for `ids`; while a first import of the bundled dataset runs (none is live yet), the
 * ones not found are marked `pending`: the dataset is not there yet, not without them.
 */
async function lookupDuringImport(services: BackgroundServices, ids: string[]): Promise<LookupEntry[]> {
  const entries = await lookupCards(services.db, ids);
  if (!entries.some((entry) => entry.document === null)) return entries;
  if (services.importProgress().state !== 'importing') return entries;
  if ((await liveFor(services.db)).sources[BUNDLED_SEGMENT] !== undefined) return entries;
  return entries.map((entry) => (entry.document === null ? { ...entry, pending: true } : entry));
}

/** Live progress while this worker imports; otherwise the last outcome recorded in the database. */
async function importStatusOf(services: BackgroundServices): Promise<ImportProgress> {
  const live = services.importProgress();
  if (live.state !== 'idle') return live;
  const { dataset, importStatus } = await datasetInfo(services.db);
  if (importStatus?.state === 'failed') {
    return {
      state: 'failed',
      fraction: 0,
      datasetVersion: importStatus.datasetVersion,
      error: importStatus.error,
    };
  }
  if (dataset) return { state: 'done', fraction: 1, datasetVersion: dataset.datasetVersion, error: null };
  return live;
}
