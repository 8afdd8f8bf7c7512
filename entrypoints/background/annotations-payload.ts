/** Checks on annotation payloads (untrusted: a content script relays what happens on a web page). */

import type { AnnotationRecord } from '../../data/annotations/model';
import {
  describeIssue,
  MAX_ANNOTATION_ID_LENGTH,
  validateAnnotation,
} from '../../data/annotations/validate-annotation';
import { objectWith, type Validator } from '../../data/payload';
import { fail } from '../../data/result';

/** Largest import file accepted over messaging (characters of JSON). */
const MAX_IMPORT_CHARACTERS = 32 * 1024 * 1024;
/** Longest search query. */
const MAX_QUERY_LENGTH = 300;

/** `{ annotation }`: a complete, valid annotation record. */
export const annotationPayload: Validator<{ annotation: AnnotationRecord }> = (payload) => {
  const object = objectWith(payload, ['annotation']);
  if (!object.ok) return object;
  const checked = validateAnnotation(object.value.annotation);
  return checked.ok ? { ok: true, value: { annotation: checked.value } } : fail(describeIssue(checked.issue));
};

/** `{ id }`: a note id. */
export const annotationIdPayload: Validator<{ id: string }> = (payload) => {
  const object = objectWith(payload, ['id']);
  if (!object.ok) return object;
  const { id } = object.value;
  if (typeof id !== 'string' || id === '' || id.length > MAX_ANNOTATION_ID_LENGTH)
    return fail('id must be a note id');
  return { ok: true, value: { id } };
};

/** `{ json }`: the text of an export file. */
export const importPayload: Validator<{ json: string }> = (payload) => {
  const object = objectWith(payload, ['json']);
  if (!object.ok) return object;
  const { json } = object.value;
  if (typeof json !== 'string') return fail('json must be a string');
  if (json.length > MAX_IMPORT_CHARACTERS) return fail('file too large');
  return { ok: true, value: { json } };
};

/** `{ query }`: what the reader typed. */
export const queryPayload: Validator<{ query: string }> = (payload) => {
  const object = objectWith(payload, ['query']);
  if (!object.ok) return object;
  const { query } = object.value;
  if (typeof query !== 'string' || query.length > MAX_QUERY_LENGTH)
    return fail(`query must be a string of at most ${MAX_QUERY_LENGTH} characters`);
  return { ok: true, value: { query } };
};
