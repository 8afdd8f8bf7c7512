/**
 * How records are packed into blocks (row-blocks.ts): pure, apart from the database class, so its
 * upgrade can use it.
 */
import type { DocumentRecord, DossierRecord } from '../dataset/types';
import type { BlockEntry, RowBlock } from './records';

/** Records of either kind, as the blocks hold them. */
export type BlockRecord = DocumentRecord | DossierRecord;

/**
 * Records per block, and the JSON length a block stops growing at (a single record longer than
 * that, a document with its full text, is a block alone). A lookup reads whole blocks, and the
 * time to read one grows with its size, while writing hardly depends on it once records are JSON
 * text: at 300,000 documents (npm run bench -- import, KAMERLENS_BENCH_BLOCK_SIZES=4,8,16,32),
 * blocks of 4 KB were written in 35.8 s and a batch of 20 ids read in p50 6.1 ms, of 32 KB in
 * 30.5 s and p50 22.4 ms (load 3.9).
 */
const BLOCK_RECORDS = 50;
const BLOCK_CHARS = 4 * 1024;

/** The entry of `record` in a block. */
function entryOf(record: BlockRecord): BlockEntry {
  const stub = 'stub' in record && record.stub;
  const ids = 'ids' in record ? [record.id, ...record.ids.filter((id) => id !== record.id)] : [record.id];
  return { id: record.id, ids, stub, json: JSON.stringify(record) };
}

/** `records` packed into blocks of `source` at `generation`, in the order given. */
export function blocksOf(
  source: string,
  generation: number,
  records: readonly BlockRecord[],
  limits: { records: number; chars: number } = { records: BLOCK_RECORDS, chars: BLOCK_CHARS },
): RowBlock[] {
  const blocks: RowBlock[] = [];
  let entries: BlockEntry[] = [];
  let chars = 0;
  const close = () => {
    if (entries.length === 0) return;
    const ids = [...new Set(entries.flatMap((entry) => entry.ids))];
    blocks.push({ source, generation, seq: blocks.length, ids, entries });
    entries = [];
    chars = 0;
  };
  for (const record of records) {
    const entry = entryOf(record);
    if (entries.length > 0 && (entries.length >= limits.records || chars + entry.json.length > limits.chars))
      close();
    entries.push(entry);
    chars += entry.json.length;
  }
  close();
  return blocks;
}
