// curl, with the options the books use (-s -S -v -i -I -o -H -X -d -m -k -L --resolve -w -f), its
// progress meter when output is not a terminal, and its error texts and exit codes: 6 could not
// resolve, 7 failed to connect (curl 8: "Couldn't connect to server"; 7.7x: the strerror),
// 28 timeout, 22 -f on an HTTP error, 52 empty reply, 60/35 TLS. Over TLS, -v prints the TLS 1.3
// handshake and the "Server certificate" block of the certificate the server presents (tls.ts).
import type { ToolContext } from '../../runtime/types.js';
import { httpRequest, parseUrl, type HttpResult } from '../connect.js';
import { verifyError, type TlsSession } from '../tls.js';
import { args, curlVersion, fromOf, getopt, hash01, libc, strerror } from './common.js';
import { responseHeaderLines, resolveLocation, statusLine } from './http-format.js';

const SPEC: Record<string, boolean> = {
  '-s': false, '--silent': false, '-S': false, '--show-error': false, '-v': false, '--verbose': false,
  '-i': false, '--include': false, '-I': false, '--head': false, '-o': true, '--output': true, '-O': false, '--remote-name': false,
  '-H': true, '--header': true, '-X': true, '--request': true, '-d': true, '--data': true, '--data-raw': true, '--data-binary': true,
  '--data-urlencode': true, '-m': true, '--max-time': true, '--connect-timeout': true, '-k': false, '--insecure': false,
  '-L': false, '--location': false, '--resolve': true, '-w': true, '--write-out': true, '-f': false, '--fail': false,
  '-A': true, '--user-agent': true, '-u': true, '--user': true, '-4': false, '-6': false, '--http1.1': false, '--http1.0': false,
  '-G': false, '--get': false, '-#': false, '--progress-bar': false, '--no-progress-meter': false, '-N': false, '--no-buffer': false,
  '--max-redirs': true, '--retry': true, '-e': true, '--referer': true, '-b': true, '--cookie': true, '-c': true, '--compressed': false,
  '--fail-with-body': false, '-l': false, '-n': false, '--noproxy': true, '-x': true, '--proxy': true, '--json': true,
};

interface Opts {
  silent: boolean;
  showError: boolean;
  verbose: boolean;
  include: boolean;
  head: boolean;
  fail: boolean;
  output?: string;
  remoteName: boolean;
  headers: string[];
  method?: string;
  data?: string;
  maxTimeMs?: number;
  connectTimeoutMs?: number;
  insecure: boolean;
  location: boolean;
  maxRedirs: number;
  resolve: Record<string, string>;
  writeOut?: string;
  userAgent?: string;
  user?: string;
  get: boolean;
  noMeter: boolean;
  /** -b NAME=VALUE[; …] (a cookie string; a cookie-jar file name is not read). */
  cookie?: string;
}

function parse(ctx: ToolContext, argv: string[]): { o: Opts; urls: string[] } | { error: string; code: number } {
  const g = getopt(argv, SPEC);
  if (g.unknown) {
    return { error: `curl: option ${g.unknown}: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n`, code: 2 };
  }
  const has = (...k: string[]) => k.some((x) => x in g.opts);
  const val = (...k: string[]) => {
    for (const x of k) if (typeof g.opts[x] === 'string') return g.opts[x] as string;
    return undefined;
  };
  const list = (...k: string[]) => k.flatMap((x) => g.all[x] ?? []);
  const seconds = (s: string | undefined) => (s === undefined ? undefined : Math.round(Number(s) * 1000));
  const resolve: Record<string, string> = {};
  for (const r of list('--resolve')) {
    const m = /^\+?([^:]+):(\d+):(.+)$/.exec(r);
    if (m) resolve[`${m[1]}:${m[2]}`] = m[3].replace(/^\[|\]$/g, '').split(',')[0];
  }
  const dataParts: string[] = [];
  for (const k of ['-d', '--data', '--data-raw', '--data-binary', '--data-urlencode', '--json']) {
    for (const d of g.all[k] ?? []) {
      if ((k === '-d' || k === '--data' || k === '--data-binary' || k === '--json') && d.startsWith('@')) {
        const path = d.slice(1);
        const file = path === '-' ? ctx.stdin : ctx.fs.read(path.startsWith('/') ? path : `${ctx.cwd.replace(/\/$/, '')}/${path}`);
        dataParts.push((file ?? '').replace(k === '--data-binary' ? /$^/ : /[\r\n]/g, ''));
      } else dataParts.push(k === '--data-urlencode' ? encodeURIComponent(d).replace(/%3D/, '=') : d);
    }
  }
  const headers = list('-H', '--header');
  if ('--json' in g.opts) headers.push('Content-Type: application/json', 'Accept: application/json');
  const o: Opts = {
    silent: has('-s', '--silent'),
    showError: has('-S', '--show-error'),
    verbose: has('-v', '--verbose'),
    include: has('-i', '--include'),
    head: has('-I', '--head'),
    fail: has('-f', '--fail'),
    output: val('-o', '--output'),
    remoteName: has('-O', '--remote-name'),
    headers,
    method: val('-X', '--request'),
    data: dataParts.length ? dataParts.join('&') : undefined,
    maxTimeMs: seconds(val('-m', '--max-time')),
    connectTimeoutMs: seconds(val('--connect-timeout')),
    insecure: has('-k', '--insecure'),
    location: has('-L', '--location'),
    maxRedirs: Number(val('--max-redirs') ?? 50),
    resolve,
    writeOut: val('-w', '--write-out'),
    userAgent: val('-A', '--user-agent'),
    user: val('-u', '--user'),
    get: has('-G', '--get'),
    noMeter: has('--no-progress-meter', '-#', '--progress-bar'),
    cookie: list('-b', '--cookie').filter((c) => c.includes('=')).join('; ') || undefined,
  };
  if (!g.operands.length) return { error: "curl: no URL specified\ncurl: try 'curl --help' or 'curl --manual' for more information\n", code: 2 };
  return { o, urls: g.operands };
}

