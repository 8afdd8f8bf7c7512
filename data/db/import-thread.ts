/**
 * The pack importer on a thread of its own (a dedicated worker), so the context that answers the
 * popover's lookups (Chrome's service worker, Firefox's background page) neither runs an import's
 * script nor collects its garbage. The built extension importing 300,000 documents in 16 packs
 * through `importStagedPacks`, a lookup message every 25 ms from an extension document meanwhile,
 * side by side with the build that imported in the service worker (`KAMERLENS_PACKS_IN=product`,
 * two rounds in alternating order, load 3.0–6.2): lookups waited p50 13.8 and 14.0 ms, p95 37.7 and
 * 38.6 ms, 96 and 87 of ~3,500 over 50 ms, against p50 18.8 and 18.1, p95 80.9 and 74.4, 394 and
 * 312 over 50 ms; the import took as long (169 and 148 s against 167 and 143 s). The longest wait
 * (325–624 ms against 157–595 ms) is not bounded by this: it was not attributed yet.
 *
 * Both ends share the database; only calls, answers and one notice cross: after an import's or
 * removal's last transaction the thread asks the host to have the live row read again where it is
 * held (live-sources.ts), and deletes what was replaced only once the host says it was.
 */
import type { ImporterCall, PackImportProgress } from '../messages';
import type { KamerlensDB } from './kamerlens-db';
import { announceLiveWith } from './live-sources';
import type { PackImporter } from './pack-importer';

/** From the host to the thread: a call, or "the live row was read again" (the notice's id). */
type ToThread = { kind: 'call'; id: number; call: ImporterCall } | { kind: 'liveRead'; id: number };

/** From the thread to the host: an answer to a call, or the notice that the live row changed. */
type FromThread =
  | { kind: 'answer'; id: number; ok: true; value: PackImportProgress | boolean }
  | { kind: 'answer'; id: number; ok: false; error: string }
  | { kind: 'liveChanged'; id: number };

