/**
 * The import on a thread of its own (packs.ts, `KAMERLENS_PACKS_IN=split`): the packs are read and
 * imported in an extension document (as an offscreen document would), while the extension's service
 * worker answers the lookups, as the background does. After each pack's import the importing side
 * says so on a BroadcastChannel, with the pack's ids; the lookup side then reads the live row again
 * (`publishLive`) and adds the ids to those it looks up. The underscore keeps `npm run bench` from
 * running this file on its own.
 */
import { readPack } from '../../data/dataset/read-pack';
import { importPack } from '../../data/db/import-pack';
import { openKamerlensDB } from '../../data/db/kamerlens-db';
import { holdLiveInMemory, publishLive } from '../../data/db/live-sources';
import { putReadsFirst } from '../../data/db/read-priority';
import { watchStalls } from './_db-routines';
import { lookupsWhile, percentiles, waited } from './_lookup-waits';

const CHANNEL = 'kamerlens-bench-split';

/** The importing side: read and import every pack into database `name`, announcing each. */
export async function importPacksAnnouncing(
  files: Uint8Array<ArrayBuffer>[],
  name: string,
): Promise<{ readMs: number; importMs: number; documents: number }> {
  const db = openKamerlensDB(name);
  // One write transaction in flight, as where reads go first (no reads here to wait for).
  putReadsFirst(db);
  await db.open();
  const channel = new BroadcastChannel(CHANNEL);
  let readMs = 0;
  let importMs = 0;
  let documents = 0;
  for (const [i, bytes] of files.entries()) {
    const began = performance.now();
    const read = await readPack(new Blob([bytes]).stream());
    const readAt = performance.now();
    if (!read.ok) throw new Error(`pack ${i}: ${read.error}`);
    await importPack(db, read.value, { bytes: bytes.length, fileName: `pack-${i}.json.gz` });
    readMs += readAt - began;
    importMs += performance.now() - readAt;
    documents += read.value.documents.length;
    const ids = read.value.documents.filter((document) => !document.stub).map((document) => document.id);
    channel.postMessage({ ids });
  }
  channel.postMessage({ done: true });
  channel.close();
  db.close();
  return { readMs, importMs, documents };
}

/**
 * The answering side: a lookup every 25 ms of the ids announced so far, until the importing side
 * says it is done; then the same for 3 s with nothing running. Also the thread's stalls (a 10 ms
 * timer late by over 50 ms), as the packs bench counts them.
 */
export async function lookupsWhileAnnounced(name: string) {
  const db = openKamerlensDB(name);
  holdLiveInMemory(db);
  await db.open();
  const pool: string[] = [];
  const pick = () => (pool.length > 0 ? [pool[Math.floor(Math.random() * pool.length)] as string] : null);
  const channel = new BroadcastChannel(CHANNEL);
  const stalls = watchStalls(() => 'answering lookups');
  const during = await lookupsWhile(
    db,
    pick,
    () =>
      new Promise<void>((done) => {
        channel.onmessage = async (event: MessageEvent<{ ids?: string[]; done?: true }>) => {
          if (event.data.done) return done();
          await publishLive(db);
          pool.push(...(event.data.ids ?? []));
        };
      }),
  );
  const spans = stalls.spans();
  const longestStall = stalls.stop()[0]?.ms ?? 0;
  channel.close();
  const idle = waited(await lookupsWhile(db, pick, () => new Promise((done) => setTimeout(done, 3000))));
  await db.delete();
  return { during: percentiles(waited(during)), idle: percentiles(idle), stalls: spans.length, longestStall };
}
