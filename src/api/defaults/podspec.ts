// PodSpec defaulting shared by Pods and every pod template (core/v1 SetDefaults_PodSpec,
// SetDefaults_Container, SetDefaults_Probe, SetDefaults_HTTPGetAction, the volume-source
// defaults and the declarative ones of zz_generated.defaults.go), plus the v1 conversion's
// `serviceAccount` ⇄ `serviceAccountName` alias. Pod-only defaults live in pod.ts.
import { defaultPullPolicy } from './image.js';
import { canonicalQuantity, canonicalResourceList } from './quantity.js';
import { type Obj, child, dflt, dfltNonZero, isObj, items, templateMeta } from './util.js';

const MODE_420 = 420; // 0644

function defaultHTTPGet(handler: Obj | undefined): void {
  if (!isObj(handler) || !isObj(handler.httpGet)) return;
  dflt(handler.httpGet, 'path', '/');
  dflt(handler.httpGet, 'scheme', 'HTTP');
}

function defaultProbe(probe: unknown): void {
  if (!isObj(probe)) return;
  dfltNonZero(probe, 'timeoutSeconds', 1);
  dfltNonZero(probe, 'periodSeconds', 10);
  dfltNonZero(probe, 'successThreshold', 1);
  dfltNonZero(probe, 'failureThreshold', 3);
  defaultHTTPGet(probe);
  if (isObj(probe.grpc) && (probe.grpc.service === undefined || probe.grpc.service === null)) probe.grpc.service = '';
}

function defaultFieldRef(holder: Obj | undefined): void {
  if (isObj(holder) && isObj(holder.fieldRef)) dflt(holder.fieldRef, 'apiVersion', 'v1');
}

export function defaultContainer(c: Obj): void {
  dflt(c, 'imagePullPolicy', defaultPullPolicy(c.image));
  dflt(c, 'terminationMessagePath', '/dev/termination-log');
  dflt(c, 'terminationMessagePolicy', 'File');
  for (const p of items(c, 'ports')) dflt(p, 'protocol', 'TCP');
  for (const e of items(c, 'env')) defaultFieldRef(e.valueFrom);
  const res = child(c, 'resources');
  canonicalResourceList(res.limits, -3);
  canonicalResourceList(res.requests, -3);
  defaultProbe(c.livenessProbe);
  defaultProbe(c.readinessProbe);
  defaultProbe(c.startupProbe);
  if (isObj(c.lifecycle)) {
    defaultHTTPGet(c.lifecycle.postStart);
    defaultHTTPGet(c.lifecycle.preStop);
  }
}

/** Keys of a Volume that are not a volume source. */
const NOT_A_SOURCE = new Set(['name']);

export function defaultVolume(v: Obj): void {
  if (!Object.keys(v).some((k) => !NOT_A_SOURCE.has(k) && v[k] !== null && v[k] !== undefined)) v.emptyDir = {};
  if (isObj(v.hostPath)) dflt(v.hostPath, 'type', '');
  if (isObj(v.secret)) dflt(v.secret, 'defaultMode', MODE_420);
  if (isObj(v.configMap)) dflt(v.configMap, 'defaultMode', MODE_420);
  if (isObj(v.downwardAPI)) {
    dflt(v.downwardAPI, 'defaultMode', MODE_420);
    for (const it of items(v.downwardAPI, 'items')) defaultFieldRef(it);
  }
  if (isObj(v.projected)) {
    dflt(v.projected, 'defaultMode', MODE_420);
    for (const src of items(v.projected, 'sources')) {
      if (isObj(src.downwardAPI)) for (const it of items(src.downwardAPI, 'items')) defaultFieldRef(it);
      if (isObj(src.serviceAccountToken)) dflt(src.serviceAccountToken, 'expirationSeconds', 3600);
    }
  }
  if (isObj(v.emptyDir) && v.emptyDir.sizeLimit != null) v.emptyDir.sizeLimit = canonicalQuantity(v.emptyDir.sizeLimit);
  if (isObj(v.ephemeral) && isObj(v.ephemeral.volumeClaimTemplate)) {
    const t = v.ephemeral.volumeClaimTemplate;
    templateMeta(t);
    defaultPVCSpec(child(t, 'spec'));
  }
}

/** PersistentVolumeClaimSpec (also used by StatefulSet volumeClaimTemplates and PVCs). */
export function defaultPVCSpec(spec: Obj): void {
  dflt(spec, 'volumeMode', 'Filesystem');
  const res = child(spec, 'resources');
  canonicalResourceList(res.requests);
  canonicalResourceList(res.limits);
}

/** SetDefaults_PodSpec and everything below it. Mutates `spec`. */
export function defaultPodSpec(spec: Obj): void {
  dflt(spec, 'dnsPolicy', 'ClusterFirst');
  dflt(spec, 'restartPolicy', 'Always');
  if (!isObj(spec.securityContext)) spec.securityContext = {};
  dflt(spec, 'terminationGracePeriodSeconds', 30);
  dflt(spec, 'schedulerName', 'default-scheduler');
  // v1 conversion: serviceAccountName wins; the deprecated serviceAccount always mirrors it.
  if (!spec.serviceAccountName && spec.serviceAccount) spec.serviceAccountName = spec.serviceAccount;
  if (spec.serviceAccountName) spec.serviceAccount = spec.serviceAccountName;
  else delete spec.serviceAccount;
  for (const v of items(spec, 'volumes')) defaultVolume(v);
  for (const key of ['initContainers', 'containers', 'ephemeralContainers']) {
    for (const c of items(spec, key)) defaultContainer(c);
  }
  canonicalResourceList(spec.overhead, -3);
}

/** A PodTemplateSpec inside a workload: PodSpec defaults, and metadata with `creationTimestamp: null`. */
export function defaultPodTemplate(template: unknown): void {
  if (!isObj(template)) return;
  templateMeta(template);
  defaultPodSpec(child(template, 'spec'));
}
