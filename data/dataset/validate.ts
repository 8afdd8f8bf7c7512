/**
 * The dataset schema, checked by hand (no dependencies, no Node modules: the extension runs this on
 * load, the build on write). Reports every problem with its JSON path, up to a limit.
 */
import type { Result } from '../result';
import { runSliced, runToEnd, type SlicedWork } from '../time-slices';
import { DATASET_SCHEMA_VERSION, type DatasetFile } from './types';
import { graphSteps } from './validate-graph';

const MAX_PROBLEMS = 20;
const KINDS = ['antwoord', 'brief', 'kamerstuk', 'dossier', 'handelingen', 'aanhangsel', 'zaak', 'document'];
const CHAMBERS = ['TK', 'EK', 'VV'];
const HEX64 = /^[0-9a-f]{64}$/;
const ISO_DATE = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/;

type Json = Record<string, unknown>;

const DATASET_INVALID = 'Dataset is not valid.';
const PACK_INVALID = 'Its records are not valid.';

/** Accept `json` as a `DatasetFile` when it matches the schema; otherwise say what is wrong. */
export function validateDataset(json: unknown): Result<DatasetFile> {
  const { report, outcome } = collector(DATASET_INVALID);
  runToEnd(datasetSteps(json, report));
  return outcome(json as DatasetFile);
}

/**
 * `validateDataset` in time slices, for the extension's background, which keeps answering lookups
 * meanwhile: at 300,000 documents the check in one go was a task of 0.85 s (npm run bench -- panel).
 */
export async function validateDatasetInSlices(json: unknown): Promise<Result<DatasetFile>> {
  const { report, outcome } = collector(DATASET_INVALID);
  await runSliced(datasetSteps(json, report));
  return outcome(json as DatasetFile);
}

/**
 * Accept the records of a pack: each record as in a dataset file and ids unique, but references may
 * point at records of other packs, so the citation graph is not checked for being closed. In time
 * slices (a pack is read in the background, which keeps answering lookups).
 */
export async function validatePackRecords(content: {
  documents: unknown;
  dossiers: unknown;
}): Promise<Result<Pick<DatasetFile, 'documents' | 'dossiers'>>> {
  const { report, outcome } = collector(PACK_INVALID);
  await runSliced(recordSteps(content, report, 'open'));
  return outcome(content as Pick<DatasetFile, 'documents' | 'dossiers'>);
}

type Report = (path: string, problem: string) => void;

/** A report that keeps up to MAX_PROBLEMS problems, and the outcome they make once the checks ran. */
function collector(heading: string) {
  const problems: string[] = [];
  const report: Report = (path, problem) => {
    if (problems.length < MAX_PROBLEMS) problems.push(`${path}: ${problem}`);
  };
  const outcome = <T>(value: T): Result<T> =>
    problems.length > 0 ? { ok: false, error: `${heading} ${problems.join('; ')}` } : { ok: true, value };
  return { report, outcome };
}

/** Documents checked per step of the sliced checks. */
const DOCUMENTS_PER_STEP = 200;

function* datasetSteps(json: unknown, report: Report): SlicedWork<void> {
  const file = object(json, 'dataset', report);
  if (file) yield* fileSteps(file, report);
}

function* fileSteps(file: Json, report: Report): SlicedWork<void> {
  if (file.schemaVersion !== DATASET_SCHEMA_VERSION)
    report('schemaVersion', `must be ${DATASET_SCHEMA_VERSION}`);
  if (typeof file.datasetVersion !== 'string' || file.datasetVersion === '')
    report('datasetVersion', 'must be a non-empty string');
  if (typeof file.contentHash !== 'string' || !HEX64.test(file.contentHash))
    report('contentHash', 'must be 64 hex digits');
  list(file.sources, 'sources', report, (source, path) => {
    const s = object(source, path, report);
    if (!s) return;
    text(s.file, `${path}.file`, report);
    if (typeof s.sha256 !== 'string' || !HEX64.test(s.sha256))
      report(`${path}.sha256`, 'must be 64 hex digits');
  });
  yield* recordSteps(file, report, 'closed');
}

function* recordSteps(file: Json, report: Report, graph: 'closed' | 'open'): SlicedWork<void> {
  list(file.dossiers, 'dossiers', report, (dossier, path) => {
    const d = object(dossier, path, report);
    if (!d) return;
    text(d.id, `${path}.id`, report);
    text(d.title, `${path}.title`, report);
    if (d.provenance !== undefined) text(d.provenance, `${path}.provenance`, report);
  });
  const documents = file.documents;
  if (!Array.isArray(documents)) {
    report('documents', 'must be a list');
    return;
  }
  for (let start = 0; start < documents.length; start += DOCUMENTS_PER_STEP) {
    const end = Math.min(documents.length, start + DOCUMENTS_PER_STEP);
    for (let i = start; i < end; i++) {
      const path = `documents[${i}]`;
      const d = object(documents[i], path, report);
      if (d) checkDocument(d, path, report);
    }
    yield (0.9 * end) / documents.length;
  }
  yield* graphSteps(documents as Json[], report, graph);
}

