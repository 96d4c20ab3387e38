// The simulated API server's REST handlers: what happens to an object between a client's request
// and storage. Create: namespace check → conflict check → defaulting → admission → validation →
// allocation (ClusterIP, NodePorts) → store. Update: the same against the live object, keeping
// what the server owns (uid, status, allocated IPs and ports). Controllers create pods through
// here too, so every pod gets the same defaults and admission.
import type { KObject } from './types.js';
import type { Cluster } from '../store/cluster.js';
import { qualifiedPlural, type ResourceType } from './registry.js';
import { applyDefaults, generateJobSelector } from './defaults/index.js';
import { validateObject } from './validation/index.js';
import { InvalidError, NotFoundError, AlreadyExistsError, StatusError, type FieldError } from '../util/errors.js';
import { allocateClusterIP } from '../controllers/allocators/ip.js';
import { allocateNodePorts } from '../controllers/allocators/nodeport.js';

export interface RequestOptions {
  /** Validate and default but do not store (--dry-run=server). */
  dryRun?: boolean;
}

function checkNamespace(cluster: Cluster, type: ResourceType, obj: KObject): void {
  if (!type.namespaced) return;
  const ns = obj.metadata.namespace;
  const nsObj = cluster.get('namespaces', undefined, ns!);
  if (!nsObj) throw new NotFoundError('namespaces', ns!);
  if (nsObj.metadata.deletionTimestamp) {
    throw new StatusError(
      'Forbidden',
      `${qualifiedPlural(type)} "${obj.metadata.name || obj.metadata.generateName}" is forbidden: unable to create new content in namespace ${ns} because it is being terminated`,
      403,
    );
  }
}

function isHeadless(svc: KObject): boolean {
  return svc.spec?.clusterIP === 'None';
}

function needsClusterIP(svc: KObject): boolean {
  return svc.spec?.type !== 'ExternalName' && !isHeadless(svc);
}

export function createObject(cluster: Cluster, input: KObject, opts: RequestOptions = {}): KObject {
  const type = cluster.typeOf(input);
  const obj = applyDefaults(structuredClone(input), () => cluster.rand.suffix(5));
  if (type.namespaced) obj.metadata.namespace ??= 'default';
  checkNamespace(cluster, type, obj);
  if (!obj.metadata.name && obj.metadata.generateName) {
    obj.metadata.name = cluster.generateName(type.plural, obj.metadata.namespace, obj.metadata.generateName);
  }
  if (obj.metadata.name && cluster.exists(type.plural, obj.metadata.namespace, obj.metadata.name)) {
    throw new AlreadyExistsError(qualifiedPlural(type), obj.metadata.name);
  }
  const errors: FieldError[] = validateObject(obj);
  if (errors.length) throw new InvalidError(obj.kind, obj.metadata.name ?? '', errors);
  if (obj.kind === 'Service') {
    const errs: FieldError[] = [];
    // kind is single-stack (IPv4): a Service that requires dual-stack cannot be served (a headless
    // Service without a selector is the exception: it just gets every family).
    if (obj.spec.ipFamilyPolicy === 'RequireDualStack' && !(isHeadless(obj) && !obj.spec.selector)) {
      throw new InvalidError('Service', obj.metadata.name, [
        { field: 'spec.ipFamilyPolicy', type: 'Invalid value', value: 'RequireDualStack', detail: 'this cluster is not configured for dual-stack services' },
      ]);
    }
    if (needsClusterIP(obj)) {
      const r = allocateClusterIP(cluster, obj.spec.clusterIP || undefined);
      errs.push(...r.errors);
      if (r.ip) {
        obj.spec.clusterIP = r.ip;
        obj.spec.clusterIPs = [r.ip];
      }
    } else if (isHeadless(obj)) {
      obj.spec.clusterIPs = ['None'];
    }
    if (!errs.length) errs.push(...allocateNodePorts(cluster, obj));
    if (errs.length) throw new InvalidError('Service', obj.metadata.name, errs);
  }
  if (opts.dryRun) {
    obj.metadata.uid = cluster.rand.uuid();
    obj.metadata.creationTimestamp = cluster.timestamp;
    return obj;
  }
  const stored = cluster.create(obj);
  if (stored.kind === 'Job') generateJobSelector(stored);
  return stored;
}

