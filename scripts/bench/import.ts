/**
 * Dataset import at scale (`npm run bench -- import`): KAMERLENS_BENCH_DOCS (default 300,000)
 * open-data shaped documents (metadata only, as _panel-corpus.ts generates them), in Chromium with
 * IndexedDB on disk (a browser profile, as the extension's), imported by `importDataset` and, the
 * same documents split into sixteen packs by vergaderjaar (already read: the packs bench measures
 * reading), by `importPack` one after another. Every transaction is traced: the requests by table
 * (a row written or read by key is one each: what an import pays for), the longest transaction,
 * and the longest over the documents or dossiers (what a lookup meanwhile waits for). Baseline in
 * the same run, the floor: the same rows written into tables with no index but the primary key,
 * 1,000 a transaction. KAMERLENS_BENCH_TABLES=<n> first writes n of the documents into tables of
 * each shape the import's cost was broken down by (primary key only, as JSON strings, keys only, 50
 * to a row, with the documents table's indexes, 100 a transaction); KAMERLENS_BENCH_BLOCK_SIZES=8,32
 * first writes every document as blocks of each size (KB of JSON) and times batches of 20 lookups
 * on them. Prints figures; asserts nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { openBenchPage } from './_db-in-chromium';
import { seedWords } from './_search-corpus';

const size = Number(process.env.KAMERLENS_BENCH_DOCS ?? 300_000);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const load = () => `load ${loadavg()[0]?.toFixed(1)}`;

interface Traced {
  ms: number;
  requests: Record<string, number>;
  transactions: number;
  longest: { stores: string; ms: number };
  longestOverRows: { stores: string; ms: number };
}

/** User and system CPU seconds of this process's descendants (Linux /proc). */
function browserCpuSeconds(): number {
  const parent = new Map<number, number>();
  const cpu = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(entry), Number(fields[1]));
      cpu.set(Number(entry), Number(fields[11]) + Number(fields[12]));
    } catch {
      // Gone meanwhile.
    }
  }
  let ticks = 0;
  for (const [pid, ticksOf] of cpu) {
    let up = parent.get(pid);
    while (up && up !== process.pid) up = parent.get(up);
    if (up === process.pid) ticks += ticksOf;
  }
  return ticks / 100;
}

const { page, close } = await openBenchPage(undefined, new Map(), { onDisk: true });
try {
  await page.evaluate(`window.benchWords = ${JSON.stringify(seedWords())}`);
  // Generated in the page before any clock starts (hundreds of MB as JSON otherwise).
  await page.evaluate(
    `void (window.benchDataset = kamerlensBench.importBenchDataset(${size}, window.benchWords))`,
  );
  console.log(
    `[Chromium, IndexedDB on disk] ${size.toLocaleString('en')} generated documents (metadata only), ${load()}`,
  );
  const tables = Number(process.env.KAMERLENS_BENCH_TABLES ?? 0);
  if (tables > 0) {
    const shapes = await page.evaluate(
      `kamerlensBench.profileTables({ ...window.benchDataset, documents: window.benchDataset.documents.slice(0, ${tables}) })`,
    );
    console.log(`the first ${tables.toLocaleString('en')} documents into tables of each shape (ms):`, shapes);
  }
  const blockSizes = process.env.KAMERLENS_BENCH_BLOCK_SIZES;
  if (blockSizes) {
    const figures = await page.evaluate(
      `kamerlensBench.profileBlockSizes(window.benchDataset, [${blockSizes.split(',').map(Number).join(',')}])`,
    );
    console.log(
      `blocks of each size (KB of JSON): written 20 a transaction, and batches of 20 ids read (ms) (${load()}):`,
      figures,
    );
  }
  const blockIndexes = Number(process.env.KAMERLENS_BENCH_BLOCK_INDEXES ?? 0);
  if (blockIndexes > 0) {
    // CPU seconds of every process this one started (the browser's, IndexedDB's thread pool among
    // them): what the writes cost the machine, not only how long the page waited for them.
    const marks: number[] = [];
    await page.exposeFunction('benchMark', () => {
      marks.push(browserCpuSeconds());
    });
    const figures = (await page.evaluate(
      `kamerlensBench.profileBlockIndexes(window.benchDataset, ${blockIndexes})`,
    )) as { blocks: number; idsEntries: number; results: { shape: string; round: number; ms: number }[] };
    console.log(
      `the documents as ${figures.blocks.toLocaleString('en')} blocks (${figures.idsEntries.toLocaleString('en')} keys in \`ids\`), written 20 a transaction into a table with each index (${load()}):`,
    );
    // A begin and an end mark per shape written, in order.
    figures.results.forEach(({ shape, round, ms }, i) => {
      const cpu = (marks[2 * i + 1] ?? 0) - (marks[2 * i] ?? 0);
      console.log(`  round ${round + 1}, ${shape}: ${seconds(ms)}, browser CPU ${cpu.toFixed(1)} s`);
    });
    const cpuBefore = browserCpuSeconds();
    const packsRun = (await page.evaluate(
      'kamerlensBench.profileImportPacks(window.benchDataset)',
    )) as Traced;
    console.log(
      `importPack, 16 packs by vergaderjaar one after another: ${seconds(packsRun.ms)}, browser CPU ${(browserCpuSeconds() - cpuBefore).toFixed(1)} s (${load()})`,
    );
    // Then nothing else: the rest would write the same documents four more times.
  } else {
    const floor = (await page.evaluate('kamerlensBench.timeFloor(window.benchDataset)')) as {
      floorMs: number;
      blocksMs: number;
      perRow: number;
    };
    console.log(
      `baseline, the floor: the same documents and dossiers into tables with no index, 1,000 rows a transaction: ${seconds(floor.floorMs)} (${load()})`,
    );
    const report = (label: string, run: Traced) => {
      const requests = Object.entries(run.requests)
        .sort((a, b) => b[1] - a[1])
        .map(([table, n]) => `${table} ${n.toLocaleString('en')}`)
        .join(', ');
      console.log(
        `${label}: ${seconds(run.ms)} (target ≤ 60 s: ${run.ms <= 60_000 ? 'met' : 'NOT met'}; ${load()}); ${(run.ms / floor.floorMs).toFixed(2)}× the floor`,
      );
      console.log(`  requests: ${requests}; ${run.transactions.toLocaleString('en')} transactions`);
      console.log(
        `  longest transaction ${run.longest.ms.toFixed(0)} ms (${run.longest.stores}); longest over documents or dossiers (a lookup waits for it) ${run.longestOverRows.ms.toFixed(0)} ms (${run.longestOverRows.stores})`,
      );
    };
    report(
      'importDataset',
      (await page.evaluate('kamerlensBench.profileImportDataset(window.benchDataset)')) as Traced,
    );
    report(
      'importPack, 16 packs by vergaderjaar one after another',
      (await page.evaluate('kamerlensBench.profileImportPacks(window.benchDataset)')) as Traced,
    );
    console.log(
      `for comparison, the same documents ${floor.perRow} to a row (a request per ${floor.perRow} documents): ${seconds(floor.blocksMs)}, ${(floor.blocksMs / floor.floorMs).toFixed(2)}× the floor`,
    );
  }
} finally {
  await close();
}
