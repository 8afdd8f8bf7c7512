/**
 * The pack import's own thread (data/db/import-thread.ts): a dedicated worker started by Chrome's
 * offscreen importer (entrypoints/importer) or Firefox's background page, built as
 * `/import-worker.js`. It has no extension API; it reads the staged files from the database,
 * imports them there, and talks only to the context that started it.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { traceThread } from '../../data/db/idb-trace';
import { serveImporter, type ThreadPort } from '../../data/db/import-thread';
import { sharedDB } from '../../data/db/kamerlens-db';
import { createPackImporter } from '../../data/db/pack-importer';
import { putReadsFirst } from '../../data/db/read-priority';

export default defineUnlistedScript(() => {
  // Bench builds only (idb-trace.ts): every other build leaves this out.
  if (import.meta.env.VITE_KAMERLENS_TRACE === '1') traceThread('import-worker');
  const db = sharedDB();
  // No reads here to go first; it keeps one block write in flight, not two, so a lookup in the
  // other context waits for one write at most (read-priority.ts).
  putReadsFirst(db);
  serveImporter(self as unknown as ThreadPort, db, createPackImporter(db));
});
