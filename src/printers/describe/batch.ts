// describe.go's DaemonSet, StatefulSet, Job and CronJob describers.
import { formatLabels, fromLabelSelector, matches } from '../../api/labels.js';
import type { ClusterView, KObject } from '../../api/types.js';
import { humanDuration } from '../duration.js';
import { describeEvents } from './events.js';
import { type Any, controllerOf, isControlledBy, printAnnotationsMultiline, printLabelsMultiline, printLabelsMultilineWithIndent, rfc1123z } from './format.js';
import { describePodTemplate, selectorText } from './podtemplate.js';
import { formatQuantity } from './quantity.js';
import { claimClass } from './volumes.js';
import { LEVEL_0, LEVEL_1, type PrefixWriter, tabbedString } from './writer.js';

/** getPodStatusForController for a LabelSelector. */
function podPhases(view: ClusterView, owner: Any): string {
  const sel = fromLabelSelector(owner.spec?.selector);
  const counts: Record<string, number> = { Running: 0, Pending: 0, Succeeded: 0, Failed: 0 };
  if (sel !== null) {
    for (const pod of view.list('pods', owner.metadata.namespace) as Any[]) {
      if (!matches(sel, pod.metadata.labels) || !isControlledBy(pod, owner)) continue;
      const phase = pod.status?.phase;
      if (phase in counts) counts[phase]++;
    }
  }
  return `${counts.Running} Running / ${counts.Pending} Waiting / ${counts.Succeeded} Succeeded / ${counts.Failed} Failed`;
}

