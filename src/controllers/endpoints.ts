// Endpoints and EndpointSlice controllers (reference §12): for every Service with a selector, the
// pods it picks — ready ones in `addresses`, others in `notReadyAddresses` (all ready with
// publishNotReadyAddresses) — with named targetPorts resolved per pod. Selector-less Services keep
// whatever Endpoints the user wrote. Objects are only rewritten when their content changes.
import type { KObject } from '../api/types.js';
import type { Cluster } from '../store/cluster.js';
import { fromMap, matches } from '../api/labels.js';
import { createObject } from '../api/server.js';
import { controllerRef, podIsReady, podIsTerminal, same } from './util.js';

interface SvcPort {
  name?: string;
  port: number;
  targetPort?: number | string;
  protocol?: string;
}

interface Backend {
  pod: KObject;
  ready: boolean;
  ports: { name?: string; port: number; protocol: string }[];
}

const TRIGGER = 'endpoints.kubernetes.io/last-change-trigger-time';

function resolvePort(pod: KObject, sp: SvcPort): number | undefined {
  const tp = sp.targetPort ?? sp.port;
  if (typeof tp === 'number') return tp;
  if (/^\d+$/.test(tp)) return Number(tp);
  for (const c of pod.spec?.containers ?? []) {
    for (const p of c.ports ?? []) {
      if (p.name === tp && (p.protocol ?? 'TCP') === (sp.protocol ?? 'TCP')) return p.containerPort;
    }
  }
  return undefined;
}

/** Pods of each namespace by `key=value` label, so a Service looks only at likely pods. */
type LabelIndex = Map<string, Map<string, KObject[]>>;

function labelIndex(cluster: Cluster): LabelIndex {
  const ix: LabelIndex = new Map();
  for (const pod of cluster.list('pods')) {
    let byLabel = ix.get(pod.metadata.namespace!);
    if (!byLabel) ix.set(pod.metadata.namespace!, (byLabel = new Map()));
    for (const [k, v] of Object.entries(pod.metadata.labels ?? {})) {
      const key = `${k}=${v}`;
      let arr = byLabel.get(key);
      if (!arr) byLabel.set(key, (arr = []));
      arr.push(pod);
    }
  }
  return ix;
}

function backendsOf(cluster: Cluster, svc: KObject, ix: LabelIndex): Backend[] {
  const sel = fromMap(svc.spec.selector);
  const publish = !!svc.spec.publishNotReadyAddresses;
  const out: Backend[] = [];
  const first = sel[0];
  const candidates = first ? (ix.get(svc.metadata.namespace!)?.get(`${first.key}=${first.values[0]}`) ?? []) : cluster.list('pods', svc.metadata.namespace);
  for (const pod of candidates) {
    if (!matches(sel, pod.metadata.labels)) continue;
    if (podIsTerminal(pod) || !pod.status?.podIP) continue;
    if (pod.metadata.deletionTimestamp && !publish) continue;
    const ports: Backend['ports'] = [];
    for (const sp of (svc.spec.ports ?? []) as SvcPort[]) {
      const port = resolvePort(pod, sp);
      if (port !== undefined) ports.push({ ...(sp.name ? { name: sp.name } : {}), port, protocol: sp.protocol ?? 'TCP' });
    }
    if ((svc.spec.ports ?? []).length && !ports.length) continue;
    out.push({ pod, ready: publish || podIsReady(pod), ports });
  }
  return out;
}

const ipCompare = (a: { ip: string }, b: { ip: string }) => (a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : 0);

function address(pod: KObject, svc: KObject): Record<string, unknown> {
  const a: Record<string, unknown> = { ip: pod.status.podIP };
  if (pod.spec?.hostname && pod.spec?.subdomain === svc.metadata.name) a.hostname = pod.spec.hostname;
  if (pod.spec?.nodeName) a.nodeName = pod.spec.nodeName;
  a.targetRef = { kind: 'Pod', name: pod.metadata.name, namespace: pod.metadata.namespace, uid: pod.metadata.uid };
  return a;
}

function subsetsOf(svc: KObject, backends: Backend[]): Record<string, unknown>[] {
  const groups = new Map<string, { ports: Backend['ports']; ready: Record<string, unknown>[]; notReady: Record<string, unknown>[] }>();
  for (const b of backends) {
    const key = JSON.stringify(b.ports);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { ports: b.ports, ready: [], notReady: [] }));
    (b.ready ? g.ready : g.notReady).push(address(b.pod, svc));
  }
  return [...groups.values()].map((g) => {
    const s: Record<string, unknown> = {};
    if (g.ready.length) s.addresses = g.ready.sort(ipCompare as never);
    if (g.notReady.length) s.notReadyAddresses = g.notReady.sort(ipCompare as never);
    if (g.ports.length) s.ports = g.ports;
    return s;
  });
}

