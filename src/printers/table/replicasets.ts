// printReplicaSet (reference §3.7).
import type { ReplicaSet } from 'kubernetes-types/apps/v1.js';
import { int, layoutContainers, since } from './format.js';
import { formatLabelSelector } from './selector.js';
import { ageCol, col, nameCol, type TablePrinter } from './types.js';

export const replicasets: TablePrinter = {
  columns: [
    nameCol,
    col('Desired'),
    col('Current'),
    col('Ready'),
    ageCol,
    col('Containers', 1),
    col('Images', 1),
    col('Selector', 1),
  ],
  row(obj, view) {
    const rs = obj as ReplicaSet;
    const [names, images] = layoutContainers(rs.spec?.template?.spec?.containers);
    return [
      obj.metadata.name,
      int(rs.spec?.replicas ?? 1),
      int(rs.status?.replicas),
      int(rs.status?.readyReplicas),
      since(obj.metadata.creationTimestamp, view.now),
      names,
      images,
      formatLabelSelector(rs.spec?.selector),
    ];
  },
};
