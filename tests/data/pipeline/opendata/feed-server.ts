/**
 * Test helper: a SyncFeed on loopback (127.0.0.1, port 0) serving Atom pages built from fixture
 * entities, shaped like the real feed (feed header, one entity per entry, entries with their own
 * `next` links, `rel="next"` between pages and `rel="resume"` on the last). A fault hook can make
 * any request fail: 500, hang, truncate, or serve a malformed page.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SaxesParser } from 'saxes';

/** One entity of a fixture file: its element name and its XML, namespaces declared on itself. */
export interface FixtureEntity {
  element: string;
  id: string;
  xml: string;
}

/** Read the entities of a `<fixture>` file, each serialized on its own as the feed sends it. */
export function readFixtureEntities(file: string): FixtureEntity[] {
  const parser = new SaxesParser();
  const entities: FixtureEntity[] = [];
  let declarations = '';
  let depth = 0;
  let current: FixtureEntity | null = null;
  parser.on('opentag', (tag) => {
    depth += 1;
    const attributes = Object.entries(tag.attributes as Record<string, string>);
    if (depth === 1) {
      declarations = attributes
        .filter(([name]) => name === 'xmlns' || name.startsWith('xmlns:'))
        .map(([name, value]) => ` ${name}="${escapeXml(value)}"`)
        .join('');
      return;
    }
    const own = attributes.map(([name, value]) => ` ${name}="${escapeXml(value)}"`).join('');
    if (depth === 2) {
      current = { element: tag.name, id: (tag.attributes as Record<string, string>).id ?? '', xml: '' };
      current.xml += `<${tag.name}${declarations}${own}`;
    } else if (current) current.xml += `<${tag.name}${own}`;
    if (current) current.xml += tag.isSelfClosing ? '/>' : '>';
  });
  parser.on('text', (text) => {
    if (current && depth >= 2) current.xml += escapeXml(text);
  });
  parser.on('closetag', (tag) => {
    if (current && !tag.isSelfClosing) current.xml += `</${tag.name}>`;
    if (depth === 2 && current) {
      entities.push(current);
      current = null;
    }
    depth -= 1;
  });
  parser.write(readFileSync(file, 'utf8')).close();
  return entities;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** What to do with one request; `attempt` counts requests for the same URL, from 1. */
type Fault = 'ok' | 'http-500' | 'http-404' | 'hang' | 'truncate' | 'cut-connection' | 'malformed';

/** The request the fault hook decides on. */
interface FeedRequest {
  category: string;
  skiptoken: number;
  attempt: number;
  url: string;
}

/** A running loopback feed. */
export interface FeedServer {
  /** Base URL, like the official `…/SyncFeed/2.0`. */
  base: string;
  /** Every request path, in order. */
  requests: string[];
  /** Add entity versions to the end of a category's log (updates, deletions, new entities). */
  append(category: string, entities: FixtureEntity[]): void;
  /** Decide per request how to fail. */
  fault: (request: FeedRequest) => Fault;
  close(): Promise<void>;
}

/** Start a feed over `logs` (category → entity versions in feed order), `pageSize` entries a page. */
export async function startFeedServer(
  logs: Record<string, FixtureEntity[]>,
  pageSize: number,
): Promise<FeedServer> {
  const log = new Map(Object.entries(logs).map(([category, list]) => [category, [...list]]));
  const attempts = new Map<string, number>();
  const hanging = new Set<ServerResponse>();
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', feed.base);
    feed.requests.push(`${url.pathname}${url.search}`);
    const category = url.searchParams.get('category') ?? '';
    const skiptoken = Number(url.searchParams.get('skiptoken') ?? '0');
    const attempt = (attempts.get(url.href) ?? 0) + 1;
    attempts.set(url.href, attempt);
    const entities = log.get(category);
    if (!url.pathname.endsWith('/SyncFeed/2.0/Feed') || !entities) {
      response.writeHead(404).end();
      return;
    }
    const fault = feed.fault({ category, skiptoken, attempt, url: url.href });
    if (fault === 'hang') {
      hanging.add(response);
      return;
    }
    if (fault === 'http-500' || fault === 'http-404') {
      response.writeHead(fault === 'http-500' ? 500 : 404, { 'content-type': 'text/plain' }).end('fault');
      return;
    }
    let body = page(feed.base, category, entities, skiptoken, pageSize);
    if (fault === 'malformed') body = body.replace(/ id="[0-9a-f-]+"/, ' id="not-a-guid"');
    const bytes = Buffer.from(body);
    if (fault === 'truncate') {
      const half = bytes.subarray(0, Math.floor(bytes.length / 2));
      response.writeHead(200, { 'content-type': 'application/atom+xml', 'content-length': half.length });
      response.end(half);
    } else if (fault === 'cut-connection') {
      response.writeHead(200, { 'content-type': 'application/atom+xml', 'content-length': bytes.length });
      response.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => response.destroy());
    } else {
      response.writeHead(200, { 'content-type': 'application/atom+xml; charset=utf-8' }).end(bytes);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const feed: FeedServer = {
    base: `http://127.0.0.1:${port}/SyncFeed/2.0`,
    requests: [],
    append(category, entities) {
      log.set(category, [...(log.get(category) ?? []), ...entities]);
    },
    fault: () => 'ok',
    close() {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
  return feed;
}

function page(base: string, category: string, log: FixtureEntity[], from: number, size: number): string {
  const link = (token: number) => `${base}/Feed?category=${category}&amp;skiptoken=${token}`;
  const end = Math.min(log.length, from + size);
  const entries = log.slice(from, end).map(
    (entity, i) => `  <entry>
    <title>${entity.id}</title>
    <id>${base}/Entiteiten/${entity.id}</id>
    <author><name>Tweede Kamer der Staten-Generaal</name></author>
    <updated>2026-08-24T15:50:28.737+02:00</updated>
    <category term="${category}" />
    <link rel="next" href="${link(from + i + 1)}" />
    <content type="application/xml">${entity.xml}</content>
  </entry>`,
  );
  const onward =
    end < log.length ? `<link rel="next" href="${link(end)}"/>` : `<link rel="resume" href="${link(end)}"/>`;
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://www.w3.org/2005/Atom">
  <title>Gegevensmagazijn SyncFeed</title>
  <link rel="self" href="${link(from)}"/>
  ${onward}
  <updated>2026-08-24T15:50:28.737+02:00</updated>
  <author><name>Tweede Kamer der Staten-Generaal</name><uri>https://opendata.tweedekamer.nl</uri></author>
${entries.join('\n')}
</feed>
`;
}
