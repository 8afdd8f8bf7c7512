import { cpus, loadavg } from 'node:os';
import {
  create,
  insert,
  load as loadOrama,
  type Orama,
  save as saveOrama,
  search as searchOrama,
} from '@orama/orama';
import { Document as FlexDocument } from 'flexsearch';
import MiniSearch from 'minisearch';
import type { DocumentRecord } from '../../data/dataset/types';
import { buildDataset } from '../../data/pipeline/build';
import { buildSearchIndex, createSearcher, passagesOf, type SearchIndex } from '../../data/search/index';
import { stemDutch } from '../../data/search/stem';
import { DUTCH_STOP_WORDS } from '../../data/search/stopwords';
import { forEachToken, tokenizeQuery } from '../../data/search/tokenize';
import { createCorpus, keystrokes, percentile, rerunWithExposedGc, TYPED_WORDS } from './_search-corpus';

rerunWithExposedGc('SEARCH_LIB_BENCH_CHILD');

/** The words search.ts types, then Dutch multi-word queries and a reference-like one. */
const TYPED_QUERIES = [
  ...TYPED_WORDS,
  'vragen over de bijstand',
  'financiële gevolgen gemeenten',
  'reintegratie jongeren',
  '2021D00123',
];

/** Real seed documents: a query, and the document(s) a reader means by it. */
const RELEVANCE: { query: string; expect: string[]; tests: string }[] = [
  {
    query: 'participatiewet monitoring',
    expect: ['kst-34352-349'],
    tests: 'compound prefix (monitoringsbrief)',
  },
  { query: 'bijstand vermogen', expect: ['kst-34352-330'], tests: 'term frequency' },
  {
    query: 'Aartsen',
    expect: ['local-000_5b0e6dc1a4e276c7', 'local-002_6b02423d140da90b'],
    tests: 'minister',
  },
  { query: '2024Z15690', expect: ['ah-tk-20242025-520'], tests: 'question (zaak) number' },
  { query: 'aanhangsel 520', expect: ['ah-tk-20242025-520'], tests: 'citation (meta)' },
  { query: 'reintegratie clienten', expect: ['ah-tk-20242025-520'], tests: 'no hyphen, no diaeresis' },
  { query: 'De Kort VVD', expect: ['ah-tk-20242025-520'], tests: 'member, stop word' },
  { query: 'tussen wal en schip', expect: ['local-002_6b02423d140da90b'], tests: 'phrase with stop words' },
  { query: 'kinderopvang nuggers', expect: ['kst-34352-349'], tests: 'rare words' },
  { query: 'wetsvoorstel spoor 1', expect: ['kst-34352-330'], tests: 'number as word' },
];

/** Typing is repeated this often; each keystroke keeps its median. Fewer than search.ts: 4 engines. */
const REPEATS = 3;
const LIMIT = 50;

interface Timing {
  p50: number;
  p95: number;
  max: number;
  n: number;
}

/** A built (or loaded) engine: ranked document positions for a query as typed. */
interface Built {
  search(query: string): number[] | Promise<number[]>;
  /** The index as it would be stored; `bytes` is its size (UTF-8 for text). */
  serialize(): Promise<{ bytes: number; load: () => Promise<Built> }>;
}

interface Engine {
  /** For SEARCH_LIB_ENGINES. */
  id: string;
  name: string;
  build(docs: DocumentRecord[]): Promise<Built>;
}

// —— Shared text handling ——

/** The four fields every library indexes: title, meta, summary, the rest (passages by kind). */
interface Fields {
  id: number;
  title: string;
  meta: string;
  summary: string;
  body: string;
}

function fieldsOf(doc: DocumentRecord, id: number): Fields {
  const fields: Fields = { id, title: '', meta: '', summary: '', body: '' };
  const body: string[] = [];
  for (const passage of passagesOf(doc)) {
    const kind = passage.where.kind;
    if (kind === 'title' || kind === 'meta' || kind === 'summary') fields[kind] = passage.text;
    else body.push(passage.text);
  }
  fields.body = body.join('\n');
  return fields;
}

