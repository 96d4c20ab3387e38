// printService (reference §3.2). The API server renders table cells with Wide: true, so the
// 16-character cut of load-balancer addresses in loadBalancerStatusStringer never applies to
// `kubectl get` output.
import type { Service, ServicePort } from 'kubernetes-types/core/v1.js';
import { NONE, formatLabels, loadBalancerIngress, since } from './format.js';
import { ageCol, col, nameCol, type TablePrinter } from './types.js';

export function clusterIPs(svc: Service): string[] {
  const spec = svc.spec ?? {};
  if (spec.clusterIPs && spec.clusterIPs.length > 0) return spec.clusterIPs;
  return spec.clusterIP ? [spec.clusterIP] : [];
}

export function externalIP(svc: Service): string {
  const spec = svc.spec ?? {};
  const externalIPs = spec.externalIPs ?? [];
  switch (spec.type ?? 'ClusterIP') {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length > 0 ? externalIPs.join(',') : NONE;
    case 'LoadBalancer': {
      const lb = loadBalancerIngress(svc.status?.loadBalancer?.ingress);
      if (externalIPs.length > 0) return [...(lb ? lb.split(',') : []), ...externalIPs].join(',');
      return lb || '<pending>';
    }
    case 'ExternalName':
      return spec.externalName ?? '';
    default:
      return '<unknown>';
  }
}

/** makePortString: `80/TCP`, `80:30080/TCP`, joined by `,`. */
export function portString(ports: ServicePort[] | undefined): string {
  return (ports ?? [])
    .map((p) => (p.nodePort && p.nodePort > 0 ? `${p.port}:${p.nodePort}/${p.protocol ?? 'TCP'}` : `${p.port}/${p.protocol ?? 'TCP'}`))
    .join(',');
}

export const services: TablePrinter = {
  columns: [nameCol, col('Type'), col('Cluster-IP'), col('External-IP'), col('Port(s)'), ageCol, col('Selector', 1)],
  row(obj, view) {
    const svc = obj as Service;
    return [
      obj.metadata.name,
      svc.spec?.type ?? 'ClusterIP',
      clusterIPs(svc)[0] ?? NONE,
      externalIP(svc),
      portString(svc.spec?.ports) || NONE,
      since(obj.metadata.creationTimestamp, view.now),
      formatLabels(svc.spec?.selector),
    ];
  },
};