function checkDocument(d: Json, path: string, report: Report): void {
  text(d.id, `${path}.id`, report);
  const ids = strings(d.ids, `${path}.ids`, report);
  if (ids && typeof d.id === 'string' && !ids.includes(d.id)) report(`${path}.ids`, 'must include the id');
  if (typeof d.stub !== 'boolean') report(`${path}.stub`, 'must be true or false');
  if (d.stub === true ? d.source !== null : typeof d.source !== 'string') {
    report(`${path}.source`, d.stub === true ? 'must be null for a stub' : 'must name the source file');
  }
  if (!KINDS.includes(d.type as string)) report(`${path}.type`, `must be one of ${KINDS.join(', ')}`);
  nullable(d.title, `${path}.title`, report, text);
  nullable(d.date, `${path}.date`, report, isoDate);
  nullable(d.submitted, `${path}.submitted`, report, isoDate);
  for (const key of ['authors', 'askedBy'] as const) list(d[key], `${path}.${key}`, report, person);
  nullable(d.newsArticle, `${path}.newsArticle`, report, newsArticle);
  if (d.chamber !== null && !CHAMBERS.includes(d.chamber as string))
    report(`${path}.chamber`, 'must be TK, EK, VV or null');
  nullable(d.vergaderjaar, `${path}.vergaderjaar`, report, (v, p, r) => {
    if (typeof v !== 'string' || !/^\d{4}-\d{4}$/.test(v)) r(p, 'must look like 2025-2026');
  });
  for (const key of ['dossier', 'dossierSuffix', 'citation', 'officialUrl', 'summary'] as const) {
    nullable(d[key], `${path}.${key}`, report, text);
  }
  if (d.dossierTitle !== undefined) nullable(d.dossierTitle, `${path}.dossierTitle`, report, text);
  if (![null, 'editorial', 'extractive'].includes(d.summarySource as string | null)) {
    report(`${path}.summarySource`, 'must be editorial, extractive or null');
  } else if ((d.summarySource === null) !== (d.summary === null)) {
    report(`${path}.summarySource`, 'must be null exactly when summary is null');
  }
  strings(d.keyPoints, `${path}.keyPoints`, report);
  list(d.qa, `${path}.qa`, report, qaItem);
  list(d.sections, `${path}.sections`, report, section);
  list(d.footnotes, `${path}.footnotes`, report, footnote);
  list(d.references, `${path}.references`, report, reference);
  list(d.citedBy, `${path}.citedBy`, report, citedBy);
  if (d.provenance !== undefined) nullable(d.provenance, `${path}.provenance`, report, provenance);
  if (d.kind !== undefined) nullable(d.kind, `${path}.kind`, report, documentKind);
  if (d.subject !== undefined) nullable(d.subject, `${path}.subject`, report, text);
  if (d.addressees !== undefined) list(d.addressees, `${path}.addressees`, report, person);
  if (d.zaken !== undefined) list(d.zaken, `${path}.zaken`, report, zaak);
  if (
    d.stub === true &&
    [d.qa, d.sections, d.footnotes, d.references].some((v) => Array.isArray(v) && v.length > 0)
  ) {
    report(path, 'a stub has no questions, sections, footnotes or references');
  }
  if (Array.isArray(d.qa)) checkQaNumbers(d.qa as Json[], `${path}.qa`, report);
}

function person(value: unknown, path: string, report: Report): void {
  const p = object(value, path, report);
  if (!p) return;
  text(p.name, `${path}.name`, report);
  for (const key of ['role', 'portfolio', 'party'] as const) nullable(p[key], `${path}.${key}`, report, text);
}

function newsArticle(value: unknown, path: string, report: Report): void {
  const a = object(value, path, report);
  if (!a) return;
  text(a.title, `${path}.title`, report);
  nullable(a.outlet, `${path}.outlet`, report, text);
  nullable(a.date, `${path}.date`, report, isoDate);
  if (a.url !== undefined) nullable(a.url, `${path}.url`, report, text);
}

function qaItem(value: unknown, path: string, report: Report): void {
  const q = object(value, path, report);
  if (!q) return;
  for (const key of ['number', 'question', 'questionShort'] as const) text(q[key], `${path}.${key}`, report);
  nullable(q.answer, `${path}.answer`, report, text);
  strings(q.sharedWith, `${path}.sharedWith`, report);
  nullable(q.refersTo, `${path}.refersTo`, report, text);
  const flags = strings(q.flags, `${path}.flags`, report);
  if (flags && (q.answer === null) !== flags.includes('no-answer'))
    report(`${path}.flags`, 'must contain no-answer exactly when answer is null');
}

