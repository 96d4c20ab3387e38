// printCronJob.
import type { CronJob } from 'kubernetes-types/batch/v1.js';
import { NONE, boolPtr, layoutContainers, since } from './format.js';
import { formatLabelSelector } from './selector.js';
import { ageCol, col, nameCol, type TablePrinter } from './types.js';

export const cronjobs: TablePrinter = {
  columns: [
    nameCol,
    col('Schedule'),
    col('Timezone'),
    col('Suspend'),
    col('Active'),
    col('Last Schedule'),
    ageCol,
    col('Containers', 1),
    col('Images', 1),
    col('Selector', 1),
  ],
  row(obj, view) {
    const cj = obj as CronJob;
    const jobSpec = cj.spec?.jobTemplate?.spec;
    const [names, images] = layoutContainers(jobSpec?.template?.spec?.containers);
    const last = cj.status?.lastScheduleTime;
    return [
      obj.metadata.name,
      cj.spec?.schedule ?? '',
      cj.spec?.timeZone ?? NONE,
      boolPtr(cj.spec?.suspend ?? false), // defaulted to false by the server
      String((cj.status?.active ?? []).length),
      last ? since(last, view.now) : NONE,
      since(obj.metadata.creationTimestamp, view.now),
      names,
      images,
      formatLabelSelector(jobSpec?.selector),
    ];
  },
};