function connectFailureText(ctx: ToolContext, host: string, port: number, ms: number, err: 'refused' | 'unreachable' | 'timeout'): string {
  const [major, minor] = curlVersion(ctx);
  if (major >= 8) return `Failed to connect to ${host} port ${port} after ${ms} ms: Couldn't connect to server`;
  const reason = strerror(err, libc(ctx));
  if (major === 7 && minor >= 75) return `Failed to connect to ${host} port ${port} after ${ms} ms: ${reason}`;
  return `Failed to connect to ${host} port ${port}: ${reason}`;
}

/** The progress meter curl writes to stderr when its output is not a terminal. */
function meter(bytes: number, ms: number): string {
  const m5 = (n: number) => {
    if (n < 100000) return String(n).padStart(5);
    if (n < 10000 * 1024) return `${Math.floor(n / 1024)}k`.padStart(5);
    return `${Math.floor(n / 1048576)}M`.padStart(5);
  };
  const speed = Math.round(bytes / Math.max(ms, 1) * 1000);
  const head = '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n';
  const zero = `\r  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0`;
  const pct = bytes ? '100' : '  0';
  const last = `\r${pct} ${m5(bytes)}  ${pct} ${m5(bytes)}    0     0  ${m5(speed)}      0 --:--:-- --:--:-- --:--:-- ${m5(speed)}\n`;
  return head + zero + last;
}

const CA_ERROR_TAIL = (major: number) =>
  `More details here: https://curl.se/docs/sslcerts.html\n\ncurl failed to verify the legitimacy of the server and therefore could not\nestablish a secure connection to it. To learn more about this situation and\nhow to fix it, please visit the ${major >= 8 ? 'webpage' : 'web page'} mentioned above.`;

/**
 * What curl -v prints for a TLS 1.3 handshake with OpenSSL 3 (checked against curl 7.88.1 on a
 * pipe: each TLS message line, then `} [n bytes data]` / `{ [n bytes data]` when stdout is not a
 * terminal; curl 8 adds "curl offers", the key-exchange group and signature type, the certificate
 * level line and "using HTTP/1.x"). `fail`: verification aborts the handshake (curl sends an unknown-CA alert).
 */
