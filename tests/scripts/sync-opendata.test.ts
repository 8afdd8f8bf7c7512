// @vitest-environment node
import { type ChildProcess, spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { readState } from '../../data/pipeline/opendata/store';
import { syncCategory } from '../../data/pipeline/opendata/sync';
import { type FeedServer, startFeedServer } from '../fixtures/opendata/feed-server';
import { initialLogs, snapshot, tempDir } from '../fixtures/opendata/fixture-store';

const POLICY = { timeoutMs: 2_000, retries: 2, backoffMs: 1 };

let server: FeedServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

function runCli(args: string[]): {
  child: ChildProcess;
  done: Promise<{ code: number | null; stderr: string }>;
} {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/sync-opendata.ts', ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += String(chunk);
  });
  const done = new Promise<{ code: number | null; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stderr })),
  );
  return { child, done };
}

describe('npm run data:sync', () => {
  it('syncs the named categories and prints a progress line for each', async () => {
    server = await startFeedServer(initialLogs(), 2);
    const out = tempDir();
    const { done } = runCli(['--feed', server.base, '--out', out, '--categories', 'Zaak,ZaakActor']);
    const { code, stderr } = await done;
    expect(code).toBe(0);
    expect(stderr).toMatch(/^Zaak: 3 entities, 2 pages, \d+\/s, up to date$/m);
    expect(stderr).toMatch(/^ZaakActor: 3 entities, 2 pages, \d+\/s, up to date$/m);
    expect(readState(out, 'Kamerstukdossier').pages).toBe(0);
  });

  it('refuses bad arguments with a usage line', async () => {
    const { done } = runCli(['--out', tempDir(), '--categories', 'Documenten']);
    const { code, stderr } = await done;
    expect(code).toBe(2);
    expect(stderr).toContain('unknown category Documenten');
    expect(stderr).toContain('usage: npm run -s data:sync');
  });

  it.each(['SIGKILL', 'SIGTERM'] as const)(
    'killed half-way (%s), a rerun yields exactly the store of an uninterrupted run',
    async (signal) => {
      server = await startFeedServer(initialLogs(), 2);
      const clean = tempDir();
      for (const category of ['Kamerstukdossier', 'Document'] as const)
        await syncCategory(category, { feed: server.base, out: clean, policy: POLICY });

      const out = tempDir();
      let killed = false;
      const { child, done } = runCli([
        '--feed',
        server.base,
        '--out',
        out,
        '--categories',
        'Kamerstukdossier,Document',
      ]);
      server.fault = (r) => {
        if (r.category === 'Document' && r.skiptoken === 4 && !killed) {
          killed = true;
          child.kill(signal);
          return 'hang';
        }
        return 'ok';
      };
      const { code, stderr } = await done;
      if (signal === 'SIGTERM') {
        expect(code).toBe(130);
        expect(stderr).toContain('interrupted during Document');
      }
      expect(killed).toBe(true);
      expect(readState(out, 'Document')).toMatchObject({ pages: 2, skiptoken: '4' });

      for (const category of ['Kamerstukdossier', 'Document'] as const)
        await syncCategory(category, { feed: server.base, out, policy: POLICY });
      expect(snapshot(out)).toEqual(snapshot(clean));
    },
  );
});
