// What the API server itself keeps in place: the `kubernetes` Service in `default` (10.96.0.1,
// https 443 → 6443) with its Endpoints and EndpointSlice pointing at the control-plane node.
// Deleting it (`kubectl delete svc --all`) only brings it back, as on a real cluster.
import type { KObject } from '../api/types.js';
import type { Cluster } from '../store/cluster.js';

export function controlPlaneIP(cluster: Cluster): string {
  const cp = cluster.list('nodes').find((n) => n.metadata.labels?.['node-role.kubernetes.io/control-plane'] !== undefined) ?? cluster.list('nodes')[0];
  return (cp?.status?.addresses ?? []).find((a: { type: string }) => a.type === 'InternalIP')?.address ?? '172.18.0.2';
}

export function reconcileApiServer(cluster: Cluster): boolean {
  let changed = false;
  if (!cluster.get('namespaces', undefined, 'default')) return false;
  const ip = controlPlaneIP(cluster);
  if (!cluster.get('services', 'default', 'kubernetes')) {
    const svc: KObject = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
      spec: {
        clusterIP: '10.96.0.1',
        clusterIPs: ['10.96.0.1'],
        internalTrafficPolicy: 'Cluster',
        ipFamilies: ['IPv4'],
        ipFamilyPolicy: 'SingleStack',
        ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }],
        sessionAffinity: 'None',
        type: 'ClusterIP',
      },
      status: { loadBalancer: {} },
    };
    cluster.create(svc);
    changed = true;
  }
  const ep = cluster.get('endpoints', 'default', 'kubernetes');
  if (!ep) {
    cluster.create({
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name: 'kubernetes', namespace: 'default', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } },
      subsets: [{ addresses: [{ ip }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }],
    });
    changed = true;
  }
  if (!cluster.get('endpointslices', 'default', 'kubernetes')) {
    cluster.create({
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name: 'kubernetes', namespace: 'default', labels: { 'kubernetes.io/service-name': 'kubernetes' } },
      addressType: 'IPv4',
      endpoints: [{ addresses: [ip], conditions: { ready: true } }],
      ports: [{ name: 'https', port: 6443, protocol: 'TCP' }],
    });
    changed = true;
  }
  return changed;
}
