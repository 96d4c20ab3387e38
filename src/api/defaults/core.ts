// The other core/v1 kinds: ReplicationController, Namespace, Secret, Endpoints,
// PersistentVolumeClaim/PersistentVolume, ResourceQuota (defaults.go, the registry strategies'
// PrepareForCreate, and kind's DefaultStorageClass / StorageObjectInUseProtection admission).
import { canonicalResourceList } from './quantity.js';
import { defaultPVCSpec, defaultPodTemplate } from './podspec.js';
import { type Obj, child, dflt, emptyMap, isObj, items } from './util.js';

/** kind's default StorageClass (local-path-provisioner). */
export const DEFAULT_STORAGE_CLASS = 'standard';

export function defaultReplicationController(rc: Obj, create: boolean): void {
  const spec = child(rc, 'spec');
  const labels = spec.template?.metadata?.labels;
  if (isObj(labels)) {
    if (emptyMap(spec.selector)) spec.selector = { ...labels };
    if (emptyMap(rc.metadata?.labels)) child(rc, 'metadata').labels = { ...labels };
  }
  dflt(spec, 'replicas', 1);
  if (isObj(spec.template)) defaultPodTemplate(spec.template);
  if (create) rc.status = { replicas: 0 };
}

export function defaultNamespace(ns: Obj, create: boolean): void {
  const meta = child(ns, 'metadata');
  if (meta.name) child(meta, 'labels')['kubernetes.io/metadata.name'] = meta.name;
  if (create) {
    const spec = child(ns, 'spec');
    const finalizers: unknown[] = Array.isArray(spec.finalizers) ? spec.finalizers : [];
    if (!finalizers.includes('kubernetes')) spec.finalizers = [...finalizers, 'kubernetes'];
    ns.status = { phase: 'Active' };
  } else {
    dflt(child(ns, 'status'), 'phase', 'Active');
  }
}

/** Secret: type Opaque; the v1 conversion folds stringData into data (base64) and drops it. */
export function defaultSecret(secret: Obj): void {
  dflt(secret, 'type', 'Opaque');
  if (isObj(secret.stringData)) {
    const data = child(secret, 'data');
    for (const [k, v] of Object.entries(secret.stringData)) data[k] = Buffer.from(String(v ?? ''), 'utf8').toString('base64');
  }
  delete secret.stringData;
}

export function defaultEndpoints(ep: Obj): void {
  for (const subset of items(ep, 'subsets')) for (const p of items(subset, 'ports')) dflt(p, 'protocol', 'TCP');
}

export function defaultPersistentVolumeClaim(pvc: Obj, create: boolean): void {
  const spec = child(pvc, 'spec');
  defaultPVCSpec(spec);
  if (create) {
    if (spec.storageClassName === undefined || spec.storageClassName === null) spec.storageClassName = DEFAULT_STORAGE_CLASS;
    const meta = child(pvc, 'metadata');
    const finalizers: unknown[] = Array.isArray(meta.finalizers) ? meta.finalizers : [];
    if (!finalizers.includes('kubernetes.io/pvc-protection')) meta.finalizers = [...finalizers, 'kubernetes.io/pvc-protection'];
    pvc.status = { phase: 'Pending' };
  } else {
    dflt(child(pvc, 'status'), 'phase', 'Pending');
  }
}

export function defaultPersistentVolume(pv: Obj, create: boolean): void {
  const spec = child(pv, 'spec');
  dflt(spec, 'persistentVolumeReclaimPolicy', 'Retain');
  dflt(spec, 'volumeMode', 'Filesystem');
  if (isObj(spec.hostPath)) dflt(spec.hostPath, 'type', '');
  canonicalResourceList(spec.capacity);
  if (create) {
    const meta = child(pv, 'metadata');
    const finalizers: unknown[] = Array.isArray(meta.finalizers) ? meta.finalizers : [];
    if (!finalizers.includes('kubernetes.io/pv-protection')) meta.finalizers = [...finalizers, 'kubernetes.io/pv-protection'];
    pv.status = { phase: 'Pending' };
  } else {
    dflt(child(pv, 'status'), 'phase', 'Pending');
  }
}

export function defaultResourceQuota(rq: Obj, create: boolean): void {
  if (isObj(rq.spec)) canonicalResourceList(rq.spec.hard);
  if (create) rq.status = {};
}
