// printJob (1.32: STATUS column, COMPLETIONS, DURATION).
import type { Job, JobCondition } from 'kubernetes-types/batch/v1.js';
import { humanDuration } from '../duration.js';
import { layoutContainers, since, timeMs } from './format.js';
import { formatLabelSelector } from './selector.js';
import { ageCol, col, nameCol, type TablePrinter } from './types.js';

/** hasJobCondition: the first condition of that type decides. */
const hasCondition = (conds: JobCondition[] | undefined, type: string): boolean => {
  const c = (conds ?? []).find((x) => x.type === type);
  return c?.status === 'True';
};

export function jobStatus(job: Job): string {
  const conds = job.status?.conditions;
  if (hasCondition(conds, 'Complete')) return 'Complete';
  if (hasCondition(conds, 'Failed')) return 'Failed';
  if (job.metadata?.deletionTimestamp) return 'Terminating';
  if (hasCondition(conds, 'Suspended')) return 'Suspended';
  if (hasCondition(conds, 'FailureTarget')) return 'FailureTarget';
  return 'Running';
}

export function jobCompletions(job: Job): string {
  const succeeded = job.status?.succeeded ?? 0;
  let completions = job.spec?.completions;
  let parallelism = job.spec?.parallelism;
  // SetDefaults_Job: both unset → both 1.
  if (completions == null && parallelism == null) {
    completions = 1;
    parallelism = 1;
  }
  if (completions != null) return `${succeeded}/${completions}`;
  return (parallelism ?? 0) > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

export function jobDuration(job: Job, now: number): string {
  const start = job.status?.startTime;
  if (!start) return '';
  const end = job.status?.completionTime;
  return humanDuration((end ? timeMs(end) : now) - timeMs(start));
}

export const jobs: TablePrinter = {
  columns: [
    nameCol,
    col('Status'),
    col('Completions'),
    col('Duration'),
    ageCol,
    col('Containers', 1),
    col('Images', 1),
    col('Selector', 1),
  ],
  row(obj, view) {
    const job = obj as Job;
    const [names, images] = layoutContainers(job.spec?.template?.spec?.containers);
    return [
      obj.metadata.name,
      jobStatus(job),
      jobCompletions(job),
      jobDuration(job, view.now),
      since(obj.metadata.creationTimestamp, view.now),
      names,
      images,
      formatLabelSelector(job.spec?.selector),
    ];
  },
};
