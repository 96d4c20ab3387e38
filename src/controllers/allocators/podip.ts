// Pod IPs: each node owns a /24 of the pod CIDR (10.244.N.0/24) and hands addresses out like
// host-local IPAM: walking forward from the last one given, skipping those in use, wrapping at
// the end, so a replaced pod gets a new IP.
import type { Cluster } from '../../store/cluster.js';
import type { KObject } from '../../api/types.js';

/**
 * The pod IPs in use, gathered once per command (a big apply starts thousands of pods) and kept
 * up to date with what this allocator hands out. An IP freed during the command stays taken
 * until the next one, which the forward walk would skip anyway.
 */
const inUse = new WeakMap<Cluster, Set<string>>();

function usedIPs(cluster: Cluster): Set<string> {
  let used = inUse.get(cluster);
  if (!used) {
    used = new Set<string>();
    for (const p of cluster.list('pods')) if (p.status?.podIP && !p.spec?.hostNetwork) used.add(p.status.podIP);
    inUse.set(cluster, used);
  }
  return used;
}

export function allocatePodIP(cluster: Cluster, node: KObject): string | undefined {
  const cidr: string = node.spec?.podCIDR ?? '10.244.0.0/24';
  const prefix = cidr.split('/')[0].split('.').slice(0, 3).join('.');
  const used = usedIPs(cluster);
  const name = node.metadata.name;
  const last = cluster.state.ipam[name] ?? 1;
  for (let i = 1; i <= 253; i++) {
    const host = ((last - 2 + i) % 253) + 2; // 2..254
    const ip = `${prefix}.${host}`;
    if (!used.has(ip)) {
      cluster.state.ipam[name] = host;
      used.add(ip);
      return ip;
    }
  }
  return undefined;
}
