// What `kubectl expose` reads from the object it exposes (kubectl/pkg/polymorphichelpers): which
// kinds can be exposed, the pod selector, the ports and each port's protocols.
import type { KObject } from '../../../api/types.js';
import { CliError } from '../../../util/errors.js';

const EXPOSABLE = ['Pod', 'Service', 'ReplicationController', 'Deployment', 'ReplicaSet'];

/** canBeExposed: `cannot expose a ConfigMap`, `cannot expose a DaemonSet.apps`. */
export function checkExposable(obj: KObject): void {
  if (EXPOSABLE.includes(obj.kind)) return;
  const group = obj.apiVersion.includes('/') ? obj.apiVersion.split('/')[0] : '';
  throw new CliError(`cannot expose a ${group ? `${obj.kind}.${group}` : obj.kind}`);
}

/** MakeLabels: `k=v,k2=v2`. */
export function makeLabels(labels: Record<string, string> | undefined): string {
  return Object.entries(labels ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}

interface Requirement {
  key: string;
  operator: string;
  values?: string[];
}

/** Go's %+v of []metav1.LabelSelectorRequirement. */
function requirementsText(reqs: Requirement[]): string {
  return `[${reqs.map((r) => `{Key:${r.key} Operator:${r.operator} Values:[${(r.values ?? []).join(' ')}]}`).join(' ')}]`;
}

/** mapBasedSelectorForObject: the selector as `k=v,…`, or why there is none. */
export function selectorFor(obj: KObject): string {
  switch (obj.kind) {
    case 'ReplicationController':
      return makeLabels(obj.spec?.selector);
    case 'Pod':
      if (!obj.metadata.labels || !Object.keys(obj.metadata.labels).length) throw new CliError('the pod has no labels and cannot be exposed');
      return makeLabels(obj.metadata.labels);
    case 'Service':
      if (obj.spec?.selector == null) throw new CliError('the service has no pod selector set');
      return makeLabels(obj.spec.selector);
    case 'Deployment':
    case 'ReplicaSet': {
      const sel = obj.spec?.selector;
      const what = obj.kind === 'Deployment' ? 'deployment' : 'replicaset';
      if (!sel || !sel.matchLabels || !Object.keys(sel.matchLabels).length) throw new CliError(`invalid ${what}: no selectors, therefore cannot be exposed`);
      if (sel.matchExpressions?.length) {
        throw new CliError(`couldn't convert expressions - "${requirementsText(sel.matchExpressions)}" to map-based selector format`);
      }
      return makeLabels(sel.matchLabels);
    }
  }
  throw new CliError(`cannot extract pod selector from ${obj.kind}`);
}

interface PortEntry {
  port: number;
  protocol: string;
}

function podSpecPorts(spec: { containers?: { ports?: { containerPort: number; protocol?: string }[] }[] } | undefined): PortEntry[] {
  return (spec?.containers ?? []).flatMap((c) => (c.ports ?? []).map((p) => ({ port: p.containerPort, protocol: p.protocol || 'TCP' })));
}

function portEntries(obj: KObject): PortEntry[] {
  switch (obj.kind) {
    case 'Pod':
      return podSpecPorts(obj.spec);
    case 'Service':
      return (obj.spec?.ports ?? []).map((p: { port: number; protocol?: string }) => ({ port: p.port, protocol: p.protocol || 'TCP' }));
    default:
      return podSpecPorts(obj.spec?.template?.spec);
  }
}

/** The object's ports (each number once, in order of appearance). */
export function portsFor(obj: KObject): string[] {
  return [...new Set(portEntries(obj).map((e) => String(e.port)))];
}

/** Each port's protocols, in order of appearance (a port listed twice appears twice). */
export function protocolsFor(obj: KObject): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const e of portEntries(obj)) {
    const k = String(e.port);
    m.set(k, [...(m.get(k) ?? []), e.protocol]);
  }
  return m;
}
