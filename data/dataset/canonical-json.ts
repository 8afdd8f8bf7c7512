/**
 * Canonical JSON: object keys sorted by code point, no whitespace, `undefined` members left out.
 * The dataset file is written in this form and its content hash is taken over it, so the same
 * data always gives the same bytes and the same hash, in Node and in the browser alike.
 */
import { nextTask } from '../time-slices';

/** `value` as canonical JSON text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    if (text === undefined) throw new TypeError(`cannot serialize ${typeof value}`);
    return text;
  }
  if (Array.isArray(value))
    return `[${value.map((item) => canonicalJson(item === undefined ? null : item)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
}

/**
 * Whether `JSON.stringify(value)` is `canonicalJson(value)`: plain data as `JSON.parse` makes it
 * (no `undefined`, holes, functions or other prototypes, no `toJSON`) whose objects' keys are
 * already in order, as in a file written canonically. Checking is a walk that makes no text; the
 * text is then made by one native call. `canonicalJson` builds, sorts and joins lists at every
 * level: for the records of 100,000 documents it allocated 1.3 GB, a third of all a pack import
 * allocated in the service worker (a sampling heap profile, `npm run bench -- packs`), all of it
 * for the garbage collector, whose pauses are what lookups wait for longest during an import.
 */
function stringifiesCanonically(value: unknown): boolean {
  if (value === null) return true;
  const type = typeof value;
  if (type === 'string' || type === 'number' || type === 'boolean') return true;
  if (type !== 'object') return false;
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++)
      if (!(i in value) || !stringifiesCanonically(value[i])) return false;
    return true;
  }
  const prototype = Object.getPrototypeOf(value as object);
  if (prototype !== Object.prototype && prototype !== null) return false;
  let previous: string | null = null;
  for (const key of Object.keys(value as object)) {
    if (previous !== null && !(previous < key)) return false;
    if (!stringifiesCanonically((value as Record<string, unknown>)[key])) return false;
    previous = key;
  }
  return true;
}

/** `canonicalJson(value)`, made by `JSON.stringify` where that gives the same text. */
function canonicalRecord(value: unknown): string {
  return stringifiesCanonically(value) ? JSON.stringify(value) : canonicalJson(value);
}

/** The part of a dataset file its content hash covers. */
export function hashedContent(file: { documents: unknown; dossiers: unknown }): string {
  return canonicalJson({ documents: file.documents, dossiers: file.dossiers });
}

/**
 * Records written between two yields of `hashedBytesInSteps` at most (a few milliseconds on a quiet
 * machine), and fewer when they take longer than `STEP_MS`: at a load of 7 on two cores 200
 * records were a step of 60–117 ms (`KAMERLENS_PACKS_CPUPROFILE=1 npm run bench -- packs`).
 */
const RECORDS_PER_TASK = 200;
const STEP_MS = 8;
/** Bytes copied between two yields when the pieces are put together. */
const BYTES_PER_TASK = 1 << 20;

/**
 * `hashedContent` as UTF-8 bytes, written record by record with a yield to the event loop every
 * few hundred records, and put together a megabyte at a time. For a pack of 19,000 generated
 * documents (38 MB of JSON) the text in one go took 0.8 s in Node, then its encoding another
 * 0.06 s, tasks the background's lookups waited for while a pack was read. The same bytes: the
 * top-level lists are written item by item, as `canonicalJson` writes them.
 */
export async function hashedBytesInSteps(file: {
  documents: unknown;
  dossiers: unknown;
}): Promise<Uint8Array<ArrayBuffer>> {
  const encoder = new TextEncoder();
  if (!Array.isArray(file.documents) || !Array.isArray(file.dossiers))
    return encoder.encode(hashedContent(file));
  const pieces: Uint8Array[] = [];
  let size = 0;
  const add = (text: string) => {
    const bytes = encoder.encode(text);
    pieces.push(bytes);
    size += bytes.byteLength;
  };
  let written = 0;
  let stepStart = performance.now();
  add('{');
  for (const [key, list] of [
    ['documents', file.documents],
    ['dossiers', file.dossiers],
  ] as const) {
    add(`${key === 'documents' ? '' : ','}${JSON.stringify(key)}:[`);
    const items = list as unknown[];
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      // A hole is written as `canonicalJson` writes it (`map` skips it, `join` leaves it empty).
      const text = i in items ? canonicalRecord(item === undefined ? null : item) : '';
      add(i === 0 ? text : `,${text}`);
      written += 1;
      if (written >= RECORDS_PER_TASK || (written % 16 === 0 && performance.now() - stepStart >= STEP_MS)) {
        written = 0;
        await nextTask();
        stepStart = performance.now();
      }
    }
    add(']');
  }
  add('}');
  const bytes = new Uint8Array(size);
  let at = 0;
  let sinceYield = 0;
  for (const piece of pieces) {
    bytes.set(piece, at);
    at += piece.byteLength;
    sinceYield += piece.byteLength;
    if (sinceYield >= BYTES_PER_TASK) {
      sinceYield = 0;
      await nextTask();
    }
  }
  return bytes;
}

/**
 * SHA-256 (hex) of the hashed content, with Web Crypto (`crypto.subtle`, present in extension
 * pages, service workers and Node ≥ 20). The build computes the same with `node:crypto`.
 */
export async function contentHashOf(file: { documents: unknown; dossiers: unknown }): Promise<string> {
  const bytes = await hashedBytesInSteps(file);
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** True when `file.contentHash` matches its documents and dossiers. */
export async function verifyContentHash(file: {
  documents: unknown;
  dossiers: unknown;
  contentHash: string;
}): Promise<boolean> {
  return (await contentHashOf(file)) === file.contentHash;
}
