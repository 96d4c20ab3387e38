// The API server's validation, dispatched by kind. Objects arrive after conversion to the stored
// version and after defaulting (and, on create, after name generation and namespace filling), which
// is what the server validates. Field errors come out in the server's validation order; wrap them
// with `new InvalidError(kind, name, causes)` (src/util/errors.ts).
//
// Not here: cluster-wide allocation errors (ClusterIP / NodePort in use or out of range), which the
// allocators raise. Note that the real server allocates Service IPs and ports BEFORE validating
// (its BeginCreate hook runs before the strategy's Validate), after a loose pre-check that is
// exported here as `validateServiceClusterIPsRelatedFields`.
import type { FieldError } from '../../util/errors.js';
import type { KObject } from '../types.js';
import { RESOURCES } from '../registry.js';
import { validateConfigMap, validateSecret } from './configmap.js';
import { validateIngress, validateIngressClass } from './ingress.js';
import { validateNamespace } from './namespace.js';
import { nameIsDNSSubdomain, isDNS1123Label } from './names.js';
import {
  metaOnly,
  validateEndpoints,
  validateEndpointSlice,
  validateNetworkPolicy,
  validatePersistentVolume,
  validatePersistentVolumeClaim,
  validatePodTemplate,
  validateRole,
  validateRoleBinding,
} from './other.js';
import { validatePod, validatePodUpdate } from './pod.js';
import { validateService, validateServiceUpdate } from './service.js';
import {
  validateCronJob,
  validateDaemonSet,
  validateDeployment,
  validateJob,
  validateReplicaSet,
  validateReplicationController,
  validateStatefulSet,
} from './workloads.js';

// strictDecode lives in ../schema/decode.js (imported only by the verbs that send manifests, to keep the schema off start-up).
export { validateServiceClusterIPsRelatedFields, isHeadlessService } from './service.js';
export * as names from './names.js';

function isNamespaced(kind: string): boolean {
  return RESOURCES.find((r) => r.kind === kind)?.namespaced ?? true;
}

/** Validate an object on create (`old` undefined) or update (`old` = the stored object). */
export function validateObject(o: KObject, old?: KObject): FieldError[] {
  switch (o.kind) {
    case 'Service':
      return old ? validateServiceUpdate(o, old) : validateService(o);
    case 'Pod':
      return old ? validatePodUpdate(o, old) : validatePod(o);
    case 'Deployment':
      return validateDeployment(o, old);
    case 'ReplicaSet':
      return validateReplicaSet(o, old);
    case 'ReplicationController':
      return validateReplicationController(o, old);
    case 'DaemonSet':
      return validateDaemonSet(o, old);
    case 'StatefulSet':
      return validateStatefulSet(o, old);
    case 'Job':
      return validateJob(o, old);
    case 'CronJob':
      return validateCronJob(o, old);
    case 'Ingress':
      return validateIngress(o, old);
    case 'IngressClass':
      return validateIngressClass(o, old);
    case 'Namespace':
      return validateNamespace(o, old);
    case 'ConfigMap':
      return validateConfigMap(o, old);
    case 'Secret':
      return validateSecret(o, old);
    case 'Endpoints':
      return validateEndpoints(o, old);
    case 'EndpointSlice':
      return validateEndpointSlice(o, old);
    case 'PersistentVolumeClaim':
      return validatePersistentVolumeClaim(o, old);
    case 'PersistentVolume':
      return validatePersistentVolume(o, old);
    case 'NetworkPolicy':
      return validateNetworkPolicy(o, old);
    case 'PodTemplate':
      return validatePodTemplate(o, old);
    case 'Role':
      return validateRole(o, true, old);
    case 'ClusterRole':
      return validateRole(o, false, old);
    case 'RoleBinding':
      return validateRoleBinding(o, true, old);
    case 'ClusterRoleBinding':
      return validateRoleBinding(o, false, old);
    default:
      return metaOnly(o, isNamespaced(o.kind), nameIsDNSSubdomain, old);
  }
}

const DNS_LABEL_RECOMMENDED_KINDS = new Set(['Pod', 'ReplicaSet', 'Deployment', 'Job', 'CronJob', 'ReplicationController']);

/**
 * API warnings the server returns on a successful create (strategies' WarningsOnCreate; kubectl
 * prints each as `Warning: <text>` on stderr): workload names that are not DNS labels, e.g.
 * `metadata.name: this is used in Pod names and hostnames, which can result in surprising behavior; a DNS label is recommended: [must not contain dots]`.
 */
export function createWarnings(o: KObject): string[] {
  const name = o.metadata?.name ?? '';
  if (!DNS_LABEL_RECOMMENDED_KINDS.has(o.kind) || !name) return [];
  const msgs = isDNS1123Label(name);
  if (!msgs.length) return [];
  const what = o.kind === 'Pod' ? "the Pod's hostname" : 'Pod names and hostnames';
  return [`metadata.name: this is used in ${what}, which can result in surprising behavior; a DNS label is recommended: [${msgs.join(' ')}]`];
}
