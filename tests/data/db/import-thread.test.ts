// @vitest-environment node
/**
 * The pack importer on a thread of its own, with a MessageChannel for the thread: each start serves
 * a fresh importer over its own connection to the database (as a dedicated worker has), and the
 * host is a second connection holding the live row, as the background does.
 */
import 'fake-indexeddb/auto';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { describe, expect, it, vi } from 'vitest';
import { importDataset } from '../../../data/db/import-dataset';
import {
  importThread,
  KEEP_ALIVE_MS,
  type SpawnedThread,
  serveImporter,
} from '../../../data/db/import-thread';
import { type KamerlensDB, openKamerlensDB } from '../../../data/db/kamerlens-db';
import { holdLiveInMemory, publishLive } from '../../../data/db/live-sources';
import { lookupDocuments } from '../../../data/db/lookup-documents';
import {
  createPackImporter,
  type PackImporter,
  packWorkWaiting,
  storedPackProgress,
} from '../../../data/db/pack-importer';
import { freshDB } from '../../fixtures/db/fresh-db';
import { seedLikeDataset } from '../../fixtures/db/seed-like';
import { fixturePack, packFile } from '../../fixtures/opendata/fixture-packs';

const YEAR = 'vergaderjaar-2024-2025';

async function stage(db: KamerlensDB, pack = fixturePack(YEAR)) {
  await db.stagedPacks.add({
    fileName: `${pack.id}.pack.json.gz`,
    file: new Blob([new Uint8Array(packFile(pack))]),
    stagedAt: '2026-05-01T12:00:00Z',
  });
}

async function titleOf(db: KamerlensDB, id: string) {
  const [entry] = await lookupDocuments(db, [id]);
  return entry?.document?.title ?? null;
}

/** A port as the thread module sees it: Node's ports deliver `message` events once started. */
function portOf(port: MessagePort) {
  port.start();
  return port as unknown as SpawnedThread;
}

/** Threads over MessageChannels, each serving `importer(connection)` (a real importer by default). */
function threads(holder: KamerlensDB, importer = (db: KamerlensDB): PackImporter => createPackImporter(db)) {
  const started: { failed(error: string): void; terminated: boolean; connection: KamerlensDB }[] = [];
  const spawn = (): SpawnedThread => {
    const { port1, port2 } = new MessageChannel();
    const connection = openKamerlensDB(holder.name);
    serveImporter(portOf(port1), connection, importer(connection));
    const host = portOf(port2);
    const entry = { failed: (_error: string) => {}, terminated: false, connection };
    started.push(entry);
    return {
      postMessage: (message) => host.postMessage(message),
      addEventListener: (type, listener) => host.addEventListener(type, listener),
      onFailure: (listener) => {
        entry.failed = listener;
      },
      terminate: () => {
        entry.terminated = true;
        port1.close();
        port2.close();
        connection.close();
      },
    };
  };
  return { started, spawn };
}

