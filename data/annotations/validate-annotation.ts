/**
 * Checking an annotation that arrives from outside (a content-script message, an imported file)
 * before it is stored: shape, sizes, formats. Returns a clean copy (unknown fields dropped) or the
 * first problem found, named by field, so the reader can be told which item failed and why.
 */
import { isWellFormedId } from '../citations/ids';
import { isObject } from '../payload';
import type { AnnotationRecord, TextPositionSelector, TextQuoteSelector } from './model';
import {
  MAX_LINKED_DOCUMENTS,
  MAX_NOTE_LENGTH,
  MAX_QUOTE_LENGTH,
  MAX_TAG_LENGTH,
  MAX_TAGS,
  MAX_TITLE_LENGTH,
} from './model';
import { normalizeSourceUrl } from './url';

/** Why a field was refused (the UI translates these: `annotate_reason_<reason>`). */
export type IssueReason =
  | 'notObject'
  | 'missing'
  | 'notString'
  | 'tooLong'
  | 'notDate'
  | 'notUrl'
  | 'notWebAddress'
  | 'notArray'
  | 'tooMany'
  | 'notId'
  | 'badRange'
  | 'noQuote'
  | 'unknownType'
  | 'notJson';

/** One refused field. */
export interface ValidationIssue {
  field: string;
  reason: IssueReason;
}

/** Longest accepted id, page URL, and context (prefix/suffix). */
export const MAX_ANNOTATION_ID_LENGTH = 200;
const MAX_URL_LENGTH = 2048;
const MAX_CONTEXT_LENGTH = 256;

/** A checked value, or the first problem found. */
export type Checked<T> = { ok: true; value: T } | { ok: false; issue: ValidationIssue };

/** A refusal of `field` for `reason`. */
export const refuse = (field: string, reason: IssueReason) =>
  ({ ok: false, issue: { field, reason } }) as const;

function text(value: unknown, field: string, max: number): Checked<string> {
  if (value === undefined) return refuse(field, 'missing');
  if (typeof value !== 'string') return refuse(field, 'notString');
  if (value.length > max) return refuse(field, 'tooLong');
  return { ok: true, value };
}

function isoDate(value: unknown, field: string): Checked<string> {
  const checked = text(value, field, 40);
  if (!checked.ok) return checked;
  const time = Date.parse(checked.value);
  if (!/^\d{4}-\d\d-\d\dT/.test(checked.value) || Number.isNaN(time)) return refuse(field, 'notDate');
  return { ok: true, value: new Date(time).toISOString() };
}

function stringList(value: unknown, field: string, maxItems: number, maxLength: number): Checked<string[]> {
  if (!Array.isArray(value)) return refuse(field, 'notArray');
  if (value.length > maxItems) return refuse(field, 'tooMany');
  for (const [i, item] of value.entries()) {
    const checked = text(item, `${field}[${i}]`, maxLength);
    if (!checked.ok) return checked;
  }
  return { ok: true, value: [...(value as string[])] };
}

function quoteSelector(value: Record<string, unknown>, field: string): Checked<TextQuoteSelector> {
  const exact = text(value.exact, `${field}.exact`, MAX_QUOTE_LENGTH);
  if (!exact.ok) return exact;
  if (exact.value.length === 0) return refuse(`${field}.exact`, 'missing');
  const prefix = text(value.prefix ?? '', `${field}.prefix`, MAX_CONTEXT_LENGTH);
  if (!prefix.ok) return prefix;
  const suffix = text(value.suffix ?? '', `${field}.suffix`, MAX_CONTEXT_LENGTH);
  if (!suffix.ok) return suffix;
  return {
    ok: true,
    value: { type: 'TextQuoteSelector', exact: exact.value, prefix: prefix.value, suffix: suffix.value },
  };
}

