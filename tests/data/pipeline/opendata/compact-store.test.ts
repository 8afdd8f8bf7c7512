// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FetchPolicy } from '../../../../data/pipeline/opendata/fetch-page';
import { compactCategory, loadEntities, readState } from '../../../../data/pipeline/opendata/store';
import { syncCategory } from '../../../../data/pipeline/opendata/sync';
import { type FeedServer, startFeedServer } from '../../../fixtures/opendata/feed-server';
import { initialLogs, tempDir, updates } from '../../../fixtures/opendata/fixture-store';

const POLICY: FetchPolicy = { timeoutMs: 2_000, retries: 3, backoffMs: 1 };

let server: FeedServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

/** A Document store synced in pages of two, then brought up to date with updates and a deletion. */
async function syncedWithUpdates(): Promise<{ out: string; feed: FeedServer }> {
  server = await startFeedServer(initialLogs(), 2);
  const out = tempDir();
  await syncCategory('Document', { feed: server.base, out, policy: POLICY });
  server.append('Document', updates('document'));
  await syncCategory('Document', { feed: server.base, out, policy: POLICY });
  return { out, feed: server };
}

const entitiesOf = (out: string) => [...loadEntities(out, 'Document')].sort(([a], [b]) => (a < b ? -1 : 1));

describe('compacting the sync store', () => {
  it('keeps exactly the current entities and the skiptoken, in fewer pages, and the next sync continues', async () => {
    const { out, feed } = await syncedWithUpdates();
    const before = entitiesOf(out);
    const state = readState(out, 'Document');
    expect(state.pages).toBeGreaterThan(4);

    const done = compactCategory(out, 'Document');
    expect(done).toEqual({
      category: 'Document',
      pagesBefore: state.pages,
      pagesAfter: 1,
      entities: before.length,
    });
    expect(entitiesOf(out)).toEqual(before);
    expect(readState(out, 'Document')).toEqual({ ...state, pages: 1, generation: 1 });
    expect(readdirSync(join(out, 'Document')).sort()).toEqual(['pages.1', 'state.json']);

    // The feed goes on from the same skiptoken: nothing is read twice, updates still apply.
    feed.requests.length = 0;
    const next = await syncCategory('Document', { feed: feed.base, out, policy: POLICY });
    expect(feed.requests[0]).toBe(`/SyncFeed/2.0/Feed?category=Document&skiptoken=${state.skiptoken}`);
    expect(next.entities).toBe(0);
    expect(entitiesOf(out)).toEqual(before);
  });

  it('a compaction stopped before its commit changes nothing, and the next one clears what it left', async () => {
    const { out } = await syncedWithUpdates();
    const before = entitiesOf(out);
    const state = readState(out, 'Document');
    // What a compaction stopped half-way leaves: some pages of the next generation, no new state.
    mkdirSync(join(out, 'Document', 'pages.1'), { recursive: true });
    writeFileSync(join(out, 'Document', 'pages.1', '000001.json'), '[{"id":"half"');
    expect(readState(out, 'Document')).toEqual(state);
    expect(entitiesOf(out)).toEqual(before);

    compactCategory(out, 'Document');
    expect(entitiesOf(out)).toEqual(before);
    // Twice over: generation 2, and only its folder is left.
    compactCategory(out, 'Document');
    expect(readState(out, 'Document').generation).toBe(2);
    expect(readdirSync(join(out, 'Document')).sort()).toEqual(['pages.2', 'state.json']);
    expect(entitiesOf(out)).toEqual(before);
  });

  it('leaves a category that was never synced alone', () => {
    const out = tempDir();
    expect(compactCategory(out, 'Zaak')).toEqual({
      category: 'Zaak',
      pagesBefore: 0,
      pagesAfter: 0,
      entities: 0,
    });
    expect(existsSync(join(out, 'Zaak'))).toBe(false);
  });

  it('the command line compacts without fetching, and refuses fetch options with --compact', async () => {
    const { out, feed } = await syncedWithUpdates();
    const before = entitiesOf(out);
    feed.requests.length = 0;
    const run = (...args: string[]) => {
      try {
        const stderr = execFileSync('npx', ['tsx', 'scripts/sync-opendata.ts', ...args], {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        return { code: 0, output: stderr };
      } catch (error) {
        const failed = error as { status: number; stderr: string };
        return { code: failed.status, output: failed.stderr };
      }
    };
    expect(run('--out', out, '--compact', '--feed', feed.base)).toMatchObject({
      code: 2,
      output: expect.stringContaining('--compact fetches nothing'),
    });
    expect(run('--out', out, '--compact', '--categories', 'Document').code).toBe(0);
    expect(feed.requests).toEqual([]);
    expect(readState(out, 'Document').pages).toBe(1);
    expect(entitiesOf(out)).toEqual(before);
  });
});