/** Keep the nodePorts a Service already holds for ports the update leaves unspecified. */
function keepNodePorts(next: KObject, live: KObject): void {
  const old: { port: number; protocol?: string; name?: string; nodePort?: number }[] = live.spec?.ports ?? [];
  for (const p of next.spec?.ports ?? []) {
    if (p.nodePort) continue;
    const match = old.find((o) => o.port === p.port && (o.protocol ?? 'TCP') === (p.protocol ?? 'TCP')) ?? old.find((o) => o.name && o.name === p.name);
    if (match?.nodePort) p.nodePort = match.nodePort;
  }
}

/**
 * The Service registry's dropTypeDependentFields: when an update changes the type, fields that
 * only made sense for the old type go, unless the client set them itself.
 */
function dropTypeDependentFields(obj: KObject, live: KObject, input: KObject): void {
  const spec = obj.spec;
  const was = live.spec?.type ?? 'ClusterIP';
  const now = spec.type ?? 'ClusterIP';
  if (was === now) return;
  const asked = (f: string) => input.spec && f in input.spec && JSON.stringify(input.spec[f]) !== JSON.stringify(live.spec?.[f]);
  const external = now === 'NodePort' || now === 'LoadBalancer';
  if (!external) {
    for (const p of spec.ports ?? []) delete p.nodePort;
    if (!asked('externalTrafficPolicy')) delete spec.externalTrafficPolicy;
    if (!asked('healthCheckNodePort')) delete spec.healthCheckNodePort;
  }
  if (now !== 'LoadBalancer') {
    for (const f of ['allocateLoadBalancerNodePorts', 'loadBalancerClass', 'loadBalancerIP', 'loadBalancerSourceRanges']) if (!asked(f)) delete spec[f];
  }
  if (now === 'ExternalName') {
    for (const f of ['clusterIP', 'clusterIPs', 'ipFamilies', 'ipFamilyPolicy', 'internalTrafficPolicy', 'sessionAffinityConfig']) if (!asked(f)) delete spec[f];
  }
}

/**
 * Replace a live object with `input` (already merged by the client for apply). Keeps metadata the
 * server owns and the status; re-runs defaulting, validation (with update rules) and allocation.
 */
