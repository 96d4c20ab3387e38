// Cluster DNS as kind runs it: CoreDNS behind the kube-dns Service (10.96.0.10), zone
// cluster.local (Kubernetes DNS spec, reference §13.1), forwarding everything else to the node's
// resolver (the simulated internet, src/network/internet.ts); each pod's /etc/resolv.conf and
// /etc/hosts as the kubelet writes them (§13.2); and the libc stub resolver that walks the search
// list with ndots. Every query is logged, so tools can print what they sent (nslookup) and
// `--trace` can show why a name resolved or did not.
import type { KObject } from '../api/types.js';
import type { Cluster } from '../store/cluster.js';
import { internetHost, internetHosts, isPublicResolver, UPSTREAM_RESOLVER } from './internet.js';
import { readyEndpoints, route, nodeAddresses, type SvcPort } from './proxy.js';

export type QType = 'A' | 'AAAA' | 'SRV' | 'PTR' | 'CNAME' | 'ANY';
export type RCode = 'NOERROR' | 'NXDOMAIN' | 'SERVFAIL' | 'REFUSED';

export const CLUSTER_DOMAIN = 'cluster.local';
export const CLUSTER_DNS_IP = '10.96.0.10';
const CLUSTER_TTL = 30;
const UPSTREAM_TTL = 300;
/** glibc/musl defaults: a query that gets no answer is retried once after 5 s per server. */
export const DNS_TIMEOUT_MS = 5000;
export const DNS_ATTEMPTS = 2;

export interface DnsRecord {
  name: string; // owner, no trailing dot
  type: 'A' | 'AAAA' | 'CNAME' | 'SRV' | 'PTR' | 'SOA';
  ttl: number;
  /** A/AAAA: the address; CNAME/PTR: the target (no trailing dot); SRV: the target; SOA: the whole rdata. */
  data: string;
  priority?: number;
  weight?: number;
  port?: number;
}

export interface DnsReply {
  qname: string;
  qtype: QType;
  /** The server the query went to (the nameserver line). */
  server: string;
  /** Which software answered. */
  by: 'coredns' | 'upstream';
  rcode: RCode;
  /** AA flag: CoreDNS answers for its zones with it, forwarded answers lack it. */
  authoritative: boolean;
  answers: DnsRecord[];
  /** Extra A records for SRV targets. */
  additional: DnsRecord[];
  /** SOA for negative answers. */
  authority: DnsRecord[];
  /** Simulated round-trip time. */
  ms: number;
  /** Why (for --trace): which object produced the answer, or why there is none. */
  note: string;
}

// ---------------------------------------------------------------------------------------------
// resolv.conf and /etc/hosts

export interface ResolvConf {
  nameservers: string[];
  search: string[];
  options: { name: string; value?: string }[];
  ndots: number;
}

/** The kind node's own resolv.conf (what dnsPolicy Default pods get): Docker's network gateway. */
const NODE_RESOLV: ResolvConf = {
  nameservers: [UPSTREAM_RESOLVER],
  search: [],
  options: [{ name: 'edns0' }, { name: 'trust-ad' }, { name: 'ndots', value: '0' }],
  ndots: 0,
};

function mergeOptions(base: ResolvConf['options'], extra: { name: string; value?: string }[] = []): ResolvConf['options'] {
  const out = base.map((o) => ({ ...o }));
  for (const o of extra) {
    const i = out.findIndex((x) => x.name === o.name);
    const v = o.value !== undefined && o.value !== null ? { name: o.name, value: String(o.value) } : { name: o.name };
    if (i >= 0) out[i] = v;
    else out.push(v);
  }
  return out;
}

/** The resolver configuration the kubelet gives a pod (dnsPolicy + dnsConfig). */
export function resolvConfOf(pod: KObject): ResolvConf {
  const spec = pod.spec ?? {};
  const ns = pod.metadata.namespace ?? 'default';
  let policy: string = spec.dnsPolicy ?? 'ClusterFirst';
  if (policy === 'ClusterFirst' && spec.hostNetwork) policy = 'Default';
  let base: ResolvConf;
  if (policy === 'None') base = { nameservers: [], search: [], options: [], ndots: 1 };
  else if (policy === 'Default') base = { ...NODE_RESOLV, nameservers: [...NODE_RESOLV.nameservers], search: [], options: NODE_RESOLV.options.map((o) => ({ ...o })) };
  else {
    base = {
      nameservers: [CLUSTER_DNS_IP],
      search: [`${ns}.svc.${CLUSTER_DOMAIN}`, `svc.${CLUSTER_DOMAIN}`, CLUSTER_DOMAIN],
      options: [{ name: 'ndots', value: '5' }],
      ndots: 5,
    };
  }
  const cfg = spec.dnsConfig ?? {};
  const nameservers = [...base.nameservers];
  for (const n of cfg.nameservers ?? []) if (!nameservers.includes(n)) nameservers.push(n);
  const search = [...base.search];
  for (const s of cfg.searches ?? []) if (!search.includes(s)) search.push(s);
  const options = mergeOptions(base.options, cfg.options);
  const nd = options.find((o) => o.name === 'ndots');
  const ndots = nd?.value !== undefined ? Math.min(15, Math.max(0, Number(nd.value) || 0)) : 1;
  return { nameservers: nameservers.slice(0, 3), search: search.slice(0, 32), options, ndots };
}

