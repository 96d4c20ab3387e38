// formatEndpointSlices from describe.go: the ready endpoints of a Service's EndpointSlices as
// `ip:port,...`, at most 3 followed by ` + N more...`; `<none>` when there is no slice at all.
import type { ClusterView, KObject } from '../../api/types.js';
import { type Any, joinHostPort } from './format.js';

/** EndpointSlices labelled kubernetes.io/service-name=<service> (in API list order). */
export function slicesForService(view: ClusterView, namespace: string, service: string): KObject[] {
  let all: KObject[] = [];
  try {
    all = view.list('endpointslices', namespace);
  } catch {
    return [];
  }
  return all.filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === service);
}

/** `portNames` null means every port. */
export function formatEndpointSlices(slices: KObject[], portNames: Set<string> | null): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  const isReady = (ep: Any): boolean => ep.conditions?.ready === undefined || ep.conditions?.ready === null || ep.conditions.ready === true;
  for (const slice of slices as Any[]) {
    const endpoints: Any[] = slice.endpoints ?? [];
    const ports: Any[] = slice.ports ?? [];
    if (ports.length === 0) {
      for (const ep of endpoints) {
        if (list.length === max) more = true;
        if (!isReady(ep)) continue;
        if (!more) list.push(ep.addresses?.[0] ?? '');
        count++;
      }
    } else {
      for (const port of ports) {
        if (portNames !== null && !portNames.has(port.name ?? '')) continue;
        for (const ep of endpoints) {
          if (list.length === max) more = true;
          if (!isReady(ep)) continue;
          if (!more) list.push(joinHostPort(ep.addresses?.[0] ?? '', port.port ?? 0));
          count++;
        }
      }
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - max} more...` : ret;
}
