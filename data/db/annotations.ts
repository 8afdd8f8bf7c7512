/**
 * The reader's annotations in the `annotations` user table. A dataset import never touches this
 * table (it rewrites only the bundled tables); writes go through the background only (one writer).
 * Storage failures are thrown as `AnnotationStorageError` so callers show them, never swallow them.
 */
import { type ParsedExport, parseJsonLdExport } from '../annotations/jsonld';
import { type MergePlan, planMerge } from '../annotations/merge';
import type { AnnotationRecord } from '../annotations/model';
import type { KamerlensDB } from './kamerlens-db';

/** A storage failure, classified so the UI can say what to do (free space, or retry). */
export class AnnotationStorageError extends Error {
  constructor(
    readonly kind: 'quota' | 'storage',
    message: string,
  ) {
    super(message);
    this.name = 'AnnotationStorageError';
  }
}

/** Prefix of `Result.error` strings carrying a storage failure: `storage-full: …` / `storage: …`. */
export function storageErrorText(error: AnnotationStorageError): string {
  return `${error.kind === 'quota' ? 'storage-full' : 'storage'}: ${error.message}`;
}

function isQuotaError(error: unknown): boolean {
  for (let e = error as { name?: string; inner?: unknown } | undefined; e; e = e.inner as typeof e) {
    // IndexedDB's DOMException and Dexie's wrapper share this name; Dexie keeps the cause in `inner`.
    if (e.name === 'QuotaExceededError') return true;
  }
  return false;
}

/** Run a database call, turning its failures into `AnnotationStorageError`. */
async function guarded<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AnnotationStorageError) throw error;
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    throw new AnnotationStorageError(isQuotaError(error) ? 'quota' : 'storage', `${what} failed (${detail})`);
  }
}

/** Newest first. */
function byModifiedDesc(a: AnnotationRecord, b: AnnotationRecord): number {
  return b.modified.localeCompare(a.modified) || a.id.localeCompare(b.id);
}

/** Store a note (insert or replace). */
export function putAnnotation(db: KamerlensDB, record: AnnotationRecord): Promise<void> {
  return guarded('saving the note', async () => {
    await db.annotations.put(record);
  });
}

/** The note with this id, or null. */
export function getAnnotation(db: KamerlensDB, id: string): Promise<AnnotationRecord | null> {
  return guarded('reading the note', async () => (await db.annotations.get(id)) ?? null);
}

/** Notes on one page (normalized URL), newest first. */
export function annotationsForSource(db: KamerlensDB, source: string): Promise<AnnotationRecord[]> {
  return guarded('reading notes', async () =>
    (await db.annotations.where('target.source').equals(source).toArray()).sort(byModifiedDesc),
  );
}

/** Every note, newest first. */
export function allAnnotations(db: KamerlensDB): Promise<AnnotationRecord[]> {
  return guarded('reading notes', async () => (await db.annotations.toArray()).sort(byModifiedDesc));
}

/** Notes linked to any of `documentIds` (a document's canonical id and its aliases), newest first. */
export function annotationsLinkedTo(
  db: KamerlensDB,
  documentIds: readonly string[],
): Promise<AnnotationRecord[]> {
  if (documentIds.length === 0) return Promise.resolve([]);
  return guarded('reading notes', async () =>
    (
      await db.annotations
        .where('body.linkedDocumentIds')
        .anyOf([...documentIds])
        .distinct()
        .toArray()
    ).sort(byModifiedDesc),
  );
}

/** Delete a note; returns it (for undo), or null when there was none. */
export function deleteAnnotation(db: KamerlensDB, id: string): Promise<AnnotationRecord | null> {
  return guarded('deleting the note', () =>
    db.transaction('rw', db.annotations, async () => {
      const record = await db.annotations.get(id);
      if (record) await db.annotations.delete(id);
      return record ?? null;
    }),
  );
}

/** What an import did, or why it did nothing. */
export type ImportReport =
  | { status: 'imported'; added: number; updated: number; unchanged: number }
  | { status: 'rejected'; issues: ParsedExport['issues'] };

/** Merge validated notes in one transaction: all are written, or (on any failure) none. */
export function mergeAnnotations(db: KamerlensDB, records: readonly AnnotationRecord[]): Promise<MergePlan> {
  return guarded('importing notes', () =>
    db.transaction('rw', db.annotations, async () => {
      const ids = [...new Set(records.map((r) => r.id))];
      const stored = new Map<string, AnnotationRecord>();
      for (const record of await db.annotations.bulkGet(ids)) if (record) stored.set(record.id, record);
      const plan = planMerge(stored, records);
      await db.annotations.bulkPut(plan.put);
      return plan;
    }),
  );
}

/**
 * Import a JSON-LD export file: every item is checked first; one bad item rejects the whole file
 * (nothing is written) and the report names each refused item and why.
 */
export async function importAnnotationFile(db: KamerlensDB, fileText: string): Promise<ImportReport> {
  const parsed = parseJsonLdExport(fileText);
  if (parsed.issues.length > 0) return { status: 'rejected', issues: parsed.issues };
  const plan = await mergeAnnotations(db, parsed.records);
  return { status: 'imported', added: plan.added, updated: plan.updated, unchanged: plan.unchanged };
}