function tlsHandshakeLines(tls: TlsSession, ver: [number, number], o: { verify: boolean; tty: boolean; fail?: boolean; musl: boolean }): string[] {
  const [major, minor] = ver;
  const modern = major >= 8 || (major === 7 && minor >= 86);
  // Debian/Ubuntu build curl with a CA path; Alpine's has only the bundle.
  const caLines = ['*  CAfile: /etc/ssl/certs/ca-certificates.crt', `*  CApath: ${o.musl ? 'none' : '/etc/ssl/certs'}`];
  const out: string[] = [];
  const data = (dir: '}' | '{', n: number) => {
    if (!o.tty) out.push(`${dir} [${n} bytes data]`);
  };
  const msg = (dir: 'OUT' | 'IN', what: string, n: number) => {
    out.push(`* TLSv1.3 (${dir}), ${what}:`);
    data(dir === 'OUT' ? '}' : '{', n);
  };
  const cert = tls.cert;
  const keyType = cert.key.type.split('/')[0];
  const certVerify = keyType === 'RSA' || keyType === 'RSA-PSS' ? 8 + cert.key.bits / 8 : keyType === 'EC' ? 8 + Math.ceil(cert.key.bits / 4) + 8 : 72;
  if (major >= 8) out.push('* ALPN: curl offers h2,http/1.1');
  else if (modern) out.push('* ALPN: offers h2,http/1.1');
  else out.push('* ALPN, offering h2', '* ALPN, offering http/1.1', ...caLines);
  data('}', 5);
  msg('OUT', 'TLS handshake, Client hello (1)', 512);
  // Newer curl loads the CA store only to verify, after sending its hello.
  if (modern && o.verify) {
    out.push(...caLines);
    data('{', 5);
  }
  msg('IN', 'TLS handshake, Server hello (2)', 122);
  msg('IN', 'TLS handshake, Encrypted Extensions (8)', 21);
  msg('IN', 'TLS handshake, Certificate (11)', cert.derLength + 13);
  if (o.fail) {
    msg('OUT', 'TLS alert, unknown CA (560)', 2);
    return out;
  }
  msg('IN', 'TLS handshake, CERT verify (15)', certVerify);
  msg('IN', 'TLS handshake, Finished (20)', 52);
  msg('OUT', 'TLS change cipher, Change cipher spec (1)', 1);
  msg('OUT', 'TLS handshake, Finished (20)', 52);
  const sigType = keyType === 'EC' ? 'id-ecPublicKey' : keyType === 'RSA' || keyType === 'RSA-PSS' ? 'RSASSA-PSS' : keyType;
  out.push(`* SSL connection using TLSv1.3 / TLS_AES_256_GCM_SHA384${major >= 8 ? ` / X25519 / ${sigType}` : ''}`);
  out.push(modern ? `* ALPN: server accepted ${tls.alpn}` : `* ALPN, server accepted to use ${tls.alpn}`);
  out.push('* Server certificate:', `*  subject: ${cert.subject}`, `*  start date: ${cert.notBefore}`, `*  expire date: ${cert.notAfter}`, `*  issuer: ${cert.issuer}`);
  const err = verifyError(cert);
  out.push(`*  SSL certificate verify result: ${opensslText(err.text, ver)} (${err.code}), continuing anyway.`);
  if (major >= 8) out.push(`*   Certificate level 0: Public key type ${cert.key.type} (${cert.key.bits}/${cert.key.secBits} Bits/secBits), signed using ${cert.signature}`);
  if (major >= 8) out.push('* using HTTP/1.x');
  else if (modern) out.push('* using HTTP/1.1');
  return out;
}

/** OpenSSL 1.x (the libssl of curl before 7.81 in the images) wrote "self signed". */
function opensslText(text: string, [major, minor]: [number, number]): string {
  return major < 7 || (major === 7 && minor < 81) ? text.replace('self-signed', 'self signed') : text;
}

/** The NewSessionTicket messages curl reads before the response (TLS 1.3). */
function sessionTicketLines(tls: TlsSession, ver: [number, number], tty: boolean): string[] {
  const out: string[] = [];
  if (!tty) out.push('{ [5 bytes data]');
  for (const n of tls.tickets) {
    out.push('* TLSv1.3 (IN), TLS handshake, Newsession Ticket (4):');
    if (!tty) out.push(`{ [${n} bytes data]`);
  }
  // curl's session cache (before its rewrite in 8.10) replaces the first ticket's session.
  if (tls.tickets.length > 1 && (ver[0] < 8 || ver[1] < 10)) out.push('* old SSL session ID is stale, removing');
  if (!tty) out.push('{ [5 bytes data]');
  return out;
}

function expandWriteOut(fmt: string, v: Record<string, string>, ctx: ToolContext): string {
  let f = fmt;
  if (f.startsWith('@')) f = (f === '@-' ? ctx.stdin : ctx.fs.read(f.slice(1))) ?? '';
  return f
    .replace(/%\{([a-z_]+)\}/g, (_m, k: string) => v[k] ?? '')
    .replace(/%%/g, '%')
    .replace(/\\n/g, '\n')
    .replace(/\\t/g, '\t')
    .replace(/\\r/g, '\r');
}

