// dig (bind 9.18 layout): the header, flags (CoreDNS answers cluster.local with `aa` and no `ra`,
// hence the recursion warning), question/answer/authority/additional sections with bind's column
// alignment, and the statistics. `+short` prints the record data only; `+search` walks the
// search list (dig does not by default); `-x IP` asks for the PTR; `@server` picks the server.
import type { ToolContext } from '../../runtime/types.js';
import { answerQuery, dnsServerAt, isIP, resolvConfOf, reverseName, searchCandidates, DNS_TIMEOUT_MS, type DnsRecord, type DnsReply, type QType } from '../dns.js';
import { args, fromOf, hash01 } from './common.js';

const VERSION = '9.18.30-0ubuntu0.24.04.2-Ubuntu';
const TYPES = ['A', 'AAAA', 'SRV', 'PTR', 'CNAME', 'ANY', 'MX', 'TXT', 'NS', 'SOA'];

/** Tabs count as moving to the next multiple of 8; we render them as real tabs. */
function tabbed(parts: { text: string; column?: number }[]): string {
  let out = '';
  let width = 0;
  for (const p of parts) {
    if (p.column !== undefined) {
      if (width >= p.column) {
        out += ' ';
        width += 1;
      } else {
        while (width < p.column) {
          out += '\t';
          width = (Math.floor(width / 8) + 1) * 8;
        }
      }
    }
    out += p.text;
    width += p.text.length;
  }
  return out;
}

function rdata(r: DnsRecord): string {
  switch (r.type) {
    case 'A':
    case 'AAAA':
      return r.data;
    case 'SRV':
      return `${r.priority} ${r.weight} ${r.port} ${r.data}.`;
    case 'SOA':
      return r.data;
    default:
      return `${r.data}.`;
  }
}

function rrLine(r: DnsRecord): string {
  return tabbed([{ text: `${r.name}.` }, { text: String(r.ttl), column: 24 }, { text: 'IN', column: 32 }, { text: r.type, column: 40 }, { text: rdata(r), column: 48 }]);
}

export async function dig(ctx: ToolContext): Promise<number> {
  const argv = args(ctx);
  let short = false;
  let search = false;
  let server: string | undefined;
  let type: QType | undefined;
  let name: string | undefined;
  let onlyAnswer = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '+short') short = true;
    else if (a === '+search') search = true;
    else if (a === '+nosearch') search = false;
    else if (a === '+noall') onlyAnswer = true;
    else if (a.startsWith('+')) continue;
    else if (a.startsWith('@')) server = a.slice(1);
    else if (a === '-x') {
      const ip = argv[++i] ?? '';
      name = reverseName(ip);
      type = 'PTR';
    } else if (a === '-t') type = (argv[++i] ?? 'A').toUpperCase() as QType;
    else if (!type && TYPES.includes(a.toUpperCase()) && name) type = a.toUpperCase() as QType;
    else if (!name) name = a;
    else if (TYPES.includes(a.toUpperCase())) type = a.toUpperCase() as QType;
  }
  const cluster = ctx.self.cluster;
  const conf = resolvConfOf(ctx.self.pod);
  const servers = server ? [server] : conf.nameservers;
  const qname = (name ?? '.').replace(/\.$/, '');
  const qtype: QType = type ?? (name ? 'A' : 'NS' as QType);
  const cmdline = argv.join(' ');
  const src = fromOf(ctx).ip;
  const srv = servers.find((s) => dnsServerAt(cluster, src, s));
  if (!srv) {
    ctx.sleep(DNS_TIMEOUT_MS * 3);
    const first = servers[0] ?? '127.0.0.1';
    const msg = `;; communications error to ${first}#53: timed out\n;; communications error to ${first}#53: timed out\n;; communications error to ${first}#53: timed out\n`;
    ctx.stdout(short ? msg : `\n; <<>> DiG ${VERSION} <<>> ${cmdline}\n;; global options: +cmd\n${msg}\n; <<>> DiG ${VERSION} <<>> ${cmdline}\n;; global options: +cmd\n;; no servers could be reached\n`);
    return 9;
  }
  const kind = dnsServerAt(cluster, src, srv)!.kind;
  const candidates = search && name && !isIP(name) ? searchCandidates(name, conf) : [qname];
  let reply: DnsReply | undefined;
  for (const c of candidates) {
    reply = answerQuery(cluster, srv, c, qtype === ('NS' as QType) ? 'A' : qtype, 0, kind);
    ctx.trace(`dns: ${qtype} ${c}? → ${srv}:53 → ${reply.rcode} [${reply.note}]`);
    if (reply.rcode === 'NOERROR' && reply.answers.length) break;
  }
  const r = reply!;
  if (short) {
    ctx.stdout(r.answers.map((a) => `${rdata(a)}\n`).join(''));
    return 0;
  }
  const id = Math.floor(hash01(`${qname}${cluster.now}`) * 65535);
  const flags = ['qr', ...(r.authoritative ? ['aa'] : []), 'rd', ...(r.by === 'upstream' ? ['ra'] : [])];
  const authority = r.authority.map((a) => ({ ...a }));
  const lines: string[] = [];
  if (!onlyAnswer) {
    lines.push('', `; <<>> DiG ${VERSION} <<>> ${cmdline}`, ';; global options: +cmd', ';; Got answer:');
    lines.push(`;; ->>HEADER<<- opcode: QUERY, status: ${r.rcode}, id: ${id}`);
    lines.push(`;; flags: ${flags.join(' ')}; QUERY: 1, ANSWER: ${r.answers.length}, AUTHORITY: ${authority.length}, ADDITIONAL: ${r.additional.length + 1}`);
    if (r.by !== 'upstream') lines.push(';; WARNING: recursion requested but not available');
    lines.push('', ';; OPT PSEUDOSECTION:', '; EDNS: version: 0, flags:; udp: 1232', ';; QUESTION SECTION:');
    lines.push(tabbed([{ text: `;${r.qname}.` }, { text: 'IN', column: 32 }, { text: qtype, column: 40 }]), '');
  }
  if (r.answers.length) {
    if (!onlyAnswer) lines.push(';; ANSWER SECTION:');
    for (const a of r.answers) lines.push(rrLine(a));
    if (!onlyAnswer) lines.push('');
  }
  if (!onlyAnswer) {
    if (authority.length) {
      lines.push(';; AUTHORITY SECTION:');
      for (const a of authority) lines.push(rrLine(a));
      lines.push('');
    }
    if (r.additional.length) {
      lines.push(';; ADDITIONAL SECTION:');
      for (const a of r.additional) lines.push(rrLine(a));
      lines.push('');
    }
    const when = new Date(cluster.now);
    const day = when.toUTCString().slice(0, 3);
    const mon = when.toUTCString().slice(8, 11);
    const dd = String(when.getUTCDate()).padStart(2, '0');
    lines.push(`;; Query time: ${Math.round(r.ms)} msec`, `;; SERVER: ${srv}#53(${srv}) (UDP)`, `;; WHEN: ${day} ${mon} ${dd} ${when.toISOString().slice(11, 19)} UTC ${when.getUTCFullYear()}`, `;; MSG SIZE  rcvd: ${40 + r.answers.length * 30 + r.qname.length}`, '');
  }
  ctx.stdout(lines.join('\n') + '\n');
  return 0;
}