function checkQaNumbers(items: Json[], path: string, report: Report): void {
  const numbers = items.map((item) => item?.number);
  numbers.forEach((number, i) => {
    if (numbers.indexOf(number) !== i)
      report(`${path}[${i}].number`, `question ${String(number)} appears twice`);
    const item = items[i] as Json;
    for (const other of Array.isArray(item?.sharedWith) ? item.sharedWith : []) {
      if (!numbers.includes(other))
        report(`${path}[${i}].sharedWith`, `names question ${String(other)}, which does not exist`);
    }
    if (typeof item?.refersTo === 'string' && !numbers.includes(item.refersTo)) {
      report(`${path}[${i}].refersTo`, `names question ${item.refersTo}, which does not exist`);
    }
  });
}

function section(value: unknown, path: string, report: Report): void {
  const s = object(value, path, report);
  if (!s) return;
  nullable(s.heading, `${path}.heading`, report, text);
  strings(s.paragraphs, `${path}.paragraphs`, report);
}

function footnote(value: unknown, path: string, report: Report): void {
  const f = object(value, path, report);
  if (!f) return;
  text(f.number, `${path}.number`, report);
  text(f.text, `${path}.text`, report);
  nullable(f.anchor, `${path}.anchor`, report, text);
}

function location(value: unknown, path: string, report: Report): void {
  const l = object(value, path, report);
  if (!l) return;
  for (const [key, item] of Object.entries(l)) {
    if (!['qa', 'section', 'footnote'].includes(key)) report(`${path}.${key}`, 'is not a location field');
    else text(item, `${path}.${key}`, report);
  }
}

function reference(value: unknown, path: string, report: Report): void {
  const r = object(value, path, report);
  if (!r) return;
  const ids = strings(r.ids, `${path}.ids`, report);
  if (ids && ids.length === 0) report(`${path}.ids`, 'must not be empty');
  text(r.raw, `${path}.raw`, report);
  text(r.context, `${path}.context`, report);
  if (!KINDS.slice(2).includes(r.kind as string)) report(`${path}.kind`, 'must be a citation kind');
  nullable(r.citedAs, `${path}.citedAs`, report, text);
  nullable(r.location, `${path}.location`, report, location);
  if (r.targets !== undefined) {
    const targets = strings(r.targets, `${path}.targets`, report);
    if (targets && ids && targets.length !== ids.length)
      report(`${path}.targets`, 'must have one entry per id');
  }
}

function citedBy(value: unknown, path: string, report: Report): void {
  const c = object(value, path, report);
  if (!c) return;
  text(c.documentId, `${path}.documentId`, report);
  nullable(c.qa, `${path}.qa`, report, text);
  text(c.context, `${path}.context`, report);
  text(c.raw, `${path}.raw`, report);
  if (c.citedAs !== undefined) nullable(c.citedAs, `${path}.citedAs`, report, text);
  if (c.location !== undefined) nullable(c.location, `${path}.location`, report, location);
}

function provenance(value: unknown, path: string, report: Report): void {
  const p = object(value, path, report);
  if (!p) return;
  nullable(p.identifiers, `${path}.identifiers`, report, text);
  for (const key of ['title', 'date'] as const) {
    if (![null, 'text', 'manifest', 'opendata'].includes(p[key] as string | null))
      report(`${path}.${key}`, 'must be text, manifest, opendata or null');
  }
}

function documentKind(value: unknown, path: string, report: Report): void {
  const k = object(value, path, report);
  if (!k) return;
  for (const key of ['soort', 'group', 'nl', 'en'] as const) text(k[key], `${path}.${key}`, report);
}

function zaak(value: unknown, path: string, report: Report): void {
  const z = object(value, path, report);
  if (!z) return;
  text(z.id, `${path}.id`, report);
  nullable(z.soort, `${path}.soort`, report, text);
  nullable(z.title, `${path}.title`, report, text);
  strings(z.documents, `${path}.documents`, report);
}

function object(value: unknown, path: string, report: Report): Json | null {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Json;
  report(path, 'must be an object');
  return null;
}

function list(
  value: unknown,
  path: string,
  report: Report,
  each: (item: unknown, path: string, report: Report) => void,
): unknown[] | null {
  if (!Array.isArray(value)) {
    report(path, 'must be a list');
    return null;
  }
  value.forEach((item, i) => {
    each(item, `${path}[${i}]`, report);
  });
  return value;
}

function strings(value: unknown, path: string, report: Report): string[] | null {
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value as string[];
  report(path, 'must be a list of strings');
  return null;
}

function text(value: unknown, path: string, report: Report): void {
  if (typeof value !== 'string' || value === '') report(path, 'must be a non-empty string');
}

function isoDate(value: unknown, path: string, report: Report): void {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) report(path, 'must be an ISO date (YYYY-MM-DD)');
}

function nullable(
  value: unknown,
  path: string,
  report: Report,
  check: (value: unknown, path: string, report: Report) => void,
): void {
  if (value === undefined) report(path, 'is missing (use null)');
  else if (value !== null) check(value, path, report);
}
