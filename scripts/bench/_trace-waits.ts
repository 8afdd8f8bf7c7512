/**
 * What each long lookup of the product packs bench waited for (`KAMERLENS_PACKS_TRACE=1`, with a
 * build made by `VITE_KAMERLENS_TRACE=1 npx wxt build --mode test`, data/db/idb-trace.ts): the
 * round trip is cut at the background's receipt of the message, its read transaction's creation,
 * that transaction's first result and its end; the read's wait for its tables is set against the
 * import thread's read-write transactions on a table it reads, created before it and still open.
 * Each wait over 50 ms is put in one class, by where most of its time went:
 *  - `lock`: the read waited for an import transaction (named by its tables; split into the time
 *    its requests ran and the time it stayed open after its last one: that commit waits for the
 *    thread that created it to come back to its event loop);
 *  - `background`: before the read or after it, with the background's thread stalled meanwhile;
 *  - `other`: neither (message passing, scheduling under load).
 * A transaction's times are when its events reached the thread that made it: late where that
 * thread was busy, so a blocking write's phases lag what the database did.
 *
 * Measured 2026-12-04 (300,000 record-shaped documents in 16 packs, main's code traced, Chromium
 * 156, 2 CPUs shared with other work): at load 4.3, 49 lookups over 50 ms: 30 `lock` (3.2 s in
 * all), 13 `other`, 6 `background`; at load 5.4-5.5 (two imports), 69: 43 `lock` (3.4 s), 16
 * `other` (1.6 s), 10 `background` (0.8 s). Every `lock` wait but two was behind a chunk of block
 * writes on `documentBlocks` (`dossierBlocks` the others), none behind a pack's first or last
 * steps; such chunks held the block tables for 78-79% of the import (42.9 of 54.5 s, 38.7 of
 * 49.7 s), p50 8 ms each but 144-175 of ~3,200 over 40 ms (max 185-317 ms) with as few as three
 * blocks each: stretched by the machine's load, not by their size. Of the time those lookups
 * waited while such a chunk held the table (2.4 s over the two imports), 37% it had not yet had
 * its first result back, 34% it ran its requests, and 29% (0.23-0.49 s per import) it was open
 * after its last result (committing, or waiting for the import thread's event loop: committing it explicitly at once
 * removed most of that part, 0-0.16 s, but not clearly the long waits: 4.6% of lookups over 50 ms
 * against main's 5.5%, pooled over seven alternating pairs at load 4.4-7.6 whose counts spread
 * 3-137 against 29-186; branch waits-early-commit). Cross-checks,
 * untraced, each against main in the same run: a build whose lookup reads nothing had 7 and 0
 * waits over 50 ms (load 4.9, 3.4) against main's 166 and 11 (load 6.4, 4.3); a build whose packs
 * write their blocks to a table no lookup reads (its import ended as failed) had 20 and 4 (load
 * 2.5, 4.6) against main's 6 and 53 (load 3.5, 4.3). So the long waits come with the lookup's
 * read of the database while the import writes; whether through the table lock or through the
 * database's (and the machine's) work for the import, these runs cannot tell apart: the load
 * moved the counts more than either change did.
 *
 * What the service worker ran in the `background` stalls (2026-12-04, KAMERLENS_PACKS_CPUPROFILE with
 * the product mode: a CPU profile of the worker over the import, sampled every 250 µs): nothing of
 * ours. Untraced, at load 2.2-2.8 (import 55.3 s), it was idle for 52.8 s of the 55.3, had no
 * stretch over 50 ms without an idle sample, collected garbage for 0.19 s in all (JS heap 3-27 MB),
 * and sat idle through 66 of the 68 ms of the one lookup over 50 ms. Traced, at load 4.5-7.2, its
 * 22 stalls over 40 ms held almost no samples at all once profile and trace are put on one clock
 * (gaps of 50-224 ms): the thread did not run, nor did the sampler that interrupts it, while the
 * trace's own BroadcastChannel posts took 0.8-1.0 s of its time. The scheduler says the same
 * (`perf sched` over 25 s of an untraced import, load 2.4-2.8): the worker's longest wait for a CPU
 * was 16 ms, and of the 50 CPU-seconds the two CPUs had, the import's worker ran 11.0 s and the
 * browser's thread pool, where the database does its work, 27.9 s. So a `background` wait is the
 * service worker not scheduled on a machine the import keeps busy, which the trace adds to: traced
 * and profiled at load 0.9-2.6 (import 45.5 s) it had no stall over 40 ms, its longest busy
 * stretch was 51 ms (44 of them collecting garbage), and the one lookup over 50 ms (59 ms) waited
 * behind a block write with the worker idle. Nor did a lookup's second round of I/O decide them:
 * reading the dossier a Kamerstuk's id names beside its document (one round, not two; Dexie runs
 * nested transactions one after the other, so it takes the lookup's own; an experiment, not kept)
 * gave, against main in four alternating pairs at load 3.2-4.7, 36, 1, 3 and 19 lookups over 50 ms
 * against 0, 0, 2 and 32, p95 20.3-32.2 against 20.7-36.5 ms, the import 40.5-63.2 s against
 * 40.0-59.1 s. (Two builds doing the same I/O differed as much: 10 and 2 against 23 and 8.)
 * The underscore keeps `npm run bench` from running this file on its own.
 */
