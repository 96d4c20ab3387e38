// describe.go's PersistentVolumeClaim describer.
import type { ClusterView, KObject } from '../../api/types.js';
import { describeEvents } from './events.js';
import { type Any, rfc1123z, since } from './format.js';
import { goSort } from './gosort.js';
import { printPersistentVolumeClaim } from './volumes.js';
import { LEVEL_0, LEVEL_1, tabbedString } from './writer.js';

/** getPodsForPVC: pods mounting the claim, then pods owning it. */
function podsFor(view: ClusterView, pvc: Any): Any[] {
  const nsPods: Any[] = view.list('pods', pvc.metadata.namespace);
  const pods: Any[] = [];
  for (const pod of nsPods) for (const v of pod.spec?.volumes ?? []) if (v.persistentVolumeClaim?.claimName === pvc.metadata.name) pods.push(pod);
  for (const ref of pvc.metadata.ownerReferences ?? []) {
    if (ref.kind !== 'Pod') continue;
    const owner = nsPods.find((p) => p.metadata.uid === ref.uid);
    if (owner && !pods.some((p) => p.metadata.uid === owner.metadata.uid)) pods.push(owner);
  }
  return pods;
}

export function describePersistentVolumeClaim(obj: KObject, view: ClusterView): string {
  const pvc: Any = obj;
  const pods = podsFor(view, pvc);
  return tabbedString((w) => {
    const terminating = pvc.metadata.deletionTimestamp ? since(pvc.metadata.deletionTimestamp, view.now) : undefined;
    printPersistentVolumeClaim(w, pvc, true, terminating);
    w.write(LEVEL_0, 'Used By:\t');
    if (pods.length === 0) w.writeLine('<none>');
    else {
      const sorted = [...pods];
      goSort(sorted, (a, b) => a.metadata.name < b.metadata.name);
      sorted.forEach((p, i) => {
        if (i !== 0) w.write(LEVEL_0, '\t');
        w.write(LEVEL_0, `${p.metadata.name}\n`);
      });
    }
    const conditions: Any[] = pvc.status?.conditions ?? [];
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n');
      w.write(LEVEL_1, 'Type\tStatus\tLastProbeTime\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
      for (const c of conditions) {
        w.write(LEVEL_1, `${c.type} \t${c.status} \t${rfc1123z(c.lastProbeTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`);
      }
    }
    describeEvents(view.eventsFor(obj), w, view.now);
  });
}
