// The environment the kubelet gives a container when it starts (reference §14): the spec's
// env/envFrom (values, $(VAR) references, fieldRef, resourceFieldRef, configMapKeyRef,
// secretKeyRef) and the Service variables of the Services that exist at that moment (pod's
// namespace when enableServiceLinks, plus `kubernetes` from default). Image env, HOSTNAME and
// HOME are added by the runtime (container.ts). Kept small: the kubelet imports it at start-up.
import type { KObject } from '../api/types.js';
import type { ClusterView } from '../api/types.js';
import { quantityNano } from '../api/defaults/quantity.js';

export type EnvList = [string, string][];

const MASTER_SERVICES = ['kubernetes'];

function envName(s: string): string {
  return s.toUpperCase().replace(/-/g, '_');
}

function ipHost(ip: string): string {
  return ip.includes(':') ? `[${ip}]` : ip;
}

/** The variables for one Service, in the order FromServices writes them. */
export function serviceVariables(svc: KObject): EnvList {
  const name = envName(svc.metadata.name);
  const ip: string = svc.spec.clusterIP;
  const ports: { name?: string; port: number; protocol?: string }[] = svc.spec.ports ?? [];
  const out: EnvList = [[`${name}_SERVICE_HOST`, ip]];
  if (!ports.length) return out;
  out.push([`${name}_SERVICE_PORT`, String(ports[0].port)]);
  for (const p of ports) if (p.name) out.push([`${name}_SERVICE_PORT_${envName(p.name)}`, String(p.port)]);
  const proto0 = (ports[0].protocol ?? 'TCP').toLowerCase();
  out.push([`${name}_PORT`, `${proto0}://${ipHost(ip)}:${ports[0].port}`]);
  for (const p of ports) {
    const proto = (p.protocol ?? 'TCP').toUpperCase();
    const prefix = `${name}_PORT_${p.port}_${proto}`;
    out.push([prefix, `${proto.toLowerCase()}://${ipHost(ip)}:${p.port}`]);
    out.push([`${prefix}_PROTO`, proto.toLowerCase()]);
    out.push([`${prefix}_PORT`, String(p.port)]);
    out.push([`${prefix}_ADDR`, ip]);
  }
  return out;
}

function ipSet(svc: KObject): boolean {
  const ip = svc.spec?.clusterIP;
  return !!ip && ip !== 'None';
}

/**
 * Service variables a container starting now in `pod` gets (kubelet getServiceEnvVarMap). The
 * same list (the same array) while the Services do not change, when the cluster can say so.
 */
export function serviceEnv(cluster: ClusterView, pod: KObject): EnvList {
  const ns = pod.metadata.namespace ?? 'default';
  const links = pod.spec?.enableServiceLinks !== false;
  const rev = (cluster as { revision?: (plural: string) => number }).revision?.('services');
  if (rev === undefined) return computeServiceEnv(cluster, ns, links);
  let memo = memos.get(cluster);
  if (!memo || memo.rev !== rev) memos.set(cluster, (memo = { rev, lists: new Map() }));
  const key = `${ns}|${links}`;
  let list = memo.lists.get(key);
  if (!list) memo.lists.set(key, (list = computeServiceEnv(cluster, ns, links)));
  return list;
}

const memos = new WeakMap<object, { rev: number; lists: Map<string, EnvList> }>();

function computeServiceEnv(cluster: ClusterView, ns: string, links: boolean): EnvList {
  const byName = new Map<string, KObject>();
  for (const s of cluster.list('services', ns)) {
    if (!ipSet(s) || !links) continue;
    byName.set(s.metadata.name, s);
  }
  for (const m of MASTER_SERVICES) {
    if (byName.has(m)) continue;
    const s = cluster.get('services', 'default', m);
    if (s && ipSet(s)) byName.set(m, s);
  }
  const out: EnvList = [];
  for (const name of [...byName.keys()].sort()) out.push(...serviceVariables(byName.get(name)!));
  return out;
}

/** `$(VAR)` references in env values (kubelet third_party/forked/golang/expansion). `$$` escapes. */
export function expandRefs(value: string, lookup: (name: string) => string | undefined): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c !== '$' || i === value.length - 1) {
      out += c;
      continue;
    }
    const n = value[i + 1];
    if (n === '$') {
      out += '$';
      i++;
      continue;
    }
    if (n === '(') {
      const end = value.indexOf(')', i + 2);
      if (end < 0) {
        out += value.slice(i);
        break;
      }
      const name = value.slice(i + 2, end);
      const v = lookup(name);
      out += v === undefined ? `$(${name})` : v;
      i = end;
      continue;
    }
    out += c;
  }
  return out;
}

function fieldValue(pod: KObject, path: string): string {
  const m = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(path);
  if (m) return pod.metadata[m[1]]?.[m[2]] ?? '';
  switch (path) {
    case 'metadata.name':
      return pod.metadata.name;
    case 'metadata.namespace':
      return pod.metadata.namespace ?? 'default';
    case 'metadata.uid':
      return pod.metadata.uid ?? '';
    case 'metadata.labels':
    case 'metadata.annotations':
      return Object.entries((pod.metadata[path.split('.')[1]] ?? {}) as Record<string, string>)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => `${k}="${v}"`)
        .join('\n');
    case 'spec.nodeName':
      return pod.spec?.nodeName ?? '';
    case 'spec.serviceAccountName':
      return pod.spec?.serviceAccountName ?? 'default';
    case 'status.hostIP':
      return pod.status?.hostIP ?? '';
    case 'status.hostIPs':
      return (pod.status?.hostIPs ?? []).map((x: { ip: string }) => x.ip).join(',');
    case 'status.podIP':
      return pod.status?.podIP ?? '';
    case 'status.podIPs':
      return (pod.status?.podIPs ?? []).map((x: { ip: string }) => x.ip).join(',');
  }
  return '';
}

