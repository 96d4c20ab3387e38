// Which pod and container `exec` and `logs` act on: POD, or TYPE/NAME of a workload or Service
// whose selector picks the pods (kubectl's polymorphichelpers: attachable pod = the best one by
// ActivePods order, reversed; logs pod = the first by ByLogging order), and the default
// container (kubectl.kubernetes.io/default-container, else the first, with kubectl's note).
import type { KObject } from '../../../api/types.js';
import type { Cluster } from '../../../store/cluster.js';
import { fromLabelSelector, fromMap, matches, type Selector } from '../../../api/labels.js';
import { qualifiedPlural, resolveTypeArg, type ResourceType } from '../../../api/registry.js';
import { CliError, NotFoundError, StatusError } from '../../../util/errors.js';
import { unknownType } from '../../builder.js';

const GO_TYPES: Record<string, string> = {
  ConfigMap: '*v1.ConfigMap',
  Secret: '*v1.Secret',
  Endpoints: '*v1.Endpoints',
  Namespace: '*v1.Namespace',
  Node: '*v1.Node',
  Ingress: '*v1.Ingress',
  PersistentVolumeClaim: '*v1.PersistentVolumeClaim',
};

function ready(p: KObject): boolean {
  return (p.status?.conditions ?? []).some((c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True');
}

function readyTime(p: KObject): number {
  const c = (p.status?.conditions ?? []).find((x: { type: string; status: string }) => x.type === 'Ready' && x.status === 'True');
  return c?.lastTransitionTime ? Date.parse(c.lastTransitionTime) : 0;
}

function restarts(p: KObject): number {
  return Math.max(0, ...(p.status?.containerStatuses ?? []).map((s: { restartCount?: number }) => s.restartCount ?? 0));
}

function created(p: KObject): number {
  return p.metadata.creationTimestamp ? Date.parse(p.metadata.creationTimestamp) : 0;
}

const PHASE_ACTIVE: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };
const PHASE_LOGGING: Record<string, number> = { Running: 0, Unknown: 1, Pending: 2 };

/** podutils.ActivePods Less: the pod a controller would delete first is "smaller". */
function activeLess(a: KObject, b: KObject): boolean {
  const an = a.spec?.nodeName ?? '';
  const bn = b.spec?.nodeName ?? '';
  if (an !== bn && (!an || !bn)) return !an;
  const ap = PHASE_ACTIVE[a.status?.phase] ?? 0;
  const bp = PHASE_ACTIVE[b.status?.phase] ?? 0;
  if (ap !== bp) return ap < bp;
  if (ready(a) !== ready(b)) return !ready(a);
  if (ready(a) && ready(b) && readyTime(a) !== readyTime(b)) return readyTime(a) > readyTime(b);
  if (restarts(a) !== restarts(b)) return restarts(a) > restarts(b);
  if (created(a) !== created(b)) return created(a) > created(b);
  return false;
}

/** podutils.ByLogging Less: the pod whose logs are most interesting first. */
function loggingLess(a: KObject, b: KObject): boolean {
  const an = a.spec?.nodeName ?? '';
  const bn = b.spec?.nodeName ?? '';
  if (an !== bn && (!an || !bn)) return !!an;
  const ap = PHASE_LOGGING[a.status?.phase] ?? 0;
  const bp = PHASE_LOGGING[b.status?.phase] ?? 0;
  if (ap !== bp) return ap < bp;
  if (ready(a) !== ready(b)) return ready(a);
  if (ready(a) && ready(b) && readyTime(a) !== readyTime(b)) return readyTime(a) < readyTime(b);
  if (restarts(a) !== restarts(b)) return restarts(a) > restarts(b);
  if (created(a) !== created(b)) return created(a) < created(b);
  return false;
}

function sortBy(pods: KObject[], less: (a: KObject, b: KObject) => boolean): KObject[] {
  return [...pods].sort((a, b) => (less(a, b) ? -1 : less(b, a) ? 1 : 0));
}

function goType(t: ResourceType): string {
  return GO_TYPES[t.kind] ?? `*v1.${t.kind}`;
}

/** The pod selector of a workload or Service (polymorphichelpers.SelectorsForObject). */
function selectorOf(t: ResourceType, obj: KObject, verb: 'attach' | 'logs'): Selector {
  const name = obj.metadata.name;
  if (t.kind === 'Service') {
    if (!obj.spec?.selector || !Object.keys(obj.spec.selector).length) {
      const what = verb === 'attach' ? `cannot attach to ${goType(t)}` : `cannot get the logs from ${goType(t)}`;
      throw new CliError(`${what}: invalid service '${name}': Service is defined without a selector`);
    }
    return fromMap(obj.spec.selector);
  }
  if (t.kind === 'ReplicationController') return fromMap(obj.spec?.selector ?? obj.spec?.template?.metadata?.labels);
  if (['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job'].includes(t.kind)) {
    const sel = fromLabelSelector(obj.spec?.selector);
    if (sel) return sel;
  }
  const what = verb === 'attach' ? `cannot attach to ${goType(t)}` : `cannot get the logs from ${goType(t)}`;
  throw new CliError(`${what}: selector for ${goType(t)} not implemented`);
}

export interface Resolved {
  pod: KObject;
  /** How many pods the selector picked (logs prints "Found N pods, using pod/x"). */
  count: number;
  /** All the pods the selector picked (logs of a selector). */
  pods: KObject[];
}

/** Resolve `POD` or `TYPE/NAME` in a namespace to one pod. */
export function resolvePod(cluster: Cluster, arg: string, namespace: string, verb: 'attach' | 'logs'): Resolved {
  const slash = arg.indexOf('/');
  if (slash < 0) {
    const pod = cluster.get('pods', namespace, arg);
    if (!pod) throw new NotFoundError('pods', arg);
    return { pod, count: 1, pods: [pod] };
  }
  const typeArg = arg.slice(0, slash);
  const name = arg.slice(slash + 1);
  if (!name) throw new CliError('arguments in resource/name form must have a single resource and name');
  const t = resolveTypeArg(typeArg);
  if (!t) throw unknownType(typeArg);
  const obj = cluster.get(t.plural, t.namespaced ? namespace : undefined, name);
  if (!obj) throw new NotFoundError(qualifiedPlural(t), name);
  if (t.kind === 'Pod') return { pod: obj, count: 1, pods: [obj] };
  const sel = selectorOf(t, obj, verb);
  const pods = cluster.list('pods', namespace).filter((p) => matches(sel, p.metadata.labels));
  if (!pods.length) throw new CliError('timed out waiting for the condition');
  const sorted = verb === 'attach' ? sortBy(pods, activeLess).reverse() : sortBy(pods, loggingLess);
  return { pod: sorted[0], count: pods.length, pods: sorted };
}

/** All containers' names as kubectl lists them (`a, b, init (init)`). */
export function allContainerNames(pod: KObject): string {
  return [...(pod.spec?.containers ?? []).map((c: { name: string }) => c.name), ...(pod.spec?.ephemeralContainers ?? []).map((c: { name: string }) => `${c.name} (ephem)`), ...(pod.spec?.initContainers ?? []).map((c: { name: string }) => `${c.name} (init)`)].join(', ');
}

/**
 * The container to use: -c, else the default-container annotation, else the first (with the
 * "Defaulted container" note on stderr when there is a choice).
 */
export function pickContainer(pod: KObject, requested: string | undefined, note: (text: string) => void, quiet = false): string {
  if (requested) return requested;
  const containers: { name: string }[] = pod.spec?.containers ?? [];
  if (!containers.length) throw new CliError(`pod ${pod.metadata.namespace}/${pod.metadata.name} does not have any containers`);
  const ann = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
  if (ann && [...containers, ...(pod.spec?.initContainers ?? [])].some((c: { name: string }) => c.name === ann)) return ann;
  const first = containers[0].name;
  if (!quiet && (containers.length > 1 || (pod.spec?.initContainers ?? []).length || (pod.spec?.ephemeralContainers ?? []).length)) note(`Defaulted container "${first}" out of: ${allContainerNames(pod)}\n`);
  return first;
}

export function containerExists(pod: KObject, name: string): boolean {
  return [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])].some((c: { name: string }) => c.name === name);
}

export function badContainer(pod: KObject, name: string): StatusError {
  return new StatusError('BadRequest', `container ${name} is not valid for pod ${pod.metadata.name}`, 400);
}
