/**
 * Reading a pack file, in the browser and in Node alike: unzip it as a stream (`DecompressionStream`),
 * then check the envelope, the schema version, the counts, the content hash (Web Crypto, over the
 * same canonical JSON the build hashed) and every record. Anything that is not a whole, untouched
 * pack is refused with a message saying why, before any of it is used.
 */
import type { Result } from '../result';
import { nextTask } from '../time-slices';
import { contentHashOf } from './canonical-json';
import { type DatasetPack, PACK_FORMAT, PACK_FORMAT_VERSION } from './pack-format';
import { parseJsonInSteps } from './parse-in-steps';
import { DATASET_SCHEMA_VERSION } from './types';
import { validatePackRecords } from './validate';

/** A pack id as the build names packs (`vergaderjaar-2024-2025`, `dossier-36600-XV`). */
const PACK_ID = /^(?:vergaderjaar|dossier)-[0-9A-Za-z-]{1,80}$/;

/** Why a file is not a usable pack, as a code the side panel words in the reader's language. */
export type PackRefusalCode =
  | 'not-gzip'
  | 'not-json'
  | 'not-a-pack'
  | 'format'
  | 'schema'
  | 'bad-id'
  | 'missing-records'
  | 'counts'
  | 'tampered'
  | 'version'
  | 'invalid-records'
  | 'import-failed';

/** A refusal: its code, and the technical detail (a version, a record's problem) where there is one. */
export interface PackRefusal {
  code: PackRefusalCode;
  detail: string;
}

/** `readPack`'s answer: the pack, or the reason in English (`error`, for logs) and as a code. */
export type PackReadResult = Result<DatasetPack> & { refusal?: PackRefusal };

/** Options of `readPack`. */
export interface ReadPackOptions {
  /** Called with the number of compressed bytes read so far, as they are read. */
  onBytes?: (bytesRead: number) => void;
}

/** The pack in the gzip `bytes` stream, or why it cannot be used. */
export async function readPack(
  bytes: ReadableStream<Uint8Array>,
  options: ReadPackOptions = {},
): Promise<PackReadResult> {
  let text: string[];
  try {
    text = await gunzipText(bytes, options.onBytes);
  } catch (error) {
    return refuse(
      'not-gzip',
      `not a complete gzip file (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  let json: unknown;
  try {
    // In steps: a pack's text is tens of megabytes, one JSON.parse a task of a second under load.
    json = await parseJsonInSteps(text);
  } catch {
    return refuse('not-json', 'the unzipped content is not JSON');
  }
  // The text (38 MB for 19,000 documents) is not needed again: let it go before the hash and the
  // checks, which make as much again.
  text = [];
  const pack = json as Partial<DatasetPack> | null;
  if (typeof pack !== 'object' || pack === null || pack.format !== PACK_FORMAT)
    return refuse('not-a-pack', 'not a Kamerlens pack');
  if (pack.formatVersion !== PACK_FORMAT_VERSION)
    return refuse(
      'format',
      `pack format ${String(pack.formatVersion)} is not the supported ${PACK_FORMAT_VERSION}`,
      String(pack.formatVersion),
    );
  if (pack.schemaVersion !== DATASET_SCHEMA_VERSION)
    return refuse(
      'schema',
      `records of schema ${String(pack.schemaVersion)}, expected ${DATASET_SCHEMA_VERSION}`,
      String(pack.schemaVersion),
    );
  if (typeof pack.id !== 'string' || !PACK_ID.test(pack.id))
    return refuse('bad-id', 'its id is not a pack id');
  if (!Array.isArray(pack.documents) || !Array.isArray(pack.dossiers))
    return refuse('missing-records', 'documents or dossiers missing');
  if (pack.counts?.documents !== pack.documents.length || pack.counts?.dossiers !== pack.dossiers.length)
    return refuse('counts', 'its counts do not match its contents');
  const hash = await contentHashOf({ documents: pack.documents, dossiers: pack.dossiers });
  if (hash !== pack.contentHash) return refuse('tampered', 'its content does not match its hash');
  if (pack.version !== `${pack.schemaVersion}-${hash.slice(0, 12)}`)
    return refuse('version', 'its version does not match its hash');
  const records = await validatePackRecords({ documents: pack.documents, dossiers: pack.dossiers });
  if (!records.ok) return refuse('invalid-records', records.error, records.error);
  return { ok: true, value: pack as DatasetPack };
}

/** Characters decoded between two yields while unzipping. */
const CHARS_PER_TASK = 512 * 1024;

/**
 * The gzip stream unzipped and decoded as UTF-8, in the pieces it came in (the parse reads them
 * as they are: joined, a pack's 38 MB text was one task of 50–200 ms in the service worker, under
 * load); throws on a truncated or corrupt file. The unzipped chunks are usually waiting already, so
 * each read is answered in a microtask: without a yield the whole file was unzipped and decoded in
 * one task (stalls of 0.3–0.45 s, `KAMERLENS_PACKS_CPUPROFILE=1` in the packs bench).
 */
async function gunzipText(
  bytes: ReadableStream<Uint8Array>,
  onBytes: ReadPackOptions['onBytes'],
): Promise<string[]> {
  let read = 0;
  const counted = bytes.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        read += chunk.byteLength;
        onBytes?.(read);
        controller.enqueue(chunk);
      },
    }),
  );
  const unzipped = counted.pipeThrough(
    new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>,
  );
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const parts: string[] = [];
  const reader = unzipped.getReader();
  let sinceYield = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const part = decoder.decode(value, { stream: true });
    parts.push(part);
    sinceYield += part.length;
    if (sinceYield >= CHARS_PER_TASK) {
      sinceYield = 0;
      await nextTask();
    }
  }
  parts.push(decoder.decode());
  return parts;
}

function refuse(
  code: PackRefusalCode,
  reason: string,
  detail = '',
): { ok: false; error: string; refusal: PackRefusal } {
  return { ok: false, error: `Not a usable pack: ${reason.replace(/\.$/, '')}.`, refusal: { code, detail } };
}
