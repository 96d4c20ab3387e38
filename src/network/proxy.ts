// kube-proxy in iptables mode, as data: which Service a destination address:port belongs to
// (ClusterIP, NodePort on a node address, externalIPs, LoadBalancer ingress IP), and which
// endpoint the KUBE-SVC chain sends a new connection to — ready endpoints only, in the
// Endpoints' address order; round-robin (kubesim's default, predictable) or random (what the
// iptables `statistic` rules really do) as the cluster's proxyMode; sessionAffinity ClientIP pins
// a source IP to its endpoint for timeoutSeconds (the `recent` match, refreshed on every hit).
// No ready endpoint → the packet is REJECTed (connection refused); a port the Service does not
// have matches no rule (the packet goes nowhere: timeout).
//
// The balancing state lives in `cluster.state.proxy` (`rr`: a cursor per Service port; `affinity`:
// source → endpoint with an expiry), so consecutive commands rotate, and it is kept small.
import type { KObject } from '../api/types.js';
import type { Cluster } from '../store/cluster.js';

export type Proto = 'TCP' | 'UDP' | 'SCTP';

export interface SvcPort {
  name?: string;
  port: number;
  protocol?: string;
  targetPort?: number | string;
  nodePort?: number;
}

export interface Endpoint {
  ip: string;
  port: number;
  hostname?: string;
  nodeName?: string;
  /** namespace/name of the pod behind it (targetRef), when there is one. */
  podRef?: { namespace: string; name: string };
}

export type ServiceVia = 'ClusterIP' | 'NodePort' | 'ExternalIP' | 'LoadBalancer';

export interface ServiceMatch {
  svc: KObject;
  /** The Service port the packet matched (undefined: the address is the Service's, the port is not). */
  port?: SvcPort;
  via: ServiceVia;
  /** For NodePort/LoadBalancer traffic: the node it arrived at. */
  node?: KObject;
}

export type ProxyResult =
  | { kind: 'dnat'; match: ServiceMatch; endpoint: Endpoint; reason: string }
  | { kind: 'reject'; match: ServiceMatch; reason: string }
  | { kind: 'drop'; match: ServiceMatch; reason: string };

interface ProxyState {
  rr?: Record<string, number>;
  affinity?: Record<string, { ep: string; until: number }>;
  [k: string]: unknown;
}

/** Bounds on the persisted balancing state. */
const MAX_RR = 256;
const MAX_AFFINITY = 256;
const DEFAULT_AFFINITY_SECONDS = 10800;

const protoOf = (p: SvcPort): string => p.protocol ?? 'TCP';

export function nodeAddresses(node: KObject): string[] {
  return (node.status?.addresses ?? []).filter((a: { type: string }) => a.type === 'InternalIP' || a.type === 'ExternalIP').map((a: { address: string }) => a.address);
}

/** The Service (and port) a destination belongs to, from kube-proxy's point of view. */
export function findService(cluster: Cluster, dstIP: string, dstPort: number, proto: string): ServiceMatch | undefined {
  const services = cluster.list('services');
  for (const svc of services) {
    const spec = svc.spec ?? {};
    if (spec.type === 'ExternalName') continue;
    const ports: SvcPort[] = spec.ports ?? [];
    const ips: string[] = (spec.clusterIPs ?? [spec.clusterIP]).filter((ip: string | undefined) => ip && ip !== 'None');
    if (ips.includes(dstIP)) {
      return { svc, port: ports.find((p) => p.port === dstPort && protoOf(p) === proto), via: 'ClusterIP' };
    }
  }
  for (const svc of services) {
    const spec = svc.spec ?? {};
    const ports: SvcPort[] = spec.ports ?? [];
    if ((spec.externalIPs ?? []).includes(dstIP)) {
      const port = ports.find((p) => p.port === dstPort && protoOf(p) === proto);
      if (port) return { svc, port, via: 'ExternalIP' };
    }
    const lbIPs = (svc.status?.loadBalancer?.ingress ?? []).map((i: { ip?: string }) => i.ip).filter(Boolean);
    if (spec.type === 'LoadBalancer' && lbIPs.includes(dstIP)) {
      const port = ports.find((p) => p.port === dstPort && protoOf(p) === proto);
      if (port) return { svc, port, via: 'LoadBalancer' };
    }
  }
  const node = cluster.list('nodes').find((n) => nodeAddresses(n).includes(dstIP));
  if (node) {
    for (const svc of services) {
      const type = svc.spec?.type;
      if (type !== 'NodePort' && type !== 'LoadBalancer') continue;
      const port = (svc.spec.ports ?? []).find((p: SvcPort) => p.nodePort === dstPort && protoOf(p) === proto);
      if (port) return { svc, port, via: 'NodePort', node };
    }
  }
  return undefined;
}

