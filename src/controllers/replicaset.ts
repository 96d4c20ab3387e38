// ReplicaSet and ReplicationController controller: keep `replicas` pods that match the selector,
// adopting orphans that match and releasing pods whose labels no longer match (kiamol ch02's
// relabelling exercise), creating replacements with new names (and so new IPs).
import type { KObject } from '../api/types.js';
import type { Cluster } from '../store/cluster.js';
import { fromLabelSelector, fromMap, matches, type Selector } from '../api/labels.js';
import { createObject, deleteObject } from '../api/server.js';
import { controllerOf, controllerRef, isOwnedBy, podIsActive, podIsReady, same } from './util.js';

function selectorOf(rs: KObject): Selector | null {
  return rs.kind === 'ReplicationController' ? fromMap(rs.spec?.selector) : fromLabelSelector(rs.spec?.selector);
}

/** A pod from a controller's template, named `<owner>-<5 chars>`. */
export function podFromTemplate(owner: KObject, template: KObject['spec'], generateName: string): KObject {
  const tm = template?.metadata ?? {};
  const pod: KObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: '',
      generateName,
      namespace: owner.metadata.namespace,
      labels: { ...(tm.labels ?? {}) },
      ownerReferences: [controllerRef(owner)],
    },
    spec: structuredClone(template?.spec ?? {}),
  };
  if (tm.annotations) pod.metadata.annotations = { ...tm.annotations };
  return pod;
}

/**
 * Order in which surplus pods go (the controller's ActivePodsWithRanks): unscheduled, pending,
 * not ready, then newest first. Timestamps have second precision, so within one second the pod
 * IP stands in for age: each node hands IPs out walking forward, so the newer pod has the higher.
 */
function deletionRank(p: KObject): number[] {
  const ipIndex = Number(String(p.status?.podIP ?? '').split('.').pop() ?? 0) || 0;
  return [p.spec?.nodeName ? 1 : 0, p.status?.phase === 'Pending' ? 0 : 1, podIsReady(p) ? 1 : 0, -Date.parse(p.metadata.creationTimestamp ?? ''), -ipIndex];
}

function compareRank(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

/** Active pods by their controller's uid, and the active orphans of each namespace. */
function indexPods(cluster: Cluster): { byOwner: Map<string, KObject[]>; orphans: Map<string, KObject[]> } {
  const byOwner = new Map<string, KObject[]>();
  const orphans = new Map<string, KObject[]>();
  for (const p of cluster.list('pods')) {
    if (!podIsActive(p)) continue;
    const ref = controllerOf(p);
    const key = ref ? ref.uid : p.metadata.namespace!;
    const map = ref ? byOwner : orphans;
    let arr = map.get(key);
    if (!arr) map.set(key, (arr = []));
    arr.push(p);
  }
  return { byOwner, orphans };
}

export function reconcileReplicaSets(cluster: Cluster): boolean {
  let changed = false;
  const { byOwner, orphans } = indexPods(cluster);
  const adopted = new Set<KObject>();
  for (const plural of ['replicasets', 'replicationcontrollers']) {
    for (const rs of cluster.list(plural)) {
      if (rs.metadata.deletionTimestamp) continue;
      const ns = rs.metadata.namespace;
      const sel = selectorOf(rs);
      const pods = [...(byOwner.get(rs.metadata.uid!) ?? []), ...(orphans.get(ns!) ?? []).filter((p) => !adopted.has(p))];
      const owned: KObject[] = [];
      for (const p of pods) {
        const ref = controllerOf(p);
        const match = sel !== null && sel.length > 0 && matches(sel, p.metadata.labels);
        if (ref?.uid === rs.metadata.uid) {
          if (match) owned.push(p);
          else {
            // Released: labels changed so the selector no longer picks it.
            p.metadata.ownerReferences = (p.metadata.ownerReferences ?? []).filter((r: { uid: string }) => r.uid !== rs.metadata.uid);
            if (!p.metadata.ownerReferences.length) delete p.metadata.ownerReferences;
            cluster.update(p, { specChanged: false });
            changed = true;
          }
        } else if (!ref && match) {
          // Adopted: an orphan that matches the selector.
          p.metadata.ownerReferences = [...(p.metadata.ownerReferences ?? []), controllerRef(rs)];
          cluster.update(p, { specChanged: false });
          owned.push(p);
          adopted.add(p);
          changed = true;
        }
      }
      const want = rs.spec?.replicas ?? 1;
      const component = rs.kind === 'ReplicaSet' ? 'replicaset-controller' : 'replication-controller';
      if (owned.length < want) {
        for (let i = owned.length; i < want; i++) {
          const pod = createObject(cluster, podFromTemplate(rs, rs.spec.template, `${rs.metadata.name}-`));
          owned.push(pod);
          cluster.event(rs, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`, component);
        }
        changed = true;
      } else if (owned.length > want) {
        const surplus = [...owned].sort((a, b) => compareRank(deletionRank(a), deletionRank(b))).slice(0, owned.length - want);
        for (const p of surplus) {
          deleteObject(cluster, p);
          owned.splice(owned.indexOf(p), 1);
          cluster.event(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata.name}`, component);
        }
        changed = true;
      }
      const live = owned.filter((p) => cluster.get('pods', ns, p.metadata.name));
      const ready = live.filter(podIsReady).length;
      const status: Record<string, unknown> = { replicas: live.length };
      const labelled = live.filter((p) => matches(fromMap(rs.spec?.template?.metadata?.labels), p.metadata.labels)).length;
      if (labelled) status.fullyLabeledReplicas = labelled;
      if (ready) status.readyReplicas = ready;
      if (ready) status.availableReplicas = ready;
      status.observedGeneration = rs.metadata.generation;
      if (!same(status, rs.status)) {
        rs.status = status;
        cluster.update(rs, { specChanged: false });
        changed = true;
      }
    }
  }
  return changed;
}

export { isOwnedBy };
