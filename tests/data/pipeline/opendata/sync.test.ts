// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import { FetchFailedError, type FetchPolicy } from '../../../../data/pipeline/opendata/fetch-page';
import { loadEntities, readState } from '../../../../data/pipeline/opendata/store';
import { type SyncProgress, syncCategory } from '../../../../data/pipeline/opendata/sync';
import { type FeedServer, startFeedServer } from '../../../fixtures/opendata/feed-server';
import { initialLogs, snapshot, tempDir, updates } from '../../../fixtures/opendata/fixture-store';

const POLICY: FetchPolicy = { timeoutMs: 2_000, retries: 3, backoffMs: 1 };

let server: FeedServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function feed(pageSize = 2): Promise<FeedServer> {
  server = await startFeedServer(initialLogs(), pageSize);
  return server;
}

describe('syncCategory', () => {
  it('follows next links to the end and stores every entity with the resume token', async () => {
    const s = await feed();
    const out = tempDir();
    const seen: SyncProgress[] = [];
    const result = await syncCategory('Document', {
      feed: s.base,
      out,
      policy: POLICY,
      onProgress: (p) => seen.push(p),
    });
    expect(result).toMatchObject({ category: 'Document', entities: 8, pages: 4, done: true });
    expect(s.requests).toHaveLength(4);
    expect(readState(out, 'Document')).toEqual({ category: 'Document', skiptoken: '8', pages: 4 });
    expect([...loadEntities(out, 'Document').keys()]).toHaveLength(8);
    expect(seen.map((p) => p.pages)).toEqual([1, 2, 3, 4]);
    const letter = loadEntities(out, 'Document').get('d0c00000-0000-4000-8000-000000000001');
    expect(letter).toMatchObject({
      element: 'document',
      deleted: false,
      fields: { documentNummer: '2024D50204', volgnummer: '330', citeertitel: null },
      refs: { kamerstukdossier: ['0d055e00-0000-4000-8000-000000034352'] },
    });
  });

  it('a second run starts at the stored skiptoken and applies updates and deletions', async () => {
    const s = await feed();
    const out = tempDir();
    await syncCategory('Document', { feed: s.base, out, policy: POLICY });
    s.append('Document', updates('document'));
    s.requests.length = 0;
    const second = await syncCategory('Document', { feed: s.base, out, policy: POLICY });
    expect(s.requests[0]).toBe('/SyncFeed/2.0/Feed?category=Document&skiptoken=8');
    expect(second.entities).toBe(3);
    const store = loadEntities(out, 'Document');
    expect(store.has('d0c00000-0000-4000-8000-000000000005')).toBe(false);
    expect(store.get('d0c00000-0000-4000-8000-000000000004')?.fields.soort).toBe('Motie (gewijzigd/nader)');
    expect(store.get('d0c00000-0000-4000-8000-000000000007')?.fields.documentNummer).toBe('2025D51855');
    expect(store.size).toBe(8);
    // Caught up: a third run reads the last page again and changes nothing.
    const third = await syncCategory('Document', { feed: s.base, out, policy: POLICY });
    expect(third.entities).toBe(0);
    expect(readState(out, 'Document').skiptoken).toBe('11');
  });

  it.each([
    ['a 5xx answer', 'http-500'],
    ['a timeout', 'hang'],
    ['a page cut short', 'truncate'],
    ['a connection dropped mid-page', 'cut-connection'],
    ['a page that does not validate', 'malformed'],
  ] as const)('retries after %s and ends with the same store as a clean run', async (_, fault) => {
    const s = await feed();
    const clean = tempDir();
    await syncCategory('Document', { feed: s.base, out: clean, policy: POLICY });
    let failures = 0;
    s.fault = (r) => (r.skiptoken === 4 && failures++ < 2 ? fault : 'ok');
    const out = tempDir();
    const retries: string[] = [];
    const policy = {
      ...POLICY,
      timeoutMs: 300,
      onRetry: (_url: string, _n: number, problem: string) => retries.push(problem),
    };
    await syncCategory('Document', { feed: s.base, out, policy });
    expect(retries).toHaveLength(2);
    expect(snapshot(out)).toEqual(snapshot(clean));
  });

  it('gives up after the bounded retries with the URL and the problem, keeping only whole pages', async () => {
    const s = await feed();
    s.fault = (r) => (r.skiptoken === 4 ? 'malformed' : 'ok');
    const out = tempDir();
    const failure = await syncCategory('Document', { feed: s.base, out, policy: POLICY }).catch((e) => e);
    expect(failure).toBeInstanceOf(FetchFailedError);
    expect(failure.message).toContain('category=Document&skiptoken=4');
    expect(failure.message).toContain('has no valid id');
    expect(failure.attempts).toBe(4);
    expect(readState(out, 'Document')).toEqual({ category: 'Document', skiptoken: '4', pages: 2 });
    expect(loadEntities(out, 'Document').size).toBe(4);
  });

  it('does not retry a client error', async () => {
    const s = await feed();
    s.fault = () => 'http-404';
    const failure = await syncCategory('Zaak', { feed: s.base, out: tempDir(), policy: POLICY }).catch(
      (e) => e,
    );
    expect(failure).toBeInstanceOf(FetchFailedError);
    expect(failure.attempts).toBe(1);
    expect(s.requests).toHaveLength(1);
  });

  it('stops when told to, without committing the page under way', async () => {
    const s = await feed();
    const controller = new AbortController();
    s.fault = (r) => {
      if (r.skiptoken === 4) setTimeout(() => controller.abort(new Error('interrupted')), 10);
      return r.skiptoken === 4 ? 'hang' : 'ok';
    };
    const out = tempDir();
    const failure = await syncCategory('Document', {
      feed: s.base,
      out,
      policy: { ...POLICY, signal: controller.signal },
    }).catch((e) => e);
    expect(String(failure)).toContain('interrupted');
    expect(readState(out, 'Document').pages).toBe(2);
  });
});