/** The ready endpoints of a Service port (the Endpoints object's `addresses`), in address order. */
export function readyEndpoints(cluster: Cluster, svc: KObject, port: SvcPort): Endpoint[] {
  const ep = cluster.get('endpoints', svc.metadata.namespace, svc.metadata.name);
  const out: Endpoint[] = [];
  const seen = new Set<string>();
  for (const subset of ep?.subsets ?? []) {
    const epPort = (subset.ports ?? []).find(
      (p: { name?: string; protocol?: string }) => (p.name ?? '') === (port.name ?? '') && (p.protocol ?? 'TCP') === protoOf(port),
    );
    if (!epPort) continue;
    for (const a of subset.addresses ?? []) {
      const key = `${a.ip}:${epPort.port}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const e: Endpoint = { ip: a.ip, port: epPort.port };
      if (a.hostname) e.hostname = a.hostname;
      if (a.nodeName) e.nodeName = a.nodeName;
      if (a.targetRef?.kind === 'Pod') e.podRef = { namespace: a.targetRef.namespace ?? svc.metadata.namespace, name: a.targetRef.name };
      out.push(e);
    }
  }
  return out;
}

function proxyState(cluster: Cluster): ProxyState {
  return cluster.state.proxy as ProxyState;
}

const portKey = (svc: KObject, port: SvcPort) => `${svc.metadata.namespace}/${svc.metadata.name}:${port.name || port.port}/${protoOf(port)}`;
const epKey = (e: Endpoint) => `${e.ip}:${e.port}`;

function pruneAffinity(cluster: Cluster, table: Record<string, { ep: string; until: number }>): void {
  for (const [k, v] of Object.entries(table)) if (v.until <= cluster.now) delete table[k];
  // Room for one more entry.
  const keys = Object.keys(table);
  if (keys.length >= MAX_AFFINITY) {
    keys.sort((a, b) => table[a].until - table[b].until);
    for (const k of keys.slice(0, keys.length - MAX_AFFINITY + 1)) delete table[k];
  }
}

function pruneCursors(cluster: Cluster, rr: Record<string, number>): void {
  const keys = Object.keys(rr);
  if (keys.length <= MAX_RR) return;
  for (const k of keys) {
    const [nsName] = k.split(':');
    const [ns, name] = nsName.split('/');
    if (!cluster.get('services', ns, name)) delete rr[k];
  }
  const left = Object.keys(rr);
  for (const k of left.slice(0, Math.max(0, left.length - MAX_RR))) delete rr[k];
}

function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
  return `${n}${s}`;
}

export interface PickOptions {
  /** Choose without moving the round-robin cursor or touching the affinity table (lookups, DNS server checks). */
  peek?: boolean;
}

/**
 * Where kube-proxy's rules send a new connection from `srcIP` to `dstIP:dstPort`. Undefined when
 * the destination is no Service's (the packet is routed normally).
 */
export function route(cluster: Cluster, srcIP: string, dstIP: string, dstPort: number, proto: string, opts: PickOptions = {}): ProxyResult | undefined {
  const match = findService(cluster, dstIP, dstPort, proto);
  if (!match) return undefined;
  const { svc, port } = match;
  const name = `${svc.metadata.namespace}/${svc.metadata.name}`;
  if (!port) {
    const have = (svc.spec.ports ?? []).map((p: SvcPort) => `${p.port}/${protoOf(p)}`).join(', ') || 'none';
    return { kind: 'drop', match, reason: `Service ${name} has no port ${dstPort}/${proto} (its ports: ${have}); no iptables rule matches, the packet is dropped` };
  }
  let endpoints = readyEndpoints(cluster, svc, port);
  const portName = port.name ? ` "${port.name}"` : '';
  if (match.via === 'NodePort' || match.via === 'LoadBalancer') {
    if (svc.spec.externalTrafficPolicy === 'Local' && match.node) {
      const nodeName = match.node.metadata.name;
      endpoints = endpoints.filter((e) => e.nodeName === nodeName);
      if (!endpoints.length) {
        return { kind: 'drop', match, reason: `Service ${name} has externalTrafficPolicy Local and no ready endpoint on node ${nodeName}: the packet is dropped` };
      }
    }
  } else if (svc.spec.internalTrafficPolicy === 'Local') {
    const srcPod = cluster.list('pods').find((p) => p.status?.podIP === srcIP);
    const nodeName = srcPod?.spec?.nodeName;
    endpoints = endpoints.filter((e) => e.nodeName === nodeName);
    if (!endpoints.length) {
      return { kind: 'drop', match, reason: `Service ${name} has internalTrafficPolicy Local and no ready endpoint on node ${nodeName ?? '?'}: the packet is dropped` };
    }
  }
  if (!endpoints.length) {
    return { kind: 'reject', match, reason: `Service ${name} port${portName} ${port.port}/${protoOf(port)} has no ready endpoints: kube-proxy REJECTs (icmp port-unreachable)` };
  }
  const state = proxyState(cluster);
  const key = portKey(svc, port);
  const n = endpoints.length;

  // sessionAffinity: ClientIP
  if (svc.spec.sessionAffinity === 'ClientIP') {
    const timeout = svc.spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? DEFAULT_AFFINITY_SECONDS;
    const table = (state.affinity ??= {});
    if (!opts.peek) pruneAffinity(cluster, table);
    const akey = `${key}|${srcIP}`;
    const hit = table[akey];
    const pinned = hit && hit.until > cluster.now ? endpoints.find((e) => epKey(e) === hit.ep) : undefined;
    if (pinned) {
      const age = Math.round((cluster.now - (hit.until - timeout * 1000)) / 1000);
      if (!opts.peek) table[akey] = { ep: epKey(pinned), until: cluster.now + timeout * 1000 };
      return { kind: 'dnat', match, endpoint: pinned, reason: `sessionAffinity ClientIP: ${srcIP} is pinned to ${epKey(pinned)} (set ${age}s ago, timeout ${timeout}s)` };
    }
    const chosen = pick(cluster, key, endpoints, opts);
    if (!opts.peek) table[akey] = { ep: epKey(chosen.endpoint), until: cluster.now + timeout * 1000 };
    const why = hit ? `the pinned endpoint ${hit.ep} ${hit.until > cluster.now ? 'is no longer ready' : 'expired'}` : `no entry for ${srcIP} yet`;
    return { kind: 'dnat', match, endpoint: chosen.endpoint, reason: `sessionAffinity ClientIP: ${why}; ${chosen.reason}; ${srcIP} is now pinned for ${timeout}s` };
  }
  const chosen = pick(cluster, key, endpoints, opts);
  return { kind: 'dnat', match, endpoint: chosen.endpoint, reason: `${chosen.reason} (${n} ready endpoint${n === 1 ? '' : 's'})` };
}

function pick(cluster: Cluster, key: string, endpoints: Endpoint[], opts: PickOptions): { endpoint: Endpoint; reason: string } {
  const n = endpoints.length;
  const state = proxyState(cluster);
  if (cluster.state.cluster.proxyMode === 'random' && !opts.peek) {
    // The KUBE-SVC chain: rule i matches with probability 1/(n-i), the last one always.
    const draws: string[] = [];
    for (let i = 0; i < n - 1; i++) {
      const p = 1 / (n - i);
      const u = cluster.rand.int(1_000_000) / 1_000_000;
      const yes = u < p;
      draws.push(`rule ${i + 1} p=${p.toFixed(5)} draw=${u.toFixed(5)} ${yes ? 'match' : 'no'}`);
      if (yes) return { endpoint: endpoints[i], reason: `random (iptables statistic): ${draws.join(', ')} → ${ordinal(i + 1)} of ${n}` };
    }
    draws.push(`rule ${n} always`);
    return { endpoint: endpoints[n - 1], reason: `random (iptables statistic): ${draws.join(', ')} → ${ordinal(n)} of ${n}` };
  }
  const rr = (state.rr ??= {});
  const cursor = rr[key] ?? 0;
  const i = cursor % n;
  if (!opts.peek) {
    rr[key] = (i + 1) % n;
    pruneCursors(cluster, rr);
  }
  return { endpoint: endpoints[i], reason: `round-robin: position ${i + 1} of ${n} (next: ${((i + 1) % n) + 1})` };
}
