// DescribePodTemplate (Deployment, ReplicaSet, ReplicationController, ...) and
// describeTopologySpreadConstraints, shared with the Pod describer.
import { fromLabelSelector, selectorString } from '../../api/labels.js';
import { describeContainers } from './containers.js';
import { type Any, printAnnotationsMultiline, printLabelsMultiline, printTolerationsMultiline } from './format.js';
import { goSort } from './gosort.js';
import { describeVolumes } from './volumes.js';
import { LEVEL_0, LEVEL_1, type PrefixWriter } from './writer.js';

/** metav1.FormatLabelSelector: the selector string, `<none>` when empty, `<error>` when nil. */
export function formatLabelSelector(sel: Any): string {
  const reqs = fromLabelSelector(sel);
  if (reqs === null) return '<none>';
  return selectorString(reqs) || '<none>';
}

/** LabelSelectorAsSelector(sel).String(): '' for an empty or missing selector. */
export const selectorText = (sel: Any): string => selectorString(fromLabelSelector(sel) ?? []);

export function describeTopologySpreadConstraints(tscs: Any[] | undefined, w: PrefixWriter, space: string): void {
  if (!tscs || tscs.length === 0) return;
  const sorted = [...tscs];
  goSort(sorted, (a, b) => (a.topologyKey ?? '') < (b.topologyKey ?? ''));
  w.write(LEVEL_0, `${space}Topology Spread Constraints:\t`);
  sorted.forEach((tsc, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, space);
      w.write(LEVEL_0, '\t');
    }
    w.write(LEVEL_0, `${tsc.topologyKey ?? ''}:`);
    w.write(LEVEL_0, `${tsc.whenUnsatisfiable ?? ''}`);
    w.write(LEVEL_0, ` when max skew ${tsc.maxSkew ?? 0} is exceeded`);
    if (tsc.labelSelector) w.write(LEVEL_0, ` for selector ${formatLabelSelector(tsc.labelSelector)}`);
    w.write(LEVEL_0, '\n');
  });
}

export function describePodTemplate(template: Any, w: PrefixWriter): void {
  w.write(LEVEL_0, 'Pod Template:\n');
  if (!template) {
    w.write(LEVEL_1, '<unset>');
    return;
  }
  const meta = template.metadata ?? {};
  const spec = template.spec ?? {};
  printLabelsMultiline(w, '  Labels', meta.labels);
  if (Object.keys(meta.annotations ?? {}).length > 0) printAnnotationsMultiline(w, '  Annotations', meta.annotations);
  if (spec.serviceAccountName) w.write(LEVEL_1, `Service Account:\t${spec.serviceAccountName}\n`);
  if ((spec.initContainers ?? []).length > 0) describeContainers('Init Containers', spec.initContainers, null, null, w, '  ');
  describeContainers('Containers', spec.containers, null, null, w, '  ');
  describeVolumes(spec.volumes, w, '  ');
  describeTopologySpreadConstraints(spec.topologySpreadConstraints, w, '  ');
  if (spec.priorityClassName) w.write(LEVEL_1, `Priority Class Name:\t${spec.priorityClassName}\n`);
  printLabelsMultiline(w, '  Node-Selectors', spec.nodeSelector);
  printTolerationsMultiline(w, '  Tolerations', spec.tolerations);
}
