// printDaemonSet.
import type { DaemonSet } from 'kubernetes-types/apps/v1.js';
import { formatLabels, int, layoutContainers, since } from './format.js';
import { formatLabelSelector } from './selector.js';
import { ageCol, col, nameCol, type TablePrinter } from './types.js';

export const daemonsets: TablePrinter = {
  columns: [
    nameCol,
    col('Desired'),
    col('Current'),
    col('Ready'),
    col('Up-to-date'),
    col('Available'),
    col('Node Selector'),
    ageCol,
    col('Containers', 1),
    col('Images', 1),
    col('Selector', 1),
  ],
  row(obj, view) {
    const ds = obj as DaemonSet;
    const st = ds.status;
    const [names, images] = layoutContainers(ds.spec?.template?.spec?.containers);
    return [
      obj.metadata.name,
      int(st?.desiredNumberScheduled),
      int(st?.currentNumberScheduled),
      int(st?.numberReady),
      int(st?.updatedNumberScheduled),
      int(st?.numberAvailable),
      formatLabels(ds.spec?.template?.spec?.nodeSelector),
      since(obj.metadata.creationTimestamp, view.now),
      names,
      images,
      formatLabelSelector(ds.spec?.selector),
    ];
  },
};