/** Our passage weights (PASSAGE_BOOST) as field boosts. */
const BOOST = { title: 3, meta: 1.5, summary: 1.5 };

/** Index terms: our tokens (folded, compounds as parts and joined), no stop words, stemmed. */
function indexTerms(text: string): string[] {
  const terms: string[] = [];
  forEachToken(text, (term) => {
    if (!DUTCH_STOP_WORDS.has(term)) terms.push(stemDutch(term));
  });
  return terms;
}

/** Query terms: a hyphenated compound once, joined; stop words out; stemmed. */
function queryTerms(query: string): string[] {
  return tokenizeQuery(query)
    .map((t) => t.term)
    .filter((t) => !DUTCH_STOP_WORDS.has(t))
    .map(stemDutch);
}

const utf8 = (text: string) => Buffer.byteLength(text, 'utf8');

// —— Engines ——

function ourEngine(): Engine {
  const fromIndex = (index: SearchIndex): Built => {
    const searcher = createSearcher(index);
    return {
      search: (q) => searcher.search(q, { limit: LIMIT }).top.map((hit) => hit.doc),
      async serialize() {
        // Typed arrays as they are (IndexedDB stores ArrayBuffers), strings as JSON.
        const arrays = {
          docFirstPassage: index.docFirstPassage,
          passageDoc: index.passageDoc,
          passageLength: index.passageLength,
          passageBoost: index.passageBoost,
          surfaceStem: index.surfaceStem,
          stemOffsets: index.stemOffsets,
          postingPassage: index.postingPassage,
          postingTf: index.postingTf,
        };
        const buffers = Object.fromEntries(Object.entries(arrays).map(([k, a]) => [k, a.slice().buffer]));
        const text = JSON.stringify({
          avg: index.avgPassageLength,
          surfaces: index.surfaces,
          stems: [...index.stemIds.keys()],
        });
        const bytes = utf8(text) + Object.values(buffers).reduce((sum, b) => sum + b.byteLength, 0);
        const { docs } = index;
        return {
          bytes,
          load: async () => {
            const parsed = JSON.parse(text) as { avg: number; surfaces: string[]; stems: string[] };
            const b = buffers as Record<keyof typeof arrays, ArrayBuffer>;
            return fromIndex({
              docs,
              docFirstPassage: new Uint32Array(b.docFirstPassage),
              passageDoc: new Uint32Array(b.passageDoc),
              passageLength: new Uint16Array(b.passageLength),
              passageBoost: new Float32Array(b.passageBoost),
              avgPassageLength: parsed.avg,
              surfaces: parsed.surfaces,
              surfaceStem: new Uint32Array(b.surfaceStem),
              stemIds: new Map(parsed.stems.map((s, i) => [s, i])),
              stemOffsets: new Uint32Array(b.stemOffsets),
              postingPassage: new Uint32Array(b.postingPassage),
              postingTf: new Uint8Array(b.postingTf),
            });
          },
        };
      },
    };
  };
  return { id: 'ours', name: 'ours', build: async (docs) => fromIndex(buildSearchIndex(docs)) };
}

