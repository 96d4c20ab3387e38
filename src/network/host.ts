// The user's machine, outside the cluster: the client of `kubesim curl`. It sits on the Docker
// network the nodes are on (its address there is the bridge gateway, 172.18.0.1), so it reaches
// the node IPs (NodePorts, hostPorts), LoadBalancer and external IPs, and the simulated internet;
// it has no route to the pod network (10.244.0.0/16) or the Service range (10.96.0.0/12), so
// ClusterIPs and pod IPs time out — the lesson of ClusterIP. `localhost` is the machine itself:
// in the docker-desktop profile LoadBalancer Services (EXTERNAL-IP localhost) and NodePorts are
// published there, as Docker Desktop's vpnkit does; in the other profiles nothing listens there
// (port-forward and tunnel open real sockets, which kubesim curl does not see).
// With `kubesim tunnel` running in the minikube profile the Service range is routed (as
// `minikube tunnel` does).
//
// Names: `localhost`, IP literals, curl --resolve, the hosts file (the real /etc/hosts, or the
// file named by $KUBESIM_HOSTS_FILE), node names (Docker's DNS), then the simulated internet.
import { readFileSync } from 'node:fs';
import type { KObject } from '../api/types.js';
import type { Cluster } from '../store/cluster.js';
import { nodeAddresses } from './proxy.js';
import { internetHost } from './internet.js';
import { isIPv4, type Trace } from './dns.js';

/** The host's address on the nodes' Docker network. */
export const HOST_IP = '172.18.0.1';

export function isLoopback(ip: string): boolean {
  return /^127\./.test(ip) || ip === '::1';
}

/** Entries of the hosts file the host resolver reads. */
export function hostsFile(): { ip: string; names: string[] }[] {
  const path = process.env.KUBESIM_HOSTS_FILE || '/etc/hosts';
  let text = '';
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return [];
  }
  const out: { ip: string; names: string[] }[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*/, '').trim();
    if (!line) continue;
    const [ip, ...names] = line.split(/\s+/);
    if (names.length) out.push({ ip, names: names.map((n) => n.toLowerCase()) });
  }
  return out;
}

/** Resolve a name on the host (IPv4 only; curl then connects to the first address). */
export function hostLookup(cluster: Cluster, name: string, trace?: Trace): string | undefined {
  const n = name.toLowerCase().replace(/\.$/, '');
  if (n === 'localhost' || n.endsWith('.localhost')) {
    trace?.(`host: ${name} → 127.0.0.1 (localhost)`);
    return '127.0.0.1';
  }
  const hit = hostsFile().find((e) => isIPv4(e.ip) && e.names.includes(n));
  if (hit) {
    trace?.(`host: ${name} → ${hit.ip} (${process.env.KUBESIM_HOSTS_FILE || '/etc/hosts'})`);
    return hit.ip;
  }
  const node = cluster.get('nodes', undefined, n);
  if (node) {
    const ip = nodeAddresses(node)[0];
    trace?.(`host: ${name} → ${ip} (Docker's DNS knows the node container)`);
    return ip;
  }
  const inet = internetHost(n);
  if (inet?.a.length) {
    trace?.(`host: ${name} → ${inet.a[0]} (the host's resolver)`);
    return inet.a[0];
  }
  trace?.(`host: ${name}: not in the hosts file, not a node, not on the simulated internet (NXDOMAIN)` + (/\.(local|test|example)$/.test(n) ? ` — map it with --resolve ${n}:PORT:ADDRESS or a line in the hosts file` : ''));
  return undefined;
}

export type HostPreroute =
  | { kind: 'pass' }
  | { kind: 'rewrite'; ip: string; port: number; svc?: KObject }
  | { kind: 'fail'; error: 'refused' | 'timeout'; reason: string };

function firstNodeIP(cluster: Cluster): string | undefined {
  const nodes = cluster.list('nodes');
  const cp = nodes.find((n) => n.metadata.name.endsWith('control-plane')) ?? nodes[0];
  return cp ? nodeAddresses(cp)[0] : undefined;
}

