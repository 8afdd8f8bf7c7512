/**
 * W3C Web Annotation JSON-LD (https://www.w3.org/TR/annotation-model/) for export and import.
 *
 * One note becomes an `Annotation`: `target` = `{ source: {id: page URL, type: "Text",
 * "dc:title"?}, selector: [TextQuoteSelector, TextPositionSelector?] }`; `body` = the note
 * (TextualBody, purpose commenting), one TextualBody per tag (purpose tagging) and one
 * SpecificResource per linked document (purpose linking, `id` = `urn:kamerlens:document:<id>`,
 * `source` = the official URL where known). An export is an `AnnotationCollection` with one page.
 */
import { officialUrl } from '../citations';
import { isObject } from '../payload';
import type { AnnotationRecord, TextPositionSelector, TextQuoteSelector } from './model';
import { positionOf, quoteOf } from './model';
import { type Checked, refuse, type ValidationIssue, validateAnnotation } from './validate-annotation';

/** The Web Annotation JSON-LD context. */
const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** Prefix of the IRIs naming dataset documents in linking bodies. */
const DOCUMENT_IRI_PREFIX = 'urn:kamerlens:document:';
/** Media type to save exports with. */
export const JSONLD_MEDIA_TYPE = 'application/ld+json';

type JsonBody =
  | { type: 'TextualBody'; value: string; format?: string; purpose: 'commenting' | 'tagging' }
  | { type: 'SpecificResource'; purpose: 'linking'; id: string; source: string };

/** A W3C Annotation as exported. */
interface JsonLdAnnotation {
  '@context'?: string;
  id: string;
  type: 'Annotation';
  motivation: 'commenting' | 'highlighting';
  created: string;
  modified: string;
  body: JsonBody[];
  target: {
    source: { id: string; type: 'Text'; 'dc:title'?: string };
    selector: (TextQuoteSelector | TextPositionSelector)[];
  };
}

/** One note as a W3C Annotation (without `@context` when it sits inside a collection). */
export function toJsonLd(record: AnnotationRecord, withContext = true): JsonLdAnnotation {
  const body: JsonBody[] = [];
  if (record.body.note !== '') {
    body.push({ type: 'TextualBody', value: record.body.note, format: 'text/plain', purpose: 'commenting' });
  }
  for (const tag of record.body.tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
  for (const id of record.body.linkedDocumentIds) {
    const iri = DOCUMENT_IRI_PREFIX + id;
    body.push({ type: 'SpecificResource', purpose: 'linking', id: iri, source: officialUrl(id) ?? iri });
  }
  const quote = quoteOf(record);
  const position = positionOf(record);
  return {
    ...(withContext ? { '@context': ANNO_CONTEXT } : {}),
    id: record.id,
    type: 'Annotation',
    motivation: record.body.note === '' ? 'highlighting' : 'commenting',
    created: record.created,
    modified: record.modified,
    body,
    target: {
      source: {
        id: record.target.source,
        type: 'Text',
        ...(record.target.title !== undefined ? { 'dc:title': record.target.title } : {}),
      },
      selector: [...(quote ? [quote] : []), ...(position ? [position] : [])],
    },
  };
}

/** All notes as one W3C AnnotationCollection (pretty-printed JSON text). */
export function exportJsonLd(records: readonly AnnotationRecord[]): string {
  const collection = {
    '@context': ANNO_CONTEXT,
    type: 'AnnotationCollection',
    label: 'Kamerlens',
    total: records.length,
    first: { type: 'AnnotationPage', startIndex: 0, items: records.map((r) => toJsonLd(r, false)) },
  };
  return `${JSON.stringify(collection, null, 2)}\n`;
}

/** One refused item of an import: its position in the file, its id when readable, and why. */
export interface ImportIssue extends ValidationIssue {
  /** 0-based index among the file's annotations; −1 for the file as a whole. */
  index: number;
  id: string | null;
}

/** What a parsed export file holds. */
export interface ParsedExport {
  records: AnnotationRecord[];
  issues: ImportIssue[];
}

/** Most annotations one import file may carry. */
const MAX_IMPORT_ITEMS = 100_000;

/** The annotations of a collection, a page, a bare array or a single annotation; null when none of these. */
function itemsOf(json: unknown): unknown[] | null {
  if (Array.isArray(json)) return json;
  if (!isObject(json)) return null;
  if (json.type === 'AnnotationCollection') {
    const first = json.first;
    if (isObject(first) && Array.isArray(first.items)) return first.items;
    return Array.isArray(json.items) ? json.items : null;
  }
  if (json.type === 'AnnotationPage') return Array.isArray(json.items) ? json.items : null;
  if (json.type === 'Annotation') return [json];
  return null;
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A W3C annotation back into the stored shape; only body problems are found here, the rest by `validateAnnotation`. */
function fromJsonLd(item: unknown): Checked<unknown> {
  if (!isObject(item)) return { ok: true, value: item };
  const target = Array.isArray(item.target) ? item.target[0] : item.target;
  const source = isObject(target) ? target.source : undefined;
  const bodies = Array.isArray(item.body) ? item.body : item.body === undefined ? [] : [item.body];
  const notes: string[] = [];
  const tags: unknown[] = [];
  const linked: string[] = [];
  for (const [i, body] of bodies.entries()) {
    if (!isObject(body)) return refuse(`body[${i}]`, 'notObject');
    if (body.purpose === 'tagging') {
      tags.push(body.value);
    } else if (body.purpose === 'linking') {
      const id = asString(body.id) ?? asString(body.source) ?? '';
      if (!id.startsWith(DOCUMENT_IRI_PREFIX)) return refuse(`body[${i}].id`, 'notId');
      linked.push(id.slice(DOCUMENT_IRI_PREFIX.length));
    } else if (typeof body.value === 'string') {
      notes.push(body.value);
    } else {
      return refuse(`body[${i}]`, 'unknownType');
    }
  }
  const selector = isObject(target) ? target.selector : undefined;
  return {
    ok: true,
    value: {
      id: item.id,
      created: item.created,
      modified: item.modified ?? item.created,
      target: isObject(target)
        ? {
            source: isObject(source) ? source.id : source,
            title: isObject(source) ? source['dc:title'] : undefined,
            selectors: Array.isArray(selector) || selector === undefined ? selector : [selector],
          }
        : target,
      body: { note: notes.join('\n\n'), tags, linkedDocumentIds: linked },
    },
  };
}

/** Parse an export file's text: every annotation checked; the issues say which were refused and why. */
export function parseJsonLdExport(textContent: string): ParsedExport {
  let json: unknown;
  try {
    json = JSON.parse(textContent);
  } catch {
    return { records: [], issues: [{ index: -1, id: null, field: '', reason: 'notJson' }] };
  }
  const items = itemsOf(json);
  if (items === null)
    return { records: [], issues: [{ index: -1, id: null, field: 'type', reason: 'unknownType' }] };
  if (items.length > MAX_IMPORT_ITEMS)
    return { records: [], issues: [{ index: -1, id: null, field: 'items', reason: 'tooMany' }] };
  const records: AnnotationRecord[] = [];
  const issues: ImportIssue[] = [];
  items.forEach((item, index) => {
    const converted = fromJsonLd(item);
    const checked = converted.ok ? validateAnnotation(converted.value) : converted;
    const id = isObject(item) && typeof item.id === 'string' ? item.id.slice(0, 200) : null;
    if (checked.ok) records.push(checked.value);
    else issues.push({ index, id, ...checked.issue });
  });
  return { records, issues };
}