/** The pod's /etc/resolv.conf text (search, nameserver, options — containerd's order). */
export function resolvConf(pod: KObject): string {
  const c = resolvConfOf(pod);
  const lines: string[] = [];
  if (c.search.length) lines.push(`search ${c.search.join(' ')}`);
  for (const n of c.nameservers) lines.push(`nameserver ${n}`);
  if (c.options.length) lines.push(`options ${c.options.map((o) => (o.value !== undefined ? `${o.name}:${o.value}` : o.name)).join(' ')}`);
  return lines.join('\n') + '\n';
}

/** The pod's hostname (spec.hostname, else the pod name, cut to 63 characters). */
export function podHostname(pod: KObject): string {
  return (pod.spec?.hostname ?? pod.metadata.name).slice(0, 63);
}

/** The kubelet-managed /etc/hosts. */
export function etcHosts(pod: KObject): string {
  const lines = [
    '# Kubernetes-managed hosts file.',
    '127.0.0.1\tlocalhost',
    '::1\tlocalhost ip6-localhost ip6-loopback',
    'fe00::0\tip6-localnet',
    'fe00::0\tip6-mcastprefix',
    'fe00::1\tip6-allnodes',
    'fe00::2\tip6-allrouters',
  ];
  const ip = pod.status?.podIP;
  if (ip && !pod.spec?.hostNetwork) {
    const host = podHostname(pod);
    const sub = pod.spec?.subdomain;
    lines.push(sub ? `${ip}\t${host}.${sub}.${pod.metadata.namespace ?? 'default'}.svc.${CLUSTER_DOMAIN}\t${host}` : `${ip}\t${host}`);
  }
  const aliases: { ip: string; hostnames?: string[] }[] = pod.spec?.hostAliases ?? [];
  if (aliases.length) {
    lines.push('', '# Entries added by HostAliases.');
    for (const a of aliases) lines.push(`${a.ip}\t${(a.hostnames ?? []).join('\t')}`);
  }
  return lines.join('\n') + '\n';
}