function serviceLabels(svc: KObject): Record<string, string> {
  const labels: Record<string, string> = { ...(svc.metadata.labels ?? {}) };
  if (svc.spec.clusterIP === 'None') labels['service.kubernetes.io/headless'] = '';
  return labels;
}

function syncEndpoints(cluster: Cluster, svc: KObject, backends: Backend[]): boolean {
  const ns = svc.metadata.namespace;
  const subsets = subsetsOf(svc, backends);
  const labels = serviceLabels(svc);
  const live = cluster.get('endpoints', ns, svc.metadata.name);
  if (live && same(live.subsets ?? [], subsets) && same(live.metadata.labels ?? {}, labels)) return false;
  const ep: KObject = {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: { name: svc.metadata.name, namespace: ns, labels, annotations: { [TRIGGER]: cluster.timestamp } },
  };
  if (!Object.keys(labels).length) delete ep.metadata.labels;
  if (subsets.length) ep.subsets = subsets;
  if (live) {
    ep.metadata = { ...live.metadata, labels: ep.metadata.labels, annotations: { ...(live.metadata.annotations ?? {}), [TRIGGER]: cluster.timestamp } };
    if (!ep.metadata.labels) delete ep.metadata.labels;
    cluster.update(ep);
  } else {
    cluster.create(ep);
  }
  return true;
}

function syncSlice(cluster: Cluster, svc: KObject, backends: Backend[]): boolean {
  const ns = svc.metadata.namespace;
  const slices = cluster.list('endpointslices', ns).filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === svc.metadata.name && s.metadata.labels?.['endpointslice.kubernetes.io/managed-by'] === 'endpointslice-controller.k8s.io');
  const portsSeen = backends[0]?.ports ?? [];
  const ports = backends.length
    ? portsSeen.map((p) => ({ name: p.name ?? '', port: p.port, protocol: p.protocol }))
    : null;
  const endpoints = backends.length
    ? [...backends]
        .sort((a, b) => ipCompare({ ip: a.pod.status.podIP }, { ip: b.pod.status.podIP }))
        .map((b) => {
          const e: Record<string, unknown> = {
            addresses: [b.pod.status.podIP],
            conditions: { ready: b.ready, serving: b.ready, terminating: false },
          };
          const a = address(b.pod, svc);
          if (a.hostname) e.hostname = a.hostname;
          if (b.pod.spec?.nodeName) e.nodeName = b.pod.spec.nodeName;
          e.targetRef = a.targetRef;
          return e;
        })
    : null;
  const labels = {
    ...serviceLabels(svc),
    'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
    'kubernetes.io/service-name': svc.metadata.name,
  };
  const live = slices[0];
  for (const extra of slices.slice(1)) cluster.remove('endpointslices', ns, extra.metadata.name);
  if (live && same(live.endpoints, endpoints) && same(live.ports, ports) && same(live.metadata.labels, labels)) return slices.length > 1;
  const slice: KObject = {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: live
      ? { ...live.metadata, labels, annotations: { ...(live.metadata.annotations ?? {}), [TRIGGER]: cluster.timestamp } }
      : { name: '', generateName: `${svc.metadata.name}-`, namespace: ns, labels, annotations: { [TRIGGER]: cluster.timestamp }, ownerReferences: [controllerRef(svc)] },
    addressType: 'IPv4',
    endpoints,
    ports,
  };
  if (live) cluster.update(slice);
  else cluster.create(slice);
  return true;
}

export function reconcileEndpoints(cluster: Cluster): boolean {
  let changed = false;
  let ix: LabelIndex | undefined;
  for (const svc of cluster.list('services')) {
    if (!svc.spec?.selector || svc.spec.type === 'ExternalName') continue;
    ix ??= labelIndex(cluster);
    const backends = backendsOf(cluster, svc, ix);
    if (syncEndpoints(cluster, svc, backends)) changed = true;
    if (syncSlice(cluster, svc, backends)) changed = true;
  }
  // Controller-managed Endpoints of Services that no longer exist go with them.
  for (const ep of cluster.list('endpoints')) {
    const svc = cluster.get('services', ep.metadata.namespace, ep.metadata.name);
    if (!svc && ep.metadata.annotations?.[TRIGGER]) {
      cluster.remove('endpoints', ep.metadata.namespace, ep.metadata.name);
      changed = true;
    }
  }
  return changed;
}

export { createObject };