describe('the pack importer on a thread of its own', () => {
  it('imports what is staged there, has the holder read the live row, and ends the thread after', async () => {
    const holder = freshDB();
    holdLiveInMemory(holder);
    await importDataset(holder, seedLikeDataset());
    const pack = fixturePack(YEAR);
    const title = pack.documents.find((d) => d.id === '2025D09876')?.title;
    // The holder has its live row in memory before the import (a lookup loads it).
    expect(await titleOf(holder, '2025D09876')).toBeNull();
    const { started, spawn } = threads(holder);
    let announced = 0;
    const importer = importThread({
      spawn,
      liveChanged: async () => {
        announced += 1;
        await publishLive(holder);
      },
      stored: () => storedPackProgress(holder),
    });
    await stage(holder);
    const outcome = await importer.importStaged();
    expect(outcome).toMatchObject({ state: 'done', packId: YEAR, fraction: 1 });
    expect(announced).toBeGreaterThan(0);
    // Without the notice the holder would still name no generation of the pack.
    expect(await titleOf(holder, '2025D09876')).toBe(title);
    expect(started.map((thread) => thread.terminated)).toEqual([true]);
    // Progress with no thread running comes from the database and starts none.
    expect(await importer.progress()).toEqual(outcome);
    expect(started).toHaveLength(1);
    // A removal starts a thread again, and ends it.
    expect(await importer.remove(YEAR)).toBe(true);
    expect(await titleOf(holder, '2025D09876')).toBeNull();
    expect(started.map((thread) => thread.terminated)).toEqual([true, true]);
  });

  it('starts no thread for a wake with nothing to import, and one when a pack is staged', async () => {
    const holder = freshDB();
    await importDataset(holder, seedLikeDataset());
    const { started, spawn } = threads(holder);
    const importer = importThread({
      spawn,
      liveChanged: () => publishLive(holder),
      stored: () => storedPackProgress(holder),
      workWaiting: () => packWorkWaiting(holder),
    });
    expect(await importer.importStaged()).toEqual(await storedPackProgress(holder));
    expect(started).toHaveLength(0);
    await stage(holder);
    expect(await importer.importStaged()).toMatchObject({ state: 'done', packId: YEAR });
    expect(started.map((thread) => thread.terminated)).toEqual([true]);
    // Imported: nothing waits again.
    await importer.importStaged();
    expect(started).toHaveLength(1);
  });

  it('keeps one thread for calls that overlap, and ends it after the last', async () => {
    const holder = freshDB();
    const { started, spawn } = threads(holder);
    const importer = importThread({
      spawn,
      liveChanged: async () => {},
      stored: () => storedPackProgress(holder),
    });
    await stage(holder);
    const [imported, removed] = await Promise.all([importer.importStaged(), importer.remove(YEAR)]);
    expect(imported).toMatchObject({ state: 'done', packId: YEAR });
    // The removal was queued after the import in the thread's one writer.
    expect(removed).toBe(true);
    expect(started.map((thread) => thread.terminated)).toEqual([true]);
  });

  it("answers the importer's errors as errors, and a failed thread's calls as failed", async () => {
    const holder = freshDB();
    let failing = true;
    const { started, spawn } = threads(holder, (db) => ({
      ...createPackImporter(db),
      remove: async (id) => {
        if (failing) throw new Error(`no pack ${id}`);
        return false;
      },
    }));
    const importer = importThread({
      spawn,
      liveChanged: async () => {},
      stored: () => storedPackProgress(holder),
    });
    await expect(importer.remove('x')).rejects.toThrow('no pack x');
    expect(started.map((thread) => thread.terminated)).toEqual([true]);

    // A thread that fails while a call waits: the call fails, the thread is ended, the next starts anew.
    const never = new Promise<boolean>(() => {});
    failing = false;
    const { started: hung, spawn: spawnHung } = threads(holder, (db) => ({
      ...createPackImporter(db),
      remove: () => never,
    }));
    const stuck = importThread({
      spawn: spawnHung,
      liveChanged: async () => {},
      stored: () => storedPackProgress(holder),
    });
    const waiting = stuck.remove('y');
    await new Promise((settle) => setTimeout(settle, 10));
    hung[0]?.failed('out of memory');
    await expect(waiting).rejects.toThrow('pack importer stopped: out of memory');
    expect(hung.map((thread) => thread.terminated)).toEqual([true]);
    const again = stuck.importStaged();
    expect(hung).toHaveLength(2);
    expect(await again).toMatchObject({ state: 'idle' });
  });

  it('answers the thread even when the holder could not read the live row, so the import ends', async () => {
    const holder = freshDB();
    const { spawn } = threads(holder);
    const importer = importThread({
      spawn,
      liveChanged: () => Promise.reject(new Error('background not reachable')),
      stored: () => storedPackProgress(holder),
    });
    await stage(holder);
    const warn = console.warn;
    const warned: unknown[] = [];
    console.warn = (...args: unknown[]) => warned.push(args[0]);
    try {
      expect(await importer.importStaged()).toMatchObject({ state: 'done', packId: YEAR });
    } finally {
      console.warn = warn;
    }
    expect(warned).toContain('Kamerlens: live row not read again');
  });

  it('keeps its host awake while a call waits for the thread, and no longer once none does', async () => {
    // Only the intervals are faked: the ports and the database keep their real timers.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const holder = freshDB();
      let release: ((removed: boolean) => void) | undefined;
      const { spawn } = threads(holder, (db) => ({
        ...createPackImporter(db),
        remove: () =>
          new Promise<boolean>((done) => {
            release = done;
          }),
      }));
      let beats = 0;
      const importer = importThread({
        spawn,
        liveChanged: async () => {},
        stored: () => storedPackProgress(holder),
        keepAlive: async () => {
          beats += 1;
          // A failed keep-alive call is logged and the next one is still made.
          if (beats === 2) throw new Error('no answer');
        },
      });
      const warn = console.warn;
      console.warn = () => {};
      const removing = importer.remove('x');
      try {
        for (let i = 0; !release && i < 200; i += 1) await new Promise((settle) => setTimeout(settle, 5));
        vi.advanceTimersByTime(KEEP_ALIVE_MS * 3);
        await Promise.resolve();
        expect(beats).toBe(3);
        release?.(true);
        expect(await removing).toBe(true);
      } finally {
        console.warn = warn;
      }
      vi.advanceTimersByTime(KEEP_ALIVE_MS * 3);
      expect(beats).toBe(3);
    } finally {
      vi.useRealTimers();
    }
  });
});