export function prepareUpdate(cluster: Cluster, input: KObject, live: KObject): KObject {
  const obj = applyDefaults(structuredClone(input), () => cluster.rand.suffix(5), { operation: 'update' });
  const md = obj.metadata;
  const lmd = live.metadata;
  md.uid = lmd.uid;
  md.creationTimestamp = lmd.creationTimestamp;
  md.resourceVersion = lmd.resourceVersion;
  if (lmd.generation !== undefined) md.generation = lmd.generation;
  if (lmd.ownerReferences && !md.ownerReferences) md.ownerReferences = lmd.ownerReferences;
  if (lmd.deletionTimestamp) md.deletionTimestamp = lmd.deletionTimestamp;
  if (live.status !== undefined) obj.status = structuredClone(live.status);
  else delete obj.status;
  if (obj.kind === 'Service') {
    // The registry's normalizeClusterIPs: a changed clusterIP with untouched clusterIPs moves
    // the primary entry along (validation then says whether that is allowed).
    if (
      'clusterIP' in (input.spec ?? {}) &&
      input.spec.clusterIP !== live.spec?.clusterIP &&
      JSON.stringify(input.spec.clusterIPs) === JSON.stringify(live.spec?.clusterIPs)
    ) {
      obj.spec.clusterIPs = input.spec.clusterIP ? [input.spec.clusterIP, ...(live.spec?.clusterIPs ?? []).slice(1)] : [];
    }
    // A client that does not mention the ClusterIP keeps the allocated one.
    if (!('clusterIP' in (input.spec ?? {})) && live.spec?.clusterIP) {
      obj.spec.clusterIP = live.spec.clusterIP;
      if (!input.spec?.clusterIPs) obj.spec.clusterIPs = live.spec.clusterIPs;
    } else if (obj.spec.clusterIP && !input.spec?.clusterIPs) {
      obj.spec.clusterIPs = [obj.spec.clusterIP];
    }
    if (live.spec?.type === 'ExternalName' && obj.spec.type !== 'ExternalName' && !input.spec?.clusterIP) {
      delete obj.spec.clusterIP;
      delete obj.spec.clusterIPs;
    }
    keepNodePorts(obj, live);
    dropTypeDependentFields(obj, live, input);
  }
  const errors = validateObject(obj, live);
  if (errors.length) throw new InvalidError(obj.kind, md.name, errors);
  if (obj.kind === 'Service') {
    const errs: FieldError[] = [];
    if (needsClusterIP(obj) && !obj.spec.clusterIP) {
      const r = allocateClusterIP(cluster, undefined);
      errs.push(...r.errors);
      if (r.ip) {
        obj.spec.clusterIP = r.ip;
        obj.spec.clusterIPs = [r.ip];
      }
    }
    if (obj.spec.type !== 'NodePort' && obj.spec.type !== 'LoadBalancer') {
      for (const p of obj.spec.ports ?? []) delete p.nodePort;
    } else {
      errs.push(...allocateNodePorts(cluster, obj, md.uid));
    }
    if (errs.length) throw new InvalidError('Service', md.name, errs);
  }
  return obj;
}

export function updateObject(cluster: Cluster, input: KObject, live: KObject, opts: RequestOptions = {}): KObject {
  const obj = prepareUpdate(cluster, input, live);
  if (opts.dryRun) return obj;
  return cluster.update(obj);
}

/** Delete an object; `orphan` leaves its dependents (removing their owner references). */
export function deleteObject(cluster: Cluster, obj: KObject, opts: { orphan?: boolean; dryRun?: boolean } = {}): void {
  if (opts.dryRun) return;
  const type = cluster.typeOf(obj);
  if (obj.kind === 'Namespace') {
    if (['default', 'kube-system', 'kube-public', 'kube-node-lease'].includes(obj.metadata.name)) {
      throw new StatusError('Forbidden', `namespaces "${obj.metadata.name}" is forbidden: this namespace may not be deleted`, 403);
    }
    obj.metadata.deletionTimestamp = cluster.timestamp;
    obj.status = { ...(obj.status ?? {}), phase: 'Terminating' };
    cluster.update(obj, { specChanged: false });
    return;
  }
  if (opts.orphan) {
    const uid = obj.metadata.uid;
    for (const plural of Object.keys(cluster.state.objects)) {
      if (plural === 'events') continue; // Events have no owners (and stay unread)
      for (const dep of Object.values(cluster.state.objects[plural])) {
        const refs = dep.metadata.ownerReferences as { uid: string }[] | undefined;
        if (refs?.some((r) => r.uid === uid)) {
          dep.metadata.ownerReferences = refs.filter((r) => r.uid !== uid);
          if (!dep.metadata.ownerReferences.length) delete dep.metadata.ownerReferences;
          cluster.update(dep, { specChanged: false });
        }
      }
    }
  }
  cluster.remove(type.plural, obj.metadata.namespace, obj.metadata.name);
  // The endpoints controller deletes a Service's Endpoints with it (manual ones too).
  if (obj.kind === 'Service') cluster.remove('endpoints', obj.metadata.namespace, obj.metadata.name);
}
