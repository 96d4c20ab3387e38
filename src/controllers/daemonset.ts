// DaemonSet controller: one pod per eligible node (nodeSelector honoured), pinned to its node
// with the node-affinity term the real controller writes.
import type { Cluster } from '../store/cluster.js';
import { createObject, deleteObject } from '../api/server.js';
import { podFromTemplate } from './replicaset.js';
import { isOwnedBy, podIsActive, podIsReady, same } from './util.js';

export function reconcileDaemonSets(cluster: Cluster): boolean {
  let changed = false;
  const nodes = cluster.list('nodes');
  for (const ds of cluster.list('daemonsets')) {
    const ns = ds.metadata.namespace;
    const sel: Record<string, string> = ds.spec?.template?.spec?.nodeSelector ?? {};
    const eligible = nodes.filter((n) => Object.entries(sel).every(([k, v]) => n.metadata.labels?.[k] === v));
    const pods = cluster.list('pods', ns).filter((p) => isOwnedBy(p, ds) && podIsActive(p));
    const nodeOf = (p: typeof pods[number]) =>
      p.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms?.[0]?.matchFields?.[0]?.values?.[0] ?? p.spec?.nodeName;
    for (const n of eligible) {
      if (pods.some((p) => nodeOf(p) === n.metadata.name)) continue;
      const pod = podFromTemplate(ds, ds.spec.template, `${ds.metadata.name}-`);
      pod.spec.affinity = {
        ...(pod.spec.affinity ?? {}),
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [n.metadata.name] }] }],
          },
        },
      };
      const created = createObject(cluster, pod);
      cluster.event(ds, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata.name}`, 'daemonset-controller');
      changed = true;
    }
    for (const p of pods) {
      if (!eligible.some((n) => n.metadata.name === nodeOf(p))) {
        deleteObject(cluster, p);
        cluster.event(ds, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata.name}`, 'daemonset-controller');
        changed = true;
      }
    }
    const mine = cluster.list('pods', ns).filter((p) => isOwnedBy(p, ds) && podIsActive(p));
    const ready = mine.filter(podIsReady).length;
    const status: Record<string, unknown> = {
      currentNumberScheduled: mine.filter((p) => p.spec?.nodeName).length,
      desiredNumberScheduled: eligible.length,
      numberMisscheduled: 0,
      numberReady: ready,
      observedGeneration: ds.metadata.generation,
      updatedNumberScheduled: mine.length,
    };
    if (ready) status.numberAvailable = ready;
    if (eligible.length - ready > 0) status.numberUnavailable = eligible.length - ready;
    if (!same(status, ds.status)) {
      ds.status = status;
      cluster.update(ds, { specChanged: false });
      changed = true;
    }
  }
  return changed;
}
