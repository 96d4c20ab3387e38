// Real loopback sockets for the simulated cluster (port-forward, tunnel): a node:http server on
// a loopback address whose requests are handed, one at a time, to the simulation, and whose
// answers are written back as real HTTP. Only loopback addresses are ever bound.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { HttpResponse } from '../../../runtime/types.js';

export const LOOPBACK = new Set(['127.0.0.1', '::1']);

/** What a handler answers: a response, or `reset` (close the connection without a reply). */
export type Answer = { response: HttpResponse } | { reset: true };

export interface IncomingSim {
  method: string;
  path: string;
  /** lower-case names; repeated headers joined with ", " */
  headers: Record<string, string>;
  body: string;
  remotePort: number;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function headersOf(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

/** Write a simulated response as real HTTP/1.1 (the body's length decides Content-Length). */
export function writeResponse(res: ServerResponse, method: string, r: HttpResponse): void {
  const body = Buffer.from(r.body ?? '', 'utf8');
  res.statusCode = r.status;
  if (r.statusText) res.statusMessage = r.statusText;
  for (const [k, v] of Object.entries(r.headers ?? {})) {
    const name = k.toLowerCase();
    if (name === 'content-length' || name === 'transfer-encoding' || name === 'connection' || name === 'keep-alive') continue;
    res.setHeader(k, v);
  }
  res.setHeader('content-length', String(body.length));
  res.end(method === 'HEAD' ? undefined : body);
}

/** A queue that runs the simulation's work one request at a time (the state lock is per call). */
export function serializer(): <T>(fn: () => Promise<T>) => Promise<T> {
  let chain: Promise<unknown> = Promise.resolve();
  return <T>(fn: () => Promise<T>) => {
    const next = chain.then(fn, fn);
    chain = next.catch(() => undefined);
    return next;
  };
}

export interface LoopbackServer {
  server: Server;
  address: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Listen on `address:port` (port 0: a free port the kernel picks). `onConnection` runs for each
 * new TCP connection, `handle` for each request.
 */
export function listenLoopback(
  address: string,
  port: number,
  handle: (req: IncomingSim) => Promise<Answer>,
  onConnection?: (socket: Socket) => void,
): Promise<LoopbackServer> {
  if (!LOOPBACK.has(address)) return Promise.reject(new Error(`refusing to bind ${address}: kubesim binds only loopback addresses`));
  const sockets = new Set<Socket>();
  const server = createServer({ keepAlive: true }, (req, res) => {
    void (async () => {
      try {
        const body = await readBody(req);
        const answer = await handle({ method: req.method ?? 'GET', path: req.url ?? '/', headers: headersOf(req), body, remotePort: req.socket.remotePort ?? 0 });
        if ('reset' in answer) req.socket.destroy();
        else writeResponse(res, req.method ?? 'GET', answer.response);
      } catch (e) {
        if (process.env.KUBESIM_DEBUG) process.stderr.write(`${(e as Error).stack}\n`);
        req.socket.destroy();
      }
    })();
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    onConnection?.(s);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: address, port, exclusive: true }, () => {
      server.off('error', reject);
      const a = server.address();
      const bound = typeof a === 'object' && a ? a.port : port;
      resolve({
        server,
        address,
        port: bound,
        close: () =>
          new Promise<void>((r) => {
            for (const s of sockets) s.destroy();
            server.close(() => r());
          }),
      });
    });
  });
}

/** `127.0.0.1:8080`, `[::1]:8080` (Go's net.JoinHostPort). */
export function joinHostPort(address: string, port: number): string {
  return address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;
}

/** Resolve when the process gets SIGINT or SIGTERM (Ctrl-C), or when `stop` is called. */
export function untilInterrupted(): { done: Promise<'signal' | unknown>; stop: (why: unknown) => void } {
  let stop!: (why: unknown) => void;
  const done = new Promise<unknown>((resolve) => {
    const onSig = () => finish('signal');
    const finish = (why: unknown) => {
      // Removed a moment later, not during the signal's dispatch: signal-exit (loaded with the
      // state lock) re-raises a signal that it finds nobody else listening to, and it runs after
      // this listener when it was loaded later.
      setImmediate(() => {
        process.off('SIGINT', onSig);
        process.off('SIGTERM', onSig);
      });
      resolve(why);
    };
    process.on('SIGINT', onSig);
    process.on('SIGTERM', onSig);
    stop = finish;
  });
  return { done, stop };
}
