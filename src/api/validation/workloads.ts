// Workload validation: Deployment, ReplicaSet, DaemonSet, StatefulSet (pkg/apis/apps/validation),
// ReplicationController (core), Job and CronJob (pkg/apis/batch/validation, minimal), plus the
// apps/v1 update rule that the selector is immutable (registry strategies' ValidateUpdate).
import type { KObject } from '../types.js';
import type { ErrorList } from './field.js';
import { forbidden, goLabelSelector, goStringMap, invalid, notSupported, num, obj, required, sortedEntries, str } from './field.js';
import { validateObjectMeta, validateObjectMetaUpdate, validateLabels, validateAnnotations } from './meta.js';
import { isValidPercent, nameIsDNSLabel, nameIsDNSSubdomain } from './names.js';
import { validatePodTemplateSpec } from './pod.js';
import { labelSelectorAsSelector, mapSelectorMatches, selectorEmpty, selectorMatches, validateLabelSelector } from './selector.js';

type Obj = Record<string, unknown>;

function present(v: unknown): boolean {
  return v !== undefined && v !== null;
}

function nonNegative(v: unknown, field: string): ErrorList {
  return num(v) < 0 ? [invalid(field, num(v), 'must be greater than or equal to 0')] : [];
}

const DOES_NOT_MATCH = '`selector` does not match template `labels`';

function templateLabels(spec: Obj): unknown {
  return obj(obj(spec.template).metadata).labels;
}

/** ValidatePodTemplateSpecForReplicaSet (also used by Deployment). */
function validateTemplateForReplicaSet(spec: Obj, selector: ReturnType<typeof labelSelectorAsSelector>['selector'], kindWord: string): ErrorList {
  const errs: ErrorList = [];
  const labels = templateLabels(spec);
  if (selector && !selectorEmpty(selector) && !selectorMatches(selector, labels)) {
    errs.push(invalid('spec.template.metadata.labels', null, DOES_NOT_MATCH, goStringMap(labels)));
  }
  errs.push(...validatePodTemplateSpec(spec.template, 'spec.template'));
  errs.push(...restartAlwaysOnly(spec, kindWord));
  return errs;
}

function restartAlwaysOnly(spec: Obj, kindWord: string): ErrorList {
  const errs: ErrorList = [];
  const podSpec = obj(obj(spec.template).spec);
  const rp = str(podSpec.restartPolicy);
  if (rp !== 'Always') errs.push(notSupported('spec.template.spec.restartPolicy', rp, ['Always']));
  if (present(podSpec.activeDeadlineSeconds)) {
    errs.push(forbidden('spec.template.spec.activeDeadlineSeconds', `activeDeadlineSeconds in ${kindWord} is not Supported`));
  }
  return errs;
}

/** selector required, valid, non-empty; returns the parsed selector (or undefined when unparseable). */
function validateRequiredSelector(spec: Obj, emptyMsg: string, parseErrMsg: string): { errs: ErrorList; selector?: ReturnType<typeof labelSelectorAsSelector>['selector'] } {
  const errs: ErrorList = [];
  const sel = spec.selector;
  if (!present(sel)) {
    errs.push(required('spec.selector'));
  } else {
    errs.push(...validateLabelSelector(sel, 'spec.selector'));
    const s = obj(sel);
    const n = sortedEntries(s.matchLabels).length + (Array.isArray(s.matchExpressions) ? s.matchExpressions.length : 0);
    if (n === 0) errs.push(invalid('spec.selector', null, emptyMsg, goLabelSelector(sel)));
  }
  const parsed = labelSelectorAsSelector(sel);
  if (parsed.error) errs.push(invalid('spec.selector', null, parseErrMsg, goLabelSelector(sel)));
  return { errs, selector: parsed.selector };
}

function intOrPercentValue(v: unknown): { value: number; percent: boolean; valid: boolean } {
  if (typeof v === 'string') {
    if (isValidPercent(v).length) return { value: 0, percent: false, valid: false };
    return { value: Number(v.slice(0, -1)), percent: true, valid: true };
  }
  return { value: num(v), percent: false, valid: true };
}

function goIntOrString(v: unknown): string {
  if (typeof v === 'string') return `intstr.IntOrString{Type:1, IntVal:0, StrVal:${JSON.stringify(v)}}`;
  return `intstr.IntOrString{Type:0, IntVal:${num(v)}, StrVal:""}`;
}

function validatePositiveIntOrPercent(v: unknown, field: string): ErrorList {
  if (typeof v === 'string') return isValidPercent(v).map((m) => invalid(field, null, m, goIntOrString(v)));
  return nonNegative(v, field);
}

