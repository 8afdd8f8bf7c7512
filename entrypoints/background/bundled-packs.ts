/**
 * The packs a release bundles (`packs/packs.json` and the files it names, copied into the extension
 * by `npm run -s data:bundle` before the build) are staged for the pack importer once per release:
 * a bundled pack already loaded at the named version is left alone, and one the reader removed stays
 * removed until a release names another version of it. The files and the "staged for this release"
 * mark are written in one transaction, so a worker stopped half-way stages them again when it wakes,
 * and the importer (data/db/pack-importer.ts) reads and checks each file exactly as one the reader added.
 */
import { parsePackList } from '../../data/dataset/pack-list';
import type { KamerlensDB } from '../../data/db/kamerlens-db';
import type { BundledPacksMeta, StagedPack } from '../../data/db/records';

/** Reads the release's bundled files (extension-internal URLs, never the network). */
export interface BundledPackFiles {
  /** The parsed `packs/packs.json`, or null when the release bundles no packs. */
  list(): Promise<unknown | null>;
  /** The bytes of `packs/<name>`. */
  file(name: string): Promise<Blob>;
}

/** What staging did: the pack ids staged, and why nothing was staged when that is so. */
export type BundledStaging =
  | { status: 'staged'; ids: string[] }
  | { status: 'none' | 'already-staged' }
  | { status: 'failed'; error: string };

/** Stage the release's bundled packs that are not loaded at their version, once per release. */
export async function stageBundledPacks(db: KamerlensDB, files: BundledPackFiles): Promise<BundledStaging> {
  let json: unknown;
  try {
    json = await files.list();
  } catch (error) {
    return { status: 'failed', error: `bundled pack list not readable: ${messageOf(error)}` };
  }
  if (json === null) return { status: 'none' };
  const list = parsePackList(json);
  if (!list.ok) return { status: 'failed', error: `bundled pack list refused: ${list.error}` };
  const entries = list.value.packs;
  if (entries.length === 0) return { status: 'none' };
  const release = entries
    .map((entry) => `${entry.id}@${entry.version}`)
    .sort()
    .join(' ');
  const marked = await db.meta.get('bundledPacks');
  if (marked?.key === 'bundledPacks' && marked.release === release) return { status: 'already-staged' };

  const loaded = await db.packs.bulkGet(entries.map((entry) => entry.id));
  const wanted = entries.filter((entry, i) => loaded[i]?.version !== entry.version);
  const staged: StagedPack[] = [];
  try {
    for (const entry of wanted) {
      const file = await files.file(entry.file);
      staged.push({ fileName: entry.file, file, stagedAt: new Date().toISOString() });
    }
  } catch (error) {
    return { status: 'failed', error: `bundled pack not readable: ${messageOf(error)}` };
  }
  const mark: BundledPacksMeta = {
    key: 'bundledPacks',
    release,
    staged: wanted.map((entry) => entry.id),
    stagedAt: new Date().toISOString(),
  };
  await db.transaction('rw', [db.stagedPacks, db.meta], async () => {
    await db.stagedPacks.bulkAdd(staged);
    await db.meta.put(mark);
  });
  return { status: 'staged', ids: mark.staged };
}

/** The bundled files read with `fetch` of the extension's own URLs (`url('packs/packs.json')`). */
export function extensionPackFiles(url: (path: string) => string): BundledPackFiles {
  return {
    async list() {
      let response: Response;
      try {
        response = await fetch(url('packs/packs.json'));
      } catch {
        // Chromium rejects a fetch of a missing extension file; Firefox answers 404: no bundled packs.
        return null;
      }
      if (response.status === 404) return null;
      if (!response.ok) throw new Error(`packs/packs.json: ${response.status}`);
      return response.json();
    },
    async file(name) {
      const response = await fetch(url(`packs/${name}`));
      if (!response.ok) throw new Error(`packs/${name}: ${response.status}`);
      return response.blob();
    },
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
