/**
 * Imports the pack files the side panel staged, one at a time in this one writer, tracking progress
 * for the panel. A staged file leaves the staging table only after its import ended, so a worker
 * stopped half-way finds it again on waking: it first undoes what the stopped import (or removal)
 * wrote, to the row (undoable-writes.ts), then imports the file from the start: resuming is redoing,
 * never half a pack.
 */
import { type PackReadResult, readPack } from '../dataset/read-pack';
import type { PackImportProgress } from '../messages';
import { importPack, removePack } from './import-pack';
import type { KamerlensDB } from './kamerlens-db';
import type { PackImportMeta, StagedPack } from './records';
import { deadGenerations, sweepDeadBlocks } from './row-blocks';
import {
  deadPostings,
  findStaleSegments,
  rebuildStaleSegments,
  type StaleSegments,
  sweepPostings,
} from './search-segments';
import { BUNDLED_SEGMENT } from './segment-owner';
import type { SourcesRead } from './source-documents';

/** The pack importer of one worker. */
export interface PackImporter {
  /** Live progress while this worker imports; otherwise the last outcome stored in the database. */
  progress(): Promise<PackImportProgress>;
  /** Import everything staged (after any run already going); resolves to how the last one ended. */
  importStaged(): Promise<PackImportProgress>;
  /** Remove a loaded pack, after any import already going. */
  remove(id: string): Promise<boolean>;
}

const IDLE: PackImportProgress = {
  state: 'idle',
  fraction: 0,
  fileName: null,
  packId: null,
  version: null,
  replaced: null,
  error: null,
  refusal: null,
};

/** A staged file being read, perhaps ahead of its import. */
interface ReadAhead {
  /** Its key in the staging table. */
  key: number;
  read: Promise<PackReadResult>;
  /** Share of the whole import its reading stands for so far (0…0.5). */
  fraction: number;
  /** Whether it is the file being imported (its progress is then the importer's). */
  current: boolean;
}

/** Create the importer for `db`. */
export function createPackImporter(db: KamerlensDB): PackImporter {
  let live: PackImportProgress = IDLE;
  let queue: Promise<unknown> = Promise.resolve();
  const after = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(task, task);
    queue = next.catch(() => undefined);
    return next;
  };

  const set = async (next: PackImportProgress, store: boolean) => {
    live = next;
    if (store && next.state !== 'idle') await db.meta.put(metaOf(next)).catch(() => undefined);
  };

  /**
   * Read `staged` (unzip, parse, hash, check): reported as the running import's first half once
   * `current` says it is the one being imported (a file read ahead reports nothing until then).
   */
  function readStaged(staged: StagedPack): ReadAhead {
    const size = staged.file.size;
    const reading: ReadAhead = {
      key: staged.key as number,
      fraction: 0,
      current: false,
      read: readPack(staged.file.stream(), {
        onBytes: (bytes) => {
          reading.fraction = size === 0 ? 0.5 : (0.5 * bytes) / size;
          if (reading.current) live = { ...live, fraction: reading.fraction };
        },
      }),
    };
    // Awaited where it is imported; a file read ahead and then never imported must not be an
    // unhandled rejection (readPack answers refusals; this is for what it did not foresee).
    reading.read.catch(() => undefined);
    return reading;
  }

  /**
   * Import `staged`; `sources` are those the previous import of this run left (`importPack`),
   * returned with this one's (undefined where it failed: they are read again).
   */
  async function importOne(
    staged: StagedPack,
    reading: ReadAhead,
    sources: SourcesRead | undefined,
  ): Promise<SourcesRead | undefined> {
    let after: SourcesRead | undefined;
    const start: PackImportProgress = { ...IDLE, state: 'importing', fileName: staged.fileName };
    await set({ ...start, fraction: reading.fraction }, true);
    reading.current = true;
    const size = staged.file.size;
    const read = await reading.read;
    if (!read.ok) {
      await set({ ...start, state: 'failed', error: read.error, refusal: read.refusal ?? null }, true);
    } else {
      const pack = read.value;
      live = { ...live, packId: pack.id, version: pack.version, fraction: 0.5 };
      try {
        const imported = await importPack(db, pack, {
          bytes: size,
          fileName: staged.fileName,
          sources,
          onProgress: (fraction) => {
            live = { ...live, fraction: 0.5 + 0.5 * fraction };
          },
        });
        after = imported.sources;
        await set({ ...live, state: 'done', fraction: 1, replaced: imported.replaced }, true);
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        const refusal = { code: 'import-failed', detail } as const;
        await set(
          { ...live, state: 'failed', fraction: 0, error: `Import failed: ${detail}`, refusal },
          true,
        );
      }
    }
    await db.stagedPacks.delete(staged.key as number);
    return after;
  }

  /**
   * Before this worker's first import or removal: delete the blocks of those a stopped worker left
   * unfinished (and the postings it staged for no segment), then
   * build again the packs' search segments that do not match their pack (an older build's, or of
   * another version), showing it as the pack's import in progress. The bundled dataset's segment
   * is the dataset loader's (it imports the dataset again).
   */
  async function repair(): Promise<void> {
    await sweepDeadBlocks(db, isPack);
    await sweepPostings(db, isPack);
    const packs = packSegments(await findStaleSegments(db));
    if (packs.rebuild.length === 0 && packs.orphans.length === 0) return;
    const records = new Map((await db.packs.toArray()).map((pack) => [pack.id, pack]));
    const first = records.get(packs.rebuild[0] ?? '');
    live = { ...IDLE, state: 'importing', fileName: first?.fileName ?? null, packId: first?.id ?? null };
    try {
      await rebuildStaleSegments(db, packs, (fraction) => {
        const at = records.get(
          packs.rebuild[Math.min(packs.rebuild.length - 1, Math.floor(fraction * packs.rebuild.length))] ??
            '',
        );
        live = {
          ...live,
          fraction,
          fileName: at?.fileName ?? null,
          packId: at?.id ?? null,
          version: at?.version ?? null,
        };
      });
    } finally {
      live = IDLE;
    }
  }
  after(repair).catch(() => undefined);

  /**
   * Import the staged files in the order they were staged. The file after the one being imported
   * is read meanwhile: reading is this thread's work (unzip, parse, hash, check) while writing is
   * mostly the database's, so the two overlap instead of taking turns. At 300,000 documents in 16
   * packs, reading was 10–12 s of a 72–80 s import (packs bench, record corpus). It holds one
   * more pack in memory than reading each in turn (1/16 of the record: ~19,000 documents).
   */
  async function drain(): Promise<PackImportProgress> {
    let ahead: ReadAhead | null = null;
    let sources: SourcesRead | undefined;
    for (;;) {
      const staged = await db.stagedPacks.orderBy(':id').first();
      if (!staged) return live;
      const reading = ahead !== null && ahead.key === staged.key ? ahead : readStaged(staged);
      const next = await db.stagedPacks.where(':id').above(staged.key).first();
      ahead = next ? readStaged(next) : null;
      sources = await importOne(staged, reading, sources);
    }
  }

  return {
    progress: () => (live.state !== 'idle' ? Promise.resolve(live) : storedPackProgress(db)),
    importStaged: () => after(drain),
    remove: (id) => after(() => removePack(db, id)),
  };
}

