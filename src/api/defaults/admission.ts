// What the kind API server's mutating admission plugins add to a Pod on CREATE:
// - ServiceAccount (plugin/pkg/admission/serviceaccount): serviceAccountName `default`, the
//   `kube-api-access-<5>` projected token volume mounted read-only at
//   /var/run/secrets/kubernetes.io/serviceaccount in every (init) container, and the service
//   account's imagePullSecrets.
// - Priority: priority from the PriorityClass (0 and PreemptLowerPriority without one).
// - DefaultTolerationSeconds: not-ready / unreachable NoExecute tolerations for 300s.
import type { KObject } from '../types.js';
import { type Obj, child, isObj, items } from './util.js';

export const TOKEN_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';
export const TOKEN_VOLUME_PREFIX = 'kube-api-access-';
const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';

/** The built-in PriorityClasses every cluster has (scheduling/v1 SystemPriorityClasses). */
export const SYSTEM_PRIORITY_CLASSES: Record<string, number> = {
  'system-node-critical': 2000001000,
  'system-cluster-critical': 2000000000,
};

export interface AdmissionContext {
  /** The pod's ServiceAccount when known (its automountServiceAccountToken and imagePullSecrets count). */
  serviceAccount?: KObject;
  /** The PriorityClass named by spec.priorityClassName when it is not a system class (scheduling.k8s.io/v1). */
  priorityClass?: KObject;
}

/** The projected volume source exactly as serviceaccount.TokenVolumeSource() builds it. */
export function tokenVolumeSource(): Obj {
  return {
    defaultMode: 420,
    sources: [
      { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
      { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
      { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
    ],
  };
}

function shouldAutomount(spec: Obj, sa: KObject | undefined): boolean {
  if (typeof spec.automountServiceAccountToken === 'boolean') return spec.automountServiceAccountToken;
  if (typeof sa?.automountServiceAccountToken === 'boolean') return sa.automountServiceAccountToken;
  return true;
}

function mountServiceAccountToken(spec: Obj, rand: () => string): void {
  const volumes = items(spec, 'volumes');
  const names = new Set(volumes.map((v) => v.name));
  let volumeName = volumes.map((v) => String(v.name ?? '')).find((n) => n.startsWith(TOKEN_VOLUME_PREFIX));
  volumeName ??= TOKEN_VOLUME_PREFIX + rand();
  let needsVolume = false;
  for (const key of ['initContainers', 'containers']) {
    for (const c of items(spec, key)) {
      if (items(c, 'volumeMounts').some((m) => m.mountPath === TOKEN_MOUNT_PATH)) continue;
      if (!Array.isArray(c.volumeMounts)) c.volumeMounts = [];
      c.volumeMounts.push({ mountPath: TOKEN_MOUNT_PATH, name: volumeName, readOnly: true });
      needsVolume = true;
    }
  }
  if (needsVolume && !names.has(volumeName)) {
    if (!Array.isArray(spec.volumes)) spec.volumes = [];
    spec.volumes.push({ name: volumeName, projected: tokenVolumeSource() });
  }
}

function admitServiceAccount(pod: Obj, spec: Obj, rand: () => string, ctx: AdmissionContext): void {
  if (isObj(pod.metadata?.annotations) && MIRROR_POD_ANNOTATION in pod.metadata.annotations) return;
  if (!spec.serviceAccountName) spec.serviceAccountName = 'default';
  spec.serviceAccount = spec.serviceAccountName;
  if (shouldAutomount(spec, ctx.serviceAccount)) mountServiceAccountToken(spec, rand);
  const pullSecrets = ctx.serviceAccount?.imagePullSecrets;
  if ((!Array.isArray(spec.imagePullSecrets) || spec.imagePullSecrets.length === 0) && Array.isArray(pullSecrets) && pullSecrets.length > 0) {
    spec.imagePullSecrets = pullSecrets.filter(isObj).map((s) => ({ name: s.name }));
  }
}

function admitPriority(spec: Obj, pc: KObject | undefined): void {
  const className = spec.priorityClassName;
  if (!className) {
    spec.priority ??= 0;
    spec.preemptionPolicy ??= 'PreemptLowerPriority';
  } else if (className in SYSTEM_PRIORITY_CLASSES) {
    spec.priority ??= SYSTEM_PRIORITY_CLASSES[className];
    spec.preemptionPolicy ??= 'PreemptLowerPriority';
  } else if (pc && pc.metadata?.name === className && typeof pc.value === 'number') {
    spec.priority ??= pc.value;
    spec.preemptionPolicy ??= pc.preemptionPolicy ?? 'PreemptLowerPriority';
  }
  // Otherwise the real server answers: pods "x" is forbidden: no PriorityClass with name <n> was found
}

function admitDefaultTolerations(spec: Obj): void {
  const tolerations = items(spec, 'tolerations');
  const tolerates = (key: string) =>
    tolerations.some((t) => (t.key === key || !t.key) && (t.effect === 'NoExecute' || !t.effect));
  const add: Obj[] = [];
  for (const key of ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']) {
    if (!tolerates(key)) add.push({ effect: 'NoExecute', key, operator: 'Exists', tolerationSeconds: 300 });
  }
  if (add.length > 0) spec.tolerations = [...(Array.isArray(spec.tolerations) ? spec.tolerations : []), ...add];
}

/** Runs the pod admission plugins on a (defaulted) Pod. Mutates `pod`. */
export function admitPod(pod: Obj, rand: () => string, ctx: AdmissionContext = {}): void {
  const spec = child(pod, 'spec');
  admitServiceAccount(pod, spec, rand, ctx);
  admitPriority(spec, ctx.priorityClass);
  admitDefaultTolerations(spec);
}
