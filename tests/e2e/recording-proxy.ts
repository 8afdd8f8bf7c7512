/**
 * An HTTP proxy on 127.0.0.1 that forwards nothing and records everything: Firefox is pointed at
 * it for http and https, so any request of any context (pages, extension pages, the background)
 * to a host other than 127.0.0.1/localhost arrives here and is written down, then refused.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A running recording proxy. */
export interface RecordingProxy {
  port: number;
  /** `http://host/path` for plain requests, `https://host:port` for tunnels, in arrival order. */
  requests: string[];
  close(): Promise<void>;
}

/** Starts the proxy on a free port. */
export async function startRecordingProxy(): Promise<RecordingProxy> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    requests.push(request.url ?? '');
    response.writeHead(502, { 'content-type': 'text/plain' }).end('offline test proxy');
  });
  server.on('connect', (request, socket) => {
    requests.push(`https://${request.url ?? ''}`);
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
