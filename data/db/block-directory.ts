/**
 * Where each id of a source's generation of blocks is, without an index entry per id: a row per
 * (table, source, generation) holding the 32-bit hash of every id and alias its blocks hold, sorted,
 * and beside each the `seq` of the block that holds it. A reader keeps the rows of the live
 * generations in memory (they never change: an import writes a new generation) and finds a
 * record's block by a binary search and one read by primary key; a hash two ids share only costs
 * a block read more, since the entries found are checked against the id.
 *
 * Why: the `ids` multiEntry index the blocks carried before (a key per id and alias, 600,000 for
 * 300,000 open-data shaped documents) was most of what writing them cost the browser. The same
 * 44,727 blocks written 20 a transaction into a table with that index took 29.7 and 79.4 s and 53
 * and 97 s of the browser's CPU, with a single key per block 18.5 and 39.1 s (31 and 51 s of CPU),
 * with the primary key alone 15.4 and 25.5 s (26 and 36 s of CPU) (npm run bench -- import,
 * KAMERLENS_BENCH_BLOCK_INDEXES=2: two rounds, the order reversed in the second, load 2.4-2.6).
 * This directory is 8 bytes per id in one row per pack. In the product packs bench (300,000
 * record-shaped documents in 16 packs, a lookup message every 25 ms, main's build alternating,
 * load 3.6-4.1) the import took 66.4 and 56.8 s against 92.4 and 79.7 s, with 18 and 13 lookups over
 * 50 ms against 43 and 15 (the longest 160 and 96 ms against 103 and 99). (A lookup figure once
 * given here, batches of 20 after an import of 300,000, came from a bench whose worker found
 * nothing: see scripts/bench/lookup.ts.) Blocks an earlier build wrote still carry `ids` and are
 * found through that index (a live generation without a directory row).
 */
import type { BlockEntry } from './records';

/** The directory of one generation of a source's blocks in one table. */
export interface BlockDirectory {
  /** `documentBlocks` or `dossierBlocks`. */
  table: string;
  source: string;
  generation: number;
  /** The hash of every id and alias of its entries, ascending (`hashId`). */
  hashes: Uint32Array;
  /**
   * The `seq` of the block holding the id hashed at the same index: 16-bit where every seq fits
   * (`DirectoryBuilder.build`; earlier builds wrote 32-bit ones).
   */
  seqs: Uint32Array | Uint16Array;
}

/** The key of a directory row: `[table, source, generation]`. */
export type DirectoryKey = [string, string, number];

/** 32-bit FNV-1a of `id`'s UTF-16 code units. */
export function hashId(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Seqs a packed pair can hold (a hash times this plus a seq stays an exact double). */
const SEQ_LIMIT = 2 ** 20;

/** Gathers the ids of a generation's blocks as they are written, then sorts them into its directory. */
export class DirectoryBuilder {
  private pairs: number[] = [];
  private maxSeq = 0;

  /** The ids of `entries`, held by the block `seq`. */
  add(seq: number, entries: readonly BlockEntry[]): void {
    if (seq >= SEQ_LIMIT) throw new Error(`a generation of more than ${SEQ_LIMIT} blocks`);
    if (seq > this.maxSeq) this.maxSeq = seq;
    for (const entry of entries) for (const id of entry.ids) this.pairs.push(hashId(id) * SEQ_LIMIT + seq);
  }

  /** The directory of what was added. */
  build(table: string, source: string, generation: number): BlockDirectory {
    // One typed sort of packed pairs: hashes ascending, and an id's blocks in seq order.
    const packed = Float64Array.from(this.pairs).sort();
    const hashes = new Uint32Array(packed.length);
    // A pack's blocks number in the thousands (300,000 record-shaped documents in 16 packs: ~2,800
    // a pack), so 16 bits hold its seqs: 6 bytes an id instead of 8, in every wake's first read (the
    // live directories, 4.6 MB at 300,000 documents) and in the worker's memory while it runs.
    const seqs = new (this.maxSeq < 2 ** 16 ? Uint16Array : Uint32Array)(packed.length);
    for (let i = 0; i < packed.length; i++) {
      const pair = packed[i] as number;
      const seq = pair % SEQ_LIMIT;
      hashes[i] = (pair - seq) / SEQ_LIMIT;
      seqs[i] = seq;
    }
    return { table, source, generation, hashes, seqs };
  }
}

/** The seqs of the blocks that may hold `id` (those whose ids hash as it does), each once. */
export function blocksFor(directory: Pick<BlockDirectory, 'hashes' | 'seqs'>, id: string): number[] {
  const hash = hashId(id);
  const { hashes, seqs } = directory;
  let low = 0;
  let high = hashes.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((hashes[middle] as number) < hash) low = middle + 1;
    else high = middle;
  }
  const found: number[] = [];
  for (let i = low; i < hashes.length && hashes[i] === hash; i++) {
    const seq = seqs[i] as number;
    if (found[found.length - 1] !== seq) found.push(seq);
  }
  return found;
}
