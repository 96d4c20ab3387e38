// wget: busybox's (Alpine/busybox images: `Connecting to…`, `writing to stdout`, the progress
// bar, `wget: bad address 'x'`, `wget: server returned error: HTTP/1.1 404 Not Found`) and GNU
// wget's (Debian/Ubuntu images). Options the books use: -O FILE|-, -q, -S, --spider, -T SEC, plus
// -U, --header, --post-data.
import type { ToolContext } from '../../runtime/types.js';
import { httpRequest, parseUrl, type HttpResult } from '../connect.js';
import { args, flavour, fromOf, getopt, libc, strerror } from './common.js';
import { responseHeaderLines, resolveLocation, statusLine } from './http-format.js';

const SPEC: Record<string, boolean> = {
  '-O': true, '--output-document': true, '-q': false, '--quiet': false, '-S': false, '--server-response': false,
  '--spider': false, '-T': true, '--timeout': true, '-U': true, '--user-agent': true, '--header': true,
  '--post-data': true, '--post-file': true, '-c': false, '--continue': false, '-P': true, '--no-check-certificate': false,
  '-Y': true, '-o': true, '--tries': true, '-t': true, '--no-verbose': false, '-nv': false,
};

function bar(name: string, bytes: number): string {
  const file = name.length > 20 ? name.slice(0, 20) : name.padEnd(20);
  let n = bytes;
  let i = 0;
  while (n >= 100000) {
    i++;
    n = Math.floor(n / 1024);
  }
  return `${file} 100% |${'*'.repeat(32)}| ${String(n).padStart(5)}${' kMGTPEZY'[i]} 0:00:00 ETA\n`;
}

function resolvePath(ctx: ToolContext, p: string): string {
  return p.startsWith('/') ? p : `${ctx.cwd.replace(/\/$/, '')}/${p}`;
}