function resourceValue(cluster: ClusterView, pod: KObject, container: KObject['spec'], ref: { containerName?: string; resource: string; divisor?: string | number }): string {
  const c = ref.containerName ? (pod.spec.containers ?? []).find((x: { name: string }) => x.name === ref.containerName) ?? container : container;
  const [kind, res] = ref.resource.split('.');
  let q = c?.resources?.[kind]?.[res];
  if (q === undefined && kind === 'requests') q = c?.resources?.limits?.[res];
  if (q === undefined) {
    if (kind === 'requests' && res === 'cpu') return '0';
    const node = pod.spec?.nodeName ? cluster.get('nodes', undefined, pod.spec.nodeName) : undefined;
    q = node?.status?.allocatable?.[res] ?? (res === 'cpu' ? '8' : '16Gi');
  }
  const nano = quantityNano(q);
  const div = quantityNano(ref.divisor ?? (res === 'cpu' ? '1' : '1')) ?? 1_000_000_000n;
  if (nano === undefined || div === 0n) return String(q);
  return String((nano + div - 1n) / div);
}

function b64decode(s: string): string {
  return Buffer.from(s, 'base64').toString('utf8');
}

export interface StartEnv {
  /** The spec's env and envFrom. */
  env: EnvList;
  /** Then the Service variables the spec does not set (the whole environment: env, services). */
  services: EnvList;
  /** A missing ConfigMap/Secret/key (the container cannot start: CreateContainerConfigError). */
  error?: string;
}

/** Everything the kubelet puts into a container's environment at start. */
export function startEnvironment(cluster: ClusterView, pod: KObject, container: KObject['spec']): StartEnv {
  const ns = pod.metadata.namespace ?? 'default';
  const svcEnv = serviceEnv(cluster, pod);
  const svcMap = new Map(svcEnv);
  const tmp = new Map<string, string>();
  let error: string | undefined;
  const lookup = (name: string) => tmp.get(name) ?? svcMap.get(name);
  for (const from of (container.envFrom ?? []) as KObject['spec'][]) {
    const prefix: string = from.prefix ?? '';
    if (from.configMapRef) {
      const cm = cluster.get('configmaps', ns, from.configMapRef.name);
      if (!cm) {
        if (!from.configMapRef.optional) error ??= `configmap "${from.configMapRef.name}" not found`;
        continue;
      }
      for (const [k, v] of Object.entries((cm.data ?? {}) as Record<string, string>)) tmp.set(prefix + k, v);
    }
    if (from.secretRef) {
      const sec = cluster.get('secrets', ns, from.secretRef.name);
      if (!sec) {
        if (!from.secretRef.optional) error ??= `secret "${from.secretRef.name}" not found`;
        continue;
      }
      for (const [k, v] of Object.entries((sec.data ?? {}) as Record<string, string>)) tmp.set(prefix + k, b64decode(v));
    }
  }
  for (const e of (container.env ?? []) as KObject['spec'][]) {
    let value: string | undefined;
    if (e.valueFrom) {
      const vf = e.valueFrom;
      if (vf.fieldRef) value = fieldValue(pod, vf.fieldRef.fieldPath);
      else if (vf.resourceFieldRef) value = resourceValue(cluster, pod, container, vf.resourceFieldRef);
      else if (vf.configMapKeyRef) {
        const r = vf.configMapKeyRef;
        const cm = cluster.get('configmaps', ns, r.name);
        if (!cm) {
          if (!r.optional) error ??= `configmap "${r.name}" not found`;
          continue;
        }
        value = cm.data?.[r.key] ?? (cm.binaryData?.[r.key] !== undefined ? b64decode(cm.binaryData[r.key]) : undefined);
        if (value === undefined) {
          if (!r.optional) error ??= `couldn't find key ${r.key} in ConfigMap ${ns}/${r.name}`;
          continue;
        }
      } else if (vf.secretKeyRef) {
        const r = vf.secretKeyRef;
        const sec = cluster.get('secrets', ns, r.name);
        if (!sec) {
          if (!r.optional) error ??= `secret "${r.name}" not found`;
          continue;
        }
        const raw = sec.data?.[r.key];
        if (raw === undefined) {
          if (!r.optional) error ??= `couldn't find key ${r.key} in Secret ${ns}/${r.name}`;
          continue;
        }
        value = b64decode(raw);
      }
    } else value = expandRefs(String(e.value ?? ''), lookup);
    tmp.set(e.name, value ?? '');
  }
  const env: EnvList = [...tmp.entries()];
  const services = svcEnv.some(([k]) => tmp.has(k)) ? svcEnv.filter(([k]) => !tmp.has(k)) : svcEnv;
  return error ? { env, services, error } : { env, services };
}