function positionSelector(value: Record<string, unknown>, field: string): Checked<TextPositionSelector> {
  const { start, end } = value;
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end)) return refuse(field, 'badRange');
  if ((start as number) < 0 || (end as number) < (start as number)) return refuse(field, 'badRange');
  return { ok: true, value: { type: 'TextPositionSelector', start: start as number, end: end as number } };
}

/** Selectors: exactly one quote selector (required) and at most one position selector. */
function checkSelectors(
  value: unknown,
  field: string,
): Checked<(TextQuoteSelector | TextPositionSelector)[]> {
  if (!Array.isArray(value)) return refuse(field, 'notArray');
  let quote: TextQuoteSelector | null = null;
  let position: TextPositionSelector | null = null;
  for (const [i, selector] of value.entries()) {
    const at = `${field}[${i}]`;
    if (!isObject(selector)) return refuse(at, 'notObject');
    if (selector.type === 'TextQuoteSelector' && quote === null) {
      const checked = quoteSelector(selector, at);
      if (!checked.ok) return checked;
      quote = checked.value;
    } else if (selector.type === 'TextPositionSelector' && position === null) {
      const checked = positionSelector(selector, at);
      if (!checked.ok) return checked;
      position = checked.value;
    } else {
      return refuse(`${at}.type`, 'unknownType');
    }
  }
  if (quote === null) return refuse(field, 'noQuote');
  return { ok: true, value: position === null ? [quote] : [quote, position] };
}

/** An annotation record from outside, checked and copied; `field` names are paths in the record. */
export function validateAnnotation(value: unknown): Checked<AnnotationRecord> {
  if (!isObject(value)) return refuse('', 'notObject');
  const id = text(value.id, 'id', MAX_ANNOTATION_ID_LENGTH);
  if (!id.ok) return id;
  if (id.value.trim() === '') return refuse('id', 'missing');
  const created = isoDate(value.created, 'created');
  if (!created.ok) return created;
  const modified = isoDate(value.modified, 'modified');
  if (!modified.ok) return modified;

  if (!isObject(value.target)) return refuse('target', value.target === undefined ? 'missing' : 'notObject');
  const source = text(value.target.source, 'target.source', MAX_URL_LENGTH);
  if (!source.ok) return source;
  if (!URL.canParse(source.value)) return refuse('target.source', 'notUrl');
  const normalized = normalizeSourceUrl(source.value);
  if (normalized === null) return refuse('target.source', 'notWebAddress');
  const title =
    value.target.title === undefined ? null : text(value.target.title, 'target.title', MAX_TITLE_LENGTH);
  if (title !== null && !title.ok) return title;
  const selectors = checkSelectors(value.target.selectors, 'target.selectors');
  if (!selectors.ok) return selectors;

  if (!isObject(value.body)) return refuse('body', value.body === undefined ? 'missing' : 'notObject');
  const note = text(value.body.note, 'body.note', MAX_NOTE_LENGTH);
  if (!note.ok) return note;
  const tags = stringList(value.body.tags, 'body.tags', MAX_TAGS, MAX_TAG_LENGTH);
  if (!tags.ok) return tags;
  const linked = stringList(
    value.body.linkedDocumentIds,
    'body.linkedDocumentIds',
    MAX_LINKED_DOCUMENTS,
    100,
  );
  if (!linked.ok) return linked;
  const badId = linked.value.findIndex((docId) => !isWellFormedId(docId));
  if (badId >= 0) return refuse(`body.linkedDocumentIds[${badId}]`, 'notId');

  return {
    ok: true,
    value: {
      id: id.value,
      created: created.value,
      modified: modified.value,
      target: {
        source: normalized,
        ...(title?.ok && title.value !== '' ? { title: title.value } : {}),
        selectors: selectors.value,
      },
      body: { note: note.value, tags: tags.value, linkedDocumentIds: linked.value },
    },
  };
}

/** One line for logs and background errors: `body.tags[2]: tooLong`. */
export function describeIssue(issue: ValidationIssue): string {
  return `${issue.field || 'annotation'}: ${issue.reason}`;
}
