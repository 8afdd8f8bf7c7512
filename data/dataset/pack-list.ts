/**
 * Reading a pack list (`packs.json`, written beside the packs by `data:build -- --packs DIR` and
 * bundled into a release by `data:bundle`): checked field by field, so a damaged list is refused
 * with its reason instead of naming files that are not there.
 */
import { isObject } from '../payload';
import { fail, ok, type Result } from '../result';
import { PACK_FORMAT_VERSION, type PackList } from './pack-format';

/** A pack file name as the build writes it: no folders, no dot files. */
const PACK_FILE = /^[0-9A-Za-z][0-9A-Za-z.-]{0,150}\.pack\.json\.gz$/;
const HEX64 = /^[0-9a-f]{64}$/;

/** `json` as a pack list, or why it is not one. */
export function parsePackList(json: unknown): Result<PackList> {
  if (!isObject(json) || json.format !== 'kamerlens-pack-list') return fail('not a Kamerlens pack list');
  if (json.formatVersion !== PACK_FORMAT_VERSION)
    return fail(`pack list format ${String(json.formatVersion)} is not the supported ${PACK_FORMAT_VERSION}`);
  if (json.split !== 'vergaderjaar' && json.split !== 'dossier')
    return fail('its split is not vergaderjaar or dossier');
  if (typeof json.datasetVersion !== 'string') return fail('its datasetVersion is missing');
  if (!Array.isArray(json.packs)) return fail('its packs are missing');
  const ids = new Set<string>();
  for (const [index, entry] of json.packs.entries()) {
    const where = `pack ${index + 1}`;
    if (!isObject(entry)) return fail(`${where} is not an object`);
    const { id, file, version, contentHash, fileSha256, bytes, counts } = entry;
    if (typeof id !== 'string' || id === '' || id.length > 100) return fail(`${where} has no usable id`);
    if (ids.has(id)) return fail(`${where}: the id ${id} is listed twice`);
    ids.add(id);
    if (typeof file !== 'string' || !PACK_FILE.test(file))
      return fail(`${where} (${id}): not a pack file name`);
    if (typeof version !== 'string' || version === '') return fail(`${where} (${id}) has no version`);
    if (typeof contentHash !== 'string' || !HEX64.test(contentHash))
      return fail(`${where} (${id}): contentHash is not a sha256`);
    if (typeof fileSha256 !== 'string' || !HEX64.test(fileSha256))
      return fail(`${where} (${id}): fileSha256 is not a sha256`);
    if (!Number.isSafeInteger(bytes) || (bytes as number) < 0)
      return fail(`${where} (${id}): bytes is not a size`);
    if (
      !isObject(counts) ||
      !Number.isSafeInteger(counts.documents) ||
      !Number.isSafeInteger(counts.dossiers)
    )
      return fail(`${where} (${id}): counts are missing`);
  }
  return ok(json as unknown as PackList);
}
