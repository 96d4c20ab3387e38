// host (bind): `x has address ip`, `x is an alias for y.`, `x has SRV record …`,
// `d.c.b.a.in-addr.arpa domain name pointer n.`; not found: `Host x not found: 3(NXDOMAIN)`, exit 1.
// It walks the search list like the resolver (ndots from resolv.conf).
import type { ToolContext } from '../../runtime/types.js';
import { isIP, resolve, reverseName, type DnsRecord, type QType } from '../dns.js';
import { args } from './common.js';

function line(r: DnsRecord): string {
  switch (r.type) {
    case 'A':
      return `${r.name} has address ${r.data}`;
    case 'AAAA':
      return `${r.name} has IPv6 address ${r.data}`;
    case 'CNAME':
      return `${r.name} is an alias for ${r.data}.`;
    case 'PTR':
      return `${r.name} domain name pointer ${r.data}.`;
    case 'SRV':
      return `${r.name} has SRV record ${r.priority} ${r.weight} ${r.port} ${r.data}.`;
    default:
      return '';
  }
}

export async function host(ctx: ToolContext): Promise<number> {
  const argv = args(ctx);
  let type: QType | undefined;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '-t') type = (argv[++i] ?? 'A').toUpperCase() as QType;
    else if (argv[i].startsWith('-')) continue;
    else rest.push(argv[i]);
  }
  if (!rest.length) {
    ctx.stderr('Usage: host [-aCdilrTvVw] [-c class] [-N ndots] [-t type] [-W time]\n            [-R number] [-m flag] [-p port] hostname [server]\n');
    return 1;
  }
  const name = rest[0];
  const cluster = ctx.self.cluster;
  const pod = ctx.self.pod;
  const trace = (l: string) => ctx.trace(l);
  if (isIP(name)) {
    const r = resolve(cluster, pod, `${reverseName(name)}.`, 'PTR', { trace });
    ctx.sleep(r.elapsedMs);
    if (r.error === 'timeout') {
      ctx.stdout(';; connection timed out; no servers could be reached\n');
      return 1;
    }
    if (!r.records.length) {
      ctx.stdout(`Host ${reverseName(name)}. not found: 3(NXDOMAIN)\n`);
      return 1;
    }
    ctx.stdout(r.records.map((x) => `${line(x)}\n`).join(''));
    return 0;
  }
  const types: QType[] = type ? [type] : ['A', 'AAAA'];
  const out: string[] = [];
  let found = false;
  let fqdn: string | undefined;
  for (const t of types) {
    const r = resolve(cluster, pod, fqdn ? `${fqdn}.` : name, t, { trace });
    ctx.sleep(r.elapsedMs);
    if (r.error === 'timeout') {
      ctx.stdout(';; connection timed out; no servers could be reached\n');
      return 1;
    }
    if (r.records.length) {
      fqdn ??= r.fqdn;
      found = true;
      for (const rec of r.records) {
        const l = line(rec);
        if (l && !out.includes(l)) out.push(l);
      }
    } else if (r.error === 'NODATA' || (r.fqdn === undefined && r.replies.some((x) => x.rcode === 'NOERROR'))) {
      fqdn ??= r.replies.find((x) => x.rcode === 'NOERROR')?.qname;
      if (type) out.push(`${fqdn ?? name} has no ${t} record`);
      found = true;
    }
  }
  if (!found) {
    ctx.stdout(`Host ${name} not found: 3(NXDOMAIN)\n`);
    return 1;
  }
  ctx.stdout(out.map((l) => `${l}\n`).join(''));
  return 0;
}
