/** What dataset is loaded and how the last import went ("about the data", first-run progress). */
import type { KamerlensDB } from './kamerlens-db';
import type { DatasetMeta, ImportStatusMeta } from './records';

/** The loaded dataset (null before the first successful import) and the last import attempt. */
export interface DatasetInfo {
  dataset: DatasetMeta | null;
  importStatus: ImportStatusMeta | null;
}

/** Read the `meta` table. */
export async function datasetInfo(db: KamerlensDB): Promise<DatasetInfo> {
  const [dataset, importStatus] = await db.meta.bulkGet(['dataset', 'import']);
  return {
    dataset: dataset?.key === 'dataset' ? dataset : null,
    importStatus: importStatus?.key === 'import' ? importStatus : null,
  };
}
