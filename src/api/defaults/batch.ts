// batch/v1: SetDefaults_Job / SetDefaults_CronJob (1.32 feature gates: JobPodReplacementPolicy
// and JobBackoffLimitPerIndex on), the job strategy's generated selector and labels, and the
// zero statuses strategies start from on create.
import { defaultPodTemplate } from './podspec.js';
import { type Obj, child, dflt, emptyMap, isObj, items, templateMeta } from './util.js';

const MAX_INT32 = 2147483647;

function setDefaultsJob(job: Obj, spec: Obj): void {
  if (spec.completions == null && spec.parallelism == null) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  dflt(spec, 'parallelism', 1);
  dflt(spec, 'backoffLimit', spec.backoffLimitPerIndex != null ? MAX_INT32 : 6);
  const labels = spec.template?.metadata?.labels;
  if (isObj(labels) && emptyMap(job.metadata?.labels)) child(job, 'metadata').labels = { ...labels };
  dflt(spec, 'completionMode', 'NonIndexed');
  if (typeof spec.suspend !== 'boolean') spec.suspend = false;
  if (isObj(spec.podFailurePolicy)) {
    for (const rule of items(spec.podFailurePolicy, 'rules')) {
      for (const pattern of items(rule, 'onPodConditions')) dflt(pattern, 'status', 'True');
    }
  }
  dflt(spec, 'podReplacementPolicy', isObj(spec.podFailurePolicy) ? 'Failed' : 'TerminatingOrFailed');
}

/**
 * The job strategy's generateSelector (run at validation, once the uid exists): unless
 * manualSelector is true, the template gets `controller-uid`/`job-name` labels (legacy and
 * batch.kubernetes.io/ forms) and the selector matches `batch.kubernetes.io/controller-uid`.
 * A Job whose labels were defaulted from the template (Go shares the map) ends up with the
 * generated labels too. Needs metadata.uid and metadata.name; idempotent. Mutates `job`.
 */
export function generateJobSelector(job: Obj): void {
  const spec = child(job, 'spec');
  const uid = job.metadata?.uid;
  const name = job.metadata?.name;
  if (spec.manualSelector === true || !uid) return;
  const labels = child(templateMeta(child(spec, 'template')), 'labels');
  const inherit = emptyMap(job.metadata?.labels) || sameMap(job.metadata.labels, labels);
  labels['controller-uid'] ??= uid;
  labels['job-name'] ??= name;
  labels['batch.kubernetes.io/controller-uid'] ??= uid;
  labels['batch.kubernetes.io/job-name'] ??= name;
  const matchLabels = child(child(spec, 'selector'), 'matchLabels');
  matchLabels['batch.kubernetes.io/controller-uid'] ??= uid;
  if (inherit) child(job, 'metadata').labels = { ...labels };
}

function sameMap(a: Obj, b: Obj): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => b[k] === a[k]);
}

export function defaultJob(job: Obj, create: boolean): void {
  const spec = child(job, 'spec');
  setDefaultsJob(job, spec);
  defaultPodTemplate(child(spec, 'template'));
  generateJobSelector(job);
  if (create) job.status = {};
}

export function defaultCronJob(cj: Obj, create: boolean): void {
  const spec = child(cj, 'spec');
  dflt(spec, 'concurrencyPolicy', 'Allow');
  if (typeof spec.suspend !== 'boolean') spec.suspend = false;
  dflt(spec, 'successfulJobsHistoryLimit', 3);
  dflt(spec, 'failedJobsHistoryLimit', 1);
  const jobTemplate = child(spec, 'jobTemplate');
  templateMeta(jobTemplate);
  defaultPodTemplate(child(child(jobTemplate, 'spec'), 'template'));
  if (create) cj.status = {};
}
