/**
 * Reading a pack file back (Node): unzip, parse, check the envelope, the counts and the content
 * hash. Anything that is not a whole, untouched pack is refused with a message saying why.
 */
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { hashedContent } from '../../dataset/canonical-json';
import { DATASET_SCHEMA_VERSION } from '../../dataset/types';
import type { Result } from '../../result';
import { type DatasetPack, PACK_FORMAT, PACK_FORMAT_VERSION } from './pack-format';

/** The pack in `bytes`, or why it cannot be used. */
export function readPack(bytes: Uint8Array): Result<DatasetPack> {
  let text: string;
  try {
    text = gunzipSync(bytes).toString('utf8');
  } catch (error) {
    return refuse(`not a complete gzip file (${error instanceof Error ? error.message : String(error)})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return refuse('the unzipped content is not JSON');
  }
  const pack = json as Partial<DatasetPack> | null;
  if (typeof pack !== 'object' || pack === null || pack.format !== PACK_FORMAT)
    return refuse('not a Kamerlens pack');
  if (pack.formatVersion !== PACK_FORMAT_VERSION)
    return refuse(`pack format ${String(pack.formatVersion)} is not the supported ${PACK_FORMAT_VERSION}`);
  if (pack.schemaVersion !== DATASET_SCHEMA_VERSION)
    return refuse(`records of schema ${String(pack.schemaVersion)}, expected ${DATASET_SCHEMA_VERSION}`);
  if (!Array.isArray(pack.documents) || !Array.isArray(pack.dossiers))
    return refuse('documents or dossiers missing');
  if (pack.counts?.documents !== pack.documents.length || pack.counts?.dossiers !== pack.dossiers.length)
    return refuse('its counts do not match its contents');
  const hash = createHash('sha256')
    .update(hashedContent({ documents: pack.documents, dossiers: pack.dossiers }))
    .digest('hex');
  if (hash !== pack.contentHash) return refuse('its content does not match its hash');
  if (pack.version !== `${pack.schemaVersion}-${hash.slice(0, 12)}`)
    return refuse('its version does not match its hash');
  return { ok: true, value: pack as DatasetPack };
}

function refuse(reason: string): Result<DatasetPack> {
  return { ok: false, error: `Not a usable pack: ${reason}.` };
}