export async function wget(ctx: ToolContext): Promise<number> {
  const g = getopt(args(ctx), SPEC);
  const gnu = flavour(ctx) === 'bash-debian';
  if (g.unknown) {
    ctx.stderr(gnu ? `wget: unrecognized option '${g.unknown}'\nUsage: wget [OPTION]... [URL]...\n\nTry \`wget --help' for more options.\n` : `wget: unrecognized option '${g.unknown.replace(/^-+/, '')}'\nBusyBox v1.36.1 multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n`);
    return gnu ? 2 : 1;
  }
  const o = g.opts;
  const quiet = '-q' in o || '--quiet' in o;
  const serverResponse = '-S' in o || '--server-response' in o;
  const spider = '--spider' in o;
  const outOpt = (o['-O'] ?? o['--output-document']) as string | undefined;
  const timeoutS = (o['-T'] ?? o['--timeout']) as string | undefined;
  const ua = (o['-U'] ?? o['--user-agent']) as string | undefined;
  const postData = o['--post-data'] as string | undefined;
  const extraHeaders = g.all['--header'] ?? [];
  if (!g.operands.length) {
    ctx.stderr(gnu ? "wget: missing URL\nUsage: wget [OPTION]... [URL]...\n\nTry `wget --help' for more options.\n" : 'BusyBox v1.36.1 multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n');
    return 1;
  }
  const from = fromOf(ctx);
  const cluster = ctx.self.cluster;
  const lc = libc(ctx);
  let code = 0;
  for (const first of g.operands) {
    let url = first;
    let result: HttpResult | undefined;
    for (let hop = 0; hop < 20; hop++) {
      const u = parseUrl(url);
      if (!u) {
        ctx.stderr(`wget: not an http or ftp url: ${url}\n`);
        return 1;
      }
      const headers: Record<string, string> = { Host: u.hostHeader, 'User-Agent': ua ?? (gnu ? 'Wget/1.21.3' : 'Wget') };
      for (const h of extraHeaders) {
        const i = h.indexOf(':');
        if (i > 0) headers[h.slice(0, i).trim()] = h.slice(i + 1).trim();
      }
      if (gnu) headers.Accept = '*/*';
      const method = spider && gnu ? 'HEAD' : postData !== undefined ? 'POST' : 'GET';
      if (postData !== undefined) headers['Content-Type'] = 'application/x-www-form-urlencoded';
      const timeoutMs = timeoutS !== undefined ? Number(timeoutS) * 1000 : gnu ? 900_000 : undefined;
      result = await httpRequest(cluster, from, url, { method, headers, body: postData, timeoutMs, libc: lc, insecure: true }, (l) => ctx.trace(l));
      ctx.sleep(result.elapsedMs);
      if (gnu && !quiet) {
        const ts = new Date(cluster.now).toISOString().replace('T', ' ').slice(0, 19);
        ctx.stderr(`--${ts}--  ${url.includes('://') ? url : `http://${url}`}\n`);
        if (!/^\d+\.\d+\.\d+\.\d+$/.test(u.host)) ctx.stderr(`Resolving ${u.host} (${u.host})... ${result.ok || result.remoteIP ? (result.ok ? result.remoteIP : result.remoteIP) : 'failed: Name or service not known.'}\n`);
      }
      if (!result.ok) {
        const e = result.error;
        if (e === 'resolve') {
          ctx.stderr(gnu ? `wget: unable to resolve host address '${u.host}'\n` : `wget: bad address '${u.host}'\n`);
          return gnu ? 4 : 1;
        }
        if (gnu) {
          if (!quiet) ctx.stderr(`Connecting to ${u.host} (${u.host})|${result.remoteIP}|:${u.port}... `);
          const why = e === 'refused' ? 'Connection refused' : e === 'timeout' ? 'Connection timed out' : e === 'unreachable' ? 'No route to host' : 'Connection reset by peer';
          if (!quiet) ctx.stderr(`failed: ${why}.\n`);
          return 4;
        }
        if (!quiet) ctx.stderr(`Connecting to ${u.host} (${result.remoteIP}:${u.port})\n`);
        if (e === 'refused' || e === 'unreachable') ctx.stderr(`wget: can't connect to remote host (${result.remoteIP}): ${strerror(e, lc)}\n`);
        else if (e === 'timeout') ctx.stderr(timeoutS !== undefined ? 'wget: download timed out\n' : `wget: can't connect to remote host (${result.remoteIP}): ${strerror('timeout', lc)}\n`);
        else ctx.stderr('wget: error getting response: Connection reset by peer\n');
        return 1;
      }
      const res = result.response;
      if (gnu) {
        if (!quiet) {
          ctx.stderr(`Connecting to ${u.host} (${u.host})|${result.remoteIP}|:${u.port}... connected.\n`);
          ctx.stderr(`HTTP request sent, awaiting response... ${serverResponse ? '\n' + [statusLine(res), ...responseHeaderLines(res)].map((l) => `  ${l}\n`).join('') : `${res.status} ${res.statusText}\n`}`);
        }
      } else {
        if (!quiet) ctx.stderr(`Connecting to ${u.host} (${result.remoteIP}:${u.port})\n`);
        if (serverResponse) ctx.stderr([statusLine(res), ...responseHeaderLines(res)].map((l) => `  ${l}\n`).join(''));
      }
      if (res.status >= 300 && res.status < 400 && res.headers.location) {
        url = resolveLocation(url, res.headers.location);
        if (gnu && !quiet) ctx.stderr(`Location: ${res.headers.location} [following]\n`);
        continue;
      }
      if (res.status >= 400) {
        if (gnu) {
          if (!quiet) ctx.stderr(`${new Date(cluster.now).toISOString().replace('T', ' ').slice(0, 19)} ERROR ${res.status}: ${res.statusText}.\n\n`);
          code = 8;
        } else {
          ctx.stderr(`wget: server returned error: ${statusLine(res)}\n`);
          code = 1;
        }
        break;
      }
      if (spider) {
        if (gnu) {
          if (!quiet) ctx.stderr(`Length: ${res.headers['content-length'] ?? 'unspecified'} [${res.headers['content-type'] ?? 'text/plain'}]\nRemote file exists.\n\n`);
        } else if (!quiet) ctx.stderr('remote file exists\n');
        break;
      }
      const name = outOpt ?? (u.path.split('?')[0].split('/').pop() || 'index.html');
      const toStdout = name === '-';
      const body = res.body;
      const size = Buffer.byteLength(body);
      if (!toStdout && !gnu && ctx.fs.exists(resolvePath(ctx, name)) && outOpt === undefined) {
        ctx.stderr(`wget: can't open '${name}': File exists\n`);
        return 1;
      }
      if (gnu) {
        if (!quiet) {
          ctx.stderr(`Length: ${res.headers['content-length'] ? `${size}${size >= 1024 ? ` (${(size / 1024).toFixed(1)}K)` : ''}` : 'unspecified'} [${(res.headers['content-type'] ?? 'text/plain').split(';')[0]}]\n`);
          ctx.stderr(toStdout ? "Saving to: 'STDOUT'\n\n" : `Saving to: '${name}'\n\n`);
          ctx.stderr(`${toStdout ? '-' : name.slice(0, 20).padEnd(20)}100%[===================>] ${String(size).padStart(6)}  --.-KB/s    in 0s      \n\n`);
        }
        if (toStdout) ctx.stdout(body);
        else ctx.fs.write(resolvePath(ctx, name), body);
        if (!quiet) {
          const ts = new Date(cluster.now).toISOString().replace('T', ' ').slice(0, 19);
          ctx.stderr(toStdout ? `${ts} (10.2 MB/s) - written to stdout [${size}/${size}]\n\n` : `${ts} (10.2 MB/s) - '${name}' saved [${size}/${size}]\n\n`);
        }
      } else {
        if (!quiet) ctx.stderr(toStdout ? 'writing to stdout\n' : `saving to '${name}'\n`);
        if (toStdout) ctx.stdout(body);
        else ctx.fs.write(resolvePath(ctx, name), body);
        if (!quiet) {
          ctx.stderr(bar(toStdout ? '-' : name.split('/').pop()!, size));
          ctx.stderr(toStdout ? 'written to stdout\n' : `'${name}' saved\n`);
        }
      }
      break;
    }
  }
  return code;
}

