/**
 * The live generations held in memory by the context that imports (the background): lookups there
 * read no `meta`, so they do not wait for an import's last transaction, which holds it.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { importDataset } from '../../../data/db/import-dataset';
import { importPack, removePack } from '../../../data/db/import-pack';
import { type KamerlensDB, openKamerlensDB } from '../../../data/db/kamerlens-db';
import { announceLiveWith, holdLiveInMemory, publishLive } from '../../../data/db/live-sources';
import { lookupCards } from '../../../data/db/lookup-cards';
import { lookupDocuments } from '../../../data/db/lookup-documents';
import { freshDB } from '../../fixtures/db/fresh-db';
import { seedLikeDataset } from '../../fixtures/db/seed-like';
import { fixturePack } from '../../fixtures/opendata/fixture-packs';

const YEAR = 'vergaderjaar-2024-2025';

async function titleOf(db: KamerlensDB, id: string) {
  const [entry] = await lookupDocuments(db, [id]);
  return entry?.document?.title ?? null;
}

/**
 * Holds a read-write transaction over `meta` open (as an import's last one does) until `release`,
 * with a request always pending so it does not commit.
 */
function holdMeta(db: KamerlensDB) {
  let held = true;
  const open = db.transaction('rw', db.meta, async () => {
    while (held) await db.meta.get('live');
  });
  return {
    open,
    release: () => {
      held = false;
      return open;
    },
  };
}

/** `promise`, or 'blocked' when it has not settled within `ms` (a deadlock bound, not a timing). */
function settledWithin<T>(promise: Promise<T>, ms: number): Promise<T | 'blocked'> {
  return Promise.race([
    promise,
    new Promise<'blocked'>((resolve) => setTimeout(() => resolve('blocked'), ms)),
  ]);
}

describe('the live generations held in memory', () => {
  it('follow imports and removals in the context that holds them', async () => {
    const db = freshDB();
    holdLiveInMemory(db);
    await importDataset(db, seedLikeDataset());
    expect(await titleOf(db, 'kst-34352-330')).toBe(
      seedLikeDataset().documents.find((d) => d.id === 'kst-34352-330')?.title,
    );
    const pack = fixturePack(YEAR);
    const title = pack.documents.find((d) => d.id === '2025D09876')?.title;
    expect(await titleOf(db, '2025D09876')).toBeNull();
    await importPack(db, pack, { bytes: 1, fileName: 'p' });
    expect(await titleOf(db, '2025D09876')).toBe(title);
    await removePack(db, YEAR);
    expect(await titleOf(db, '2025D09876')).toBeNull();
  });

  it('let lookups answer while a transaction holds meta; without them, lookups wait for it', async () => {
    const holding = freshDB();
    holdLiveInMemory(holding);
    const reading = freshDB();
    for (const db of [holding, reading]) {
      await importDataset(db, seedLikeDataset());
      // A first lookup loads what it needs (the held row, the dossier titles).
      await lookupCards(db, ['kst-34352-330', '2025D51855', 'kst-34352-349', 'kst-36600-XV-85']);
    }
    const held = holdMeta(holding);
    const answered = await settledWithin(lookupCards(holding, ['kst-34352-330']), 2000);
    await held.release();
    expect(answered).not.toBe('blocked');
    expect(answered === 'blocked' ? null : answered[0]?.document?.id).toBe('kst-34352-330');

    const read = holdMeta(reading);
    const waited = await settledWithin(lookupCards(reading, ['kst-34352-330']), 300);
    await read.release();
    expect(waited).toBe('blocked');
  });

  it('follow a pack replaced from another context that announces it before the old one goes', async () => {
    // Two connections to one database, as Chrome's offscreen importer and the service worker.
    const holder = freshDB();
    holdLiveInMemory(holder);
    const importer = openKamerlensDB(holder.name);
    const pack = fixturePack(YEAR);
    const id = '2025D09876';
    const before = pack.documents.find((d) => d.id === id)?.title;
    const next = {
      ...pack,
      version: `${pack.version}-next`,
      documents: pack.documents.map((d) => (d.id === id ? { ...d, title: 'Een nieuwe titel' } : d)),
    };
    const seenAtAnnounce: (string | null)[] = [];
    announceLiveWith(importer, async () => {
      // The holder still names the generation being replaced, and it is still there to read.
      seenAtAnnounce.push(await titleOf(holder, id));
      await publishLive(holder);
      seenAtAnnounce.push(await titleOf(holder, id));
    });
    try {
      await importPack(importer, pack, { bytes: 1, fileName: 'p' });
      expect(await titleOf(holder, id)).toBe(before);
      await importPack(importer, next, { bytes: 1, fileName: 'p2' });
      expect(seenAtAnnounce.slice(-2)).toEqual([before, 'Een nieuwe titel']);
      expect(await titleOf(holder, id)).toBe('Een nieuwe titel');
      await removePack(importer, YEAR);
      expect(await titleOf(holder, id)).toBeNull();
    } finally {
      importer.close();
    }
  });
});
