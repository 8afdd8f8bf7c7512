/** Handlers of the annotation calls of `BackgroundProtocol` (data/messages.ts), spread into HANDLERS. */
import { browser } from 'wxt/browser';
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
import type { HandlerTable } from './handlers';
import { createNoteFrameHandlers, type ForwardToFrame, type NoteFrameCall } from './note-frame-handlers';
import { createNoteFrameSessions, type NoteFrameSessions } from './note-frame-sessions';
import { emptyPayload, lookupPayload, urlPayload } from './validate-payload';

/** The annotation calls. */
export type AnnotationCall =
  | 'annotationsForPage'
  | 'listAnnotations'
  | 'annotationsForDocuments'
  | 'saveAnnotation'
  | 'deleteAnnotation'
  | 'restoreAnnotation'
  | 'importAnnotations'
  | 'searchDocuments'
  | NoteFrameCall;

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

/** Sessions created on first use, so building the handler table touches no browser API. */
function lazySessions(create: () => NoteFrameSessions): NoteFrameSessions {
  let sessions: NoteFrameSessions | null = null;
  const get = () => {
    sessions ??= create();
    return sessions;
  };
  return {
    get: (tabId, now) => get().get(tabId, now),
    put: (session) => get().put(session),
    end: (tabId) => get().end(tabId),
  };
}

/** The handlers; `notify(source)` runs after every successful write. */
export function createAnnotationHandlers(
  notify: (source: string | null) => void,
  clock: () => Date = () => new Date(),
  forwardToFrame: ForwardToFrame = (tabId, frameId, message) =>
    browser.tabs.sendMessage(tabId, message, { frameId }),
  frameSessions: () => NoteFrameSessions = () => createNoteFrameSessions(browser.storage.session),
): Pick<HandlerTable, AnnotationCall> {
  return {
    ...createNoteFrameHandlers(forwardToFrame, lazySessions(frameSessions)),
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
      handle: ({ annotation }, _sender, { db }) =>
        storing(async () => {
          const stored = await getAnnotation(db, annotation.id);
          const saved: AnnotationRecord = {
            ...annotation,
            created: stored?.created ?? annotation.created,
            target: stored?.target ?? annotation.target,
            modified: nextModified(stored?.modified ?? null, clock()),
          };
          await putAnnotation(db, saved);
          notify(saved.target.source);
          return saved;
        }),
    },
    deleteAnnotation: {
      from: 'any',
      validate: annotationIdPayload,
      handle: ({ id }, _sender, { db }) =>
        storing(async () => {
          const deleted = await deleteAnnotation(db, id);
          if (deleted) notify(deleted.target.source);
          return deleted;
        }),
    },
    restoreAnnotation: {
      from: 'extension-page',
      validate: annotationPayload,
      handle: ({ annotation }, _sender, { db }) =>
        storing(async () => {
          await putAnnotation(db, annotation);
          notify(annotation.target.source);
          return annotation;
        }),
    },
    importAnnotations: {
      from: 'extension-page',
      validate: importPayload,
      handle: ({ json }, _sender, { db }) =>
        storing(async () => {
          const report = await importAnnotationFile(db, json);
          if (report.status === 'imported' && report.added + report.updated > 0) notify(null);
          return report;
        }),
    },
    searchDocuments: {
      from: 'any',
      validate: queryPayload,
      handle: ({ query }, _sender, { db }) => storing(() => suggestDocuments(db, query)),
    },
  };
}