import type { StallEvent, TraceEvent, TxEvent } from '../../data/db/idb-trace';

/** A lookup as the bench's document saw it (epoch ms, `performance.timeOrigin + now()`). */
export interface TracedLookup {
  issued: number;
  answered: number;
}

const overlap = (a0: number, a1: number, b0: number, b1: number) =>
  Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));

const stalledIn = (stalls: readonly StallEvent[], from: number, to: number) =>
  stalls.reduce((sum, stall) => sum + overlap(stall.from, stall.to, from, to), 0);

/** One long lookup, cut up. */
interface Attributed {
  ms: number;
  kind: 'lock' | 'background' | 'other';
  toBackground: number;
  lockAndRead: number;
  reply: number;
  blockers: TxEvent[];
  text: string;
}

/** Each lookup over `overMs`, attributed; then the totals per class and per blocking table set. */
export function attributeWaits(
  lookups: readonly TracedLookup[],
  events: readonly TraceEvent[],
  overMs = 50,
): string[] {
  const received = events
    .filter((e) => e.t === 'msg' && e.thread === 'background' && e.type === 'lookup')
    .map((e) => (e as { at: number }).at)
    .sort((a, b) => a - b);
  const txs = events.filter((e): e is TxEvent => e.t === 'tx');
  const reads = txs
    .filter(
      (tx) => tx.thread === 'background' && tx.mode === 'readonly' && tx.scope.includes('documentBlocks'),
    )
    .sort((a, b) => a.created - b.created);
  const writes = txs.filter((tx) => tx.thread === 'import-worker' && tx.mode !== 'readonly');
  const stalls = (thread: string) =>
    events.filter((e): e is StallEvent => e.t === 'stall' && e.thread === thread);
  const backgroundStalls = stalls('background');
  const workerStalls = stalls('import-worker');
  const out: Attributed[] = [];
  const phases = { start: 0, requests: 0, open: 0, openStalled: 0 };
  let unmatched = 0;
  for (const lookup of lookups) {
    const ms = lookup.answered - lookup.issued;
    if (ms <= overMs) continue;
    const at = received.find((t) => t >= lookup.issued - 2 && t <= lookup.answered);
    const read = reads.find(
      (tx) => tx.created >= (at ?? lookup.issued) - 2 && tx.done <= lookup.answered + 2,
    );
    if (at === undefined || !read) {
      unmatched++;
      continue;
    }
    const toBackground = Math.max(0, at - lookup.issued);
    const beforeRead = Math.max(0, read.created - at);
    const lockAndRead = (read.first ?? read.done) - read.created;
    const reply = Math.max(0, lookup.answered - read.done);
    const blockers = writes.filter(
      (tx) =>
        tx.created <= read.created &&
        tx.done > read.created &&
        tx.scope.some((table) => read.scope.includes(table)),
    );
    const bgStalled =
      stalledIn(backgroundStalls, lookup.issued, read.created) +
      stalledIn(backgroundStalls, read.done, lookup.answered);
    const outside = toBackground + beforeRead + reply;
    const kind: Attributed['kind'] =
      blockers.length > 0 && lockAndRead >= outside
        ? 'lock'
        : bgStalled >= outside / 2 && outside > lockAndRead
          ? 'background'
          : 'other';
    const waitFrom = read.created;
    const waitTo = read.first ?? read.done;
    const blockerText = blockers
      .map((tx) => {
        const first = tx.first ?? tx.done;
        const last = tx.last ?? tx.done;
        // The read's wait, cut by the phase the blocking transaction was in meanwhile.
        const inStart = overlap(tx.created, first, waitFrom, waitTo);
        const inRequests = overlap(first, last, waitFrom, waitTo);
        const inOpen = overlap(last, tx.done, waitFrom, waitTo);
        const busy = stalledIn(workerStalls, Math.max(last, waitFrom), Math.min(tx.done, waitTo));
        phases.start += inStart;
        phases.requests += inRequests;
        phases.open += inOpen;
        phases.openStalled += busy;
        return `${tx.scope.join('+')} ${tx.requests} req (${(first - tx.created).toFixed(0)} ms to its first result, ${(last - first).toFixed(0)} ms of requests, ${(tx.done - last).toFixed(0)} ms open after the last); the read waited ${inStart.toFixed(0)} / ${inRequests.toFixed(0)} / ${inOpen.toFixed(0)} ms in those (worker stalled ${busy.toFixed(0)} ms of the last)`;
      })
      .join('; ');
    out.push({
      ms,
      kind,
      toBackground,
      lockAndRead,
      reply,
      blockers,
      text: `${ms.toFixed(0)} ms [${kind}]: to background ${toBackground.toFixed(0)}, before read ${beforeRead.toFixed(0)}, read to first result ${lockAndRead.toFixed(0)}, read rest ${(read.done - (read.first ?? read.done)).toFixed(0)}, reply ${reply.toFixed(0)}; background stalled ${bgStalled.toFixed(0)} ms outside the read${blockerText ? `; behind ${blockerText}` : ''}`,
    });
  }
  const lines = out.map((a) => `    ${a.text}`);
  const parts = { toBackground: 0, read: 0, reply: 0 };
  for (const a of out) {
    parts.toBackground += a.toBackground;
    parts.read += a.lockAndRead;
    parts.reply += a.reply;
  }
  const byKind = new Map<string, { n: number; ms: number }>();
  const byScope = new Map<string, { n: number; ms: number }>();
  for (const a of out) {
    const k = byKind.get(a.kind) ?? { n: 0, ms: 0 };
    byKind.set(a.kind, { n: k.n + 1, ms: k.ms + a.ms });
    if (a.kind === 'lock')
      for (const scope of new Set(a.blockers.map((tx) => tx.scope.join('+')))) {
        const s = byScope.get(scope) ?? { n: 0, ms: 0 };
        byScope.set(scope, { n: s.n + 1, ms: s.ms + a.ms });
      }
  }
  const summary = [...byKind].map(([kind, { n, ms }]) => `${kind} ${n} (${ms.toFixed(0)} ms)`).join(', ');
  const scopes = [...byScope].map(([scope, { n, ms }]) => `${scope} ${n} (${ms.toFixed(0)} ms)`).join(', ');
  // The import's read-write transactions on the tables a lookup reads, by table set: how many, how long.
  const lookupTables = new Set(reads[0]?.scope ?? ['documentBlocks', 'dossierBlocks']);
  const longest = new Map<string, number[]>();
  for (const tx of writes) {
    if (!tx.scope.some((table) => lookupTables.has(table))) continue;
    const key = tx.scope.join('+');
    longest.set(key, [...(longest.get(key) ?? []), tx.done - tx.created]);
  }
  const writeText = [...longest]
    .map(([key, list]) => {
      const sorted = list.sort((a, b) => a - b);
      const over = sorted.filter((ms) => ms > 40).length;
      return `${key}: ${list.length}, p50 ${sorted[Math.floor(sorted.length / 2)]?.toFixed(0)} ms, max ${sorted.at(-1)?.toFixed(0)} ms, ${over} over 40 ms`;
    })
    .join('; ');
  const workerLong = workerStalls.filter((s) => s.to - s.from > 40).length;
  return [
    `  trace: ${events.length} events; waits over ${overMs} ms: ${summary || 'none'}${unmatched ? `, ${unmatched} not matched to a read` : ''}; their time: to the background ${parts.toBackground.toFixed(0)} ms, read to first result ${parts.read.toFixed(0)} ms, after the read ${parts.reply.toFixed(0)} ms`,
    `  lock waits behind: ${scopes || 'none'}; the reads' waits spent while the blocking transaction waited for its first result ${phases.start.toFixed(0)} ms, ran its requests ${phases.requests.toFixed(0)} ms, stayed open after its last ${phases.open.toFixed(0)} ms (the import worker stalled ${phases.openStalled.toFixed(0)} ms of that)`,
    `  import read-write transactions on the lookup's tables: ${writeText}`,
    `  stalls over 40 ms: import worker ${workerLong}, background ${backgroundStalls.filter((s) => s.to - s.from > 40).length}`,
    ...lines,
  ];
}
