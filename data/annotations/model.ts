/**
 * The annotation model (W3C Web Annotation, reduced to what Kamerlens stores): one note on a span
 * of a page, found again by a quote selector and a position selector. Stored as `AnnotationRecord`
 * (defined here, in the `annotations` table of data/db); exports convert to JSON-LD (jsonld.ts).
 */

/** W3C Web Annotation TextQuoteSelector. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** W3C Web Annotation TextPositionSelector (UTF-16 offsets into the page text). */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/** A note anchored in a page (W3C Web Annotation data model, reduced to what Kamerlens uses). */
export interface AnnotationRecord {
  id: string;
  /** ISO times. */
  created: string;
  modified: string;
  target: {
    /** Page URL without tracking parameters and fragment. */
    source: string;
    /** The page's title when the note was made (exports group notes under it); absent when unknown. */
    title?: string;
    selectors: (TextQuoteSelector | TextPositionSelector)[];
  };
  body: {
    note: string;
    tags: string[];
    /** Dataset document ids the note is about. */
    linkedDocumentIds: string[];
  };
}

/** Most tags on one note, and longest tag. */
export const MAX_TAGS = 32;
export const MAX_TAG_LENGTH = 64;
/** Most documents linked from one note. */
export const MAX_LINKED_DOCUMENTS = 50;
/** Longest note text and longest quote (characters). */
export const MAX_NOTE_LENGTH = 20_000;
export const MAX_QUOTE_LENGTH = 20_000;
/** Longest stored page title. */
export const MAX_TITLE_LENGTH = 500;

/** The quote selector of a note (every valid note has one). */
export function quoteOf(annotation: AnnotationRecord): TextQuoteSelector | null {
  return (
    annotation.target.selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector') ?? null
  );
}

/** The position selector of a note, when it has one. */
export function positionOf(annotation: AnnotationRecord): TextPositionSelector | null {
  return (
    annotation.target.selectors.find((s): s is TextPositionSelector => s.type === 'TextPositionSelector') ??
    null
  );
}

/**
 * A new globally unique id (`urn:uuid:…`, a version 4 UUID), usable as the JSON-LD `id` as it is.
 * Built from `getRandomValues`: `crypto.randomUUID` exists only in secure contexts, and the content
 * script also runs on http:// pages.
 */
export function newAnnotationId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Tags as the reader meant them: trimmed, inner white space collapsed, no empties, no duplicates (case-insensitive). */
export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.replace(/\s+/g, ' ').trim().replace(/^#+/, '').trim().slice(0, MAX_TAG_LENGTH);
    const key = tag.toLocaleLowerCase('nl');
    if (tag === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out.slice(0, MAX_TAGS);
}

/** Split what the reader typed in the tag field (`bijstand, #pilot; gemeenten`) into tags. */
export function parseTagInput(input: string): string[] {
  return normalizeTags(input.split(/[,;]/));
}

/** What the reader supplies for a new note; the rest is filled in. */
export interface NewAnnotation {
  source: string;
  title?: string;
  quote: TextQuoteSelector;
  position: TextPositionSelector | null;
  note: string;
  tags: readonly string[];
  linkedDocumentIds: readonly string[];
}

/** A new note record. */
export function createAnnotation(
  input: NewAnnotation,
  now: Date = new Date(),
  id = newAnnotationId(),
): AnnotationRecord {
  const time = now.toISOString();
  const title = input.title?.trim().slice(0, MAX_TITLE_LENGTH);
  return {
    id,
    created: time,
    modified: time,
    target: {
      source: input.source,
      ...(title ? { title } : {}),
      selectors: input.position === null ? [input.quote] : [input.quote, input.position],
    },
    body: {
      note: input.note,
      tags: normalizeTags(input.tags),
      linkedDocumentIds: [...new Set(input.linkedDocumentIds)],
    },
  };
}

/** The editable part of a note. */
export interface AnnotationChanges {
  note?: string;
  tags?: readonly string[];
  linkedDocumentIds?: readonly string[];
}

/** The note with `changes` applied and `modified` set to `now` (target and `created` stay). */
export function editAnnotation(
  annotation: AnnotationRecord,
  changes: AnnotationChanges,
  now: Date = new Date(),
): AnnotationRecord {
  return {
    ...annotation,
    modified: now.toISOString(),
    body: {
      note: changes.note ?? annotation.body.note,
      tags: changes.tags === undefined ? annotation.body.tags : normalizeTags(changes.tags),
      linkedDocumentIds:
        changes.linkedDocumentIds === undefined
          ? annotation.body.linkedDocumentIds
          : [...new Set(changes.linkedDocumentIds)],
    },
  };
}
