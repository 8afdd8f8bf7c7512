/**
 * A tiny static file server on 127.0.0.1 (node:http, no dependencies) for the demo pages and the
 * end-to-end fixtures. Serves files only from inside its directory; `/` and folders serve
 * `index.html`.
 *
 *   npx tsx scripts/serve-fixtures.ts [DIR] [--port N]     (default DIR: tests/fixtures/pages)
 */
import { createReadStream, realpathSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A running server. */
export interface StaticServer {
  /** Base URL with a trailing slash, e.g. `http://127.0.0.1:40123/`. */
  url: string;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** The file a URL path names inside `root`, or null when it escapes the root or does not exist. */
function resolveFile(root: string, urlPath: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return null;
  }
  let file = resolve(join(root, path));
  if (file !== root && !file.startsWith(root + sep)) return null;
  try {
    if (statSync(file).isDirectory()) file = join(file, 'index.html');
    file = realpathSync(file);
    return file.startsWith(root + sep) && statSync(file).isFile() ? file : null;
  } catch {
    return null;
  }
}

/** Serves `dir` on 127.0.0.1; port 0 (the default) picks a free one. */
export async function startServer(dir: string, port = 0): Promise<StaticServer> {
  const root = realpathSync(resolve(dir));
  const server: Server = createServer((request, response) => {
    const file =
      request.method === 'GET' || request.method === 'HEAD' ? resolveFile(root, request.url ?? '/') : null;
    if (!file) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n');
      return;
    }
    response.writeHead(200, {
      'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).pipe(response);
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => done());
  });
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actual}/`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

function parseArgs(argv: string[]): { dir: string; port: number } {
  let dir = 'tests/fixtures/pages';
  let port = 0;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--port') {
      port = Number(argv[++i]);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new Error(`--port needs a number 0–65535`);
    } else if (arg.startsWith('-')) throw new Error(`unknown option ${arg}`);
    else dir = arg;
  }
  return { dir, port };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const { dir, port } = parseArgs(process.argv.slice(2));
    const server = await startServer(dir, port);
    console.log(`Serving ${resolve(dir)} on ${server.url} (Ctrl+C stops)`);
    const stop = () => void server.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (error) {
    console.error(`serve-fixtures: ${(error as Error).message}`);
    process.exit(2);
  }
}
