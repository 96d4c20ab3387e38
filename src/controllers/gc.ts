// Garbage collector (background cascading deletion): an object whose owners are all gone is
// deleted, so deleting a Deployment removes its ReplicaSets and then their Pods.
import type { Cluster } from '../store/cluster.js';
import { byPluralName } from '../api/registry.js';

export function reconcileGarbage(cluster: Cluster): boolean {
  // Events own nothing and have no owners: their bucket is not read (store/events-file.ts).
  const objects = cluster.state.objects;
  const plurals = Object.keys(objects).filter((p) => p !== 'events');
  const uids = new Set<string>();
  for (const p of plurals) for (const o of Object.values(objects[p])) if (o.metadata.uid) uids.add(o.metadata.uid);
  let changed = false;
  for (const plural of plurals) {
    for (const o of Object.values(objects[plural])) {
      const refs = o.metadata.ownerReferences as { uid: string }[] | undefined;
      if (!refs?.length) continue;
      if (refs.some((r) => uids.has(r.uid))) continue;
      const t = byPluralName(plural);
      cluster.remove(plural, t?.namespaced ? o.metadata.namespace : undefined, o.metadata.name);
      changed = true;
    }
  }
  return changed;
}
