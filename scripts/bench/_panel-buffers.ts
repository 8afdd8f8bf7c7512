/**
 * What the opened panel's array buffers hold: a heap snapshot of the bench page after `panelOpen`
 * (a database kept by `PANEL_BENCH_PROFILE=<dir> npm run bench -- panel`), every backing store of
 * 64 KB or more with the names that retain it (closure variables, properties), largest first.
 *
 *   PANEL_BENCH_PROFILE=<dir> PANEL_BENCH_SIZES=300000 npx tsx scripts/bench/_panel-buffers.ts
 */
import { openProfilePage } from './_db-in-chromium';

const dir = process.env.PANEL_BENCH_PROFILE;
const size = Number(process.env.PANEL_BENCH_SIZES ?? 300_000);
if (!dir) throw new Error('PANEL_BENCH_PROFILE: the profile a panel bench imported into');

interface Snapshot {
  snapshot: {
    meta: { node_fields: string[]; edge_fields: string[]; node_types: [string[]]; edge_types: [string[]] };
  };
  nodes: number[];
  edges: number[];
  strings: string[];
}

/** Each backing store's size and a few retainer chains (edge names, innermost first). */
function describe(snap: Snapshot): { bytes: number; path: string }[] {
  const { node_fields, edge_fields, node_types, edge_types } = snap.snapshot.meta;
  const nf = node_fields.length;
  const ef = edge_fields.length;
  const N = snap.nodes.length / nf;
  const [typeAt, nameAt, sizeAt, edgesAt] = ['type', 'name', 'self_size', 'edge_count'].map((f) =>
    node_fields.indexOf(f),
  ) as [number, number, number, number];
  const [eType, eName, eTo] = ['type', 'name_or_index', 'to_node'].map((f) => edge_fields.indexOf(f)) as [
    number,
    number,
    number,
  ];
  const firstEdge = new Uint32Array(N + 1);
  for (let n = 0; n < N; n++) firstEdge[n + 1] = (firstEdge[n] ?? 0) + (snap.nodes[n * nf + edgesAt] ?? 0);
  const retainers: { from: number; name: string }[][] = Array.from({ length: N }, () => []);
  for (let n = 0; n < N; n++) {
    for (let e = firstEdge[n] ?? 0; e < (firstEdge[n + 1] ?? 0); e++) {
      const type = edge_types[0][snap.edges[e * ef + eType] ?? 0];
      if (type === 'weak' || type === 'shortcut') continue;
      const raw = snap.edges[e * ef + eName] ?? 0;
      const name = type === 'element' || type === 'hidden' ? `[${raw}]` : (snap.strings[raw] ?? '?');
      const to = (snap.edges[e * ef + eTo] ?? 0) / nf;
      retainers[to]?.push({ from: n, name });
    }
  }
  const nodeName = (n: number) => snap.strings[snap.nodes[n * nf + nameAt] ?? 0] ?? '?';
  const nodeType = (n: number) => node_types[0][snap.nodes[n * nf + typeAt] ?? 0];
  const out: { bytes: number; path: string }[] = [];
  for (let n = 0; n < N; n++) {
    const bytes = snap.nodes[n * nf + sizeAt] ?? 0;
    if (bytes < 65_536 || !/ArrayBufferData|backing_store|ArrayBuffer/.test(nodeName(n))) continue;
    if (nodeType(n) !== 'native' && !nodeName(n).includes('Data')) continue;
    // Up to 8 hops, preferring named (property, context) edges: the variable that holds it.
    const chain: string[] = [];
    let at = n;
    const seen = new Set<number>();
    for (let hop = 0; hop < 8; hop++) {
      seen.add(at);
      const next = (retainers[at] ?? []).filter((r) => !seen.has(r.from));
      const named = next.find((r) => !r.name.startsWith('[') && r.name !== 'buffer') ?? next[0];
      if (!named) break;
      chain.push(`${named.name}<${nodeName(named.from).slice(0, 30)}>`);
      at = named.from;
    }
    out.push({
      bytes,
      path: `${nodeName(n)}, ${(retainers[n] ?? []).length} retainers: ${chain.join(' ← ')}`,
    });
  }
  return out.sort((a, b) => b.bytes - a.bytes);
}

const { page, close } = await openProfilePage(dir);
try {
  const cdp = await page.context().newCDPSession(page);
  const reused = await page.evaluate(`kamerlensBench.panelReuse(${size}, 'panel-bench-${size}')`);
  if (!reused) throw new Error(`no database of ${size} documents in ${dir}`);
  await page.evaluate('kamerlensBench.panelOpen()');
  if (process.env.PANEL_BUFFERS_TYPED)
    await page.evaluate(`kamerlensBench.panelKeystrokes(${process.env.PANEL_BUFFERS_TYPED}, 1)`);
  await cdp.send('HeapProfiler.collectGarbage');
  const chunks: string[] = [];
  cdp.on('HeapProfiler.addHeapSnapshotChunk', (e: { chunk: string }) => {
    chunks.push(e.chunk);
  });
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  const snap = JSON.parse(chunks.join('')) as Snapshot;
  const buffers = describe(snap);
  const total = buffers.reduce((sum, b) => sum + b.bytes, 0);
  console.log(`backing stores ≥ 64 KB: ${buffers.length}, ${(total / 1048576).toFixed(1)} MB`);
  for (const b of buffers) console.log(`${(b.bytes / 1048576).toFixed(2).padStart(6)} MB  ${b.path}`);
  await page.evaluate('kamerlensBench.panelClose()');
} finally {
  await close();
}