/** docker-desktop: the LoadBalancer Service (EXTERNAL-IP localhost) that has `port`. */
export function publishedOnLocalhost(cluster: Cluster, port: number): { svc: KObject; p: { port: number; nodePort?: number } } | undefined {
  if (cluster.state.cluster.profile !== 'docker-desktop') return undefined;
  for (const svc of cluster.list('services')) {
    if (svc.spec?.type !== 'LoadBalancer') continue;
    if (!(svc.status?.loadBalancer?.ingress ?? []).some((i: { hostname?: string }) => i.hostname === 'localhost')) continue;
    const p = (svc.spec.ports ?? []).find((x: { port: number; protocol?: string }) => x.port === port && (x.protocol ?? 'TCP') === 'TCP');
    if (p) return { svc, p };
  }
  return undefined;
}

/**
 * What the host's own network stack does with a destination before it reaches the Docker network:
 * loopback ports published by Docker Desktop, no route to the cluster's internal ranges.
 */
export function hostPreroute(cluster: Cluster, dstIP: string, dstPort: number, trace?: Trace): HostPreroute {
  const profile = cluster.state.cluster.profile;
  if (isLoopback(dstIP)) {
    if (profile === 'docker-desktop') {
      const nodeIP = firstNodeIP(cluster);
      const services = cluster.list('services');
      const lb = publishedOnLocalhost(cluster, dstPort);
      if (lb) {
        const { svc, p } = lb;
        trace?.(`host: localhost:${dstPort} is published by Docker Desktop for LoadBalancer Service ${svc.metadata.namespace}/${svc.metadata.name}`);
        if (p.nodePort && nodeIP) return { kind: 'rewrite', ip: nodeIP, port: p.nodePort, svc };
        return { kind: 'rewrite', ip: svc.spec.clusterIP, port: p.port, svc };
      }
      for (const svc of services) {
        const t = svc.spec?.type;
        if ((t !== 'NodePort' && t !== 'LoadBalancer') || !nodeIP) continue;
        if ((svc.spec.ports ?? []).some((x: { nodePort?: number }) => x.nodePort === dstPort)) {
          trace?.(`host: localhost:${dstPort} is the NodePort of Service ${svc.metadata.namespace}/${svc.metadata.name} (Docker Desktop publishes NodePorts on localhost)`);
          return { kind: 'rewrite', ip: nodeIP, port: dstPort, svc };
        }
      }
    }
    const hint =
      profile === 'docker-desktop'
        ? 'no LoadBalancer Service has this port and no NodePort Service has this node port'
        : `in the ${profile} profile nothing is published on localhost: use a node IP and the NodePort, or \`kubesim port-forward\` / \`kubesim tunnel\``;
    const reason = `nothing listens on ${dstIP}:${dstPort} on your machine (${hint})`;
    trace?.(`host: ${reason} → RST (connection refused)`);
    return { kind: 'fail', error: 'refused', reason };
  }
  if (/^10\.244\./.test(dstIP)) {
    const reason = `${dstIP} is in the pod network: it is routed only between the nodes, your machine has no route to it; the SYN leaves by the default gateway and is lost`;
    trace?.(`host: ${reason}`);
    return { kind: 'fail', error: 'timeout', reason };
  }
  if (/^10\.(9[6-9]|1[01][0-9])\./.test(dstIP)) {
    if (profile === 'minikube' && cluster.state.proxy.tunnel) {
      trace?.(`host: ${dstIP} is in the Service range, routed to the node by \`kubesim tunnel\``);
      return { kind: 'pass' };
    }
    const svc = cluster.list('services').find((s) => (s.spec?.clusterIPs ?? [s.spec?.clusterIP]).includes(dstIP));
    const what = svc ? `the ClusterIP of Service ${svc.metadata.namespace}/${svc.metadata.name}` : 'in the Service range';
    const reason = `${dstIP} is ${what}: it exists only in kube-proxy's rules on the nodes, your machine has no route to it; the SYN leaves by the default gateway and is lost`;
    trace?.(`host: ${reason}`);
    return { kind: 'fail', error: 'timeout', reason };
  }
  return { kind: 'pass' };
}
