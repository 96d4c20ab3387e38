// When reconciling can be skipped. Every state kubesim saves is at the controllers' fixed point as
// of the moment it was saved (state.settledAt). From then on only time can move it: a pod
// starting, a probe or main process of a container, a graceful deletion, an Event reaching its
// TTL. If none of those is pending, reconciling now would change nothing — the way a
// controller-runtime reconciler with no RequeueAfter is not woken until something changes — and
// a command that only reads (get, describe, wait) is spared the work.
// KUBESIM_CHECK_SETTLED=1 (the end-to-end tests set it) reconciles anyway and fails loudly if the
// skip would have been wrong.
import type { Cluster } from '../store/cluster.js';
import { EVENT_TTL_MS } from '../store/cluster.js';
import { podWantsRuntime } from '../runtime/probes.js';

interface PodLike {
  metadata: { deletionTimestamp?: string };
  status?: { phase?: string; containerStatuses?: { ready?: boolean; state?: { running?: unknown } }[] };
  spec?: { containers?: unknown[] };
}

/** A pod that nothing but a change to it (or its owner) can move. */
function podAtRest(cluster: Cluster, pod: PodLike & Parameters<typeof podWantsRuntime>[1]): boolean {
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return true;
  if (phase !== 'Running') return false;
  const statuses = pod.status?.containerStatuses ?? [];
  if (statuses.length !== (pod.spec?.containers ?? []).length || !statuses.every((s) => s.ready && s.state?.running)) return false;
  return !podWantsRuntime(cluster, pod);
}

/** Whether the loaded state is still at its fixed point now (see the top of this file). */
export function stillSettled(cluster: Cluster): boolean {
  const settledAt = cluster.state.settledAt;
  if (settledAt === undefined || cluster.now < settledAt) return false;
  const oldest = cluster.state.eventsOldest;
  if (oldest !== undefined && oldest + EVENT_TTL_MS < cluster.now) return false;
  const objects = cluster.state.objects;
  // Object.keys: the Events bucket is read only when touched (store/events-file.ts).
  for (const plural of Object.keys(objects)) {
    if (plural === 'events') continue;
    for (const o of Object.values(objects[plural])) {
      if (o.metadata.deletionTimestamp) return false;
      if (plural === 'pods' && !podAtRest(cluster, o)) return false;
    }
  }
  return true;
}
