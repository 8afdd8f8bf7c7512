/**
 * The annotation calls of `BackgroundProtocol`. The background is the notes' one writer: after each
 * write it tells every view (`services.notifyAnnotationsChanged`).
 */
import type { AnnotationRecord } from '../../data/annotations/model';
import { normalizeSourceUrl } from '../../data/annotations/url';
import {
  AnnotationStorageError,
  allAnnotations,
  annotationsForSource,
  annotationsLinkedTo,
  deleteAnnotation,
  getAnnotation,
  importAnnotationFile,
  putAnnotation,
  storageErrorText,
} from '../../data/db/annotations';
import { suggestDocuments } from '../../data/db/document-suggestions';
import type { Result } from '../../data/result';
import { annotationIdPayload, annotationPayload, importPayload, queryPayload } from './annotations-payload';
import type { Handlers } from './handler-spec';
import type { BackgroundServices } from './services';
import { emptyPayload, lookupPayload, urlPayload } from './validate-payload';

type AnnotationCall =
  | 'annotationsForPage'
  | 'listAnnotations'
  | 'annotationsForDocuments'
  | 'saveAnnotation'
  | 'deleteAnnotation'
  | 'restoreAnnotation'
  | 'importAnnotations'
  | 'searchDocuments';

/** Storage failures become a `storage-full:`/`storage:` error the UI translates; the rest propagates. */
async function storing<T>(run: () => Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    if (error instanceof AnnotationStorageError) return { ok: false, error: storageErrorText(error) };
    throw error;
  }
}

/** A `modified` time after `previous`, even when the clock stands still or went back. */
function nextModified(previous: string | null, now: Date): string {
  const time = Math.max(now.getTime(), previous === null ? 0 : Date.parse(previous) + 1);
  return new Date(time).toISOString();
}

/**
 * Create or update a note: an update keeps the stored `created` and `target`, so only the body of an
 * existing note changes; `modified` is set to now.
 */
export function saveNote(
  services: BackgroundServices,
  annotation: AnnotationRecord,
): Promise<Result<AnnotationRecord>> {
  const { db, now, notifyAnnotationsChanged } = services;
  return storing(async () => {
    const stored = await getAnnotation(db, annotation.id);
    const saved: AnnotationRecord = {
      ...annotation,
      created: stored?.created ?? annotation.created,
      target: stored?.target ?? annotation.target,
      modified: nextModified(stored?.modified ?? null, new Date(now())),
    };
    await putAnnotation(db, saved);
    notifyAnnotationsChanged(saved.target.source);
    return saved;
  });
}

/** The handlers. */
export const ANNOTATION_HANDLERS: Handlers<AnnotationCall> = {
  annotationsForPage: {
    from: 'any',
    validate: urlPayload,
    handle: ({ url }, _sender, { db }) => {
      const source = normalizeSourceUrl(url);
      return storing(async () => (source === null ? [] : annotationsForSource(db, source)));
    },
  },
  listAnnotations: {
    from: 'extension-page',
    validate: emptyPayload,
    handle: (_payload, _sender, { db }) => storing(() => allAnnotations(db)),
  },
  annotationsForDocuments: {
    from: 'extension-page',
    validate: lookupPayload,
    handle: ({ ids }, _sender, { db }) => storing(() => annotationsLinkedTo(db, ids)),
  },
  saveAnnotation: {
    from: 'any',
    validate: annotationPayload,
    handle: ({ annotation }, _sender, services) => saveNote(services, annotation),
  },
  deleteAnnotation: {
    from: 'any',
    validate: annotationIdPayload,
    handle: ({ id }, _sender, { db, notifyAnnotationsChanged }) =>
      storing(async () => {
        const deleted = await deleteAnnotation(db, id);
        if (deleted) notifyAnnotationsChanged(deleted.target.source);
        return deleted;
      }),
  },
  restoreAnnotation: {
    from: 'extension-page',
    validate: annotationPayload,
    handle: ({ annotation }, _sender, { db, notifyAnnotationsChanged }) =>
      storing(async () => {
        await putAnnotation(db, annotation);
        notifyAnnotationsChanged(annotation.target.source);
        return annotation;
      }),
  },
  importAnnotations: {
    from: 'extension-page',
    validate: importPayload,
    handle: ({ json }, _sender, { db, notifyAnnotationsChanged }) =>
      storing(async () => {
        const report = await importAnnotationFile(db, json);
        if (report.status === 'imported' && report.added + report.updated > 0) notifyAnnotationsChanged(null);
        return report;
      }),
  },
  searchDocuments: {
    from: 'any',
    validate: queryPayload,
    handle: ({ query }, _sender, { db }) => storing(() => suggestDocuments(db, query)),
  },
};
