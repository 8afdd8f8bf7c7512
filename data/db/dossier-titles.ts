/**
 * Every dossier's title held in memory, per database instance (in the background: the one the
 * lookups read), so a lookup reads documents only: at 300,000 documents the dossier reads were half
 * of a batch of 20's time (two rounds of about 20 gets each; npm run bench -- panel). Dossiers
 * change only when an import or a pack removal ends, and each end leaves a mark a small read finds
 * (`readEpoch`): every lookup starts that read beside its own and uses the titles only when it came
 * back in time and names the epoch they were loaded at; otherwise it reads them from the database
 * as before. So a lookup never waits for the cache, and never answers titles of another version.
 */
import type { DossierRecord } from '../dataset/types';
import { readAllRecords } from './documents';
import type { KamerlensDB } from './kamerlens-db';
import { liveFor, liveScope } from './live-sources';

interface Held {
  /** The titles and the epoch they were loaded at. */
  loaded: { epoch: string; titles: Map<string, string> } | null;
  loading: Promise<void> | null;
}

const perDatabase = new WeakMap<KamerlensDB, Held>();

/**
 * The epoch the stored dossiers are at: the live generation of each source (live-sources.ts),
 * which every import's and removal's last transaction changes. `onEpoch` gets it as soon as the
 * read is back, inside the transaction: its commit is one more round trip a lookup need not wait
 * for.
 */
function readEpoch(db: KamerlensDB, onEpoch: (epoch: string | null) => void = () => undefined) {
  const read = async () => {
    const epoch = JSON.stringify((await liveFor(db)).sources);
    onEpoch(epoch);
    return epoch;
  };
  // Held in memory (the background): no read at all.
  const scope = liveScope(db);
  return scope.length === 0 ? read() : db.transaction('r', scope, read);
}

/** Every dossier's title (the winning record of each). */
async function loadTitles(db: KamerlensDB): Promise<Map<string, string>> {
  const titles = new Map<string, string>();
  for (const dossier of (await readAllRecords<DossierRecord>(db, 'dossierBlocks')).values())
    titles.set(dossier.id, dossier.title);
  return titles;
}

/** Load the titles at `epoch`, keeping them only if the epoch did not change meanwhile. */
async function load(db: KamerlensDB, held: Held, epoch: string): Promise<void> {
  const titles = await loadTitles(db);
  if ((await readEpoch(db)) === epoch) held.loaded = { epoch, titles };
}

/** A check started by `dossierTitles`: its answer once it came back, undefined before. */
export interface TitlesCheck {
  /** Every dossier's title, current; null when they cannot be used (not loaded, or another epoch). */
  readonly titles: ReadonlyMap<string, string> | null | undefined;
  /** Resolves when the check is back (`titles` is set). */
  readonly done: Promise<void>;
}

/**
 * Start checking whether the held titles of `db` are current (call outside any transaction, before
 * the lookup's own): read `titles` once the lookup has its documents. Loads them in the background
 * when none are held for the current epoch.
 */
export function dossierTitles(db: KamerlensDB): TitlesCheck {
  let held = perDatabase.get(db);
  if (!held) {
    held = { loaded: null, loading: null };
    perDatabase.set(db, held);
  }
  const state = held;
  const check: { titles: ReadonlyMap<string, string> | null | undefined; done: Promise<void> } = {
    titles: undefined,
    done: Promise.resolve(),
  };
  const settle = (epoch: string | null) => {
    const current = epoch !== null && state.loaded?.epoch === epoch;
    check.titles = current ? (state.loaded?.titles ?? null) : null;
    if (!current) state.loaded = null;
  };
  check.done = readEpoch(db, settle).then(
    (epoch) => {
      // Outside the check's transaction: the load reads the dossiers in transactions of its own.
      if (epoch !== null && check.titles === null && !state.loading) {
        state.loading = load(db, state, epoch)
          .catch(() => undefined)
          .finally(() => {
            state.loading = null;
          });
      }
    },
    () => {
      check.titles = null;
    },
  );
  return check;
}

/** Resolves once no load of `db`'s titles is under way (tests and benchmarks wait for a warm cache). */
export async function dossierTitlesSettled(db: KamerlensDB): Promise<void> {
  await perDatabase.get(db)?.loading;
}
