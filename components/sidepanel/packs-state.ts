/**
 * "About the data"'s packs in signals: the list, the running import's progress, and how the last
 * add, update or removal ended. The import itself runs in the background; this side hands the file
 * over and follows it, also across a background that stopped and woke again.
 */
import { signal } from '@preact/signals';
import type { PackRefusal } from '../../data/dataset/read-pack';
import type { PackRecord } from '../../data/db/records';
import type { PackImportProgress } from '../../data/messages';
import type { PanelSources } from './panel-sources';
import { wait } from './wait';

/** How the last pack action ended, for the live region. */
export type PackOutcome =
  | { kind: 'added'; packId: string; version: string }
  | { kind: 'updated'; packId: string; from: string; to: string }
  | { kind: 'failed'; fileName: string; error: string; refusal: PackRefusal | null }
  | { kind: 'removed'; packId: string };

/** Status reads that may fail in a row (a background waking) before the panel gives up following. */
const MAX_MISSED_POLLS = 20;

/** Creates the packs' state; `onChanged` runs after the data changed (to read the library again). */
export function createPacksState(
  sources: Pick<PanelSources, 'listPacks' | 'addPack' | 'packImportStatus' | 'removePack'>,
  options: { pollMs: number; watchMs?: number; onChanged: () => Promise<void> },
) {
  const packs = signal<PackRecord[] | null>(null);
  const progress = signal<PackImportProgress | null>(null);
  const outcome = signal<PackOutcome | null>(null);
  const busy = signal(false);
  /** How often "about the data" asks whether an import it did not start is running. */
  const watchMs = options.watchMs ?? options.pollMs * 2.5;

  async function load(): Promise<void> {
    packs.value = await sources.listPacks().catch(() => []);
  }

  /** Polls the background's progress into `progress` until `signal` aborts. */
  async function follow(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      const status = await sources.packImportStatus().catch(() => null);
      if (!signal.aborted && status?.progress.state === 'importing') progress.value = status.progress;
      await wait(options.pollMs, signal);
    }
  }

  /** After the background stopped mid-import: waits until what was staged has been imported on its waking. */
  async function awaitStaged(): Promise<PackImportProgress | null> {
    let missed = 0;
    while (missed < MAX_MISSED_POLLS) {
      const status = await sources.packImportStatus().catch(() => null);
      if (!status) missed += 1;
      else if (status.waiting === 0 && status.progress.state !== 'importing') return status.progress;
      else progress.value = status.progress;
      await wait(options.pollMs, new AbortController().signal);
    }
    return null;
  }

  /**
   * Follows imports this panel did not start (the release's bundled packs on a first start, a pack
   * added in another window) until `stop` aborts: progress shows, and the list is read again when
   * the import ends.
   */
  async function watch(stop: AbortSignal): Promise<void> {
    // An import that started and ended between two looks still changed how the last one ended.
    let seen: string | null = null;
    while (!stop.aborted) {
      const status = busy.value ? null : await sources.packImportStatus().catch(() => null);
      if (!stop.aborted && !busy.value && status) {
        const ended = JSON.stringify(status.progress);
        if (status.waiting > 0 || status.progress.state === 'importing') {
          busy.value = true;
          progress.value = status.progress;
          const last = await awaitStaged();
          await finished();
          seen = last ? JSON.stringify(last) : null;
        } else {
          if (seen !== null && ended !== seen) await finished();
          seen = ended;
        }
      }
      await wait(watchMs, stop);
    }
  }

  async function finished(): Promise<void> {
    progress.value = null;
    busy.value = false;
    await load();
    await options.onChanged();
  }

  return {
    packs,
    progress,
    outcome,
    busy,
    load,
    watch,
    /** Adds (or updates: same id) a pack from a file the reader chose. */
    async add(file: File): Promise<void> {
      busy.value = true;
      outcome.value = null;
      progress.value = {
        state: 'importing',
        fraction: 0,
        fileName: file.name,
        packId: null,
        version: null,
        replaced: null,
        error: null,
      };
      const stop = new AbortController();
      void follow(stop.signal);
      const answer = await sources.addPack(file).catch((error: unknown) => ({ ok: false, error }) as const);
      const ended = answer.ok ? answer.value : await awaitStaged();
      stop.abort();
      if (ended?.state !== 'done' || !ended.packId || !ended.version) {
        const error = ended?.error ?? (answer.ok ? null : String(answer.error));
        outcome.value = {
          kind: 'failed',
          fileName: file.name,
          error: error ?? '',
          refusal: ended?.refusal ?? null,
        };
      } else if (ended.replaced && ended.replaced !== ended.version) {
        outcome.value = { kind: 'updated', packId: ended.packId, from: ended.replaced, to: ended.version };
      } else {
        outcome.value = { kind: 'added', packId: ended.packId, version: ended.version };
      }
      await finished();
    },
    /** Removes a pack (the view asked the reader to confirm first). */
    async remove(id: string): Promise<void> {
      busy.value = true;
      outcome.value = null;
      const removed = await sources.removePack(id).catch(() => false);
      if (removed) outcome.value = { kind: 'removed', packId: id };
      await finished();
    },
  };
}