export async function curl(ctx: ToolContext): Promise<number> {
  const p = parse(ctx, args(ctx));
  if ('error' in p) {
    ctx.stderr(p.error);
    return p.code;
  }
  const { o, urls } = p;
  const [major, minor, version] = curlVersion(ctx);
  const from = fromOf(ctx);
  const cluster = ctx.self.cluster;
  const showErr = !o.silent || o.showError;
  const showMeter = !o.silent && !o.verbose && !o.noMeter && (!ctx.tty || !!o.output);
  const v = (line: string) => o.verbose && ctx.stderr(`${line}\n`);
  const connected = (host: string, ip: string | undefined, port: number) => `* Connected to ${host} (${ip}) port ${port}${major >= 8 ? '' : ' (#0)'}`;
  let code = 0;
  for (const first of urls) {
    let url = first;
    let method = o.method ?? (o.head ? 'HEAD' : o.data !== undefined && !o.get ? 'POST' : 'GET');
    if (o.get && o.data !== undefined) url += (url.includes('?') ? '&' : '?') + o.data;
    let redirects = 0;
    let result: HttpResult;
    for (;;) {
      const u = parseUrl(url);
      if (!u) {
        if (showErr) ctx.stderr(`curl: (3) URL rejected: Bad hostname\n`);
        code = 3;
        break;
      }
      const headers: Record<string, string> = { Host: u.hostHeader, 'User-Agent': o.userAgent ?? `curl/${version}`, Accept: '*/*' };
      if (o.user) headers.Authorization = `Basic ${Buffer.from(o.user.includes(':') ? o.user : `${o.user}:`).toString('base64')}`;
      if (o.cookie) headers.Cookie = o.cookie;
      const body = method === 'GET' || method === 'HEAD' ? undefined : o.data;
      if (body !== undefined) {
        headers['Content-Length'] = String(Buffer.byteLength(body));
        headers['Content-Type'] = 'application/x-www-form-urlencoded';
      }
      for (const h of o.headers) {
        const i = h.indexOf(':');
        if (i < 0) continue;
        const name = h.slice(0, i).trim();
        const value = h.slice(i + 1).trim();
        const existing = Object.keys(headers).find((k) => k.toLowerCase() === name.toLowerCase());
        if (existing) delete headers[existing];
        if (value || h.endsWith(';')) headers[name] = value;
      }
      const limit = [o.maxTimeMs, o.connectTimeoutMs].filter((x): x is number => x !== undefined && x > 0);
      const timeoutMs = limit.length ? Math.min(...limit) : undefined;
      result = await httpRequest(cluster, from, url, { method, headers, body, timeoutMs, resolve: o.resolve, insecure: o.insecure, libc: libc(ctx) }, (l) => ctx.trace(l));
      const ms = Math.max(0, Math.round(result.elapsedMs)) + Math.floor(hash01(`${url}${cluster.now}`) * 3);
      if (result.remoteIP && o.verbose && (result.ok || result.error !== 'resolve')) {
        if (major >= 8) {
          v(`* Host ${u.host}:${u.port} was resolved.`);
          v('* IPv6: (none)');
          v(`* IPv4: ${result.remoteIP}`);
        }
        v(`*   Trying ${result.remoteIP}:${u.port}...`);
      }
      if (!result.ok) {
        ctx.sleep(result.elapsedMs);
        const e = result.error;
        let text: string;
        let ec: number;
        if (e === 'resolve') {
          ec = 6;
          text = `Could not resolve host: ${u.host}`;
        } else if (e === 'refused' || e === 'unreachable') {
          ec = 7;
          if (o.verbose) v(`* connect to ${result.remoteIP} port ${u.port} from ${from.ip} port ${40000 + Math.floor(hash01(url + cluster.now) * 20000)} failed: ${strerror(e, libc(ctx))}`);
          text = connectFailureText(ctx, u.host, u.port, e === 'refused' ? ms : result.elapsedMs, e);
        } else if (e === 'timeout') {
          ec = 28;
          if (timeoutMs !== undefined && o.connectTimeoutMs !== undefined && timeoutMs === o.connectTimeoutMs && major >= 8) {
            text = `Failed to connect to ${u.host} port ${u.port} after ${timeoutMs + 1} ms: Timeout was reached`;
          } else if (timeoutMs !== undefined) {
            text = `Connection timed out after ${timeoutMs + 1} milliseconds`;
          } else {
            text = connectFailureText(ctx, u.host, u.port, result.elapsedMs, 'timeout');
          }
        } else if (e === 'empty-reply') {
          ec = 52;
          text = 'Empty reply from server';
        } else if (e === 'http09') {
          ec = 1;
          text = 'Received HTTP/0.9 when not allowed';
        } else if (e === 'tls-cert') {
          ec = 60;
          text = `SSL certificate problem: ${opensslText(result.detail, [major, minor])}\n${CA_ERROR_TAIL(major)}`;
          if (o.verbose) {
            v(connected(u.host, result.remoteIP, u.port));
            if (result.tls) for (const l of tlsHandshakeLines(result.tls, [major, minor], { verify: true, tty: !!ctx.tty, fail: true, musl: libc(ctx) === 'musl' })) v(l);
          }
        } else if (e === 'tls-version') {
          ec = 35;
          text = 'OpenSSL/3.3.2: error:0A00010B:SSL routines::wrong version number';
        } else {
          ec = 3;
          text = 'URL rejected: Malformed input to a URL function';
        }
        if (o.verbose) {
          v(`* ${text.split('\n')[0]}`);
          v(`* closing connection #0`);
        }
        if (showMeter) ctx.stderr(meter(0, ms));
        if (showErr) ctx.stderr(`curl: (${ec}) ${text}\n`);
        code = ec;
        break;
      }
      const res = result.response;
      if (o.verbose) {
        v(connected(u.host, result.remoteIP, u.port));
        if (result.tls) {
          for (const l of tlsHandshakeLines(result.tls, [major, minor], { verify: !o.insecure, tty: !!ctx.tty, musl: libc(ctx) === 'musl' })) v(l);
          if (!ctx.tty) v('} [5 bytes data]');
        } else if (major >= 8) v('* using HTTP/1.x');
        v(`> ${method} ${u.path} HTTP/1.1`);
        for (const [k, val] of Object.entries(headers)) v(`> ${k}: ${val}`);
        v('> ');
        if (body !== undefined) v(`} [${Buffer.byteLength(body)} bytes data]`);
        if (major >= 8) v('* Request completely sent off');
        if (result.tls) for (const l of sessionTicketLines(result.tls, [major, minor], !!ctx.tty)) v(l);
        if (major < 8) v('* Mark bundle as not supporting multiuse');
        v(`< ${statusLine(res)}`);
        for (const l of responseHeaderLines(res)) v(`< ${l}`);
        v('< ');
        if (method !== 'HEAD' && res.body && !ctx.tty) v(`{ [${Buffer.byteLength(res.body)} bytes data]`);
      }
      const location = res.headers.location;
      const redirect = o.location && location && res.status >= 300 && res.status < 400;
      const headText = `${statusLine(res)}\r\n${responseHeaderLines(res).map((l) => `${l}\r\n`).join('')}\r\n`;
      if (redirect && redirects < o.maxRedirs) {
        if (o.include || o.head) ctx.stdout(headText);
        redirects++;
        const next = resolveLocation(url, location);
        if (o.verbose) {
          v(`* Connection #0 to host ${u.host} left intact`);
          v(`* Issue another request to this URL: '${next}'`);
        }
        if (res.status === 301 || res.status === 302 || res.status === 303) {
          if (method === 'POST' && o.method === undefined) method = 'GET';
        }
        url = next;
        continue;
      }
      if (o.fail && res.status >= 400) {
        if (showMeter) ctx.stderr(meter(0, ms));
        if (showErr) ctx.stderr(`curl: (22) The requested URL returned error: ${res.status}${major >= 8 ? '' : ` ${res.statusText ?? ''}`.trimEnd()}\n`);
        code = 22;
        break;
      }
      let out = '';
      if (o.include || o.head) out += headText;
      if (method !== 'HEAD') out += res.body;
      const target = o.output ?? (o.remoteName ? (u.path.split('?')[0].split('/').pop() || 'index.html') : undefined);
      if (target && target !== '-') {
        if (target !== '/dev/null') {
          const path = target.startsWith('/') ? target : `${ctx.cwd.replace(/\/$/, '')}/${target}`;
          ctx.fs.write(path, out);
        }
      } else ctx.stdout(out);
      if (showMeter) ctx.stderr(meter(Buffer.byteLength(res.body), Math.max(ms, 1)));
      if (o.verbose) v(`* Connection #0 to host ${u.host} left intact`);
      if (o.writeOut) {
        const secs = (result.elapsedMs / 1000).toFixed(6);
        ctx.stdout(
          expandWriteOut(o.writeOut, {
            http_code: String(res.status).padStart(3, '0'),
            response_code: String(res.status),
            remote_ip: result.remoteIP,
            remote_port: String(result.remotePort),
            local_ip: from.ip,
            time_total: secs,
            time_connect: secs,
            time_namelookup: '0.000500',
            size_download: String(method === 'HEAD' ? 0 : Buffer.byteLength(res.body)),
            url_effective: url,
            url: first,
            content_type: res.headers['content-type'] ?? '',
            num_redirects: String(redirects),
            method,
            scheme: u.scheme.toUpperCase(),
          }, ctx),
        );
      }
      code = 0;
      break;
    }
  }
  return code;
}
