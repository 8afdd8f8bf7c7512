/** One build of the seed dataset shared by the tests of a file (building takes a moment). */

import type { DocumentRecord } from '../../../data/dataset/types';
import { type BuildResult, buildDataset } from '../../../data/pipeline/build';

let cached: BuildResult | null = null;

/** The dataset built from `data/sources`. */
export function seedBuild(): BuildResult {
  cached ??= buildDataset();
  return cached;
}

/** The full record built from source file `prefix…` (e.g. `001`). */
export function seedRecord(prefix: string): DocumentRecord {
  const record = seedBuild().dataset.documents.find((d) => d.source?.startsWith(prefix));
  if (!record) throw new Error(`no seed ${prefix}`);
  return record;
}

/** Any record by id. */
export function recordById(id: string): DocumentRecord {
  const record = seedBuild().dataset.documents.find((d) => d.id === id);
  if (!record) throw new Error(`no record ${id}`);
  return record;
}
