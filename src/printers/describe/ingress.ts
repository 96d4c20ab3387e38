// describeIngressV1 (reference §16.5): address, class, default backend, TLS, the rules table
// with each backend's ready endpoints, annotations (after the rules) and events.
import type { ClusterView, KObject } from '../../api/types.js';
import { describeEvents } from './events.js';
import { type Any, byteCompare, printAnnotationsMultiline, printLabelsMultiline } from './format.js';
import { formatEndpointSlices, slicesForService } from './slices.js';
import { LEVEL_0, LEVEL_1, LEVEL_2, tabbedString } from './writer.js';

/** serviceBackendStringer: `name:port` (number, or port name when the number is 0). */
const serviceBackend = (b: Any): string => `${b.name ?? ''}:${b.port?.number ? b.port.number : (b.port?.name ?? '')}`;

function describeBackend(view: ClusterView, ns: string, backend: Any): string {
  if (backend.service) {
    const b = backend.service;
    const sb = serviceBackend(b);
    const svc: Any = view.get('services', ns, b.name ?? '');
    if (!svc) return `${sb} (<error: services "${b.name ?? ''}" not found>)`;
    const slices = slicesForService(view, ns, b.name ?? '');
    let spName = '';
    for (const sp of svc.spec?.ports ?? []) {
      if (b.port?.number && b.port.number === sp.port) spName = sp.name ?? '';
      else if (b.port?.name && b.port.name === sp.name) spName = sp.name ?? '';
    }
    return `${sb} (${formatEndpointSlices(slices, new Set([spName]))})`;
  }
  if (backend.resource) {
    const r = backend.resource;
    const group = r.apiGroup === undefined || r.apiGroup === null ? '<none>' : r.apiGroup;
    return `APIGroup: ${group}, Kind: ${r.kind ?? ''}, Name: ${r.name ?? ''}`;
  }
  return '';
}

/** ingressLoadBalancerStatusStringerV1(wide): the sorted set of IPs / hostnames. */
function address(ing: Any): string {
  const set = new Set<string>();
  for (const i of ing.status?.loadBalancer?.ingress ?? []) {
    if (i.ip) set.add(i.ip);
    else if (i.hostname) set.add(i.hostname);
  }
  return [...set].sort(byteCompare).join(',');
}

export function describeIngress(obj: KObject, view: ClusterView): string {
  const ing: Any = obj;
  const spec = ing.spec ?? {};
  const ns = ing.metadata.namespace ?? '';
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ing.metadata.name}\n`);
    printLabelsMultiline(w, 'Labels', ing.metadata.labels);
    w.write(LEVEL_0, `Namespace:\t${ns}\n`);
    w.write(LEVEL_0, `Address:\t${address(ing)}\n`);
    w.write(LEVEL_0, `Ingress Class:\t${spec.ingressClassName ?? '<none>'}\n`);
    const def = spec.defaultBackend ? describeBackend(view, ns, spec.defaultBackend) : '<default>';
    w.write(LEVEL_0, `Default backend:\t${def}\n`);
    if ((spec.tls ?? []).length > 0) {
      w.write(LEVEL_0, 'TLS:\n');
      for (const t of spec.tls) {
        const hosts = (t.hosts ?? []).join(',');
        if (!t.secretName) w.write(LEVEL_1, `SNI routes ${hosts}\n`);
        else w.write(LEVEL_1, `${t.secretName} terminates ${hosts}\n`);
      }
    }
    w.write(LEVEL_0, 'Rules:\n  Host\tPath\tBackends\n');
    w.write(LEVEL_1, '----\t----\t--------\n');
    let count = 0;
    for (const rule of spec.rules ?? []) {
      if (!rule.http) continue;
      count++;
      w.write(LEVEL_1, `${rule.host ? rule.host : '*'}\t\n`);
      for (const path of rule.http.paths ?? []) w.write(LEVEL_2, `\t${path.path ?? ''} \t${describeBackend(view, ns, path.backend ?? {})}\n`);
    }
    if (count === 0) w.write(LEVEL_1, `*\t*\t${def}\n`);
    printAnnotationsMultiline(w, 'Annotations', ing.metadata.annotations);
    describeEvents(view.eventsFor(obj), w, view.now);
  });
}
