/**
 * A bench-only trace of a thread's IndexedDB transactions and stalls, built in only with
 * `VITE_KAMERLENS_TRACE=1 npx wxt build --mode test` (the import worker and the background call
 * `traceThread` under that flag; any other build leaves it out). Each transaction is reported with
 * its mode and tables, when it was created, when its first and last request succeeded and when it
 * ended; a stall is a 10 ms timer that fired late (the thread ran something else meanwhile). Events
 * go out on a BroadcastChannel, which any extension document listens to (scripts/bench/_product-packs.ts,
 * `KAMERLENS_PACKS_TRACE=1`), so a lookup that waited can be set against what held its tables or its
 * thread. Times are `performance.timeOrigin + performance.now()`: one clock for every thread.
 */

/** The channel the events go out on (its name is repeated in the bench's document, _product-packs.ts). */
const TRACE_CHANNEL = 'kamerlens-trace';

/** One transaction of a traced thread. */
export interface TxEvent {
  t: 'tx';
  thread: string;
  mode: IDBTransactionMode;
  scope: string[];
  created: number;
  /** When the first / last of its requests succeeded (null: it made none, or none succeeded). */
  first: number | null;
  last: number | null;
  requests: number;
  done: number;
  outcome: 'complete' | 'abort' | 'error';
}

/** A stretch in which a traced thread ran no timer: from when one was due to when it ran. */
export interface StallEvent {
  t: 'stall';
  thread: string;
  from: number;
  to: number;
}

/** A message a traced thread received (its `type`), for lookups: when it arrived. */
interface ReceivedEvent {
  t: 'msg';
  thread: string;
  type: string;
  at: number;
}

export type TraceEvent = TxEvent | StallEvent | ReceivedEvent;

const now = () => performance.timeOrigin + performance.now();

/** Timer period of the stall probe, and the lateness from which it reports one. */
const PROBE_MS = 10;
const STALL_MS = 20;

/** Request-making methods whose successes are timed, on stores and indexes. */
const REQUESTS = ['get', 'getAll', 'getAllKeys', 'getKey', 'openCursor', 'openKeyCursor', 'count'];
const STORE_WRITES = ['add', 'put', 'delete', 'clear'];

/**
 * Trace this thread's transactions and stalls as `thread` (call once, at start). Returns a function
 * that reports a received message (the background's lookups).
 */
export function traceThread(thread: string): (type: string) => void {
  const channel = new BroadcastChannel(TRACE_CHANNEL);
  const send = (event: TraceEvent) => channel.postMessage(event);
  const open = new WeakMap<IDBTransaction, TxEvent>();

  const transaction = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function traced(
    this: IDBDatabase,
    ...args: Parameters<IDBDatabase['transaction']>
  ) {
    const tx = transaction.apply(this, args);
    const event: TxEvent = {
      t: 'tx',
      thread,
      mode: tx.mode,
      scope: [...tx.objectStoreNames],
      created: now(),
      first: null,
      last: null,
      requests: 0,
      done: 0,
      outcome: 'complete',
    };
    open.set(tx, event);
    const end = (outcome: TxEvent['outcome']) => () => {
      event.done = now();
      event.outcome = outcome;
      send(event);
    };
    tx.addEventListener('complete', end('complete'));
    tx.addEventListener('abort', end('abort'));
    return tx;
  };

  const timed = (target: object, name: string) => {
    const proto = target as Record<string, unknown>;
    const original = proto[name];
    if (typeof original !== 'function') return;
    proto[name] = function tracedRequest(this: IDBObjectStore | IDBIndex, ...args: unknown[]) {
      const request = (original as (...a: unknown[]) => IDBRequest).apply(this, args);
      const event = open.get(request.transaction as IDBTransaction);
      if (event) {
        event.requests += 1;
        request.addEventListener('success', () => {
          const at = now();
          event.first ??= at;
          event.last = at;
        });
      }
      return request;
    };
  };
  for (const name of [...REQUESTS, ...STORE_WRITES]) timed(IDBObjectStore.prototype, name);
  for (const name of REQUESTS) timed(IDBIndex.prototype, name);

  let due = now() + PROBE_MS;
  setInterval(() => {
    const at = now();
    if (at - due > STALL_MS) send({ t: 'stall', thread, from: due, to: at });
    due = at + PROBE_MS;
  }, PROBE_MS);

  return (type) => send({ t: 'msg', thread, type, at: now() });
}
