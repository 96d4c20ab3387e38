// Garbage collection of the simulated containers' state (`state.runtime`): the files, logs and
// memory of a pod go when the pod is gone, a PersistentVolumeClaim's data when the claim is gone,
// and a shared Service environment when no container uses it — so the state file does not grow
// without bound over a long tutorial.
import type { Cluster } from '../store/cluster.js';
import { SHARED_ENV } from '../runtime/start.js';

export function reconcileRuntimeGc(cluster: Cluster): boolean {
  const rt = cluster.state.runtime;
  if (!rt) return false;
  const keys = Object.keys(rt);
  if (!keys.length) return false;
  const uids = new Set<string>();
  for (const p of Object.values(cluster.state.objects.pods ?? {})) if (p.metadata.uid) uids.add(p.metadata.uid);
  let changed = false;
  const sharedUsed = new Set<string>();
  for (const k of keys) {
    const pr = rt[k] as { c?: Record<string, { svc?: string }> };
    if (uids.has(k)) for (const rec of Object.values(pr.c ?? {})) if (rec.svc) sharedUsed.add(rec.svc);
  }
  for (const k of keys) {
    if (k.startsWith(SHARED_ENV)) {
      if (!sharedUsed.has(k)) {
        delete rt[k];
        changed = true;
      }
      continue;
    }
    if (k.startsWith('pvc/')) {
      const [, ns, name] = k.split('/');
      if (!cluster.get('persistentvolumeclaims', ns, name)) {
        delete rt[k];
        changed = true;
      }
      continue;
    }
    if (!uids.has(k)) {
      delete rt[k];
      changed = true;
    }
  }
  // Runtime state never feeds back into other controllers' decisions: no further round needed.
  void changed;
  return false;
}
