/**
 * The note frame: the note editor and the note card render inside an extension page
 * (`annotate-frame.html`) framed into the web page, so neither their text nor the keystrokes typed
 * into them can be read by the page's scripts. These are the shapes that cross the boundary between
 * the content script, the background and that frame, with their checks (every side is untrusted).
 *
 * A content script opens a session with the view and, for the editor, the note's target; the frame
 * saves through the background, which builds the note from that target and the editor's values.
 */

import { isObject, isText } from '../payload';
import { fail, ok, type Result } from '../result';
import type { LinkedDocument } from './linked-documents';
import {
  type AnnotationRecord,
  createAnnotation,
  editAnnotation,
  type NewAnnotation,
  positionOf,
  quoteOf,
} from './model';
import { describeIssue, MAX_ANNOTATION_ID_LENGTH, validateAnnotation } from './validate-annotation';

/** The frame's extension page (web-accessible, nothing else is). */
export const NOTE_FRAME_PAGE = 'annotate-frame.html';

/** What the editor starts from. */
export interface NoteDraft {
  mode: 'new' | 'edit';
  quote: string;
  note: string;
  tags: string[];
  linked: LinkedDocument[];
}

/** What the editor saves. */
export interface NoteValues {
  note: string;
  tags: string[];
  linked: LinkedDocument[];
}

/** What the frame shows: the editor (draft values) or a saved note's card. */
export type NoteFrameView =
  | { kind: 'editor'; draft: NoteDraft }
  | { kind: 'card'; record: AnnotationRecord; linked: LinkedDocument[]; focus: boolean };

/** What Save in the editor writes: a new note on a quote of the page, or an edit of a stored note. */
export type NoteFrameTarget =
  | ({ kind: 'new' } & Pick<NewAnnotation, 'source' | 'title' | 'quote' | 'position'>)
  | { kind: 'edit'; record: AnnotationRecord };

/** What happens in the frame, told to the background. */
export type NoteFrameEvent =
  | { type: 'size'; width: number; height: number }
  | { type: 'save'; values: NoteValues }
  | { type: 'cancel' }
  | { type: 'edit' };

/**
 * What the background tells the content script that opened the frame: the frame's events but Save,
 * and `saved` once the background has stored the editor's note (the frame then closes).
 */
export type NoteFrameNotice = Exclude<NoteFrameEvent, { type: 'save' }> | { type: 'saved' };

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

/**
 * Check a target sent by a content script: it must make a valid note (a web page's address, quote
 * and position selectors in bounds), or name a valid stored note; the values come back cleaned.
 */
export function checkNoteFrameTarget(value: unknown): Result<NoteFrameTarget> {
  if (!isObject(value)) return fail('target must be an object');
  if (value.kind === 'edit') {
    const record = validateAnnotation(value.record);
    return record.ok ? ok({ kind: 'edit', record: record.value }) : fail('target: bad record');
  }
  if (value.kind !== 'new') return fail('target: unknown kind');
  if (value.title !== undefined && !isText(value.title, MAX_TEXT)) return fail('target: bad title');
  const probe = validateAnnotation(
    createAnnotation({
      source: value.source,
      title: value.title,
      quote: value.quote,
      position: value.position ?? null,
      note: '',
      tags: [],
      linkedDocumentIds: [],
    } as NewAnnotation),
  );
  if (!probe.ok) return fail(`target: ${describeIssue(probe.issue)}`);
  const { target } = probe.value;
  const quote = quoteOf(probe.value);
  if (!quote) return fail('target: no quote');
  return ok({
    kind: 'new',
    source: target.source,
    title: target.title,
    quote,
    position: positionOf(probe.value),
  });
}

/** The note a Save writes: the target's new note, or its stored note edited, with the editor's values. */
export function noteOfTarget(target: NoteFrameTarget, values: NoteValues, now: Date): AnnotationRecord {
  const changes = { note: values.note, tags: values.tags, linkedDocumentIds: values.linked.map((d) => d.id) };
  return target.kind === 'edit'
    ? editAnnotation(target.record, changes, now)
    : createAnnotation({ ...target, ...changes }, now);
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

/** Check a notice relayed by the background to the content script. */
export function checkNoteFrameNotice(value: unknown): Result<NoteFrameNotice> {
  if (isObject(value) && value.type === 'saved') return ok({ type: 'saved' });
  const event = checkNoteFrameEvent(value);
  if (!event.ok) return event;
  return event.value.type === 'save' ? fail('notice: a save is not relayed') : ok(event.value);
}
