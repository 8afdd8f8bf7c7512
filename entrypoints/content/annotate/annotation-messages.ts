/** The content script's answers to the annotation calls of `ContentProtocol` (from the extension only). */
import { browser } from 'wxt/browser';
import {
  checkNoteFrameNotice,
  NONCE_PATTERN,
  type NoteFrameNotice,
} from '../../../data/annotations/note-frame';
import type { AnnotationPageStatus } from '../../../data/messages';
import type { Result } from '../../../data/result';

/** What the answers need from the annotator. */
export interface AnnotationEndpoint {
  status(): AnnotationPageStatus;
  reveal(id: string): boolean;
  changed(source: string | null): void;
  /** What happened in the note frame session `nonce` (told by the background). */
  frameEvent?(nonce: string, notice: NoteFrameNotice): Promise<Result<null>>;
}

/** Answer one message; undefined for messages that are not ours (another listener may answer). */
export function answerAnnotationCall(
  message: unknown,
  endpoint: AnnotationEndpoint,
): Result<unknown> | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const { type, payload } = message as { type?: unknown; payload?: Record<string, unknown> };
  switch (type) {
    case 'annotationStatus':
      return { ok: true, value: endpoint.status() };
    case 'revealAnnotation': {
      const id = payload?.id;
      if (typeof id !== 'string' || id.length === 0 || id.length > 200)
        return { ok: false, error: 'revealAnnotation: id must be a note id' };
      return { ok: true, value: endpoint.reveal(id) };
    }
    case 'annotationsChanged': {
      const source = payload?.source;
      endpoint.changed(typeof source === 'string' ? source : null);
      return { ok: true, value: null };
    }
    default:
      return undefined;
  }
}

/** Answer a `noteFrameEvent` (told by the background); undefined for other messages. */
export function answerNoteFrameEvent(
  message: unknown,
  endpoint: AnnotationEndpoint,
): Promise<Result<null>> | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const { type, payload } = message as { type?: unknown; payload?: Record<string, unknown> };
  if (type !== 'noteFrameEvent') return undefined;
  const nonce = payload?.nonce;
  const event = checkNoteFrameNotice(payload?.event);
  if (typeof nonce !== 'string' || !NONCE_PATTERN.test(nonce) || !event.ok)
    return Promise.resolve({ ok: false, error: 'noteFrameEvent: bad payload' });
  return (
    endpoint.frameEvent?.(nonce, event.value) ??
    Promise.resolve({ ok: false, error: 'noteFrameEvent: no frame' })
  );
}

/** Serve the calls until `signal` aborts. */
export function serveAnnotationCalls(signal: AbortSignal, endpoint: AnnotationEndpoint): void {
  const listener = (message: unknown, sender: { id?: string }) => {
    if (sender.id !== browser.runtime.id) return undefined;
    const relayed = answerNoteFrameEvent(message, endpoint);
    if (relayed) return relayed;
    const answer = answerAnnotationCall(message, endpoint);
    return answer === undefined ? undefined : Promise.resolve(answer);
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener));
}
