// printReplicationController (reference §3.8): like ReplicaSets, SELECTOR is the plain map.
import type { ReplicationController } from 'kubernetes-types/core/v1.js';
import { formatLabels, int, layoutContainers, since } from './format.js';
import { replicasets } from './replicasets.js';
import type { TablePrinter } from './types.js';

export const replicationcontrollers: TablePrinter = {
  columns: replicasets.columns,
  row(obj, view) {
    const rc = obj as ReplicationController;
    const [names, images] = layoutContainers(rc.spec?.template?.spec?.containers);
    return [
      obj.metadata.name,
      int(rc.spec?.replicas ?? 1),
      int(rc.status?.replicas),
      int(rc.status?.readyReplicas),
      since(obj.metadata.creationTimestamp, view.now),
      names,
      images,
      formatLabels(rc.spec?.selector),
    ];
  },
};
