/**
 * How records are packed into blocks (row-blocks.ts): pure, apart from the database class, so its
 * upgrade can use it.
 */
import type { DocumentRecord, DossierRecord } from '../dataset/types';
import type { BlockEntry, BodyRow, RowBlock } from './records';

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

/** The entry of `record` in a block, holding the whole record. */
function entryOf(record: BlockRecord): BlockEntry {
  const stub = 'stub' in record && record.stub;
  const ids = 'ids' in record ? [record.id, ...record.ids.filter((id) => id !== record.id)] : [record.id];
  return { id: record.id, ids, stub, json: storedJson(record) };
}

/**
 * The fields of a document no card shows and that can be long: they are stored in `documentBodies`
 * (a row per document), apart from the block entry that finds it, when together they pass
 * `BODY_FROM` characters. `qa` goes whole into the body and stays in the entry cut to what a card
 * shows of it (number and one-line question).
 */
const BODY_FIELDS = [
  'qa',
  'sections',
  'footnotes',
  'references',
  'keyPoints',
  'zaken',
  'newsArticle',
  'addressees',
  'subject',
  'provenance',
] as const;

/**
 * Body length (chars of JSON) from which a document's body gets a row of its own. Seed documents'
 * bodies are 12,000-54,000 chars, and a card lookup read and parsed all of it: a batch of 20 took
 * p50 14-16, p95 22-36 ms, against p50 5-6, p95 10-13 ms with the bodies emptied (npm run bench --
 * card-size, 2026-12-04). A shorter body stays: a row of its own costs the import a request (the
 * request, not its size, is what a row costs), and a record under a block's 4 KB is read with its
 * neighbours anyway. Split from 2,048 chars, the seed-shaped documents of ~2 KB (npm run bench --
 * packs, KAMERLENS_PACKS_IN=product, 50,000 documents, main's build alternating) were imported in
 * 23.0 and 37.5 s against 20.4 and 23.2 s, with 2 and 50 lookups over 50 ms against 0 and 4 (load
 * 3.9-4.6). An open-data record's body (its zaken, provenance) is a few hundred chars.
 */
const BODY_FROM = 4096;

/**
 * The stored card part of a document whose body is stored apart: what the block entry holds, with
 * the titles of the documents citing it that the same import holds (`citingTitles`), so a card
 * needs no read of the citing records.
 */
export type StoredCard = DocumentRecord & { citingTitles?: Record<string, string | null> };

/**
 * The entry of `document` in a block and its body row: the whole record when its body is short
 * (no row), else the record without its body plus `citingTitles` from `titles` (id to title of
 * the documents of the same import).
 */
function splitEntryOf(
  source: string,
  generation: number,
  document: DocumentRecord,
  titles: ReadonlyMap<string, string | null>,
): { entry: BlockEntry; body: BodyRow | null } {
  const citingTitles: Record<string, string | null> = {};
  let titled = 0;
  for (const place of document.citedBy) {
    const title = titles.get(place.documentId);
    if (title === undefined) continue;
    citingTitles[place.documentId] = title;
    titled += 1;
  }
  const whole = entryOf(titled === 0 ? document : ({ ...document, citingTitles } as StoredCard));
  // Short as a whole, short body: no second serialization (most open-data records, ~600 chars).
  if (whole.json.length < BODY_FROM) return { entry: whole, body: null };
  const body: Record<string, unknown> = {};
  const card: Record<string, unknown> = { ...document };
  for (const field of BODY_FIELDS) {
    if (!(field in document)) continue;
    const value = document[field];
    if (value === undefined || isEmpty(value)) continue;
    body[field] = value;
    delete card[field];
  }
  const bodyJson = JSON.stringify(body);
  if (bodyJson.length < BODY_FROM) return { entry: whole, body: null };
  if (document.qa.length > 0) card.qa = cardQuestions(document.qa);
  if (titled > 0) card.citingTitles = citingTitles;
  return {
    entry: { ...entryOf(card as unknown as DocumentRecord), body: true },
    body: { source, generation, id: document.id, json: bodyJson },
  };
}

/** What a card shows of a document's questions: each one's number and one-line question. */
export function cardQuestions(
  qa: DocumentRecord['qa'],
): Pick<DocumentRecord['qa'][number], 'number' | 'questionShort'>[] {
  return qa.map(({ number, questionShort }) => ({ number, questionShort }));
}

/**
 * `documents` packed into blocks of `source` at `generation` as `blocksOf` does, each document's
 * long body in a row of its own (`splitEntryOf`), with the citing titles found in `titles`.
 */
export function cardBlocksOf(
  source: string,
  generation: number,
  documents: readonly DocumentRecord[],
  titles: ReadonlyMap<string, string | null>,
  limits: { records: number; chars: number } = { records: BLOCK_RECORDS, chars: BLOCK_CHARS },
): { blocks: RowBlock[]; bodies: BodyRow[] } {
  const bodies: BodyRow[] = [];
  const entries = documents.map((document) => {
    const split = splitEntryOf(source, generation, document, titles);
    if (split.body) bodies.push(split.body);
    return split.entry;
  });
  return { blocks: packEntries(source, generation, entries, limits), bodies };
}

/** Id to title of the non-stub `documents`, for `cardBlocksOf`. */
export function titlesOf(documents: readonly DocumentRecord[]): Map<string, string | null> {
  const titles = new Map<string, string | null>();
  for (const document of documents) if (!document.stub) titles.set(document.id, document.title);
  return titles;
}

/**
 * The whole record from a card part (`parseStored` of a split entry) and its body's JSON, in place;
 * `body` undefined (an entry holding the whole record, as earlier builds wrote them all) drops the
 * stored-only `citingTitles`.
 */
export function withBody(card: StoredCard, body: string | undefined): DocumentRecord {
  delete card.citingTitles;
  if (body !== undefined) Object.assign(card, JSON.parse(body));
  return card;
}

/** `records` packed into blocks of `source` at `generation`, in the order given, each whole in its entry. */
export function blocksOf(
  source: string,
  generation: number,
  records: readonly BlockRecord[],
  limits: { records: number; chars: number } = { records: BLOCK_RECORDS, chars: BLOCK_CHARS },
): RowBlock[] {
  return packEntries(source, generation, records.map(entryOf), limits);
}

/** `entries` packed into blocks, in the order given. */
function packEntries(
  source: string,
  generation: number,
  records: readonly BlockEntry[],
  limits: { records: number; chars: number },
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
  for (const entry of records) {
    if (entries.length > 0 && (entries.length >= limits.records || chars + entry.json.length > limits.chars))
      close();
    entries.push(entry);
    chars += entry.json.length;
  }
  close();
  return blocks;
}
