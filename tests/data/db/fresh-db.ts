/** A fresh, uniquely named database per test on fake-indexeddb. */
import 'fake-indexeddb/auto';
import { afterEach } from 'vitest';
import { type KamerlensDB, openKamerlensDB } from '../../../data/db/kamerlens-db';

const opened: KamerlensDB[] = [];
let counter = 0;

/** Open a new empty database; it is deleted after the test. */
export function freshDB(): KamerlensDB {
  counter += 1;
  const db = openKamerlensDB(`kamerlens-test-${process.pid}-${counter}`);
  opened.push(db);
  return db;
}

afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});