function notMoreThan100Percent(v: unknown, field: string): ErrorList {
  const p = intOrPercentValue(v);
  return p.percent && p.value > 100 ? [invalid(field, null, 'must not be greater than 100%', goIntOrString(v))] : [];
}

function validateDeploymentStrategy(strategy: unknown): ErrorList {
  const s = obj(strategy);
  const type = str(s.type);
  const errs: ErrorList = [];
  if (type === 'Recreate') {
    if (present(s.rollingUpdate)) errs.push(forbidden('spec.strategy.rollingUpdate', "may not be specified when strategy `type` is 'Recreate'"));
  } else if (type === 'RollingUpdate') {
    if (!present(s.rollingUpdate)) {
      errs.push(required('spec.strategy.rollingUpdate', 'this should be defaulted and never be nil'));
    } else {
      const ru = obj(s.rollingUpdate);
      const f = 'spec.strategy.rollingUpdate';
      errs.push(...validatePositiveIntOrPercent(ru.maxUnavailable, `${f}.maxUnavailable`));
      errs.push(...validatePositiveIntOrPercent(ru.maxSurge, `${f}.maxSurge`));
      if (intOrPercentValue(ru.maxUnavailable).value === 0 && intOrPercentValue(ru.maxSurge).value === 0) {
        errs.push(invalid(`${f}.maxUnavailable`, null, 'may not be 0 when `maxSurge` is 0', goIntOrString(ru.maxUnavailable)));
      }
      errs.push(...notMoreThan100Percent(ru.maxUnavailable, `${f}.maxUnavailable`));
    }
  } else {
    const dump = `apps.DeploymentStrategy{Type:${JSON.stringify(type)}, RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}`;
    errs.push({ ...notSupported('spec.strategy', null, ['Recreate', 'RollingUpdate']), valueText: dump });
  }
  return errs;
}

/** Semantic.DeepEqual of two label selectors (nil and empty maps/slices are equal). */
function sameSelector(a: unknown, b: unknown): boolean {
  if (!present(a) || !present(b)) return present(a) === present(b);
  const norm = (s: unknown) => {
    const o = obj(s);
    const ml = sortedEntries(o.matchLabels).map(([k, v]) => `${k}=${str(v)}`);
    const me = (Array.isArray(o.matchExpressions) ? o.matchExpressions : []).map((e: Obj) =>
      JSON.stringify([str(e.key), str(e.operator), Array.isArray(e.values) ? e.values.map(str) : []]),
    );
    return JSON.stringify([ml, me]);
  };
  return norm(a) === norm(b);
}

function immutableSelector(obj1: KObject, old?: KObject): ErrorList {
  if (!old) return [];
  const a = obj(obj1.spec).selector;
  const b = obj(old.spec).selector;
  if (sameSelector(a, b)) return [];
  return [invalid('spec.selector', null, 'field is immutable', present(a) ? goLabelSelector(a) : 'null')];
}

function metaFor(o: KObject, old: KObject | undefined, nameFn = nameIsDNSSubdomain): ErrorList {
  return old ? validateObjectMetaUpdate(o.metadata, old.metadata) : validateObjectMeta(o.metadata, true, nameFn);
}

