// Deployment controller: one ReplicaSet per pod template (`<deploy>-<pod-template-hash>`), the
// current one scaled to spec.replicas and the old ones to 0 (a rollout that completes at once; the
// same template again reuses its old ReplicaSet, as a rollback does), old ones beyond
// revisionHistoryLimit removed, and the status and conditions kubectl shows.
import type { KObject } from '../api/types.js';
import type { Cluster } from '../store/cluster.js';
import { createObject, deleteObject } from '../api/server.js';
import { podTemplateHash } from '../util/hash.js';
import { controllerRef, isOwnedBy, same, setCondition } from './util.js';

const REVISION = 'deployment.kubernetes.io/revision';

/** Annotations of a Deployment its ReplicaSets do not get (deployment util's annotationsToSkip). */
const NOT_COPIED = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION,
  'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to',
]);

/** The Deployment's annotations its current ReplicaSet carries (kubernetes.io/change-cause among them). */
function copiedAnnotations(d: KObject): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries((d.metadata.annotations ?? {}) as Record<string, string>)) if (!NOT_COPIED.has(k)) out[k] = v;
  return out;
}

function revisionOf(rs: KObject): number {
  return Number(rs.metadata.annotations?.[REVISION] ?? 0);
}

function maxSurge(d: KObject): number {
  const replicas = d.spec?.replicas ?? 1;
  const v = d.spec?.strategy?.rollingUpdate?.maxSurge ?? '25%';
  if (d.spec?.strategy?.type === 'Recreate') return 0;
  return typeof v === 'string' && v.endsWith('%') ? Math.ceil((replicas * parseInt(v, 10)) / 100) : Number(v);
}

function newReplicaSet(d: KObject, hash: string, revision: number): KObject {
  const template = structuredClone(d.spec.template ?? {});
  template.metadata ??= {};
  template.metadata.labels = { ...(template.metadata.labels ?? {}), 'pod-template-hash': hash };
  const selector = structuredClone(d.spec.selector ?? {});
  selector.matchLabels = { ...(selector.matchLabels ?? {}), 'pod-template-hash': hash };
  const replicas = d.spec.replicas ?? 1;
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `${d.metadata.name}-${hash}`,
      namespace: d.metadata.namespace,
      labels: { ...(d.spec.template?.metadata?.labels ?? {}), 'pod-template-hash': hash },
      annotations: {
        ...copiedAnnotations(d),
        'deployment.kubernetes.io/desired-replicas': String(replicas),
        'deployment.kubernetes.io/max-replicas': String(replicas + maxSurge(d)),
        [REVISION]: String(revision),
      },
      ownerReferences: [controllerRef(d)],
    },
    spec: { replicas, selector, template },
  };
}

function scale(cluster: Cluster, d: KObject, rs: KObject, to: number): void {
  const from = rs.spec.replicas ?? 0;
  if (from === to) return;
  rs.spec.replicas = to;
  const replicas = d.spec.replicas ?? 1;
  rs.metadata.annotations = {
    ...(rs.metadata.annotations ?? {}),
    'deployment.kubernetes.io/desired-replicas': String(replicas),
    'deployment.kubernetes.io/max-replicas': String(replicas + maxSurge(d)),
  };
  cluster.update(rs);
  const verb = to > from ? 'up' : 'down';
  cluster.event(d, 'Normal', 'ScalingReplicaSet', `Scaled ${verb} replica set ${rs.metadata.name} to ${to} from ${from}`, 'deployment-controller');
}

