/** The dataset calls: look documents up for the cards, and how the bundled import stands. */
import { datasetInfo } from '../../data/db/dataset-info';
import { lookupCards } from '../../data/db/lookup-cards';
import type { ImportProgress } from '../../data/messages';
import type { Handlers } from './handler-spec';
import type { BackgroundServices } from './services';
import { emptyPayload, lookupPayload } from './validate-payload';

/** The handlers. */
export const DATASET_HANDLERS: Handlers<'lookup' | 'importStatus'> = {
  lookup: {
    from: 'any',
    validate: lookupPayload,
    handle: async ({ ids }, _sender, { db }) => ({ ok: true, value: await lookupCards(db, ids) }),
  },
  importStatus: {
    from: 'any',
    validate: emptyPayload,
    handle: async (_payload, _sender, services) => ({ ok: true, value: await importStatusOf(services) }),
  },
};

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
