// NodePort allocator (reference §9.2): 30000-32767, random, the first 86 kept for explicit requests.
import type { Cluster } from '../../store/cluster.js';
import type { FieldError } from '../../util/errors.js';
import type { KObject } from '../../api/types.js';

export function nodePortsInUse(cluster: Cluster, exceptUid?: string): Set<number> {
  const used = new Set<number>();
  for (const svc of cluster.list('services')) {
    if (exceptUid && svc.metadata.uid === exceptUid) continue;
    for (const p of svc.spec?.ports ?? []) if (p.nodePort) used.add(p.nodePort);
    if (svc.spec?.healthCheckNodePort) used.add(svc.spec.healthCheckNodePort);
  }
  return used;
}

/**
 * Give every port of a NodePort/LoadBalancer Service a nodePort, honouring explicit ones.
 * `keep` maps port index → nodePort the Service already held (on update).
 */
export function allocateNodePorts(cluster: Cluster, svc: KObject, exceptUid?: string): FieldError[] {
  const [lo, hi] = cluster.state.cluster.nodePortRange;
  const used = nodePortsInUse(cluster, exceptUid);
  const errors: FieldError[] = [];
  const ports: { nodePort?: number }[] = svc.spec.ports ?? [];
  const wantsNodePorts = svc.spec.type === 'NodePort' || (svc.spec.type === 'LoadBalancer' && svc.spec.allocateLoadBalancerNodePorts !== false);
  ports.forEach((p, i) => {
    if (!p.nodePort) return;
    if (p.nodePort < lo || p.nodePort > hi) {
      errors.push({ field: `spec.ports[${i}].nodePort`, type: 'Invalid value', value: p.nodePort, detail: `provided port is not in the valid range. The range of valid ports is ${lo}-${hi}` });
    } else if (used.has(p.nodePort)) {
      errors.push({ field: `spec.ports[${i}].nodePort`, type: 'Invalid value', value: p.nodePort, detail: 'provided port is already allocated' });
    } else {
      used.add(p.nodePort);
    }
  });
  if (errors.length || !wantsNodePorts) return errors;
  const size = hi - lo + 1;
  const reserved = Math.min(Math.max(16, Math.floor(size / 32)), 128);
  for (const p of ports) {
    if (p.nodePort) continue;
    const pick = (from: number, to: number): number | undefined => {
      const span = to - from;
      const start = cluster.rand.int(span);
      for (let i = 0; i < span; i++) {
        const cand = lo + from + ((start + i) % span);
        if (!used.has(cand)) return cand;
      }
      return undefined;
    };
    const port = pick(reserved, size) ?? pick(0, reserved);
    if (port === undefined) {
      errors.push({ field: 'spec.ports', type: 'Internal error', detail: 'range is full' });
      break;
    }
    p.nodePort = port;
    used.add(port);
  }
  return errors;
}