export function reconcileDeployments(cluster: Cluster): boolean {
  let changed = false;
  for (const d of cluster.list('deployments')) {
    if (d.metadata.deletionTimestamp) continue;
    const ns = d.metadata.namespace;
    const owned = cluster.list('replicasets', ns).filter((rs) => isOwnedBy(rs, d));
    const hash = podTemplateHash(d.spec?.template, d.status?.collisionCount ?? 0);
    let current = owned.find((rs) => rs.metadata.labels?.['pod-template-hash'] === hash);
    const maxRevision = owned.reduce((m, rs) => Math.max(m, revisionOf(rs)), 0);
    const replicas = d.spec?.replicas ?? 1;
    if (!current) {
      const existing = cluster.get('replicasets', ns, `${d.metadata.name}-${hash}`);
      if (existing) continue; // a name collision with a foreign ReplicaSet: leave it, as the controller would retry
      current = createObject(cluster, newReplicaSet(d, hash, maxRevision + 1));
      if (replicas > 0) {
        cluster.event(d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${current.metadata.name} to ${replicas}`, 'deployment-controller');
      }
      changed = true;
    } else {
      if (revisionOf(current) < maxRevision) {
        current.metadata.annotations = { ...(current.metadata.annotations ?? {}), [REVISION]: String(maxRevision + 1) };
        cluster.update(current);
        changed = true;
      }
      if ((current.spec.replicas ?? 0) !== replicas) {
        scale(cluster, d, current, replicas);
        changed = true;
      }
      const copied = copiedAnnotations(d);
      if (Object.entries(copied).some(([k, v]) => current!.metadata.annotations?.[k] !== v)) {
        current.metadata.annotations = { ...(current.metadata.annotations ?? {}), ...copied };
        cluster.update(current);
        changed = true;
      }
    }
    const olds = owned.filter((rs) => rs !== current);
    for (const rs of olds) {
      if ((rs.spec.replicas ?? 0) !== 0) {
        scale(cluster, d, rs, 0);
        changed = true;
      }
    }
    const limit = d.spec?.revisionHistoryLimit ?? 10;
    const idle = olds.filter((rs) => (rs.spec.replicas ?? 0) === 0 && (rs.status?.replicas ?? 0) === 0).sort((a, b) => revisionOf(a) - revisionOf(b));
    for (const rs of idle.slice(0, Math.max(0, idle.length - limit))) {
      deleteObject(cluster, rs);
      changed = true;
    }
    if (updateStatus(cluster, d, current, olds)) changed = true;
  }
  return changed;
}

function updateStatus(cluster: Cluster, d: KObject, current: KObject, olds: KObject[]): boolean {
  const all = [current, ...olds].filter((rs) => cluster.get('replicasets', rs.metadata.namespace, rs.metadata.name));
  const sum = (f: (rs: KObject) => number) => all.reduce((n, rs) => n + f(rs), 0);
  const replicas = d.spec?.replicas ?? 1;
  const total = sum((rs) => rs.status?.replicas ?? 0);
  const updated = current.status?.replicas ?? 0;
  const ready = sum((rs) => rs.status?.readyReplicas ?? 0);
  const available = sum((rs) => rs.status?.availableReplicas ?? 0);
  const unavailable = Math.max(0, replicas - available);
  const status: Record<string, unknown> = { observedGeneration: d.metadata.generation };
  if (total) status.replicas = total;
  if (updated) status.updatedReplicas = updated;
  if (ready) status.readyReplicas = ready;
  if (available) status.availableReplicas = available;
  if (unavailable) status.unavailableReplicas = unavailable;
  if (d.status?.collisionCount) status.collisionCount = d.status.collisionCount;
  const now = cluster.timestamp;
  let conds: Record<string, unknown>[] = d.status?.conditions ?? [];
  const maxUnavailable = (() => {
    const v = d.spec?.strategy?.rollingUpdate?.maxUnavailable ?? '25%';
    return typeof v === 'string' && v.endsWith('%') ? Math.floor((replicas * parseInt(v, 10)) / 100) : Number(v);
  })();
  const isAvailable = available >= replicas - (d.spec?.strategy?.type === 'Recreate' ? 0 : maxUnavailable);
  const prevAvail = conds.find((c) => c.type === 'Available');
  const availCond = isAvailable
    ? { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' }
    : { type: 'Available', status: 'False', reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.' };
  const complete = updated === replicas && available === replicas && total === replicas;
  const progCond = complete
    ? { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${current.metadata.name}" has successfully progressed.` }
    : { type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated', message: `ReplicaSet "${current.metadata.name}" is progressing.` };
  const prevProg = conds.find((c) => c.type === 'Progressing');
  const stamp = (prev: Record<string, unknown> | undefined, c: { status: string; reason: string; message: string }) =>
    prev && prev.status === c.status && prev.reason === c.reason && prev.message === c.message ? prev.lastUpdateTime : now;
  conds = setCondition(conds, availCond, now, { lastUpdateTime: stamp(prevAvail, availCond) });
  conds = setCondition(conds, progCond, now, { lastUpdateTime: stamp(prevProg, progCond) });
  // kubectl shows Available first, then Progressing (creation order in a real cluster is Progressing first
  // only during the very first rollout; keep a stable order).
  status.conditions = conds;
  const revision = current.metadata.annotations?.[REVISION];
  let changed = false;
  if (revision && d.metadata.annotations?.[REVISION] !== revision) {
    d.metadata.annotations = { ...(d.metadata.annotations ?? {}), [REVISION]: revision };
    changed = true;
  }
  if (!same(status, d.status)) {
    d.status = status;
    changed = true;
  }
  if (changed) cluster.update(d, { specChanged: false });
  return changed;
}
