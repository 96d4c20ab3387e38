// The remaining printers of printers.go for types kubesim serves: PodDisruptionBudgets,
// PodTemplates, ControllerRevisions, ComponentStatuses.
import type { ControllerRevision } from 'kubernetes-types/apps/v1.js';
import type { ComponentStatus, PodTemplate } from 'kubernetes-types/core/v1.js';
import type { OwnerReference } from 'kubernetes-types/meta/v1.js';
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1.js';
import { NONE, formatLabels, int, layoutContainers, since } from './format.js';
import { ageCol, col, nameCol, type TablePrinter } from './types.js';

export const poddisruptionbudgets: TablePrinter = {
  columns: [nameCol, col('Min Available'), col('Max Unavailable'), col('Allowed Disruptions'), ageCol],
  row(obj, view) {
    const pdb = obj as PodDisruptionBudget;
    const min = pdb.spec?.minAvailable;
    const max = pdb.spec?.maxUnavailable;
    return [
      obj.metadata.name,
      min != null ? String(min) : 'N/A',
      max != null ? String(max) : 'N/A',
      int(pdb.status?.disruptionsAllowed),
      since(obj.metadata.creationTimestamp, view.now),
    ];
  },
};

export const podtemplates: TablePrinter = {
  columns: [nameCol, col('Containers'), col('Images'), col('Pod Labels')],
  row(obj) {
    const pt = obj as PodTemplate;
    const [names, images] = layoutContainers(pt.template?.spec?.containers);
    return [obj.metadata.name, names, images, formatLabels(pt.template?.metadata?.labels)];
  },
};

export const controllerrevisions: TablePrinter = {
  columns: [nameCol, col('Controller'), col('Revision'), ageCol],
  row(obj, view) {
    const cr = obj as ControllerRevision;
    const owners: OwnerReference[] = obj.metadata.ownerReferences ?? [];
    const ref = owners.find((o) => o.controller);
    let controller = NONE;
    if (ref) {
      const slash = ref.apiVersion.indexOf('/');
      const group = slash < 0 ? '' : ref.apiVersion.slice(0, slash);
      controller = `${(group ? `${ref.kind}.${group}` : ref.kind).toLowerCase()}/${ref.name}`;
    }
    return [obj.metadata.name, controller, int(cr.revision), since(obj.metadata.creationTimestamp, view.now)];
  },
};

export const componentstatuses: TablePrinter = {
  columns: [nameCol, col('Status'), col('Message'), col('Error')],
  row(obj) {
    const cs = obj as ComponentStatus;
    const c = (cs.conditions ?? []).find((x) => x.type === 'Healthy');
    const status = c ? (c.status === 'True' ? 'Healthy' : 'Unhealthy') : 'Unknown';
    return [obj.metadata.name, status, c?.message ?? '', c?.error ?? ''];
  },
};
