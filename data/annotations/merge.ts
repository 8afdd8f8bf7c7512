/**
 * Merging imported notes into the stored ones: by id; the version with the later `modified`
 * wins (a tie keeps what is stored, so importing the same file twice changes nothing).
 */
import type { AnnotationRecord } from './model';

/** What an import will do. */
export interface MergePlan {
  /** Records to write (new ones and newer versions). */
  put: AnnotationRecord[];
  added: number;
  updated: number;
  /** Imported records that were not newer than the stored version. */
  unchanged: number;
}

function newer(a: AnnotationRecord, b: AnnotationRecord): boolean {
  return Date.parse(a.modified) > Date.parse(b.modified);
}

/** Plan the merge of `incoming` (already validated) into `stored` (looked up by id). */
export function planMerge(
  stored: ReadonlyMap<string, AnnotationRecord>,
  incoming: readonly AnnotationRecord[],
): MergePlan {
  // Duplicates inside the file: the newest copy counts.
  const latest = new Map<string, AnnotationRecord>();
  let unchanged = 0;
  for (const record of incoming) {
    const seen = latest.get(record.id);
    if (seen === undefined || newer(record, seen)) latest.set(record.id, record);
    if (seen !== undefined) unchanged++;
  }
  const plan: MergePlan = { put: [], added: 0, updated: 0, unchanged };
  for (const record of latest.values()) {
    const current = stored.get(record.id);
    if (current === undefined) {
      plan.put.push(record);
      plan.added++;
    } else if (newer(record, current)) {
      plan.put.push(record);
      plan.updated++;
    } else {
      plan.unchanged++;
    }
  }
  return plan;
}
