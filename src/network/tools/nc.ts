// nc: busybox's (`-z -v`: `host (ip:port) open`, `nc: host (ip:port): Connection refused`) or
// netcat-openbsd's on Debian/Ubuntu (`Connection to host (ip) 80 port [tcp/http] succeeded!`).
// Without -z, what is on stdin is sent: an HTTP request gets the app's raw HTTP response, redis
// commands get RESP replies.
import type { ToolContext } from '../../runtime/types.js';
import { connect, serveHttp, type Proto } from '../connect.js';
import { lookupHost, isIP } from '../dns.js';
import { containerHandle } from '../../runtime/container.js';
import { redisServe, resp } from '../redis.js';
import { args, flavour, fromOf, getopt, libc, strerror } from './common.js';
import { responseHeaderLines, statusLine } from './http-format.js';

const SPEC: Record<string, boolean> = { '-z': false, '-v': false, '-w': true, '-u': false, '-n': false, '-q': true, '-l': false, '-p': true, '-W': true, '-N': false, '-i': true };
const SERVICES: Record<number, string> = { 21: 'ftp', 22: 'ssh', 53: 'domain', 80: 'http', 443: 'https', 3306: 'mysql', 5432: 'postgresql', 6379: 'redis', 8080: 'http-alt', 27017: 'mongodb' };

export async function nc(ctx: ToolContext): Promise<number> {
  const g = getopt(args(ctx), SPEC);
  const debian = flavour(ctx) === 'bash-debian';
  const lc = libc(ctx);
  if (g.unknown || g.operands.length < 2) {
    if ('-l' in g.opts) {
      ctx.stderr('nc: listening is not simulated in kubesim (nothing can connect to a shell command)\n');
      return 1;
    }
    ctx.stderr(debian ? 'usage: nc [-46CDdFhklNnrStUuvZz] [-I length] [-i interval] [-M ttl]\n\t  [-m minttl] [-O length] [-P proxy_username] [-p source_port]\n\t  [-q seconds] [-s sourceaddr] [-T keyword] [-V rtable] [-W recvlimit]\n\t  [-w timeout] [-X proxy_protocol] [-x proxy_address[:port]]\n\t  [destination] [port]\n' : 'BusyBox v1.36.1 multi-call binary.\n\nUsage: nc [OPTIONS] HOST PORT  - connect\nnc [OPTIONS] -l -p PORT [HOST] [PORT]  - listen\n');
    return 1;
  }
  const [host, portArg] = g.operands;
  const port = Number(portArg);
  const proto: Proto = '-u' in g.opts ? 'UDP' : 'TCP';
  const verbose = '-v' in g.opts;
  const scan = '-z' in g.opts;
  const waitS = g.opts['-w'] !== undefined ? Number(g.opts['-w']) : undefined;
  const cluster = ctx.self.cluster;
  const from = fromOf(ctx);
  let ip = host;
  if (!isIP(host)) {
    const r = lookupHost(cluster, ctx.self.pod, host, { trace: (l) => ctx.trace(l), libc: lc });
    ctx.sleep(r.elapsedMs);
    if (!r.addresses.length) {
      ctx.stderr(debian ? `nc: getaddrinfo for host "${host}" port ${port}: ${r.error === 'timeout' ? 'Temporary failure in name resolution' : 'Name or service not known'}\n` : `nc: bad address '${host}'\n`);
      return 1;
    }
    ip = r.addresses[0];
  }
  const c = connect(cluster, from, ip, port, proto, (l) => ctx.trace(l));
  const svc = SERVICES[port] ?? '*';
  if (!c.ok && !(proto === 'UDP' && c.error !== 'refused')) {
    const err = c.error === 'refused' ? 'refused' : c.error === 'timeout' ? 'timeout' : 'unreachable';
    ctx.sleep(err === 'timeout' ? (waitS ?? 131) * 1000 : err === 'unreachable' ? 3000 : 1);
    if (debian) {
      if (verbose || !scan || true) ctx.stderr(err === 'timeout' && waitS !== undefined ? `nc: connect to ${host} (${ip}) port ${port} (${proto.toLowerCase()}) timed out: Operation now in progress\n` : `nc: connect to ${host} (${ip}) port ${port} (${proto.toLowerCase()}) failed: ${strerror(err, 'glibc')}\n`);
    } else {
      ctx.stderr(err === 'timeout' && waitS !== undefined ? `nc: ${host} (${ip}:${port}): ${strerror('timeout', lc)}\n` : `nc: ${host} (${ip}:${port}): ${strerror(err, lc)}\n`);
    }
    return 1;
  }
  if (verbose) ctx.stderr(debian ? `Connection to ${host} (${ip}) ${port} port [${proto.toLowerCase()}/${svc}] succeeded!\n` : `${host} (${ip}:${port}) open\n`);
  if (scan || !c.ok) return 0;
  const input = ctx.stdin;
  if (!input) return 0;
  if (c.kind === 'pod' && c.listener.kind === 'redis') {
    const h = containerHandle(cluster, c.pod, c.container);
    for (const line of input.split(/\r?\n/)) if (line.trim()) ctx.stdout(resp(redisServe(h, line.trim().split(/\s+/))));
    return 0;
  }
  const m = /^([A-Z]+) (\S+) HTTP\/1\.[01]\r?\n([\s\S]*?)(?:\r?\n\r?\n([\s\S]*))?$/.exec(input);
  if (!m) return 0;
  const headers: Record<string, string> = {};
  for (const l of m[3].split(/\r?\n/)) {
    const i = l.indexOf(':');
    if (i > 0) headers[l.slice(0, i).trim().toLowerCase()] = l.slice(i + 1).trim();
  }
  const served = await serveHttp(cluster, c, { method: m[1], path: m[2], headers, body: m[4] ?? '', sourceIP: from.ip, localAddress: c.ip, localPort: c.port }, (l) => ctx.trace(l));
  if (!served.ok) return 0;
  const res = served.response;
  ctx.stdout(`${statusLine(res)}\r\n${responseHeaderLines(res).map((l) => `${l}\r\n`).join('')}\r\n${m[1] === 'HEAD' ? '' : res.body}`);
  return 0;
}