export function describeDaemonSet(obj: KObject, view: ClusterView): string {
  const ds: Any = obj;
  const st = ds.status ?? {};
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ds.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${ds.metadata.namespace ?? ''}\n`);
    w.write(LEVEL_0, `Selector:\t${selectorText(ds.spec?.selector)}\n`);
    w.write(LEVEL_0, `Node-Selector:\t${formatLabels(ds.spec?.template?.spec?.nodeSelector)}\n`);
    printLabelsMultiline(w, 'Labels', ds.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', ds.metadata.annotations);
    w.write(LEVEL_0, `Desired Number of Nodes Scheduled: ${st.desiredNumberScheduled ?? 0}\n`);
    w.write(LEVEL_0, `Current Number of Nodes Scheduled: ${st.currentNumberScheduled ?? 0}\n`);
    w.write(LEVEL_0, `Number of Nodes Scheduled with Up-to-date Pods: ${st.updatedNumberScheduled ?? 0}\n`);
    w.write(LEVEL_0, `Number of Nodes Scheduled with Available Pods: ${st.numberAvailable ?? 0}\n`);
    w.write(LEVEL_0, `Number of Nodes Misscheduled: ${st.numberMisscheduled ?? 0}\n`);
    w.write(LEVEL_0, `Pods Status:\t${podPhases(view, ds)}\n`);
    describePodTemplate(ds.spec?.template, w);
    describeEvents(view.eventsFor(obj), w, view.now);
  });
}

function describeVolumeClaimTemplates(templates: Any[] | undefined, w: PrefixWriter): void {
  if (!templates || templates.length === 0) {
    w.write(LEVEL_0, 'Volume Claims:\t<none>\n');
    return;
  }
  w.write(LEVEL_0, 'Volume Claims:\n');
  for (const pvc of templates) {
    w.write(LEVEL_1, `Name:\t${pvc.metadata?.name ?? ''}\n`);
    w.write(LEVEL_1, `StorageClass:\t${claimClass(pvc)}\n`);
    printLabelsMultilineWithIndent(w, '  ', 'Labels', '\t', pvc.metadata?.labels);
    printLabelsMultilineWithIndent(w, '  ', 'Annotations', '\t', pvc.metadata?.annotations);
    const storage = pvc.spec?.resources?.requests?.storage;
    w.write(LEVEL_1, `Capacity:\t${storage !== undefined ? formatQuantity(storage) : '<default>'}\n`);
    w.write(LEVEL_1, `Access Modes:\t[${(pvc.spec?.accessModes ?? []).join(' ')}]\n`);
  }
}

export function describeStatefulSet(obj: KObject, view: ClusterView): string {
  const ss: Any = obj;
  const spec = ss.spec ?? {};
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ss.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${ss.metadata.namespace ?? ''}\n`);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(ss.metadata.creationTimestamp)}\n`);
    w.write(LEVEL_0, `Selector:\t${selectorText(spec.selector)}\n`);
    printLabelsMultiline(w, 'Labels', ss.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', ss.metadata.annotations);
    w.write(LEVEL_0, `Replicas:\t${spec.replicas ?? 0} desired | ${ss.status?.replicas ?? 0} total\n`);
    w.write(LEVEL_0, `Update Strategy:\t${spec.updateStrategy?.type ?? ''}\n`);
    const ru = spec.updateStrategy?.rollingUpdate;
    if (ru && ru.partition !== undefined && ru.partition !== null) {
      w.write(LEVEL_1, `Partition:\t${ru.partition}\n`);
      if (ru.maxUnavailable !== undefined && ru.maxUnavailable !== null) w.write(LEVEL_1, `MaxUnavailable:\t${ru.maxUnavailable}\n`);
    }
    w.write(LEVEL_0, `Pods Status:\t${podPhases(view, ss)}\n`);
    describePodTemplate(spec.template, w);
    describeVolumeClaimTemplates(spec.volumeClaimTemplates, w);
    describeEvents(view.eventsFor(obj), w, view.now);
  });
}

/** capIndexesListOrNone. */
function capIndexes(indexes: string | undefined, softLimit: number): string {
  if (!indexes) return '<none>';
  let ix = softLimit;
  while (ix < indexes.length && indexes[ix] !== ',') ix++;
  return ix >= indexes.length ? indexes : indexes.slice(0, ix + 1) + '...';
}

export function describeJob(obj: KObject, view: ClusterView): string {
  const job: Any = obj;
  const spec = job.spec ?? {};
  const st = job.status ?? {};
  const has = (v: unknown): boolean => v !== undefined && v !== null;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${job.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${job.metadata.namespace ?? ''}\n`);
    w.write(LEVEL_0, `Selector:\t${selectorText(spec.selector)}\n`);
    printLabelsMultiline(w, 'Labels', job.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', job.metadata.annotations);
    const controlledBy = controllerOf(job);
    if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
    if (has(spec.parallelism)) w.write(LEVEL_0, `Parallelism:\t${spec.parallelism}\n`);
    w.write(LEVEL_0, `Completions:\t${has(spec.completions) ? spec.completions : '<unset>'}\n`);
    if (has(spec.completionMode)) w.write(LEVEL_0, `Completion Mode:\t${spec.completionMode}\n`);
    if (has(spec.suspend)) w.write(LEVEL_0, `Suspend:\t${spec.suspend ? 'true' : 'false'}\n`);
    if (has(spec.backoffLimit)) w.write(LEVEL_0, `Backoff Limit:\t${spec.backoffLimit}\n`);
    if (has(spec.ttlSecondsAfterFinished)) w.write(LEVEL_0, `TTL Seconds After Finished:\t${spec.ttlSecondsAfterFinished}\n`);
    if (st.startTime) w.write(LEVEL_0, `Start Time:\t${rfc1123z(st.startTime)}\n`);
    if (st.completionTime) w.write(LEVEL_0, `Completed At:\t${rfc1123z(st.completionTime)}\n`);
    if (st.startTime && st.completionTime) w.write(LEVEL_0, `Duration:\t${humanDuration(Date.parse(st.completionTime) - Date.parse(st.startTime))}\n`);
    if (has(spec.activeDeadlineSeconds)) w.write(LEVEL_0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`);
    if (!has(st.ready)) w.write(LEVEL_0, `Pods Statuses:\t${st.active ?? 0} Active / ${st.succeeded ?? 0} Succeeded / ${st.failed ?? 0} Failed\n`);
    else w.write(LEVEL_0, `Pods Statuses:\t${st.active ?? 0} Active (${st.ready} Ready) / ${st.succeeded ?? 0} Succeeded / ${st.failed ?? 0} Failed\n`);
    if (spec.completionMode === 'Indexed') w.write(LEVEL_0, `Completed Indexes:\t${capIndexes(st.completedIndexes, 50)}\n`);
    describePodTemplate(spec.template, w);
    describeEvents(view.eventsFor(obj), w, view.now);
  });
}

export function describeCronJob(obj: KObject, view: ClusterView): string {
  const cj: Any = obj;
  const spec = cj.spec ?? {};
  const has = (v: unknown): boolean => v !== undefined && v !== null;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${cj.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${cj.metadata.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', cj.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', cj.metadata.annotations);
    w.write(LEVEL_0, `Schedule:\t${spec.schedule ?? ''}\n`);
    w.write(LEVEL_0, `Concurrency Policy:\t${spec.concurrencyPolicy ?? ''}\n`);
    w.write(LEVEL_0, `Suspend:\t${has(spec.suspend) ? (spec.suspend ? 'True' : 'False') : '<unset>'}\n`);
    w.write(LEVEL_0, `Successful Job History Limit:\t${has(spec.successfulJobsHistoryLimit) ? spec.successfulJobsHistoryLimit : '<unset>'}\n`);
    w.write(LEVEL_0, `Failed Job History Limit:\t${has(spec.failedJobsHistoryLimit) ? spec.failedJobsHistoryLimit : '<unset>'}\n`);
    w.write(LEVEL_0, `Starting Deadline Seconds:\t${has(spec.startingDeadlineSeconds) ? `${spec.startingDeadlineSeconds}s` : '<unset>'}\n`);
    const jt = spec.jobTemplate?.spec ?? {};
    w.write(LEVEL_0, `Selector:\t${jt.selector ? selectorText(jt.selector) : '<unset>'}\n`);
    w.write(LEVEL_0, `Parallelism:\t${has(jt.parallelism) ? jt.parallelism : '<unset>'}\n`);
    w.write(LEVEL_0, `Completions:\t${has(jt.completions) ? jt.completions : '<unset>'}\n`);
    if (has(jt.activeDeadlineSeconds)) w.write(LEVEL_0, `Active Deadline Seconds:\t${jt.activeDeadlineSeconds}s\n`);
    describePodTemplate(jt.template, w);
    const last = cj.status?.lastScheduleTime;
    w.write(LEVEL_0, `Last Schedule Time:\t${last ? rfc1123z(last) : '<unset>'}\n`);
    const active: Any[] = cj.status?.active ?? [];
    w.write(LEVEL_0, 'Active Jobs:\t');
    if (active.length === 0) w.writeLine('<none>');
    else {
      active.forEach((j, i) => {
        if (i !== 0) w.write(LEVEL_0, ', ');
        w.write(LEVEL_0, j.name ?? '');
      });
      w.writeLine('');
    }
    describeEvents(view.eventsFor(obj), w, view.now);
  });
}