/** What either end needs of the other: a dedicated worker, its global scope, or a message port. */
export interface ThreadPort {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

/** The host's handle on the thread it started. */
export interface SpawnedThread extends ThreadPort {
  /** Called when the thread fails (its script did not load, or threw outside a call). */
  onFailure(listener: (error: string) => void): void;
  terminate(): void;
}

/** The thread's side: answers the host's calls with `importer`, which imports into `db`. */
export function serveImporter(port: ThreadPort, db: KamerlensDB, importer: PackImporter): void {
  let notices = 0;
  const waiting = new Map<number, () => void>();
  announceLiveWith(
    db,
    () =>
      new Promise<void>((read) => {
        notices += 1;
        waiting.set(notices, read);
        port.postMessage({ kind: 'liveChanged', id: notices } satisfies FromThread);
      }),
  );
  port.addEventListener('message', (event) => {
    const message = event.data as ToThread;
    if (message?.kind === 'liveRead') {
      waiting.get(message.id)?.();
      waiting.delete(message.id);
    } else if (message?.kind === 'call') {
      const { id } = message;
      run(importer, message.call).then(
        (value) => port.postMessage({ kind: 'answer', id, ok: true, value } satisfies FromThread),
        (error: unknown) =>
          port.postMessage({ kind: 'answer', id, ok: false, error: messageOf(error) } satisfies FromThread),
      );
    }
  });
}

function run(importer: PackImporter, call: ImporterCall): Promise<PackImportProgress | boolean> {
  switch (call.call) {
    case 'progress':
      return importer.progress();
    case 'importStaged':
      return importer.importStaged();
    case 'remove':
      return importer.remove(call.id);
  }
}

/** What the host needs to run the importer on a thread. */
export interface ImportThreadHost {
  /** Start the thread (it serves `serveImporter` over what this returns). */
  spawn(): SpawnedThread;
  /** Have the context that holds the live row read it again (rejecting when it could not). */
  liveChanged(): Promise<void>;
  /** The last import's outcome from the database, for progress asked while no thread runs. */
  stored(): Promise<PackImportProgress>;
  /**
   * Called every `KEEP_ALIVE_MS` while a call waits for the thread, when the host would otherwise
   * be stopped as idle in the middle of an import (Firefox's event page): an extension API call
   * that resets the browser's idle timer. A host with no idle timer of its own leaves it out.
   */
  keepAlive?(): Promise<unknown>;
  /**
   * Whether an import has anything to do (pack-importer.ts `packWorkWaiting`): when not, and no
   * thread runs, `importStaged` starts none and answers the stored progress. Every wake of the
   * background asks it to import; a thread started for nothing costs Firefox's event page a worker
   * with its own connection to the database, opened and torn down again. Left out: it always starts one.
   */
  workWaiting?(): Promise<boolean>;
}

/**
 * How often `keepAlive` is called while a call waits: a third of Firefox's idle timeout for event
 * pages (`extensions.background.idle.timeout`, 30 s by default), so one late call is no harm.
 */
export const KEEP_ALIVE_MS = 10_000;

/**
 * The importer, as a host sees it: the thread is started by the first import or removal and ended
 * once no call is waiting for it (a thread holds tens of MB while it imports). Progress asked with
 * no thread running comes from the database.
 */
export function importThread(host: ImportThreadHost): PackImporter {
  let thread: SpawnedThread | null = null;
  let calls = 0;
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let beating: ReturnType<typeof setInterval> | undefined;
  const keepAlive = host.keepAlive;
  const beat = () => {
    if (!keepAlive || beating !== undefined) return;
    beating = setInterval(() => {
      keepAlive().catch((error: unknown) => console.warn('Kamerlens: keep-alive call failed', error));
    }, KEEP_ALIVE_MS);
  };
  const rest = () => {
    clearInterval(beating);
    beating = undefined;
  };

  const end = (failed: SpawnedThread, error: string) => {
    if (thread !== failed) return;
    thread = null;
    rest();
    failed.terminate();
    for (const [id, call] of pending) {
      pending.delete(id);
      call.reject(new Error(`pack importer stopped: ${error}`));
    }
  };

  const start = (): SpawnedThread => {
    if (thread) return thread;
    const started = host.spawn();
    started.addEventListener('message', (event) => {
      const message = event.data as FromThread;
      if (message?.kind === 'liveChanged') {
        // The thread waits for this answer before deleting what was replaced: answer it always.
        host
          .liveChanged()
          .catch((error: unknown) => console.warn('Kamerlens: live row not read again', error))
          .finally(() => started.postMessage({ kind: 'liveRead', id: message.id } satisfies ToThread));
      } else if (message?.kind === 'answer') {
        const call = pending.get(message.id);
        pending.delete(message.id);
        if (message.ok) call?.resolve(message.value);
        else call?.reject(new Error(message.error));
      }
    });
    started.onFailure((error) => end(started, error));
    thread = started;
    return started;
  };

  const call = <T>(request: ImporterCall): Promise<T> => {
    const target = start();
    calls += 1;
    const id = calls;
    const answered = new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
    });
    beat();
    target.postMessage({ kind: 'call', id, call: request } satisfies ToThread);
    return answered.finally(() => {
      if (pending.size === 0) rest();
      if (pending.size === 0 && thread === target) {
        thread = null;
        target.terminate();
      }
    });
  };

  return {
    progress: () => (thread ? call<PackImportProgress>({ call: 'progress' }) : host.stored()),
    importStaged: async () => {
      // A thread already running (an import or removal under way) takes the call in its turn.
      if (!thread && host.workWaiting && !(await host.workWaiting()) && !thread) return host.stored();
      return call<PackImportProgress>({ call: 'importStaged' });
    },
    remove: (id) => call<boolean>({ call: 'remove', id }),
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A dedicated worker as the host's handle on it. */
export function workerThread(worker: Worker): SpawnedThread {
  return {
    postMessage: (message) => worker.postMessage(message),
    addEventListener: (type, listener) => worker.addEventListener(type, listener),
    onFailure: (listener) =>
      worker.addEventListener('error', (event) => {
        event.preventDefault();
        listener(event.message || 'the import thread failed');
      }),
    terminate: () => worker.terminate(),
  };
}
