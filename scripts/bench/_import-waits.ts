/**
 * Why a lookup waited during an import (panel bench, in Chromium): every IndexedDB transaction the
 * page creates is logged (scope, mode, created, ended) by wrapping `IDBDatabase.prototype.transaction`
 * and the main thread's long tasks (≥ 50 ms, PerformanceObserver) are collected. A lookup that
 * waited long is then told apart: the thread busy (a long task of the import: validating, planning,
 * serializing, building the index, or a collection) or its read queued behind a read-write
 * transaction on a store it reads. Pure bookkeeping: nothing here changes what is measured.
 */

/** One transaction as the page created it. */
interface Transaction {
  scope: string[];
  mode: IDBTransactionMode;
  created: number;
  ended: number;
}

/** A lookup's wait: issued and answered (performance.now()). */
export interface Wait {
  issued: number;
  answered: number;
}

/** Where the wrapper logs while a watch runs (null: not watching). */
let logging: Transaction[] | null = null;

/**
 * Wrap `IDBDatabase.prototype.transaction` (once per page) so a watch can log transactions. Call it
 * before opening the database to watch: Dexie binds the method when it opens.
 */
export function wrapTransactions(): void {
  const proto = IDBDatabase.prototype as IDBDatabase & { kamerlensWrapped?: true };
  if (proto.kamerlensWrapped) return;
  const original = proto.transaction;
  proto.transaction = function (this: IDBDatabase, ...args: Parameters<typeof original>) {
    const tx = original.apply(this, args);
    if (!logging) return tx;
    const [names, mode] = args;
    const entry: Transaction = {
      scope: typeof names === 'string' ? [names] : [...names].sort(),
      mode: mode ?? 'readonly',
      created: performance.now(),
      ended: Number.NaN,
    };
    logging.push(entry);
    const end = () => {
      entry.ended = performance.now();
    };
    tx.addEventListener('complete', end);
    tx.addEventListener('abort', end);
    return tx;
  } as typeof original;
  proto.kamerlensWrapped = true;
}

/** Start logging transactions (of databases opened after `wrapTransactions`) and long tasks; `stop` returns them. */
export function watchImport(): { stop(): { transactions: Transaction[]; longTasks: [number, number][] } } {
  const transactions: Transaction[] = [];
  logging = transactions;
  const longTasks: [number, number][] = [];
  // A worker has no long tasks to observe: its caller adds the stalls it timed itself.
  const observer = PerformanceObserver.supportedEntryTypes.includes('longtask')
    ? new PerformanceObserver((list) => {
        for (const entry of list.getEntries())
          longTasks.push([entry.startTime, entry.startTime + entry.duration]);
      })
    : null;
  observer?.observe({ type: 'longtask' });
  return {
    stop() {
      logging = null;
      for (const entry of observer?.takeRecords() ?? [])
        longTasks.push([entry.startTime, entry.startTime + entry.duration]);
      observer?.disconnect();
      return { transactions, longTasks };
    },
  };
}

const overlap = (a0: number, a1: number, b0: number, b1: number) =>
  Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));

/**
 * What the lookups that waited more than `over` ms overlapped: long tasks (the thread busy) and
 * read-write transactions on `read` (a store the lookup reads), each transaction's running time
 * taken from the later of its creation and the end of the one before it on the same scope (they
 * queue). Also the import's read-write transactions by scope: count and longest running time.
 */
export function explainWaits(
  waits: readonly Wait[],
  logged: ReturnType<ReturnType<typeof watchImport>['stop']>,
  read: readonly string[],
  over = 50,
) {
  const writes = logged.transactions.filter((tx) => tx.mode === 'readwrite' && !Number.isNaN(tx.ended));
  const lastEnd = new Map<string, number>();
  const running = writes.map((tx) => {
    const key = tx.scope.join('+');
    const began = Math.max(tx.created, lastEnd.get(key) ?? 0);
    lastEnd.set(key, tx.ended);
    return { key, began, ended: tx.ended, reads: tx.scope.some((store) => read.includes(store)) };
  });
  const byScope = new Map<string, { count: number; longest: number; total: number; over: number }>();
  for (const tx of running) {
    const entry = byScope.get(tx.key) ?? { count: 0, longest: 0, total: 0, over: 0 };
    const ms = tx.ended - tx.began;
    byScope.set(tx.key, {
      count: entry.count + 1,
      longest: Math.max(entry.longest, ms),
      total: entry.total + ms,
      over: entry.over + (ms > over ? 1 : 0),
    });
  }
  const slow = waits.filter((wait) => wait.answered - wait.issued > over);
  let waited = 0;
  let busy = 0;
  let behindWrites = 0;
  let longestTask = 0;
  for (const { issued, answered } of slow) {
    waited += answered - issued;
    for (const [start, end] of logged.longTasks) {
      const ms = overlap(issued, answered, start, end);
      busy += ms;
      if (ms > 0) longestTask = Math.max(longestTask, end - start);
    }
    for (const tx of running) if (tx.reads) behindWrites += overlap(issued, answered, tx.began, tx.ended);
  }
  return {
    slow: slow.length,
    waitedMs: waited,
    /** Of those waits, ms the thread spent in long tasks. */
    busyMs: busy,
    longestTaskMs: longestTask,
    /** Of those waits, ms a read-write transaction on a store the lookup reads was running. */
    behindWritesMs: behindWrites,
    longTasks: tasksByPhase(logged.longTasks, running),
    /** The long tasks themselves (page clock), for a CPU profile to say what ran in each. */
    taskList: logged.longTasks,
    writes: [...byScope].map(([scope, figures]) => ({ scope, ...figures })),
  };
}

/**
 * Long tasks by the import's phase they fell in: named by the scope of the last read-write
 * transaction created before the task began ("before any write" for validation and planning).
 */
function tasksByPhase(tasks: readonly [number, number][], writes: readonly { key: string; began: number }[]) {
  const phases = new Map<string, { count: number; totalMs: number; longestMs: number }>();
  for (const [start, end] of tasks) {
    let phase = 'before any write';
    for (const tx of writes) if (tx.began <= start) phase = `during/after ${tx.key}`;
    const entry = phases.get(phase) ?? { count: 0, totalMs: 0, longestMs: 0 };
    phases.set(phase, {
      count: entry.count + 1,
      totalMs: entry.totalMs + end - start,
      longestMs: Math.max(entry.longestMs, end - start),
    });
  }
  return [...phases].map(([phase, figures]) => ({ phase, ...figures }));
}

/** `explainWaits`' answer in lines for the console; `busy` says what the thread's busy time is. */
export function describeWaits(why: ReturnType<typeof explainWaits>, busy: string): string[] {
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  return [
    `  why: ${why.slow} lookups waited over 50 ms (${ms(why.waitedMs)} in all); of that time ${busy} ${ms(why.busyMs)} (longest ${ms(why.longestTaskMs)}) ` +
      `and a read-write transaction on documents or dossiers ran ${ms(why.behindWritesMs)} (the two can overlap)`,
    `  long tasks by phase: ${why.longTasks.map((t) => `${t.phase}: ${t.count}, ${ms(t.totalMs)} (longest ${ms(t.longestMs)})`).join('; ')}`,
    `  the import's read-write transactions: ${why.writes.map((w) => `${w.scope}: ${w.count} (${w.over} over 50 ms), longest ${ms(w.longest)}, ${ms(w.total)} in all`).join('; ')}`,
  ];
}