function miniSearchEngine(): Engine {
  const options = {
    fields: ['title', 'meta', 'summary', 'body'],
    tokenize: (text: string) => {
      const words: string[] = [];
      forEachToken(text, (term) => {
        words.push(term);
      });
      return words;
    },
    processTerm: (term: string) => (DUTCH_STOP_WORDS.has(term) ? null : stemDutch(term)),
    searchOptions: {
      boost: BOOST,
      tokenize: (query: string) => tokenizeQuery(query).map((t) => t.term),
    },
  };
  const fromIndex = (mini: MiniSearch<Fields>): Built => ({
    search(q) {
      const typing = q.length > 0 && !/\s$/.test(q);
      const prefix = (_term: string, i: number, terms: string[]) => typing && i === terms.length - 1;
      let hits = mini.search(q, { prefix, combineWith: 'AND' });
      if (hits.length === 0) hits = mini.search(q, { prefix, combineWith: 'OR' });
      return hits.slice(0, LIMIT).map((h) => h.id as number);
    },
    async serialize() {
      const json = JSON.stringify(mini);
      return { bytes: utf8(json), load: async () => fromIndex(MiniSearch.loadJSON<Fields>(json, options)) };
    },
  });
  return {
    id: 'minisearch',
    name: 'MiniSearch 7.2',
    async build(docs) {
      const mini = new MiniSearch<Fields>(options);
      docs.forEach((doc, i) => {
        mini.add(fieldsOf(doc, i));
      });
      return fromIndex(mini);
    },
  };
}

/**
 * `forward` indexes every prefix of every term (prefix search, at a memory cost); `strict` only
 * whole terms (no prefix search), to show what the prefixes cost. Resolution 3 instead of the
 * default 9: fewer score slots per term, less memory (FlexSearch's own advice for large indexes).
 */
function flexSearchEngine(tokenize: 'forward' | 'strict'): Engine {
  type FlexFields = { id: number; title: string; text: string };
  // A `text` field with the whole document (title too): FlexSearch intersects query words within
  // one field, so words spread over title and body would otherwise never match together. Title
  // matches come first in the merged result (FlexSearch orders merged fields by field order).
  const make = () =>
    new FlexDocument<FlexFields>({
      document: {
        id: 'id',
        index: [
          { field: 'title', tokenize, resolution: 3, encode: indexTerms },
          { field: 'text', tokenize, resolution: 3, encode: indexTerms },
        ],
      },
    });
  const fromIndex = (flex: FlexDocument<FlexFields>): Built => ({
    search(q) {
      let hits = flex.search(q, { limit: LIMIT, merge: true });
      if (hits.length === 0) hits = flex.search(q, { limit: LIMIT, merge: true, suggest: true });
      return hits.slice(0, LIMIT).map((h) => h.id as number);
    },
    async serialize() {
      const parts: [string, string][] = [];
      await flex.export((key: string, data: string) => {
        parts.push([key, data]);
      });
      const bytes = parts.reduce((sum, [key, data]) => sum + utf8(key) + utf8(data ?? ''), 0);
      return {
        bytes,
        load: async () => {
          const loaded = make();
          for (const [key, data] of parts) loaded.import(key, data);
          return fromIndex(loaded);
        },
      };
    },
  });
  return {
    id: tokenize === 'forward' ? 'flexsearch' : 'flexsearch-strict',
    name: `FlexSearch ${tokenize}`,
    async build(docs) {
      const flex = make();
      docs.forEach((doc, i) => {
        const f = fieldsOf(doc, i);
        flex.add({ id: i, title: f.title, text: [f.title, f.meta, f.summary, f.body].join('\n') });
      });
      return fromIndex(flex);
    },
  };
}

function oramaEngine(): Engine {
  const schema = { title: 'string', meta: 'string', summary: 'string', body: 'string' } as const;
  const make = () =>
    create({
      schema,
      components: {
        tokenizer: {
          language: 'dutch',
          normalizationCache: new Map(),
          tokenize: (raw: string) => indexTerms(raw),
        },
      },
    });
  type Db = Orama<typeof schema>;
  const fromIndex = (db: Db): Built => ({
    async search(q) {
      // Orama runs its tokenizer on the query too; a query of only stop words has no term left.
      if (queryTerms(q).length === 0) return [];
      const run = (threshold: number) =>
        searchOrama(db, { term: q, properties: '*', limit: LIMIT, boost: BOOST, threshold });
      let result = await run(0);
      if (result.hits.length === 0) result = await run(1);
      return result.hits.map((h) => Number(h.id));
    },
    async serialize() {
      const json = JSON.stringify(saveOrama(db));
      return {
        bytes: utf8(json),
        load: async () => {
          const loaded = make() as Db;
          loadOrama(loaded, JSON.parse(json));
          return fromIndex(loaded);
        },
      };
    },
  });
  return {
    id: 'orama',
    name: 'Orama 3.1.18',
    async build(docs) {
      const db = make() as Db;
      for (let i = 0; i < docs.length; i++) {
        const { id, ...fields } = fieldsOf(docs[i] as DocumentRecord, i);
        const done = insert(db, { id: String(id), ...fields });
        if (done instanceof Promise) await done;
      }
      return fromIndex(db);
    },
  };
}

