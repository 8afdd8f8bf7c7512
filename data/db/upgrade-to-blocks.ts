/**
 * Schema v6 → v7: the document and dossier rows moved into blocks per source (row-blocks.ts). An
 * import that v5/v6 left unfinished is undone first, from its undo rows, as its next worker would
 * have. Each row goes to the source that brought it: a pack's row to each pack listing it, the
 * bundled stub it displaced back to the bundled dataset, a row no pack lists to the bundled
 * dataset. Packs get generations in the order they were imported, so the one imported last still
 * wins a record two packs hold, as it did (precedence.ts); the search segments stay as they were.
 */
import type { Table, Transaction } from 'dexie';
import type { DocumentRecord } from '../dataset/types';
import { type BlockRecord, blocksOf } from './block-packing';
import type { SourceDocuments } from './precedence';
import type { LiveSourcesMeta, PackMembership, PackRecord, RowBlock, UndoChunk } from './records';
import { BUNDLED_SEGMENT } from './segment-owner';

type StoredRow = BlockRecord & PackMembership<BlockRecord>;

/** Rows read per step, and records a source gathers before they are written as blocks. */
const PAGE = 2000;

export async function moveRowsToBlocks(tx: Transaction): Promise<void> {
  await undoUnfinished(tx);
  const packs = (await tx.table<PackRecord, string>('packs').toArray()).sort((a, b) =>
    a.importedAt.localeCompare(b.importedAt),
  );
  const generations = new Map<string, number>([[BUNDLED_SEGMENT, 1]]);
  for (const pack of packs) generations.set(pack.id, generations.size + 1);
  const documents = new Map<string, string[]>();
  const withRecords = new Set<string>();
  for (const [from, to] of [
    ['documents', 'documentBlocks'],
    ['dossiers', 'dossierBlocks'],
  ] as const) {
    await moveTable(tx.table(from), tx.table(to), generations, (source, record) => {
      withRecords.add(source);
      if (to !== 'documentBlocks' || (record as DocumentRecord).stub) return;
      let list = documents.get(source);
      if (!list) {
        list = [];
        documents.set(source, list);
      }
      list.push(record.id);
    });
  }
  const dataset = await tx.table('meta').get('dataset');
  const sources: Record<string, number> = {};
  for (const [source, generation] of generations) {
    // The bundled source is live once a dataset was imported, or when rows no pack brought exist.
    if (source === BUNDLED_SEGMENT && !dataset && !withRecords.has(source)) continue;
    sources[source] = generation;
  }
  const live: LiveSourcesMeta = { key: 'live', sources, next: generations.size + 1 };
  await tx.table('meta').put(live);
  const ids: SourceDocuments[] = Object.entries(sources).map(([source, generation]) => ({
    source,
    generation,
    documents: documents.get(source) ?? [],
  }));
  await tx.table('sourceIds').bulkPut(ids);
}

/** Undo the chunks of imports v5/v6 left unfinished (newest first), and drop their undo rows. */
async function undoUnfinished(tx: Transaction): Promise<void> {
  const undo = tx.table<UndoChunk, number>('importUndo');
  const chunks = await undo.reverse().toArray();
  for (const chunk of chunks) {
    const table = tx.table(chunk.table);
    await table.bulkDelete(chunk.ids);
    await table.bulkPut(chunk.before.filter((row) => row !== undefined));
  }
  await undo.clear();
}

/** Write every row of `from` as blocks of the sources it belongs to, a page at a time. */
async function moveTable(
  from: Table<StoredRow, string>,
  to: Table<RowBlock>,
  generations: Map<string, number>,
  onRecord: (source: string, record: BlockRecord) => void,
): Promise<void> {
  const pending = new Map<string, BlockRecord[]>();
  const seqs = new Map<string, number>();
  const flush = async (source: string, all: boolean) => {
    const records = pending.get(source) ?? [];
    if (records.length === 0 || (!all && records.length < PAGE)) return;
    pending.set(source, []);
    const generation = generations.get(source) ?? 0;
    const blocks = blocksOf(source, generation, records);
    let seq = seqs.get(source) ?? 0;
    for (const block of blocks) block.seq = seq++;
    seqs.set(source, seq);
    await to.bulkAdd(blocks);
  };
  const add = (source: string, record: BlockRecord) => {
    // A pack its rows name with no record of its own (never written so by an import): kept, last.
    if (!generations.has(source)) generations.set(source, generations.size + 1);
    let list = pending.get(source);
    if (!list) {
      list = [];
      pending.set(source, list);
    }
    list.push(record);
    onRecord(source, record);
  };
  let after: string | null = null;
  for (;;) {
    const rows: StoredRow[] = await (after === null ? from.orderBy(':id') : from.where(':id').above(after))
      .limit(PAGE)
      .toArray();
    for (const { packs, displaced, ...record } of rows) {
      if (packs && packs.length > 0) {
        for (const pack of packs) add(pack, record);
        if (displaced) add(BUNDLED_SEGMENT, displaced);
      } else add(BUNDLED_SEGMENT, record);
    }
    for (const source of pending.keys()) await flush(source, false);
    const last = rows[rows.length - 1];
    if (rows.length < PAGE || !last) break;
    after = last.id;
  }
  for (const source of pending.keys()) await flush(source, true);
}
