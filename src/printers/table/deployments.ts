// printDeployment (reference §3.6). SELECTOR is LabelSelectorAsSelector(...).String(): '' for an
// empty selector, `<invalid>` when it cannot be converted.
import type { Deployment } from 'kubernetes-types/apps/v1.js';
import { int, layoutContainers, since } from './format.js';
import { selectorString } from './selector.js';
import { ageCol, col, nameCol, type TablePrinter } from './types.js';

export const deployments: TablePrinter = {
  columns: [
    nameCol,
    col('Ready'),
    col('Up-to-date'),
    col('Available'),
    ageCol,
    col('Containers', 1),
    col('Images', 1),
    col('Selector', 1),
  ],
  row(obj, view) {
    const d = obj as Deployment;
    const st = d.status ?? {};
    const [names, images] = layoutContainers(d.spec?.template?.spec?.containers);
    return [
      obj.metadata.name,
      `${int(st.readyReplicas)}/${int(d.spec?.replicas ?? 1)}`,
      int(st.updatedReplicas),
      int(st.availableReplicas),
      since(obj.metadata.creationTimestamp, view.now),
      names,
      images,
      selectorString(d.spec?.selector) ?? '<invalid>',
    ];
  },
};
