// printStatefulSet: READY = readyReplicas/replicas.
import type { StatefulSet } from 'kubernetes-types/apps/v1.js';
import { int, layoutContainers, since } from './format.js';
import { ageCol, col, nameCol, type TablePrinter } from './types.js';

export const statefulsets: TablePrinter = {
  columns: [nameCol, col('Ready'), ageCol, col('Containers', 1), col('Images', 1)],
  row(obj, view) {
    const sts = obj as StatefulSet;
    const [names, images] = layoutContainers(sts.spec?.template?.spec?.containers);
    return [
      obj.metadata.name,
      `${int(sts.status?.readyReplicas)}/${int(sts.spec?.replicas ?? 1)}`,
      since(obj.metadata.creationTimestamp, view.now),
      names,
      images,
    ];
  },
};