/** The sources and segments of packs (the bundled dataset's are the dataset loader's). */
const isPack = (source: string) => source !== BUNDLED_SEGMENT;

/** The stale segments of packs: those the importer builds again (orphans are deleted whoever's). */
const packSegments = (stale: StaleSegments): StaleSegments => ({
  ...stale,
  rebuild: stale.rebuild.filter(isPack),
});

/**
 * Whether the pack importer has anything to do: a staged file, or what its `repair` mends (the
 * blocks, postings or search segments of a pack change a stopped worker left unfinished). A woken
 * background asks before it starts an importer: starting one to find nothing is an offscreen
 * document and a thread in Chrome, beside the woken worker's first lookup. With the wake's reads
 * already a key per generation, a batch of 20 sent to a stopped worker took p50 161 ms, p95 186 ms
 * this way against 200 and 440 ms (npm run bench -- cold-wake at 300,000 documents, 6 alternating
 * rounds, load 0.9-3.2). Reads a key or a row per source, not per record.
 */
export async function packWorkWaiting(db: KamerlensDB): Promise<boolean> {
  const [staged, blocks, postings, stale] = await Promise.all([
    db.stagedPacks.count(),
    deadGenerations(db, isPack),
    deadPostings(db, isPack),
    findStaleSegments(db).then(packSegments),
  ]);
  return (
    staged > 0 || blocks.length > 0 || postings.length > 0 || stale.rebuild.length + stale.orphans.length > 0
  );
}

/**
 * How the last pack import ended, as stored in the database (idle before the first): what the
 * importer answers when it is not importing, and what a context without the importer can answer.
 */
export async function storedPackProgress(db: KamerlensDB): Promise<PackImportProgress> {
  const stored = await db.meta.get('packImport');
  if (stored?.key !== 'packImport') return IDLE;
  // A stored `importing` is an import a stopped worker left: it runs again from the staged file.
  const { state, fileName, packId, version, replaced, error, refusal } = stored;
  const fraction = state === 'done' ? 1 : 0;
  return { state, fraction, fileName, packId, version, replaced, error, refusal: refusal ?? null };
}

function metaOf(progress: PackImportProgress): PackImportMeta {
  return {
    key: 'packImport',
    state: progress.state === 'idle' ? 'importing' : progress.state,
    fileName: progress.fileName ?? '',
    packId: progress.packId,
    version: progress.version,
    replaced: progress.replaced,
    error: progress.error,
    refusal: progress.refusal ?? null,
    updatedAt: new Date().toISOString(),
  };
}
