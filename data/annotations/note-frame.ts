/**
 * The note frame: the note editor and the note card render inside an extension page
 * (`annotate-frame.html`) framed into the web page, so neither their text nor the keystrokes typed
 * into them can be read by the page's scripts. These are the shapes that cross the boundary between
 * the content script, the background and that frame, with their checks (every side is untrusted).
 */

import { isObject, isText } from '../payload';
import { fail, type Result } from '../result';
import type { LinkedDocument } from './linked-documents';
import type { AnnotationRecord } from './model';
import { MAX_ANNOTATION_ID_LENGTH, validateAnnotation } from './validate';

/** The frame's extension page (web-accessible, nothing else is). */
export const NOTE_FRAME_PAGE = 'annotate-frame.html';

/** What the frame shows: the editor (draft values) or a saved note's card. */
export type NoteFrameView =
  | {
      kind: 'editor';
      draft: { mode: 'new' | 'edit'; quote: string; note: string; tags: string[]; linked: LinkedDocument[] };
    }
  | { kind: 'card'; record: AnnotationRecord; linked: LinkedDocument[]; focus: boolean };

/** What happens in the frame, told to the content script that opened it. */
export type NoteFrameEvent =
  | { type: 'size'; width: number; height: number }
  | { type: 'save'; values: { note: string; tags: string[]; linked: LinkedDocument[] } }
  | { type: 'cancel' }
  | { type: 'edit' };

/** A session id: 128 random bits in hex. */
export const NONCE_PATTERN = /^[0-9a-f]{32}$/;

/** A fresh session id. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Longest note, quote or tag list accepted in a frame message (the database checks records again). */
const MAX_TEXT = 100_000;
const MAX_LIST = 200;

function checkLinked(value: unknown): Result<LinkedDocument[]> {
  if (!Array.isArray(value) || value.length > MAX_LIST) return fail('linked must be a list');
  const out: LinkedDocument[] = [];
  for (const item of value) {
    if (!isObject(item) || !isText(item.id, MAX_ANNOTATION_ID_LENGTH) || !isText(item.citation, 1000))
      return fail('linked: bad document');
    if (item.title !== null && !isText(item.title, 2000)) return fail('linked: bad title');
    out.push({ id: item.id, citation: item.citation, title: item.title as string | null });
  }
  return { ok: true, value: out };
}

function checkTags(value: unknown): Result<string[]> {
  if (!Array.isArray(value) || value.length > MAX_LIST || !value.every((tag) => isText(tag, 200)))
    return fail('tags must be a list of strings');
  return { ok: true, value: [...value] };
}

/** Check a view sent by a content script. */
export function checkNoteFrameView(value: unknown): Result<NoteFrameView> {
  if (!isObject(value)) return fail('view must be an object');
  if (value.kind === 'editor') {
    const draft = value.draft;
    if (!isObject(draft) || (draft.mode !== 'new' && draft.mode !== 'edit')) return fail('draft: bad mode');
    if (!isText(draft.quote, MAX_TEXT) || !isText(draft.note, MAX_TEXT)) return fail('draft: bad text');
    const tags = checkTags(draft.tags);
    if (!tags.ok) return tags;
    const linked = checkLinked(draft.linked);
    if (!linked.ok) return linked;
    return {
      ok: true,
      value: {
        kind: 'editor',
        draft: {
          mode: draft.mode,
          quote: draft.quote,
          note: draft.note,
          tags: tags.value,
          linked: linked.value,
        },
      },
    };
  }
  if (value.kind === 'card') {
    const record = validateAnnotation(value.record);
    if (!record.ok) return fail('card: bad record');
    const linked = checkLinked(value.linked);
    if (!linked.ok) return linked;
    return {
      ok: true,
      value: { kind: 'card', record: record.value, linked: linked.value, focus: value.focus === true },
    };
  }
  return fail('view: unknown kind');
}

/** Check an event sent by the frame. */
export function checkNoteFrameEvent(value: unknown): Result<NoteFrameEvent> {
  if (!isObject(value)) return fail('event must be an object');
  switch (value.type) {
    case 'size': {
      const { width, height } = value;
      const fits = (n: unknown) => typeof n === 'number' && Number.isFinite(n) && n >= 0 && n <= 10_000;
      if (!fits(width) || !fits(height)) return fail('size: bad numbers');
      return { ok: true, value: { type: 'size', width: width as number, height: height as number } };
    }
    case 'save': {
      const values = value.values;
      if (!isObject(values) || !isText(values.note, MAX_TEXT)) return fail('save: bad note');
      const tags = checkTags(values.tags);
      if (!tags.ok) return tags;
      const linked = checkLinked(values.linked);
      if (!linked.ok) return linked;
      return {
        ok: true,
        value: { type: 'save', values: { note: values.note, tags: tags.value, linked: linked.value } },
      };
    }
    case 'cancel':
    case 'edit':
      return { ok: true, value: { type: value.type } };
    default:
      return fail('event: unknown type');
  }
}
