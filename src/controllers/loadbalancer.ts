// The cloud provider's service controller, per cluster profile: what a LoadBalancer Service gets
// as its external address. docker-desktop: `localhost` (a second LoadBalancer on a port already
// taken stays <pending>, as Docker Desktop's vpnkit does); kind and minikube (without a tunnel):
// nothing, <pending> forever; cloud: an address from a pool.
import type { KObject } from '../api/types.js';
import type { Cluster } from '../store/cluster.js';
import { same } from './util.js';

function ingressFor(cluster: Cluster, svc: KObject, taken: Set<number>): unknown[] {
  const profile = cluster.state.cluster.profile;
  if (profile === 'docker-desktop') {
    const ports: number[] = (svc.spec.ports ?? []).map((p: { port: number }) => p.port);
    if (ports.some((p) => taken.has(p))) return [];
    ports.forEach((p) => taken.add(p));
    return [{ hostname: 'localhost' }];
  }
  if (profile === 'cloud' || (profile === 'minikube' && cluster.state.proxy.tunnel)) {
    const existing = svc.status?.loadBalancer?.ingress?.[0]?.ip;
    if (existing) return [{ ip: existing, ipMode: 'VIP' }];
    const used = new Set(cluster.list('services').map((s) => s.status?.loadBalancer?.ingress?.[0]?.ip).filter(Boolean));
    const base = profile === 'cloud' ? '203.0.113.' : '10.96.';
    // The pool starts at .100: 203.0.113.10-99 are the simulated internet's (api.somecompany.com).
    for (let i = 100; i < 250; i++) {
      const ip = profile === 'cloud' ? `${base}${i}` : svc.spec.clusterIP;
      if (!used.has(ip)) return [{ ip, ipMode: 'VIP' }];
    }
  }
  return [];
}

export function reconcileLoadBalancers(cluster: Cluster): boolean {
  let changed = false;
  const taken = new Set<number>();
  const lbs = cluster.list('services').filter((s) => s.spec?.type === 'LoadBalancer');
  // Older services keep their ports first.
  lbs.sort((a, b) => (a.metadata.creationTimestamp! < b.metadata.creationTimestamp! ? -1 : a.metadata.creationTimestamp! > b.metadata.creationTimestamp! ? 1 : 0));
  const others = cluster.list('services').filter((s) => s.spec?.type !== 'LoadBalancer');
  for (const svc of [...lbs, ...others]) {
    const lb = svc.spec?.type === 'LoadBalancer';
    const ingress = lb ? ingressFor(cluster, svc, taken) : [];
    const status = ingress.length ? { loadBalancer: { ingress } } : { loadBalancer: {} };
    if (!same(status, svc.status)) {
      svc.status = status;
      cluster.update(svc, { specChanged: false });
      changed = true;
    }
  }
  return changed;
}
