// nslookup in its three shapes (reference §13.3), chosen by what the image ships:
// - busybox ≥ 1.29 ("big", Alpine ≥ 3.9, busybox:latest): its own DNS client; a dotless name is
//   sent with each search domain (never bare, 1.30+), A and AAAA at once, replies printed in
//   arrival order, NXDOMAIN lines `** server can't find …`; exit 1 when any reply failed (1.31+).
// - busybox ≤ 1.28 ("small"): libc getaddrinfo + reverse lookups, `Address 1: ip name`; on musl
//   (Alpine ≤ 3.8) the server line fails with `can't resolve '(null)'`.
// - bind (dnsutils on Debian/Ubuntu; Alpine once `apk add bind-tools` replaced the applet): search
//   list with ndots, only the answer that worked.
// Arrival order is nondeterministic on a real cluster; here answers CoreDNS has at hand come first
// (in the order sent), answers that needed the upstream resolver (ExternalName targets, outside
// names) last.
import type { ToolContext } from '../../runtime/types.js';
import {
  answerQuery, dnsServerAt, isIP, isIPv4, lookupHost, resolve, resolvConfOf, reverseLookup, reverseName,
  DNS_TIMEOUT_MS, type DnsRecord, type DnsReply, type QType,
} from '../dns.js';
import { args, busyboxVersion, flavour, fromOf, libc } from './common.js';
import { installedTools } from '../../runtime/shell/tools/pkg.js';

const TYPES: QType[] = ['A', 'AAAA', 'SRV', 'PTR', 'CNAME', 'ANY'];

function bigRecord(r: DnsRecord): string {
  switch (r.type) {
    case 'A':
    case 'AAAA':
      return `Name:\t${r.name}\nAddress: ${r.data}\n`;
    case 'CNAME':
      return `${r.name}\tcanonical name = ${r.data}\n`;
    case 'PTR':
      return `${r.name}\tname = ${r.data}\n`;
    case 'SRV':
      return `${r.name}\tservice = ${r.priority} ${r.weight} ${r.port} ${r.data}\n`;
    default:
      return '';
  }
}

function bindRecord(r: DnsRecord): string {
  switch (r.type) {
    case 'A':
    case 'AAAA':
      return `Name:\t${r.name}\nAddress: ${r.data}\n`;
    case 'CNAME':
      return `${r.name}\tcanonical name = ${r.data}.\n`;
    case 'PTR':
      return `${r.name}\tname = ${r.data}.\n`;
    case 'SRV':
      return `${r.name}\tservice = ${r.priority} ${r.weight} ${r.port} ${r.data}.\n`;
    default:
      return '';
  }
}

interface Parsed {
  name: string;
  server?: string;
  types: QType[];
}

function parse(ctx: ToolContext): Parsed | undefined {
  const types: QType[] = [];
  const rest: string[] = [];
  for (const a of args(ctx)) {
    if (a.startsWith('-') && a.length > 1) {
      const [k, v = ''] = a.slice(1).split('=');
      if (['type', 'querytype', 'query', 'q', 'ty'].includes(k)) {
        const t = v.toUpperCase() as QType;
        if (TYPES.includes(t)) types.push(t);
      }
      continue;
    }
    rest.push(a);
  }
  if (!rest.length || rest.length > 2) return undefined;
  return { name: rest[0], server: rest[1], types };
}

const USAGE = 'BusyBox v1.36.1 multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n\nQuery DNS about HOST\n\nQUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,ptr,srv,any\n';

export async function nslookup(ctx: ToolContext): Promise<number> {
  // BIND's nslookup: Debian's dnsutils, or Alpine's bind-tools installed over busybox's applet.
  const bind = flavour(ctx) === 'bash-debian' || installedTools(ctx).includes('nslookup');
  const p = parse(ctx);
  if (!p) {
    ctx.stderr(bind ? 'Usage: nslookup [-opt ...] host [server]\n' : USAGE);
    return 1;
  }
  if (bind) return bindStyle(ctx, p);
  const [maj, min] = busyboxVersion(ctx);
  if (maj === 1 && min <= 28) return smallStyle(ctx, p);
  return bigStyle(ctx, p, min);
}

function servers(ctx: ToolContext, p: Parsed): string[] {
  return p.server ? [p.server] : resolvConfOf(ctx.self.pod).nameservers;
}

