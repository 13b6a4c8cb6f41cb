/**
 * A loopback HTTP forward proxy, as the `https_proxy`/`http_proxy` of a corporate network would be, for tests:
 *
 * - `CONNECT host:port` (what `@actions/http-client`'s `tunnel` agents send, for https and http targets alike):
 *   answers `200 Connection Established` and pipes bytes both ways to the routed destination;
 * - absolute-form requests (`GET http://host:port/path HTTP/1.1`, what plain forward proxies get from clients that do
 *   not tunnel): forwards the request to the routed destination and streams the answer back.
 *
 * Every request is recorded with its target exactly as the client wrote it, and the bytes each tunnel carried from
 * the client are kept, so a test can prove what the proxy could (not) read. Targets need not resolve: `route` maps a
 * target to where the proxy really connects (default: the target itself, an IPv4-mapped IPv6 address as plain IPv4).
 */
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';

/** One request the proxy received. */
export interface ProxiedRequest {
  /** `CONNECT`, or the method of an absolute-form request. */
  method: string;
  /** The request target as written: `host:port` for CONNECT, the absolute URL otherwise. */
  target: string;
  /** Node's lowercased header names. */
  headers: Record<string, string | string[] | undefined>;
}

/** Where to connect for a target: a destination, `'stall'` (accept and never answer) or `null` (answer 502). */
export type ProxyRoute = { host: string; port: number } | 'stall' | null;

export interface ConnectProxyOptions {
  /** Maps the target host (brackets removed) and port to a {@link ProxyRoute}; default {@link defaultRoute}. */
  route?: (host: string, port: number) => ProxyRoute;
}

export interface ConnectProxy {
  /** `http://127.0.0.1:PORT`: the value for `http_proxy`/`https_proxy`. */
  url: string;
  /** Every request received, in order. */
  requests: ProxiedRequest[];
  /** Everything the clients sent through CONNECT tunnels (after the CONNECT request itself), concatenated. */
  tunnelledFromClients(): Buffer;
  /** Stops listening and destroys every connection, tunnels included. */
  close(): Promise<void>;
}

/** The target itself; `::ffff:a.b.c.d` / `::ffff:XXXX:XXXX` as plain IPv4 so no IPv6 stack is needed. */
export function defaultRoute(host: string, port: number): ProxyRoute {
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(host);
  if (mapped) {
    const hi = parseInt(mapped[1], 16);
    const lo = parseInt(mapped[2], 16);
    return { host: [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.'), port };
  }
  const dotted = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(host);
  return { host: dotted ? dotted[1] : host, port };
}

/** `host:port`, `[v6]:port` or `v6:port` (what `tunnel` writes for an IPv6 literal) → host without brackets, port. */
function splitHostPort(target: string): { host: string; port: number } | null {
  const at = target.lastIndexOf(':');
  if (at <= 0) return null;
  const port = Number(target.slice(at + 1));
  if (!Number.isInteger(port) || port <= 0 || port > 65535) return null;
  return { host: target.slice(0, at).replace(/^\[(.*)\]$/, '$1'), port };
}

/**
 * Starts the proxy on `127.0.0.1` (random port).
 *
 * @throws when the port cannot be bound.
 */
export async function startConnectProxy(opts: ConnectProxyOptions = {}): Promise<ConnectProxy> {
  const route = opts.route ?? defaultRoute;
  const requests: ProxiedRequest[] = [];
  const tunnelled: Buffer[] = [];
  const sockets = new Set<net.Socket>();
  const track = (socket: net.Socket): void => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  };

  const server = http.createServer((req, res) => {
    const target = req.url ?? '';
    requests.push({ method: req.method ?? '', target, headers: { ...req.headers } });
    let url: URL;
    try {
      url = new URL(target);
      if (url.protocol !== 'http:') throw new Error('not http');
    } catch {
      res.writeHead(400, { 'Content-Type': 'text/plain' }).end('absolute-form http:// request target expected');
      return;
    }
    const destination = route(url.hostname.replace(/^\[(.*)\]$/, '$1'), Number(url.port || 80));
    if (destination === 'stall') return;
    if (destination === null) {
      res.writeHead(502, { 'Content-Type': 'text/plain' }).end('no route');
      return;
    }
    const headers = { ...req.headers };
    delete headers['proxy-connection'];
    delete headers['proxy-authorization'];
    const upstream = http.request(
      {
        host: destination.host,
        port: destination.port,
        method: req.method,
        path: `${url.pathname}${url.search}`,
        headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.statusMessage, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  server.on('connection', track);

  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    const target = req.url ?? '';
    requests.push({ method: 'CONNECT', target, headers: { ...req.headers } });
    client.on('error', () => client.destroy());
    client.on('data', (chunk: Buffer) => tunnelled.push(chunk));
    if (head.length > 0) tunnelled.push(head);
    const split = splitHostPort(target);
    const destination = split ? route(split.host, split.port) : null;
    if (destination === 'stall') return;
    if (destination === null) {
      client.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const upstream = net.connect(destination.port, destination.host);
    track(upstream);
    let established = false;
    upstream.on('connect', () => {
      established = true;
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => {
      if (!established) client.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n');
      else client.destroy();
    });
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => {
      if (established) client.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    tunnelledFromClients: () => Buffer.concat(tunnelled),
    close(): Promise<void> {
      return new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
        for (const socket of sockets) socket.destroy();
      });
    },
  };
}
