// API-server defaulting and admission: what a 1.32 (kind) API server adds to an object between
// the request and `kubectl get -o yaml`. Input is an object already converted to the stored
// version; metadata.uid/resourceVersion/creationTimestamp/generation and IP/port allocation
// are the store's business and are not touched here.
import type { KObject } from '../types.js';
import type { AdmissionContext } from './admission.js';
import { defaultDaemonSet, defaultDeployment, defaultReplicaSet, defaultStatefulSet } from './apps.js';
import { defaultCronJob, defaultJob } from './batch.js';
import {
  defaultEndpoints,
  defaultNamespace,
  defaultPersistentVolume,
  defaultPersistentVolumeClaim,
  defaultReplicationController,
  defaultResourceQuota,
  defaultSecret,
} from './core.js';
import { defaultEndpointSlice, defaultIngress, defaultIngressClass, defaultNetworkPolicy } from './networking.js';
import { defaultPod } from './pod.js';
import { defaultService } from './service.js';
import type { Obj } from './util.js';

export { podStatusQosClass, type QOSClass } from './qos.js';
export { generateJobSelector } from './batch.js';
export { canonicalQuantity, quantityNano } from './quantity.js';
export { defaultPullPolicy } from './image.js';
export { TOKEN_MOUNT_PATH, TOKEN_VOLUME_PREFIX, SYSTEM_PRIORITY_CLASSES, tokenVolumeSource } from './admission.js';
export { DEFAULT_STORAGE_CLASS } from './core.js';

export interface DefaultsOptions extends AdmissionContext {
  /**
   * 'create' (the default): also what happens only on create — the registry strategy's fresh
   * status (Pod `{phase: Pending, qosClass}`, Service `{loadBalancer: {}}`, ...), Namespace
   * finalizers and the admission plugins (Pod service account token volume, priority,
   * tolerations; PVC storage class and protection finalizers).
   * 'update': defaulting only; status is left as given (the caller keeps the stored status).
   */
  operation?: 'create' | 'update';
}

type Defaulter = (obj: Obj, rand: () => string, create: boolean, opts: DefaultsOptions) => void;

/** By `<group>/<Kind>` (the core group is ''). */
const DEFAULTERS: Record<string, Defaulter> = {
  '/Pod': (o, rand, create, opts) => defaultPod(o, rand, create, opts),
  '/Service': (o, _r, create) => defaultService(o, create),
  '/ReplicationController': (o, _r, create) => defaultReplicationController(o, create),
  '/Namespace': (o, _r, create) => defaultNamespace(o, create),
  '/Secret': (o) => defaultSecret(o),
  '/Endpoints': (o) => defaultEndpoints(o),
  '/PersistentVolumeClaim': (o, _r, create) => defaultPersistentVolumeClaim(o, create),
  '/PersistentVolume': (o, _r, create) => defaultPersistentVolume(o, create),
  '/ResourceQuota': (o, _r, create) => defaultResourceQuota(o, create),
  'apps/Deployment': (o, _r, create) => defaultDeployment(o, create),
  'apps/ReplicaSet': (o, _r, create) => defaultReplicaSet(o, create),
  'apps/DaemonSet': (o, _r, create) => defaultDaemonSet(o, create),
  'apps/StatefulSet': (o, _r, create) => defaultStatefulSet(o, create),
  'batch/Job': (o, _r, create) => defaultJob(o, create),
  'batch/CronJob': (o, _r, create) => defaultCronJob(o, create),
  'networking.k8s.io/Ingress': (o, _r, create) => defaultIngress(o, create),
  'networking.k8s.io/IngressClass': (o) => defaultIngressClass(o),
  'networking.k8s.io/NetworkPolicy': (o) => defaultNetworkPolicy(o),
  'discovery.k8s.io/EndpointSlice': (o) => defaultEndpointSlice(o),
  // ConfigMap, ServiceAccount, RBAC, ...: nothing visible to default.
};

const groupOf = (apiVersion: string): string => (apiVersion?.includes('/') ? apiVersion.split('/')[0] : '');

/**
 * A defaulted deep copy of `obj`, as the API server would store it. `rand()` returns a fresh
 * 5-character suffix (kube alphabet) for the `kube-api-access-<5>` volume.
 */
export function applyDefaults(obj: KObject, rand: () => string, opts: DefaultsOptions = {}): KObject {
  const copy = structuredClone(obj);
  const defaulter = DEFAULTERS[`${groupOf(copy.apiVersion)}/${copy.kind}`];
  defaulter?.(copy, rand, (opts.operation ?? 'create') === 'create', opts);
  return copy;
}
