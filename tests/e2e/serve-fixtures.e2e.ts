/** The static server the demo and the e2e tests use: serves its directory and nothing outside it. */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StaticServer, startServer } from '../../scripts/serve-fixtures';
import { FIXTURE_PAGES_DIR } from './harness';

let server: StaticServer;

beforeAll(async () => {
  server = await startServer(FIXTURE_PAGES_DIR);
});

afterAll(async () => {
  await server?.close();
});

/** A raw GET (fetch would normalize `..` away before sending). */
function get(path: string, method = 'GET'): Promise<{ status: number; type: string; body: string }> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('serve-fixtures', () => {
  it('listens on 127.0.0.1 with a free port', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it.each([
    ['/', 200, 'text/html; charset=utf-8', 'Kamerlens testpagina'],
    ['/news.html', 200, 'text/html; charset=utf-8', 'Binnenhof'],
    ['/news.html?x=1', 200, 'text/html; charset=utf-8', 'Binnenhof'],
    ['/missing.html', 404, 'text/plain; charset=utf-8', 'Not found'],
    ['/../../package.json', 404, 'text/plain; charset=utf-8', 'Not found'],
    ['/%2e%2e/%2e%2e/package.json', 404, 'text/plain; charset=utf-8', 'Not found'],
    ['/%E0%A4%A', 404, 'text/plain; charset=utf-8', 'Not found'],
  ])('GET %s → %i', async (path, status, type, text) => {
    const response = await get(path);
    expect(response.status).toBe(status);
    expect(response.type).toBe(type);
    expect(response.body).toContain(text);
  });

  it('answers other methods with 404 and HEAD without a body', async () => {
    expect((await get('/news.html', 'POST')).status).toBe(404);
    expect(await get('/news.html', 'HEAD')).toMatchObject({ status: 200, body: '' });
  });

  it('serves on a given port', async () => {
    const probe = await startServer(FIXTURE_PAGES_DIR);
    const port = Number(new URL(probe.url).port);
    await probe.close();
    const fixed = await startServer(FIXTURE_PAGES_DIR, port);
    expect(fixed.url).toBe(`http://127.0.0.1:${port}/`);
    await fixed.close();
  });
});
