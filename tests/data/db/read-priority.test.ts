/**
 * Reads before writes in the context that imports (read-priority.ts): a block writer waits for the
 * lookups going on before its next write transaction, not for lookups that start later, and keeps
 * one write in flight; elsewhere nothing waits.
 */
import { describe, expect, it } from 'vitest';
import { asRead, putReadsFirst, readsDone } from '../../../data/db/read-priority';
import { writeBlocks } from '../../../data/db/row-blocks';
import { inTimedChunks } from '../../../data/db/write-in-chunks';
import { makeDocument } from '../../fixtures/builders';
import { freshDB } from '../../fixtures/db/fresh-db';

/** A promise and the function that settles it. */
function held() {
  let release = () => {};
  const promise = new Promise<void>((done) => {
    release = done;
  });
  return { promise, release };
}

const settledSoon = async (promise: Promise<unknown>) => {
  let settled = false;
  void promise.then(() => {
    settled = true;
  });
  for (let i = 0; i < 20; i++) await new Promise((done) => setTimeout(done, 0));
  return settled;
};

describe('reads before writes', () => {
  it('where reads do not go first, nothing waits for them', async () => {
    const db = freshDB();
    const read = held();
    void asRead(db, () => read.promise);
    expect(await settledSoon(readsDone(db))).toBe(true);
    read.release();
  });

  it('a writer waits for the reads going on when it asks, not for those that start after', async () => {
    const db = freshDB();
    putReadsFirst(db);
    const first = held();
    const reading = asRead(db, () => first.promise.then(() => 'answer'));
    const done = readsDone(db);
    const later = held();
    void asRead(db, () => later.promise);
    expect(await settledSoon(done)).toBe(false);
    first.release();
    expect(await reading).toBe('answer');
    expect(await settledSoon(done)).toBe(true);
    // A read that failed ends as well.
    void asRead(db, () => Promise.reject(new Error('read failed'))).catch(() => undefined);
    later.release();
    expect(await settledSoon(readsDone(db))).toBe(true);
  });

  it('with a wait before each chunk, one chunk is in flight at a time, and none starts during a read', async () => {
    /** The most chunks in flight at once while ten items are written two at a time with `options`. */
    const mostInFlight = async (options: { before?: () => Promise<void> }) => {
      let inFlight = 0;
      let most = 0;
      const waits: number[] = [];
      await inTimedChunks(
        Array.from({ length: 10 }, (_, i) => i),
        async () => {
          inFlight += 1;
          most = Math.max(most, inFlight);
          await new Promise((done) => setTimeout(done, 1));
          inFlight -= 1;
        },
        { size: 2, ...(options.before && { before: async () => void waits.push(inFlight) }) },
      );
      return { most, waits };
    };
    expect(await mostInFlight({ before: async () => undefined })).toEqual({
      most: 1,
      waits: [0, 0, 0, 0, 0],
    });
    // Without it, two are in flight (the next is prepared while one is written).
    expect(await mostInFlight({})).toEqual({ most: 2, waits: [] });
  });

  it('an import writing blocks writes none while a lookup is going on, and all once it ended', async () => {
    const db = freshDB();
    putReadsFirst(db);
    await db.open();
    const lookup = held();
    void asRead(db, () => lookup.promise);
    const records = Array.from({ length: 30 }, (_, i) =>
      makeDocument({ id: `kst-1-${i}`, title: `Stuk ${i}` }),
    );
    const writing = writeBlocks(db, 'documentBlocks', 'bundled', 1, records, { size: 10 });
    expect(await settledSoon(writing)).toBe(false);
    expect(await db.documentBlocks.count()).toBe(0);
    lookup.release();
    await writing;
    expect(await db.documentBlocks.count()).toBeGreaterThan(0);
  });
});