// —— Measuring ——

function memoryNow(): number {
  globalThis.gc?.();
  globalThis.gc?.();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

/** Every keystroke of typing `query`: `l`, `lo`, … (none ending in a space). */
async function timeKeystrokes(built: Built): Promise<Timing> {
  const prefixes = TYPED_QUERIES.flatMap(keystrokes);
  for (const prefix of prefixes) await built.search(prefix);
  const runs: number[][] = prefixes.map(() => []);
  for (let r = 0; r < REPEATS; r++) {
    for (const [i, prefix] of prefixes.entries()) {
      const start = performance.now();
      const result = built.search(prefix);
      if (result instanceof Promise) await result;
      runs[i]?.push(performance.now() - start);
    }
  }
  const times = runs
    .map((list) =>
      percentile(
        list.sort((a, b) => a - b),
        50,
      ),
    )
    .sort((a, b) => a - b);
  return {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    max: times[times.length - 1] ?? 0,
    n: times.length,
  };
}

interface Figures {
  name: string;
  buildMs: number;
  heapBytes: number;
  storedBytes: number;
  loadMs: number;
  loadedHeapBytes: number;
  timing: Timing;
  top10: number[][];
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function measure(engine: Engine, docs: DocumentRecord[]): Promise<Figures> {
  const before = memoryNow();
  const buildStart = performance.now();
  let built: Built | null = await engine.build(docs);
  const buildMs = performance.now() - buildStart;
  const heapBytes = memoryNow() - before;
  const timing = await timeKeystrokes(built);
  const top10: number[][] = [];
  for (const query of TYPED_QUERIES) top10.push((await built.search(query)).slice(0, 10));
  let stored: Awaited<ReturnType<Built['serialize']>> | null = await built.serialize();
  const storedBytes = stored.bytes;
  built = null;
  const beforeLoad = memoryNow();
  // "Usable": the stored index loaded back and a first query answered.
  const loadStart = performance.now();
  let loaded: Built | null = await stored.load();
  await loaded.search('participatiewet');
  const loadMs = performance.now() - loadStart;
  const load = stored.load;
  stored = null;
  // The serialized copy is still held by `load`'s closure: count only what loading added.
  const loadedHeapBytes = memoryNow() - beforeLoad;
  loaded = null;
  void load;
  const figures = {
    name: engine.name,
    buildMs,
    heapBytes,
    storedBytes,
    loadMs,
    loadedHeapBytes,
    timing,
    top10,
  };
  console.log(
    `${engine.name.padEnd(20)} build ${ms(buildMs).padStart(10)} | heap ${mb(heapBytes).padStart(8)} | stored ${mb(storedBytes).padStart(8)}` +
      ` | load+1st query ${ms(loadMs).padStart(9)} (heap ${mb(loadedHeapBytes)}) | keystroke p50 ${ms(timing.p50)}, p95 ${ms(timing.p95)}, max ${ms(timing.max)} (${timing.n})`,
  );
  return figures;
}

function printComparison(all: Figures[]): void {
  const ours = all.find((f) => f.name === 'ours');
  if (!ours) return;
  console.log('\nratios against ours (library ÷ ours; above 1 is worse for the library):');
  for (const f of all.filter((x) => x !== ours)) {
    const r = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
    console.log(
      `  ${f.name.padEnd(20)} build ${r(f.buildMs, ours.buildMs)}, heap ${r(f.heapBytes, ours.heapBytes)}, stored ${r(f.storedBytes, ours.storedBytes)}, ` +
        `load ${r(f.loadMs, ours.loadMs)}, keystroke p95 ${r(f.timing.p95, ours.timing.p95)}, max ${r(f.timing.max, ours.timing.max)}`,
    );
  }
  console.log('\ntop-10 overlap with ours, per query as typed (last word a prefix):');
  const others = all.filter((x) => x !== ours);
  console.log(`  ${'query'.padEnd(32)}${others.map((f) => f.name.padStart(20)).join('')}`);
  TYPED_QUERIES.forEach((query, q) => {
    const mine = new Set(ours.top10[q]);
    const cells = others.map((f) => {
      const theirs = f.top10[q] ?? [];
      const shared = theirs.filter((d) => mine.has(d)).length;
      return `${shared}/${mine.size} (of ${theirs.length})`.padStart(20);
    });
    console.log(`  ${query.padEnd(32)}${cells.join('')}`);
  });
  console.log(
    `\ntargets at 300,000 (issue #12): keystroke p95 ≤ 30 ms, panel heap ≤ 50 MB, usable ≤ 300 ms after opening` +
      ` (heap here is the index alone, documents not counted; load is from an in-memory copy, not IndexedDB)`,
  );
}

async function relevance(engines: Engine[]): Promise<void> {
  const docs = buildDataset({}).dataset.documents.filter((d) => !d.stub);
  console.log(
    `\n— relevance on the seed dataset (${docs.length} documents): rank of the expected document (– = not found) —`,
  );
  const built = await Promise.all(engines.map((e) => e.build(docs)));
  console.log(
    `  ${'query'.padEnd(30)}${'tests'.padEnd(36)}${engines.map((e) => e.name.padStart(20)).join('')}`,
  );
  const found = engines.map(() => 0);
  for (const { query, expect, tests } of RELEVANCE) {
    const cells: string[] = [];
    for (const [i, engine] of built.entries()) {
      const ranked = await engine.search(query);
      const rank = ranked.findIndex((d) => expect.includes(docs[d]?.id ?? ''));
      if (rank === 0) found[i] = (found[i] ?? 0) + 1;
      cells.push((rank < 0 ? '–' : String(rank + 1)).padStart(20));
    }
    console.log(`  ${query.padEnd(30)}${tests.padEnd(36)}${cells.join('')}`);
  }
  console.log(
    `  ${'first place'.padEnd(66)}${found.map((n) => `${n}/${RELEVANCE.length}`.padStart(20)).join('')}`,
  );
}

async function main(): Promise<void> {
  const load = () =>
    loadavg()
      .map((l) => l.toFixed(1))
      .join(' ');
  console.log(
    `load average ${load()} on ${cpus().length} cores; typing repeated ${REPEATS}×, median per keystroke`,
  );
  const all = [
    ourEngine(),
    miniSearchEngine(),
    flexSearchEngine('forward'),
    flexSearchEngine('strict'),
    oramaEngine(),
  ];
  const wanted = process.env.SEARCH_LIB_ENGINES?.toLowerCase().split(',');
  const engines = wanted ? all.filter((e) => wanted.includes(e.id)) : all;

  await relevance(engines);

  const count = Number(process.env.SEARCH_BENCH_DOCS ?? 10_000);
  const docs = createCorpus().documents(count);
  console.log(`\n— generated corpus: ${count.toLocaleString('en')} documents —`);
  const figures: Figures[] = [];
  for (const engine of engines) figures.push(await measure(engine, docs));
  printComparison(figures);
  console.log(`\nload average at the end ${load()}`);
}

await main();
