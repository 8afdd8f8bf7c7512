/**
 * Choosing the packs a release bundles (Node only): the named packs are copied from a folder the
 * build wrote (`data:build -- --packs DIR`) into the extension's `public/packs/`, with a
 * `packs.json` that names exactly them. Every file is checked against the list it came from (size
 * and sha256) before anything is replaced; packs of an earlier choice are removed. The extension
 * stages the bundled packs on its next start (entrypoints/background/bundled-packs.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { PackList } from '../../dataset/pack-format';
import { parsePackList } from '../../dataset/pack-list';
import { writeFileAtomic } from '../atomic-write';

/** Where the extension build picks up bundled packs. */
export const BUNDLED_PACKS_DIR = 'public/packs';

/** A choice that cannot be bundled: the message says why; nothing was changed. */
export class BundleError extends Error {}

/**
 * Bundle the packs `ids` (all packs of the list when empty) from `fromDir` into `outDir`; returns
 * the list written. Throws BundleError when the source list is unusable, an id is not in it, or a
 * file is missing or differs from its list entry.
 */
export function bundlePacks(fromDir: string, ids: readonly string[], outDir = BUNDLED_PACKS_DIR): PackList {
  const listPath = join(fromDir, 'packs.json');
  if (!existsSync(listPath))
    throw new BundleError(`${listPath} not found (write packs with data:build -- --packs DIR)`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(listPath, 'utf8'));
  } catch (error) {
    throw new BundleError(
      `${listPath} is not JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  const parsed = parsePackList(json);
  if (!parsed.ok) throw new BundleError(`${listPath}: ${parsed.error}`);
  const source = parsed.value;
  const unknown = ids.filter((id) => !source.packs.some((entry) => entry.id === id));
  if (unknown.length > 0)
    throw new BundleError(
      `not in ${listPath}: ${unknown.join(', ')} (it has ${source.packs.map((p) => p.id).join(', ')})`,
    );
  const chosen = ids.length === 0 ? source.packs : source.packs.filter((entry) => ids.includes(entry.id));

  const files = chosen.map((entry) => {
    const path = join(fromDir, entry.file);
    if (!existsSync(path)) throw new BundleError(`${path} not found`);
    const bytes = readFileSync(path);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (bytes.length !== entry.bytes || sha256 !== entry.fileSha256)
      throw new BundleError(`${path} is not the file ${listPath} names (size or sha256 differ)`);
    return { entry, bytes };
  });

  clearBundled(outDir);
  for (const { entry, bytes } of files) writeFileAtomic(join(outDir, entry.file), bytes);
  const list: PackList = { ...source, packs: chosen };
  writeFileAtomic(join(outDir, 'packs.json'), `${JSON.stringify(list, null, 2)}\n`);
  return list;
}

/** Remove every bundled pack and the list: the release bundles none. */
export function clearBundled(outDir = BUNDLED_PACKS_DIR): void {
  if (!existsSync(outDir)) return;
  for (const name of readdirSync(outDir))
    if (name === 'packs.json' || name.endsWith('.pack.json.gz')) rmSync(join(outDir, name), { force: true });
}
