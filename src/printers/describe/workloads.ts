// describeDeployment, describeReplicaSet and describeReplicationController (reference §16.6):
// replica counts, the pod template, conditions, the ReplicaSets of a Deployment and the
// phases of the pods a ReplicaSet / RC controls.
import { formatLabels, fromLabelSelector, fromMap, matches, type Selector } from '../../api/labels.js';
import type { ClusterView, KObject } from '../../api/types.js';
import { describeEvents } from './events.js';
import { type Any, controllerOf, intOrString, isControlledBy, printAnnotationsMultiline, printLabelsMultiline, rfc1123z } from './format.js';
import { goSort } from './gosort.js';
import { describePodTemplate, formatLabelSelector, selectorText } from './podtemplate.js';
import { LEVEL_0, LEVEL_1, type PrefixWriter, tabbedString } from './writer.js';

/** getPodStatusForController: pods matching the selector and controlled by `owner`, by phase. */
function podStatusFor(view: ClusterView, owner: Any, selector: Selector | null): string {
  let running = 0;
  let waiting = 0;
  let succeeded = 0;
  let failed = 0;
  const pods = selector === null ? [] : view.list('pods', owner.metadata.namespace).filter((p) => matches(selector, p.metadata.labels));
  for (const pod of pods as Any[]) {
    if (!isControlledBy(pod, owner)) continue;
    switch (pod.status?.phase) {
      case 'Running':
        running++;
        break;
      case 'Pending':
        waiting++;
        break;
      case 'Succeeded':
        succeeded++;
        break;
      case 'Failed':
        failed++;
        break;
    }
  }
  return `${running} Running / ${waiting} Waiting / ${succeeded} Succeeded / ${failed} Failed`;
}

function describeConditions(w: PrefixWriter, conditions: Any[] | undefined): void {
  if (!conditions || conditions.length === 0) return;
  w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
  w.write(LEVEL_1, '----\t------\t------\n');
  for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
}

/** A JSON value with object keys sorted, for a deep-equality test. */
const canonical = (v: unknown): string =>
  JSON.stringify(v, (_k, val) =>
    val && typeof val === 'object' && !Array.isArray(val) ? Object.fromEntries(Object.keys(val).sort().map((k) => [k, (val as Any)[k]])) : val,
  );

/** equalIgnoreHash: the templates are equal once the pod-template-hash label is removed. */
function equalIgnoreHash(a: Any, b: Any): boolean {
  const strip = (t: Any): Any => {
    const copy = structuredClone(t ?? {});
    if (copy.metadata?.labels) {
      delete copy.metadata.labels['pod-template-hash'];
      if (Object.keys(copy.metadata.labels).length === 0) delete copy.metadata.labels;
    }
    return copy;
  };
  return canonical(strip(a)) === canonical(strip(b));
}

/** deploymentutil.GetAllReplicaSets: all old ReplicaSets and the new one. */
function replicaSetsOf(view: ClusterView, d: Any): { old: Any[]; newRS: Any | undefined } {
  const sel = fromLabelSelector(d.spec?.selector);
  if (sel === null) return { old: [], newRS: undefined };
  const owned: Any[] = view.list('replicasets', d.metadata.namespace).filter((rs) => matches(sel, rs.metadata.labels) && isControlledBy(rs, d));
  goSort(owned, (a, b) => {
    const ta = Date.parse(a.metadata.creationTimestamp ?? '') || 0;
    const tb = Date.parse(b.metadata.creationTimestamp ?? '') || 0;
    return ta === tb ? a.metadata.name < b.metadata.name : ta < tb;
  });
  const newRS = owned.find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
  return { old: owned.filter((rs) => rs !== newRS), newRS };
}

const replicaSetsByLabels = (list: Any[]): string =>
  list.map((rs) => `${rs.metadata.name} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 0} replicas created)`).join(', ') || '<none>';

export function describeDeployment(obj: KObject, view: ClusterView): string {
  const d: Any = obj;
  const spec = d.spec ?? {};
  const status = d.status ?? {};
  const { old, newRS } = replicaSetsOf(view, d);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${d.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${d.metadata.namespace ?? ''}\n`);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(d.metadata.creationTimestamp)}\n`);
    printLabelsMultiline(w, 'Labels', d.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', d.metadata.annotations);
    w.write(LEVEL_0, `Selector:\t${selectorText(spec.selector)}\n`);
    w.write(
      LEVEL_0,
      `Replicas:\t${spec.replicas ?? 0} desired | ${status.updatedReplicas ?? 0} updated | ${status.replicas ?? 0} total | ` +
        `${status.availableReplicas ?? 0} available | ${status.unavailableReplicas ?? 0} unavailable\n`,
    );
    w.write(LEVEL_0, `StrategyType:\t${spec.strategy?.type ?? ''}\n`);
    w.write(LEVEL_0, `MinReadySeconds:\t${spec.minReadySeconds ?? 0}\n`);
    const ru = spec.strategy?.rollingUpdate;
    const ptr = (v: unknown): string => (v === undefined || v === null ? '<nil>' : intOrString(v));
    if (ru) w.write(LEVEL_0, `RollingUpdateStrategy:\t${ptr(ru.maxUnavailable)} max unavailable, ${ptr(ru.maxSurge)} max surge\n`);
    describePodTemplate(spec.template, w);
    describeConditions(w, status.conditions);
    if (old.length > 0 || newRS) {
      w.write(LEVEL_0, `OldReplicaSets:\t${replicaSetsByLabels(old)}\n`);
      w.write(LEVEL_0, `NewReplicaSet:\t${replicaSetsByLabels(newRS ? [newRS] : [])}\n`);
    }
    describeEvents(view.eventsFor(obj), w, view.now);
  });
}

export function describeReplicaSet(obj: KObject, view: ClusterView): string {
  const rs: Any = obj;
  const spec = rs.spec ?? {};
  const pods = podStatusFor(view, rs, fromLabelSelector(spec.selector));
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${rs.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${rs.metadata.namespace ?? ''}\n`);
    w.write(LEVEL_0, `Selector:\t${formatLabelSelector(spec.selector)}\n`);
    printLabelsMultiline(w, 'Labels', rs.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', rs.metadata.annotations);
    const controlledBy = controllerOf(rs);
    if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
    w.write(LEVEL_0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${spec.replicas ?? 0} desired\n`);
    w.write(LEVEL_0, 'Pods Status:\t');
    w.write(LEVEL_0, `${pods}\n`);
    describePodTemplate(spec.template, w);
    describeConditions(w, rs.status?.conditions);
    describeEvents(view.eventsFor(obj), w, view.now);
  });
}

export function describeReplicationController(obj: KObject, view: ClusterView): string {
  const rc: Any = obj;
  const spec = rc.spec ?? {};
  const pods = podStatusFor(view, rc, fromMap(spec.selector));
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${rc.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${rc.metadata.namespace ?? ''}\n`);
    w.write(LEVEL_0, `Selector:\t${formatLabels(spec.selector)}\n`);
    printLabelsMultiline(w, 'Labels', rc.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', rc.metadata.annotations);
    w.write(LEVEL_0, `Replicas:\t${rc.status?.replicas ?? 0} current / ${spec.replicas ?? 0} desired\n`);
    w.write(LEVEL_0, `Pods Status:\t${pods}\n`);
    describePodTemplate(spec.template, w);
    describeConditions(w, rc.status?.conditions);
    describeEvents(view.eventsFor(obj), w, view.now);
  });
}
