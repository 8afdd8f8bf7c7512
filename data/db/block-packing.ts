/**
 * How records are packed into blocks (row-blocks.ts): pure, apart from the database class, so its
 * upgrade can use it.
 */
import type { DocumentRecord, DossierRecord } from '../dataset/types';
import type { BlockEntry, RowBlock } from './records';

/** Records of either kind, as the blocks hold them. */
export type BlockRecord = DocumentRecord | DossierRecord;

/**
 * Records per block, and the JSON length a block stops growing at: Chromium stores a value over
 * 64 KiB as a separate file, much slower to write and read, and a lookup decodes the whole block
 * it reads (a single record larger than that, a document with its full text, is a block alone).
 */
const BLOCK_RECORDS = 50;
const BLOCK_CHARS = 32 * 1024;

/** The entry of `record` in a block. */
function entryOf(record: BlockRecord): BlockEntry {
  const stub = 'stub' in record && record.stub;
  const ids = 'ids' in record ? [record.id, ...record.ids.filter((id) => id !== record.id)] : [record.id];
  return { id: record.id, ids, stub, json: JSON.stringify(record) };
}

/** `records` packed into blocks of `source` at `generation`, in the order given. */
export function blocksOf(source: string, generation: number, records: readonly BlockRecord[]): RowBlock[] {
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
    if (entries.length > 0 && (entries.length >= BLOCK_RECORDS || chars + entry.json.length > BLOCK_CHARS))
      close();
    entries.push(entry);
    chars += entry.json.length;
  }
  close();
  return blocks;
}