function bigStyle(ctx: ToolContext, p: Parsed, minor: number): number {
  const cluster = ctx.self.cluster;
  const src = fromOf(ctx).ip;
  const conf = resolvConfOf(ctx.self.pod);
  const isAddr = isIP(p.name);
  const types: QType[] = p.types.length ? p.types : isAddr ? ['PTR'] : ['A', 'AAAA'];
  const queries: { name: string; type: QType }[] = [];
  for (const t of types) {
    const name = t === 'PTR' && isAddr ? reverseName(p.name) : p.name.replace(/\.$/, '');
    const search = minor >= 30 && t !== 'PTR' && !p.name.includes('.') && conf.search.length && !p.server;
    if (search) for (const s of conf.search) queries.push({ name: `${name}.${s}`, type: t });
    else queries.push({ name, type: t });
  }
  const list = servers(ctx, p).length ? servers(ctx, p) : ['127.0.0.1'];
  for (const server of list) {
    const at = dnsServerAt(cluster, src, server);
    if (!at) {
      ctx.trace(`dns: ${server}:53 does not answer (nslookup waits ${DNS_TIMEOUT_MS / 1000}s)`);
      ctx.sleep(DNS_TIMEOUT_MS);
      continue;
    }
    const replies: DnsReply[] = queries.map((q) => answerQuery(cluster, server, q.name, q.type, 0, at.kind));
    for (const r of replies) ctx.trace(`dns: ${r.qtype} ${r.qname}? → ${server}:53 (${at.path}) → ${r.rcode}${r.answers.length ? ` ${r.answers.map((a) => a.data).join(', ')}` : ''} [${r.note}]`);
    const order = replies.map((r, i) => ({ r, i })).sort((a, b) => a.r.ms - b.r.ms || a.i - b.i);
    let out = `Server:\t\t${server}\nAddress:\t${server}:53\n\n`;
    let failed = false;
    for (const { r } of order) {
      if (r.rcode !== 'NOERROR') {
        out += `** server can't find ${r.qname}: ${r.rcode}\n`;
        failed = true;
      } else {
        if (!r.authoritative) out += 'Non-authoritative answer:\n';
        for (const rec of r.answers) out += bigRecord(rec);
      }
      out += '\n';
    }
    ctx.stdout(out);
    return failed && minor >= 31 ? 1 : 0;
  }
  ctx.stdout(';; connection timed out; no servers could be reached\n\n');
  return 1;
}

function smallStyle(ctx: ToolContext, p: Parsed): number {
  const cluster = ctx.self.cluster;
  const pod = ctx.self.pod;
  const musl = libc(ctx) === 'musl';
  const lc = musl ? 'musl' : 'glibc';
  const server = servers(ctx, p)[0];
  if (musl) {
    ctx.stderr(`nslookup: can't resolve '(null)': Name does not resolve\n`);
    ctx.stdout('\n');
  } else if (server) {
    const rev = reverseLookup(cluster, pod, server, { libc: lc });
    ctx.stdout(`${'Server:'.padEnd(10)} ${server}\nAddress 1: ${server}${rev ? ` ${rev}` : ''}\n\n`);
  }
  const r = lookupHost(cluster, pod, p.name, { trace: (l) => ctx.trace(l), libc: lc });
  ctx.sleep(r.elapsedMs);
  const v6 = r.source === 'dns' && !r.error ? resolve(cluster, pod, r.fqdn ?? p.name, 'AAAA', { libc: lc, noSearch: true }).addresses : [];
  const addrs = [...r.addresses, ...v6.filter((a) => !isIPv4(a))];
  if (!addrs.length) {
    ctx.stderr(musl ? `nslookup: can't resolve '${p.name}': Name does not resolve\n` : `nslookup: can't resolve '${p.name}'\n`);
    return 1;
  }
  let out = `${'Name:'.padEnd(10)} ${p.name}\n`;
  addrs.forEach((a, i) => {
    const rev = isIPv4(a) ? reverseLookup(cluster, pod, a, { libc: lc, useHosts: true }) : undefined;
    out += `Address ${i + 1}: ${a}${rev ? ` ${rev}` : ''}\n`;
  });
  ctx.stdout(out);
  return 0;
}

function bindStyle(ctx: ToolContext, p: Parsed): number {
  const cluster = ctx.self.cluster;
  const pod = ctx.self.pod;
  const list = servers(ctx, p);
  const src = fromOf(ctx).ip;
  const server = list.find((s) => dnsServerAt(cluster, src, s));
  if (!server) {
    ctx.sleep(DNS_TIMEOUT_MS * 2);
    ctx.stdout(';; connection timed out; no servers could be reached\n\n');
    return 1;
  }
  const isAddr = isIP(p.name);
  const type: QType = p.types[0] ?? (isAddr ? 'PTR' : 'A');
  const name = isAddr && type === 'PTR' ? `${reverseName(p.name)}.` : p.name;
  const r = resolve(cluster, pod, name, type, { trace: (l) => ctx.trace(l), libc: 'glibc' });
  ctx.sleep(r.elapsedMs);
  let out = `Server:\t\t${server}\nAddress:\t${server}#53\n\n`;
  if (r.error || !r.records.length) {
    const shown = isAddr && type === 'PTR' ? reverseName(p.name) : p.name;
    out += r.error === 'timeout' ? ';; connection timed out; no servers could be reached\n\n' : r.error === 'NODATA' ? `*** Can't find ${shown}: No answer\n\n` : `** server can't find ${shown}: NXDOMAIN\n\n`;
    ctx.stdout(out);
    return 1;
  }
  const reply = r.replies[r.replies.length - 1];
  if (!reply.authoritative) out += 'Non-authoritative answer:\n';
  for (const rec of r.records) out += bindRecord(rec);
  out += '\n';
  ctx.stdout(out);
  return 0;
}
