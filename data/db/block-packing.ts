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

/**
 * Fields every document has (validate.ts) that are often empty, with the empty value: a document is
 * stored without those that hold it, and given them back when read (`parseStored`). A document
 * shaped like the open-data record's is a quarter shorter (753 → 572 characters of JSON on average;
 * seed-shaped ones with text 2,008 → 1,782). At 300,000 such documents written as blocks, the
 * database holds 156 MB of JSON instead of 214 MB, and the browser process spent 34.0 / 38.8 s of
 * CPU writing them against 38.2 / 44.7 s; the time to write them did not differ beyond the run-to-run
 * spread (24.1 / 32.7 s against 25.6 / 30.3 s; two alternating rounds, a fresh browser profile
 * each, load 3.8-4.1).
 */
const OFTEN_EMPTY: Readonly<Record<string, null | readonly []>> = {
  source: null,
  title: null,
  date: null,
  authors: [],
  askedBy: [],
  submitted: null,
  newsArticle: null,
  vergaderjaar: null,
  dossier: null,
  dossierSuffix: null,
  citation: null,
  officialUrl: null,
  summary: null,
  summarySource: null,
  keyPoints: [],
  qa: [],
  sections: [],
  footnotes: [],
  references: [],
  citedBy: [],
};

const isEmpty = (value: unknown): boolean => value === null || (Array.isArray(value) && value.length === 0);

/** The JSON `record` is stored as: a document without its empty `OFTEN_EMPTY` fields; a dossier whole. */
export function storedJson(record: BlockRecord): string {
  if (!('ids' in record)) return JSON.stringify(record);
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record))
    if (!(key in OFTEN_EMPTY && isEmpty(value))) kept[key] = value;
  return JSON.stringify(kept);
}

/**
 * The record stored as `json` (by `storedJson`, or whole by an earlier build): a document gets its
 * empty fields back, each a value of its own (a reader may change what it gets).
 */
export function parseStored<T extends BlockRecord>(json: string): T {
  const record = JSON.parse(json) as Record<string, unknown>;
  if (!('ids' in record)) return record as T;
  for (const [key, empty] of Object.entries(OFTEN_EMPTY))
    if (!(key in record)) record[key] = empty === null ? null : [];
  return record as T;
}

/** The entry of `record` in a block. */
function entryOf(record: BlockRecord): BlockEntry {
  const stub = 'stub' in record && record.stub;
  const ids = 'ids' in record ? [record.id, ...record.ids.filter((id) => id !== record.id)] : [record.id];
  return { id: record.id, ids, stub, json: storedJson(record) };
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