export function validateDeployment(d: KObject, old?: KObject): ErrorList {
  const spec = obj(d.spec);
  const errs = metaFor(d, old);
  errs.push(...nonNegative(spec.replicas, 'spec.replicas'));
  const { errs: selErrs, selector } = validateRequiredSelector(spec, 'empty selector is invalid for deployment', 'invalid label selector');
  errs.push(...selErrs);
  if (selector) errs.push(...validateTemplateForReplicaSet(spec, selector, 'ReplicaSet'));
  errs.push(...validateDeploymentStrategy(spec.strategy));
  errs.push(...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'));
  if (present(spec.revisionHistoryLimit)) errs.push(...nonNegative(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
  if (present(spec.progressDeadlineSeconds)) {
    errs.push(...nonNegative(spec.progressDeadlineSeconds, 'spec.progressDeadlineSeconds'));
    if (num(spec.progressDeadlineSeconds) <= num(spec.minReadySeconds)) {
      errs.push(invalid('spec.progressDeadlineSeconds', num(spec.progressDeadlineSeconds), 'must be greater than minReadySeconds'));
    }
  }
  errs.push(...immutableSelector(d, old));
  return errs;
}

export function validateReplicaSet(rs: KObject, old?: KObject): ErrorList {
  const spec = obj(rs.spec);
  const errs = metaFor(rs, old);
  errs.push(...nonNegative(spec.replicas, 'spec.replicas'));
  errs.push(...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'));
  const { errs: selErrs, selector } = validateRequiredSelector(spec, 'empty selector is invalid for deployment', 'invalid label selector');
  errs.push(...selErrs);
  if (selector) errs.push(...validateTemplateForReplicaSet(spec, selector, 'ReplicaSet'));
  errs.push(...immutableSelector(rs, old));
  return errs;
}

export function validateReplicationController(rc: KObject, old?: KObject): ErrorList {
  const spec = obj(rc.spec);
  const errs = metaFor(rc, old);
  errs.push(...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'));
  if (sortedEntries(spec.selector).length === 0) errs.push(required('spec.selector'));
  errs.push(...nonNegative(spec.replicas, 'spec.replicas'));
  if (!present(spec.template)) {
    errs.push(required('spec.template'));
    return errs;
  }
  const labels = templateLabels(spec);
  if (sortedEntries(spec.selector).length > 0 && !mapSelectorMatches(spec.selector, labels)) {
    errs.push(invalid('spec.template.metadata.labels', null, DOES_NOT_MATCH, goStringMap(labels)));
  }
  errs.push(...validatePodTemplateSpec(spec.template, 'spec.template'));
  errs.push(...restartAlwaysOnly(spec, 'ReplicationController'));
  return errs;
}

export function validateDaemonSet(ds: KObject, old?: KObject): ErrorList {
  const spec = obj(ds.spec);
  const errs = metaFor(ds, old);
  errs.push(...validateLabelSelector(spec.selector, 'spec.selector'));
  const parsed = labelSelectorAsSelector(spec.selector);
  const labels = templateLabels(spec);
  if (parsed.selector && !selectorMatches(parsed.selector, labels)) {
    errs.push(invalid('spec.template.metadata.labels', null, DOES_NOT_MATCH, goStringMap(labels)));
  }
  if (present(spec.selector)) {
    const s = obj(spec.selector);
    if (sortedEntries(s.matchLabels).length + (Array.isArray(s.matchExpressions) ? s.matchExpressions.length : 0) === 0) {
      errs.push(invalid('spec.selector', null, 'empty selector is invalid for daemonset', goLabelSelector(spec.selector)));
    }
  }
  errs.push(...validatePodTemplateSpec(spec.template, 'spec.template'));
  errs.push(...restartAlwaysOnly(spec, 'DaemonSet'));
  errs.push(...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'));
  const us = obj(spec.updateStrategy);
  const type = str(us.type);
  if (type === 'RollingUpdate') {
    if (!present(us.rollingUpdate)) errs.push(required('spec.updateStrategy.rollingUpdate'));
    else {
      const ru = obj(us.rollingUpdate);
      const f = 'spec.updateStrategy.rollingUpdate';
      errs.push(...validatePositiveIntOrPercent(ru.maxUnavailable, `${f}.maxUnavailable`));
      errs.push(...validatePositiveIntOrPercent(ru.maxSurge, `${f}.maxSurge`));
      errs.push(...notMoreThan100Percent(ru.maxUnavailable, `${f}.maxUnavailable`));
      errs.push(...notMoreThan100Percent(ru.maxSurge, `${f}.maxSurge`));
      const hasU = intOrPercentValue(ru.maxUnavailable).value !== 0;
      const hasS = intOrPercentValue(ru.maxSurge).value !== 0;
      if (hasU && hasS) errs.push(invalid(`${f}.maxSurge`, null, 'may not be set when maxUnavailable is non-zero', goIntOrString(ru.maxSurge)));
      else if (!hasU && !hasS) errs.push(required(`${f}.maxUnavailable`, 'cannot be 0 when maxSurge is 0'));
    }
  } else if (type !== 'OnDelete') {
    const dump = `apps.DaemonSetUpdateStrategy{Type:${JSON.stringify(type)}, RollingUpdate:(*apps.RollingUpdateDaemonSet)(nil)}`;
    errs.push({ ...notSupported('spec.updateStrategy', null, ['RollingUpdate', 'OnDelete']), valueText: dump });
  }
  if (present(spec.revisionHistoryLimit)) errs.push(...nonNegative(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
  errs.push(...immutableSelector(ds, old));
  return errs;
}

export function validateStatefulSet(sts: KObject, old?: KObject): ErrorList {
  const spec = obj(sts.spec);
  const errs = metaFor(sts, old, nameIsDNSLabel);
  const pmp = str(spec.podManagementPolicy);
  if (!pmp) errs.push(required('spec.podManagementPolicy'));
  else if (pmp !== 'OrderedReady' && pmp !== 'Parallel') errs.push(invalid('spec.podManagementPolicy', pmp, "must be 'OrderedReady' or 'Parallel'"));
  const us = obj(spec.updateStrategy);
  const ut = str(us.type);
  if (!ut) errs.push(required('spec.updateStrategy'));
  else if (ut === 'OnDelete') {
    if (present(us.rollingUpdate)) {
      errs.push(invalid('spec.updateStrategy.rollingUpdate', null, "only allowed for updateStrategy 'RollingUpdate'", '&apps.RollingUpdateStatefulSetStrategy{}'));
    }
  } else if (ut === 'RollingUpdate') {
    if (present(us.rollingUpdate)) errs.push(...nonNegative(obj(us.rollingUpdate).partition, 'spec.updateStrategy.rollingUpdate.partition'));
  } else {
    errs.push(invalid('spec.updateStrategy', null, "must be 'RollingUpdate' or 'OnDelete'", `apps.StatefulSetUpdateStrategy{Type:${JSON.stringify(ut)}, RollingUpdate:(*apps.RollingUpdateStatefulSetStrategy)(nil)}`));
  }
  errs.push(...nonNegative(spec.replicas, 'spec.replicas'));
  errs.push(...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'));
  const { errs: selErrs, selector } = validateRequiredSelector(spec, 'empty selector is invalid for statefulset', '');
  errs.push(...selErrs);
  if (selector) {
    const labels = templateLabels(spec);
    if (!selectorEmpty(selector) && !selectorMatches(selector, labels)) {
      errs.push(invalid('spec.template.metadata.labels', null, DOES_NOT_MATCH, goStringMap(labels)));
    }
    const tmeta = obj(obj(spec.template).metadata);
    errs.push(...validateLabels(tmeta.labels, 'spec.template.labels'));
    errs.push(...validateAnnotations(tmeta.annotations, 'spec.template.annotations'));
  }
  errs.push(...restartAlwaysOnly(spec, 'StatefulSet'));
  if (old) {
    const strip = (s: Obj) => {
      const c: Obj = { ...s };
      for (const k of ['replicas', 'template', 'updateStrategy', 'minReadySeconds', 'ordinals', 'persistentVolumeClaimRetentionPolicy']) delete c[k];
      return JSON.stringify(c, Object.keys(c).sort());
    };
    if (strip(spec) !== strip(obj(old.spec))) {
      errs.push(
        forbidden(
          'spec',
          "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
        ),
      );
    }
  }
  return errs;
}

/** Job spec checks shared by Job and CronJob's jobTemplate. `field` is `spec` or `spec.jobTemplate.spec`. */
function validateJobSpec(spec: Obj, field: string): ErrorList {
  const errs: ErrorList = [];
  for (const k of ['parallelism', 'completions', 'activeDeadlineSeconds', 'backoffLimit', 'ttlSecondsAfterFinished']) {
    if (present(spec[k])) errs.push(...nonNegative(spec[k], `${field}.${k}`));
  }
  // spec.selector is generated by the server when absent (manualSelector unset); only check a given one.
  if (present(spec.selector)) {
    errs.push(...validateLabelSelector(spec.selector, `${field}.selector`));
    const parsed = labelSelectorAsSelector(spec.selector);
    const labels = obj(obj(spec.template).metadata).labels;
    if (parsed.selector && !selectorMatches(parsed.selector, labels)) {
      errs.push(invalid(`${field}.template.metadata.labels`, null, DOES_NOT_MATCH, goStringMap(labels)));
    }
  }
  errs.push(...validatePodTemplateSpec(spec.template, `${field}.template`));
  const rp = str(obj(obj(spec.template).spec).restartPolicy);
  if (rp === 'Always' || rp === '') {
    errs.push(required(`${field}.template.spec.restartPolicy`, 'valid values: "OnFailure", "Never"'));
  } else if (rp !== 'OnFailure' && rp !== 'Never') {
    errs.push(notSupported(`${field}.template.spec.restartPolicy`, rp, ['OnFailure', 'Never']));
  }
  return errs;
}

export function validateJob(job: KObject, old?: KObject): ErrorList {
  const errs = metaFor(job, old);
  errs.push(...validateJobSpec(obj(job.spec), 'spec'));
  return errs;
}

export function validateCronJob(cj: KObject, old?: KObject): ErrorList {
  const spec = obj(cj.spec);
  const errs = metaFor(cj, old);
  if (!str(spec.schedule)) errs.push(required('spec.schedule'));
  const cp = str(spec.concurrencyPolicy);
  if (cp && !['Allow', 'Forbid', 'Replace'].includes(cp)) errs.push(notSupported('spec.concurrencyPolicy', cp, ['Allow', 'Forbid', 'Replace']));
  for (const k of ['startingDeadlineSeconds', 'successfulJobsHistoryLimit', 'failedJobsHistoryLimit']) {
    if (present(spec[k])) errs.push(...nonNegative(spec[k], `spec.${k}`));
  }
  const jt = obj(spec.jobTemplate);
  errs.push(...validateJobSpec(obj(jt.spec), 'spec.jobTemplate.spec'));
  return errs;
}
