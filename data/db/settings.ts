/** The reader's settings: a small key → JSON value store in a user table. */
import type { KamerlensDB } from './kamerlens-db';

/** The stored value of `key`, or `fallback` when unset. */
export async function getSetting<T>(db: KamerlensDB, key: string, fallback: T): Promise<T> {
  const record = await db.settings.get(key);
  return record === undefined ? fallback : (record.value as T);
}

/** Store `value` (structured-clonable) under `key`. */
export async function putSetting(db: KamerlensDB, key: string, value: unknown): Promise<void> {
  await db.settings.put({ key, value });
}