/** /etc/hosts entries as ip → names (first name canonical). */
export function hostsEntries(pod: KObject): { ip: string; names: string[] }[] {
  const out: { ip: string; names: string[] }[] = [];
  for (const line of etcHosts(pod).split('\n')) {
    const t = line.replace(/#.*/, '').trim();
    if (!t) continue;
    const [ip, ...names] = t.split(/\s+/);
    out.push({ ip, names });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Addresses

export function isIPv4(s: string): boolean {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  return !!m && m.slice(1).every((x) => Number(x) <= 255);
}

export function isIPv6(s: string): boolean {
  return s.includes(':') && /^[0-9a-fA-F:.]+$/.test(s);
}

export const isIP = (s: string) => isIPv4(s) || isIPv6(s);

/** `10.96.0.10` → `10.0.96.10.in-addr.arpa`. */
export function reverseName(ip: string): string {
  return `${ip.split('.').reverse().join('.')}.in-addr.arpa`;
}

function fromReverse(qname: string): string | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\.in-addr\.arpa$/.exec(qname);
  if (!m) return undefined;
  const ip = `${m[4]}.${m[3]}.${m[2]}.${m[1]}`;
  return isIPv4(ip) ? ip : undefined;
}

const dashed = (ip: string) => ip.replace(/\./g, '-');

// ---------------------------------------------------------------------------------------------
// CoreDNS (kubernetes plugin, `pods insecure`, ttl 30) and the upstream resolver

/** The SOA a negative answer carries (CoreDNS's for cluster.local, the root zone's upstream). */
function soa(by: DnsReply['by'], now: number): DnsRecord {
  return by === 'coredns'
    ? { name: CLUSTER_DOMAIN, type: 'SOA', ttl: CLUSTER_TTL, data: `ns.dns.${CLUSTER_DOMAIN}. hostmaster.${CLUSTER_DOMAIN}. ${Math.floor(now / 1000)} 7200 1800 86400 ${CLUSTER_TTL}` }
    : { name: '', type: 'SOA', ttl: 86400, data: `a.root-servers.net. nstld.verisign-grs.com. ${new Date(now).toISOString().slice(0, 10).replace(/-/g, '')}00 1800 900 604800 86400` };
}

/** The cluster clock of the query being answered (SOA serials). */
let clock = 0;

function reply(qname: string, qtype: QType, server: string, by: DnsReply['by'], rcode: RCode, answers: DnsRecord[], note: string, extra: Partial<DnsReply> = {}): DnsReply {
  const authoritative = by === 'coredns';
  const authority: DnsRecord[] = answers.length ? [] : [soa(by, clock)];
  return { qname, qtype, server, by, rcode, authoritative, answers, additional: [], authority, ms: by === 'coredns' ? 0 : 12, note, ...extra };
}

function svcFqdn(svc: KObject): string {
  return `${svc.metadata.name}.${svc.metadata.namespace}.svc.${CLUSTER_DOMAIN}`;
}

function isHeadless(svc: KObject): boolean {
  return svc.spec?.clusterIP === 'None';
}

/** Ready endpoint addresses of a Service (all ports), unique by IP, with hostnames. */
function endpointAddresses(cluster: Cluster, svc: KObject): { ip: string; hostname?: string }[] {
  const ep = cluster.get('endpoints', svc.metadata.namespace, svc.metadata.name);
  const out: { ip: string; hostname?: string }[] = [];
  for (const s of ep?.subsets ?? []) {
    for (const a of s.addresses ?? []) {
      if (!out.some((o) => o.ip === a.ip)) out.push(a.hostname ? { ip: a.ip, hostname: a.hostname } : { ip: a.ip });
    }
  }
  return out.sort((a, b) => (a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : 0));
}

function namespaceExists(cluster: Cluster, ns: string): boolean {
  return !!cluster.get('namespaces', undefined, ns);
}

function srvWeight(n: number): number {
  return Math.floor(100 / Math.max(1, n));
}

function serviceAnswer(cluster: Cluster, svc: KObject, qname: string, qtype: QType, server: string, depth: number): DnsReply {
  const name = `${svc.metadata.namespace}/${svc.metadata.name}`;
  const spec = svc.spec ?? {};
  if (spec.type === 'ExternalName') {
    const target = String(spec.externalName ?? '').toLowerCase().replace(/\.$/, '');
    const cname: DnsRecord = { name: qname, type: 'CNAME', ttl: CLUSTER_TTL, data: target };
    if (qtype === 'CNAME' || qtype === 'SRV' || qtype === 'PTR') {
      return reply(qname, qtype, server, 'coredns', 'NOERROR', [cname], `ExternalName Service ${name} → CNAME ${target}`);
    }
    const t = depth < 8 ? answerQuery(cluster, server, target, qtype === 'ANY' ? 'A' : qtype, depth + 1) : undefined;
    const records = [cname, ...(t?.answers ?? [])];
    const r = reply(qname, qtype, server, 'coredns', t && t.rcode === 'NXDOMAIN' ? 'NXDOMAIN' : 'NOERROR', records, `ExternalName Service ${name} → CNAME ${target}${t ? `; ${target}: ${t.answers.length ? t.answers.filter((a) => a.type === 'A' || a.type === 'AAAA').map((a) => a.data).join(', ') || 'no addresses' : t.rcode} (${t.by === 'upstream' ? 'resolved upstream' : 'cluster'})` : ''}`);
    if (t) r.ms = Math.max(r.ms, t.ms + 1);
    return r;
  }
  const ports: SvcPort[] = spec.ports ?? [];
  if (isHeadless(svc)) {
    const addrs = endpointAddresses(cluster, svc);
    if (qtype === 'SRV') {
      const recs: DnsRecord[] = [];
      const additional: DnsRecord[] = [];
      for (const p of ports) {
        for (const e of readyEndpoints(cluster, svc, p)) {
          const target = `${e.hostname ?? dashed(e.ip)}.${svcFqdn(svc)}`;
          recs.push({ name: qname, type: 'SRV', ttl: CLUSTER_TTL, data: target, priority: 0, weight: 0, port: e.port });
          if (!additional.some((a) => a.name === target)) additional.push({ name: target, type: 'A', ttl: CLUSTER_TTL, data: e.ip });
        }
      }
      recs.forEach((r) => (r.weight = srvWeight(recs.length)));
      return reply(qname, qtype, server, 'coredns', recs.length ? 'NOERROR' : 'NXDOMAIN', recs, `headless Service ${name}: ${recs.length} SRV record(s)`, { additional });
    }
    if (!addrs.length) {
      return reply(qname, qtype, server, 'coredns', 'NXDOMAIN', [], `headless Service ${name} has no ready endpoints`);
    }
    const answers = qtype === 'A' || qtype === 'ANY' ? addrs.filter((a) => isIPv4(a.ip)).map((a) => ({ name: qname, type: 'A' as const, ttl: CLUSTER_TTL, data: a.ip })) : [];
    return reply(qname, qtype, server, 'coredns', 'NOERROR', answers, `headless Service ${name}: one A record per ready endpoint (${addrs.map((a) => a.ip).join(', ')})`);
  }
  const ip: string = spec.clusterIP;
  if (qtype === 'SRV') {
    const recs = ports.map((p) => ({ name: qname, type: 'SRV' as const, ttl: CLUSTER_TTL, data: svcFqdn(svc), priority: 0, weight: srvWeight(ports.length), port: p.port }));
    const additional = recs.length ? [{ name: svcFqdn(svc), type: 'A' as const, ttl: CLUSTER_TTL, data: ip }] : [];
    return reply(qname, qtype, server, 'coredns', 'NOERROR', recs, `Service ${name}: ${recs.length} SRV record(s)`, { additional });
  }
  const answers = (qtype === 'A' || qtype === 'ANY') && ip && isIPv4(ip) ? [{ name: qname, type: 'A' as const, ttl: CLUSTER_TTL, data: ip }] : [];
  return reply(qname, qtype, server, 'coredns', 'NOERROR', answers, `Service ${name}, ClusterIP ${ip}${qtype === 'AAAA' ? ' (no IPv6 address: empty answer)' : ''}`);
}

function portSrv(cluster: Cluster, svc: KObject, portLabel: string, protoLabel: string, qname: string, qtype: QType, server: string): DnsReply {
  const pname = portLabel.slice(1);
  const proto = protoLabel.slice(1).toUpperCase();
  const ports = ((svc.spec?.ports ?? []) as SvcPort[]).filter((p) => p.name === pname && (p.protocol ?? 'TCP') === proto);
  const name = `${svc.metadata.namespace}/${svc.metadata.name}`;
  if (!ports.length) return reply(qname, qtype, server, 'coredns', 'NXDOMAIN', [], `Service ${name} has no port named "${pname}" (${proto})`);
  if (qtype !== 'SRV' && qtype !== 'ANY') return reply(qname, qtype, server, 'coredns', 'NOERROR', [], `SRV name; no ${qtype} records`);
  const recs: DnsRecord[] = [];
  const additional: DnsRecord[] = [];
  for (const p of ports) {
    if (isHeadless(svc)) {
      for (const e of readyEndpoints(cluster, svc, p)) {
        const target = `${e.hostname ?? dashed(e.ip)}.${svcFqdn(svc)}`;
        recs.push({ name: qname, type: 'SRV', ttl: CLUSTER_TTL, data: target, priority: 0, weight: 0, port: e.port });
        additional.push({ name: target, type: 'A', ttl: CLUSTER_TTL, data: e.ip });
      }
    } else {
      recs.push({ name: qname, type: 'SRV', ttl: CLUSTER_TTL, data: svcFqdn(svc), priority: 0, weight: 0, port: p.port });
      if (!additional.length) additional.push({ name: svcFqdn(svc), type: 'A', ttl: CLUSTER_TTL, data: svc.spec.clusterIP });
    }
  }
  recs.forEach((r) => (r.weight = srvWeight(recs.length)));
  if (!recs.length) return reply(qname, qtype, server, 'coredns', 'NXDOMAIN', [], `headless Service ${name} port "${pname}" has no ready endpoints`);
  return reply(qname, qtype, server, 'coredns', 'NOERROR', recs, `SRV for port "${pname}" of Service ${name}`, { additional });
}

function clusterZone(cluster: Cluster, qname: string, qtype: QType, server: string, depth: number): DnsReply {
  const rest = qname === CLUSTER_DOMAIN ? '' : qname.slice(0, -(CLUSTER_DOMAIN.length + 1));
  const labels = rest ? rest.split('.') : [];
  const kind = labels[labels.length - 1];
  const nx = (note: string) => reply(qname, qtype, server, 'coredns', 'NXDOMAIN', [], note);
  const nodata = (note: string) => reply(qname, qtype, server, 'coredns', 'NOERROR', [], note);
  if (!labels.length) return nodata('the zone apex');
  if (kind === 'svc') {
    const l = labels.slice(0, -1);
    if (!l.length) return nodata('svc.cluster.local (no records)');
    const ns = l[l.length - 1];
    if (l.length === 1) return namespaceExists(cluster, ns) ? nodata(`namespace ${ns} (no records of its own)`) : nx(`no namespace "${ns}"`);
    const svcName = l[l.length - 2];
    const svc = cluster.get('services', ns, svcName);
    if (!svc) return nx(namespaceExists(cluster, ns) ? `no Service "${svcName}" in namespace ${ns}` : `no namespace "${ns}"`);
    const prefix = l.slice(0, -2);
    if (!prefix.length) return serviceAnswer(cluster, svc, qname, qtype, server, depth);
    if (prefix.length === 2 && prefix[0].startsWith('_') && prefix[1].startsWith('_')) return portSrv(cluster, svc, prefix[0], prefix[1], qname, qtype, server);
    if (prefix.length === 1 && isHeadless(svc)) {
      const host = prefix[0];
      const match = endpointAddresses(cluster, svc).filter((a) => a.hostname === host || dashed(a.ip) === host);
      if (!match.length) return nx(`headless Service ${ns}/${svcName} has no ready endpoint named "${host}"`);
      const answers = qtype === 'A' || qtype === 'ANY' ? match.map((a) => ({ name: qname, type: 'A' as const, ttl: CLUSTER_TTL, data: a.ip })) : [];
      return reply(qname, qtype, server, 'coredns', 'NOERROR', answers, `endpoint "${host}" of headless Service ${ns}/${svcName} (${match.map((a) => a.ip).join(', ')})`);
    }
    return nx(`no record ${qname}`);
  }
  if (kind === 'pod') {
    const l = labels.slice(0, -1);
    if (l.length !== 2) return l.length === 1 && namespaceExists(cluster, l[0]) ? nodata(`namespace ${l[0]}`) : nx(`no record ${qname}`);
    const [d, ns] = l;
    const ip = d.replace(/-/g, '.');
    if (!isIPv4(ip) || d.split('-').length !== 4) return nx(`"${d}" is not a dashed IPv4 address`);
    if (!namespaceExists(cluster, ns)) return nx(`no namespace "${ns}"`);
    const answers = qtype === 'A' || qtype === 'ANY' ? [{ name: qname, type: 'A' as const, ttl: CLUSTER_TTL, data: ip }] : [];
    return reply(qname, qtype, server, 'coredns', 'NOERROR', answers, `pod record (pods insecure: the address is read from the name)`);
  }
  return nx(`no record ${qname}`);
}

function reverseZone(cluster: Cluster, qname: string, qtype: QType, server: string): DnsReply | undefined {
  const ip = fromReverse(qname);
  if (!ip) return undefined;
  const ptr = (target: string, note: string) =>
    reply(qname, qtype, server, 'coredns', 'NOERROR', qtype === 'PTR' || qtype === 'ANY' ? [{ name: qname, type: 'PTR', ttl: CLUSTER_TTL, data: target }] : [], note);
  for (const svc of cluster.list('services')) {
    const ips: string[] = svc.spec?.clusterIPs ?? [svc.spec?.clusterIP];
    if (ips.includes(ip)) return ptr(svcFqdn(svc), `ClusterIP of Service ${svc.metadata.namespace}/${svc.metadata.name}`);
  }
  for (const ep of cluster.list('endpoints')) {
    for (const s of ep.subsets ?? []) {
      for (const a of s.addresses ?? []) {
        if (a.ip !== ip) continue;
        const svc = cluster.get('services', ep.metadata.namespace, ep.metadata.name);
        if (!svc) continue;
        return ptr(`${a.hostname ?? dashed(ip)}.${svcFqdn(svc)}`, `endpoint of Service ${ep.metadata.namespace}/${ep.metadata.name}`);
      }
    }
  }
  return undefined; // fallthrough in-addr.arpa → forwarded
}

function upstreamAnswer(cluster: Cluster, qname: string, qtype: QType, server: string): DnsReply {
  const ip = fromReverse(qname);
  if (ip) {
    const node = cluster.list('nodes').find((n) => nodeAddresses(n).includes(ip));
    const host = node ? `${node.metadata.name}.kind` : internetHosts().find((h) => h.a.includes(ip))?.name;
    if (host) return reply(qname, qtype, server, 'upstream', 'NOERROR', qtype === 'PTR' || qtype === 'ANY' ? [{ name: qname, type: 'PTR', ttl: UPSTREAM_TTL, data: host }] : [], `upstream reverse record`);
    return reply(qname, qtype, server, 'upstream', 'NXDOMAIN', [], `no reverse record for ${ip} upstream`);
  }
  const node = cluster.list('nodes').find((n) => n.metadata.name === qname || `${n.metadata.name}.kind` === qname);
  if (node) {
    const addr = nodeAddresses(node)[0];
    const answers = qtype === 'A' || qtype === 'ANY' ? [{ name: qname, type: 'A' as const, ttl: 600, data: addr }] : [];
    return reply(qname, qtype, server, 'upstream', 'NOERROR', answers, `node ${node.metadata.name} (Docker's embedded DNS)`);
  }
  const h = internetHost(qname);
  if (!h) return reply(qname, qtype, server, 'upstream', 'NXDOMAIN', [], `not in the simulated internet (NXDOMAIN upstream)`);
  const answers: DnsRecord[] = [];
  if (qtype === 'A' || qtype === 'ANY') for (const a of h.a) answers.push({ name: qname, type: 'A', ttl: UPSTREAM_TTL, data: a });
  if (qtype === 'AAAA' || qtype === 'ANY') for (const a of h.aaaa ?? []) answers.push({ name: qname, type: 'AAAA', ttl: UPSTREAM_TTL, data: a });
  return reply(qname, qtype, server, 'upstream', 'NOERROR', answers, `${qname} in the simulated internet`);
}

/** What a DNS server of the given kind answers (no reachability check). */
export function answerQuery(cluster: Cluster, server: string, qname: string, qtype: QType, depth = 0, by: 'coredns' | 'upstream' = 'coredns'): DnsReply {
  clock = cluster.now;
  const name = qname.toLowerCase().replace(/\.$/, '');
  if (by === 'coredns') {
    if (name === CLUSTER_DOMAIN || name.endsWith(`.${CLUSTER_DOMAIN}`)) return clusterZone(cluster, name, qtype, server, depth);
    const rev = reverseZone(cluster, name, qtype, server);
    if (rev) return rev;
    const up = upstreamAnswer(cluster, name, qtype, server);
    return { ...up, by: 'upstream', authoritative: false, ms: up.ms + 1, note: `forwarded: ${up.note}` };
  }
  return upstreamAnswer(cluster, name, qtype, server);
}

// ---------------------------------------------------------------------------------------------
// Reaching a DNS server

function isCoreDnsPod(pod: KObject | undefined): boolean {
  return !!pod && pod.status?.phase === 'Running' && (pod.spec?.containers ?? []).some((c: { image?: string }) => /coredns/.test(c.image ?? ''));
}

export interface DnsServerInfo {
  kind: 'coredns' | 'upstream';
  /** How the query got there (for --trace). */
  path: string;
}

/** Which DNS server answers queries sent to `server`:53/UDP from `srcIP` (undefined: nothing answers, the query times out). */
export function dnsServerAt(cluster: Cluster, srcIP: string, server: string): DnsServerInfo | undefined {
  const r = route(cluster, srcIP, server, 53, 'UDP', { peek: true });
  if (r) {
    const svc = `${r.match.svc.metadata.namespace}/${r.match.svc.metadata.name}`;
    if (r.kind !== 'dnat') return undefined;
    const pod = r.endpoint.podRef ? cluster.get('pods', r.endpoint.podRef.namespace, r.endpoint.podRef.name) : undefined;
    if (isCoreDnsPod(pod)) return { kind: 'coredns', path: `${server}:53/UDP is Service ${svc} → ${pod!.metadata.name} ${r.endpoint.ip}:${r.endpoint.port}` };
    return undefined;
  }
  const pod = cluster.list('pods').find((p) => p.status?.podIP === server && !p.spec?.hostNetwork);
  if (pod) return isCoreDnsPod(pod) ? { kind: 'coredns', path: `${server} is pod ${pod.metadata.namespace}/${pod.metadata.name}` } : undefined;
  if (server === UPSTREAM_RESOLVER) return { kind: 'upstream', path: `${server} is the node network's resolver (Docker)` };
  if (isPublicResolver(server)) return { kind: 'upstream', path: `${server} is a public resolver on the simulated internet` };
  return undefined;
}

/**
 * One query sent from `srcIP` to `server`. Undefined when no server answers (the caller waits
 * DNS_TIMEOUT_MS × DNS_ATTEMPTS).
 */
export function query(cluster: Cluster, srcIP: string, server: string, qname: string, qtype: QType): DnsReply | undefined {
  const at = dnsServerAt(cluster, srcIP, server);
  if (!at) return undefined;
  return answerQuery(cluster, server, qname, qtype, 0, at.kind);
}

// ---------------------------------------------------------------------------------------------
// The stub resolver (res_search with ndots, like glibc/musl)

export interface Resolution {
  /** The name as asked. */
  name: string;
  qtype: QType;
  source: 'literal' | 'hosts' | 'dns';
  /** Every query sent, in order (the query log). */
  replies: DnsReply[];
  /** The name that answered (a search-list candidate), when one did. */
  fqdn?: string;
  /** Answer records of the reply that ended the walk (CNAMEs then addresses). */
  records: DnsRecord[];
  /** The A/AAAA addresses found. */
  addresses: string[];
  /** Last owner name after CNAMEs. */
  canonical?: string;
  error?: 'NXDOMAIN' | 'NODATA' | 'timeout';
  /** Simulated time the lookup took. */
  elapsedMs: number;
}

export type Trace = (line: string) => void;

/** The names res_search tries for `name`, in order. */
export function searchCandidates(name: string, conf: ResolvConf, libc: 'glibc' | 'musl' = 'glibc'): string[] {
  if (name.endsWith('.')) return [name.slice(0, -1)];
  const dots = (name.match(/\./g) ?? []).length;
  const withSearch = conf.search.map((s) => `${name}.${s}`);
  if (dots >= conf.ndots) return libc === 'musl' ? [name] : [name, ...withSearch];
  return [...withSearch, name];
}

function podIP(pod: KObject | undefined): string {
  return pod?.status?.podIP ?? '10.244.0.1';
}

function formatAnswer(r: DnsReply): string {
  if (r.rcode !== 'NOERROR') return r.rcode;
  if (!r.answers.length) return 'NOERROR, no records';
  return r.answers.map((a) => (a.type === 'SRV' ? `SRV ${a.priority} ${a.weight} ${a.port} ${a.data}` : `${a.type} ${a.data}`)).join(', ');
}

/** Send one query to the configured nameservers in order (first that answers), logging and tracing it. */
function ask(cluster: Cluster, src: string, conf: ResolvConf, qname: string, qtype: QType, log: DnsReply[], trace: Trace | undefined): { reply?: DnsReply; ms: number } {
  let ms = 0;
  for (const server of conf.nameservers) {
    const at = dnsServerAt(cluster, src, server);
    if (!at) {
      ms += DNS_TIMEOUT_MS * DNS_ATTEMPTS;
      trace?.(`dns: ${qtype} ${qname}? → ${server}:53: no answer (${describeUnreachable(cluster, src, server)}); gave up after ${DNS_ATTEMPTS} × ${DNS_TIMEOUT_MS / 1000}s`);
      continue;
    }
    const r = answerQuery(cluster, server, qname, qtype, 0, at.kind);
    log.push(r);
    ms += r.ms;
    trace?.(`dns: ${qtype} ${qname}? → ${server}:53 (${at.path}) → ${formatAnswer(r)}${r.note ? ` [${r.note}]` : ''}`);
    return { reply: r, ms };
  }
  return { ms };
}

function describeUnreachable(cluster: Cluster, src: string, server: string): string {
  const r = route(cluster, src, server, 53, 'UDP', { peek: true });
  if (r && r.kind !== 'dnat') return r.reason;
  if (r && r.kind === 'dnat') return `${r.endpoint.ip}:${r.endpoint.port} is not a DNS server`;
  return `nothing at ${server} answers DNS`;
}

export interface ResolveOptions {
  trace?: Trace;
  /** Consult /etc/hosts first (getaddrinfo does; nslookup/dig/host do not). */
  useHosts?: boolean;
  /** Resolver flavour: musl does not search names with ≥ ndots dots. */
  libc?: 'glibc' | 'musl';
  /** Skip the search list (dig without +search). */
  noSearch?: boolean;
  /** Source address (defaults to the pod's IP). */
  srcIP?: string;
}

/**
 * Resolve `name` from inside `fromPod` the way its libc does: /etc/hosts (optional), then the
 * search list per ndots, each candidate sent to the pod's nameservers; the first candidate with
 * records wins, NXDOMAIN/NODATA moves on, a timeout ends the walk.
 */
export function resolve(cluster: Cluster, fromPod: KObject | undefined, name: string, qtype: QType, opts: ResolveOptions = {}): Resolution {
  const trace = opts.trace;
  const res: Resolution = { name, qtype, source: 'dns', replies: [], records: [], addresses: [], elapsedMs: 0 };
  const lname = name.toLowerCase();
  if ((qtype === 'A' || qtype === 'AAAA' || qtype === 'ANY') && isIP(name)) {
    res.source = 'literal';
    res.addresses = [name];
    res.canonical = name;
    return res;
  }
  if (opts.useHosts && fromPod && (qtype === 'A' || qtype === 'AAAA')) {
    const bare = lname.replace(/\.$/, '');
    const hits = hostsEntries(fromPod).filter((e) => e.names.some((n) => n.toLowerCase() === bare) && (qtype === 'A' ? isIPv4(e.ip) : isIPv6(e.ip)));
    if (hits.length) {
      res.source = 'hosts';
      res.addresses = hits.map((h) => h.ip);
      res.canonical = hits[0].names[0];
      trace?.(`dns: ${name} found in /etc/hosts → ${res.addresses.join(', ')}`);
      return res;
    }
  }
  const conf = fromPod ? resolvConfOf(fromPod) : { nameservers: [CLUSTER_DNS_IP], search: [], options: [], ndots: 1 };
  const src = opts.srcIP ?? podIP(fromPod);
  if (!conf.nameservers.length) {
    res.error = 'timeout';
    trace?.(`dns: no nameserver in /etc/resolv.conf`);
    return res;
  }
  const candidates = opts.noSearch ? [name.replace(/\.$/, '')] : searchCandidates(name, conf, opts.libc);
  if (trace && !opts.noSearch && !name.endsWith('.')) {
    const dots = (name.match(/\./g) ?? []).length;
    trace(
      `dns: resolv.conf: nameserver ${conf.nameservers.join(', ')}; search ${conf.search.join(' ') || '(none)'}; ndots:${conf.ndots} — "${name}" has ${dots} dot${dots === 1 ? '' : 's'} ${dots < conf.ndots ? `< ${conf.ndots}: search list first, then the name as is` : `≥ ${conf.ndots}: the name as is first${opts.libc === 'musl' ? ' (musl: no search)' : ', then the search list'}`}`,
    );
  }
  let sawNodata = false;
  for (const cand of candidates) {
    const { reply: r, ms } = ask(cluster, src, conf, cand, qtype, res.replies, trace);
    res.elapsedMs += ms;
    if (!r) {
      res.error = 'timeout';
      return res;
    }
    if (r.rcode === 'NOERROR' && r.answers.length) {
      res.fqdn = cand;
      res.records = r.answers;
      res.addresses = r.answers.filter((a) => a.type === 'A' || a.type === 'AAAA').map((a) => a.data);
      const cnames = r.answers.filter((a) => a.type === 'CNAME');
      res.canonical = cnames.length ? cnames[cnames.length - 1].data : cand;
      if ((qtype === 'A' || qtype === 'AAAA') && !res.addresses.length) {
        sawNodata = true;
        continue;
      }
      return res;
    }
    if (r.rcode === 'NOERROR') sawNodata = true;
    else if (r.rcode !== 'NXDOMAIN') {
      res.error = 'timeout';
      return res;
    }
  }
  res.error = sawNodata ? 'NODATA' : 'NXDOMAIN';
  trace?.(`dns: "${name}" did not resolve (${res.error})`);
  return res;
}

/** getaddrinfo for IPv4: /etc/hosts then DNS A records. */
export function lookupHost(cluster: Cluster, fromPod: KObject | undefined, name: string, opts: Omit<ResolveOptions, 'useHosts'> = {}): Resolution {
  return resolve(cluster, fromPod, name, 'A', { ...opts, useHosts: true });
}

/** Reverse lookup (PTR) of an address from a pod, via its first reachable nameserver. */
export function reverseLookup(cluster: Cluster, fromPod: KObject | undefined, ip: string, opts: ResolveOptions = {}): string | undefined {
  if (opts.useHosts && fromPod) {
    const hit = hostsEntries(fromPod).find((e) => e.ip === ip);
    if (hit) return hit.names[0];
  }
  const r = resolve(cluster, fromPod, reverseName(ip) + '.', 'PTR', { ...opts, useHosts: false });
  return r.records.find((x) => x.type === 'PTR')?.data;
}
