// Pod and pod-spec validation (pkg/apis/core/validation/validation.go: ValidatePodSpec,
// validateContainers, validateContainerCommon, validateContainerPorts, ValidateEnv, ValidateVolumes,
// validateProbe, ValidatePodTemplateSpec). A practical subset: the checks a learner's manifest can
// trip, in the server's order. Input is the defaulted v1 object (probe, container and pod defaults set).
import type { KObject } from '../types.js';
import type { ErrorList } from './field.js';
import { arr, duplicate, forbidden, invalid, invalidEach, notFound, notSupported, num, obj, required, str } from './field.js';
import { validateAnnotations, validateLabelName, validateLabels, validateObjectMeta, validateObjectMetaUpdate } from './meta.js';
import { validatePortNumOrName } from './service.js';
import {
  inclusiveRangeError,
  isConfigMapKey,
  isDNS1123Label,
  isDNS1123Subdomain,
  isHTTPHeaderName,
  isIP,
  isQualifiedName,
  isRelaxedEnvVarName,
  isValidLabelValue,
  isValidPortName,
  isValidPortNum,
  nameIsDNSSubdomain,
} from './names.js';

type Obj = Record<string, unknown>;

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
const TERMINATION_MESSAGE_POLICIES = ['File', 'FallbackToLogsOnError'];
const MAX_DNS_NAMESERVERS = 3;
const MAX_DNS_SEARCH_PATHS = 32;
const FILE_MODE_MSG = 'must be a number between 0 and 0777 (octal), both inclusive';

/** Volume source JSON keys in the server's checking order, with the path name it uses in "more than 1" errors. */
const VOLUME_SOURCES: [string, string][] = [
  ['emptyDir', 'emptyDir'],
  ['hostPath', 'hostPath'],
  ['gitRepo', 'gitRepo'],
  ['gcePersistentDisk', 'gcePersistentDisk'],
  ['awsElasticBlockStore', 'awsElasticBlockStore'],
  ['secret', 'secret'],
  ['nfs', 'nfs'],
  ['iscsi', 'iscsi'],
  ['glusterfs', 'glusterfs'],
  ['flocker', 'flocker'],
  ['persistentVolumeClaim', 'persistentVolumeClaim'],
  ['rbd', 'rbd'],
  ['cinder', 'cinder'],
  ['cephfs', 'cephFS'],
  ['quobyte', 'quobyte'],
  ['downwardAPI', 'downwarAPI'],
  ['fc', 'fc'],
  ['flexVolume', 'flexVolume'],
  ['configMap', 'configMap'],
  ['azureFile', 'azureFile'],
  ['vsphereVolume', 'vsphereVolume'],
  ['photonPersistentDisk', 'photonPersistentDisk'],
  ['portworxVolume', 'portworxVolume'],
  ['azureDisk', 'azureDisk'],
  ['storageos', 'storageos'],
  ['projected', 'projected'],
  ['scaleIO', 'scaleIO'],
  ['csi', 'csi'],
  ['ephemeral', 'ephemeral'],
  ['image', 'image'],
];

function present(v: unknown): boolean {
  return v !== undefined && v !== null;
}

function validateFileMode(mode: unknown, field: string): ErrorList {
  if (!present(mode)) return [];
  const m = num(mode);
  return m < 0 || m > 0o777 ? [invalid(field, m, FILE_MODE_MSG)] : [];
}

function validateKeyToPaths(items: unknown, field: string): ErrorList {
  const errs: ErrorList = [];
  arr<Obj>(items).forEach((it, i) => {
    const p = `${field}[${i}]`;
    const key = str(obj(it).key);
    if (!key) errs.push(required(`${p}.key`));
    if (!str(obj(it).path)) errs.push(required(`${p}.path`));
    errs.push(...validateFileMode(obj(it).mode, `${p}.mode`));
  });
  return errs;
}

function validateVolumeSource(src: Obj, field: string): ErrorList {
  const errs: ErrorList = [];
  let count = 0;
  for (const [key, pathName] of VOLUME_SOURCES) {
    if (!present(src[key])) continue;
    if (count > 0) {
      errs.push(forbidden(`${field}.${pathName}`, 'may not specify more than 1 volume type'));
      continue;
    }
    count++;
    const s = obj(src[key]);
    const p = `${field}.${key}`;
    switch (key) {
      case 'hostPath':
        if (!str(s.path)) errs.push(required(`${p}.path`));
        break;
      case 'gitRepo':
        if (!str(s.repository)) errs.push(required(`${p}.repository`));
        break;
      case 'secret':
        if (!str(s.secretName)) errs.push(required(`${p}.secretName`));
        errs.push(...validateFileMode(s.defaultMode, `${p}.defaultMode`));
        errs.push(...validateKeyToPaths(s.items, `${p}.items`));
        break;
      case 'configMap':
        if (!str(s.name)) errs.push(required(`${p}.name`));
        errs.push(...validateFileMode(s.defaultMode, `${p}.defaultMode`));
        errs.push(...validateKeyToPaths(s.items, `${p}.items`));
        break;
      case 'nfs':
        if (!str(s.server)) errs.push(required(`${p}.server`));
        if (!str(s.path)) errs.push(required(`${p}.path`));
        else if (!str(s.path).startsWith('/')) errs.push(invalid(`${p}.path`, str(s.path), 'must be an absolute path'));
        break;
      case 'persistentVolumeClaim':
        if (!str(s.claimName)) errs.push(required(`${p}.claimName`));
        break;
      default:
        break;
    }
  }
  if (count === 0) errs.push(required(field, 'must specify a volume type'));
  return errs;
}

/** ValidateVolumes: returns the valid volume names (for volumeMounts) and the errors. */
function validateVolumes(volumes: unknown, field: string): { names: Set<string>; errs: ErrorList } {
  const errs: ErrorList = [];
  const names = new Set<string>();
  arr<Obj>(volumes).forEach((v, i) => {
    const vol = obj(v);
    const p = `${field}[${i}]`;
    const name = str(vol.name);
    const el = validateVolumeSource(vol, p);
    if (!name) el.push(required(`${p}.name`));
    else el.push(...invalidEach(`${p}.name`, name, isDNS1123Label(name)));
    if (names.has(name)) el.push(duplicate(`${p}.name`, name));
    if (el.length === 0) names.add(name);
    else errs.push(...el);
  });
  return { names, errs };
}

function validateContainerPorts(ports: unknown, field: string): ErrorList {
  const errs: ErrorList = [];
  const names = new Set<string>();
  arr<Obj>(ports).forEach((p0, i) => {
    const p = obj(p0);
    const f = `${field}[${i}]`;
    const name = str(p.name);
    if (name) {
      const msgs = isValidPortName(name);
      if (msgs.length) errs.push(...invalidEach(`${f}.name`, name, msgs));
      else if (names.has(name)) errs.push(duplicate(`${f}.name`, name));
      else names.add(name);
    }
    const cp = num(p.containerPort);
    if (cp === 0) errs.push(required(`${f}.containerPort`));
    else errs.push(...invalidEach(`${f}.containerPort`, cp, isValidPortNum(cp)));
    const hp = num(p.hostPort);
    if (hp !== 0) errs.push(...invalidEach(`${f}.hostPort`, hp, isValidPortNum(hp)));
    const proto = str(p.protocol);
    if (!proto) errs.push(required(`${f}.protocol`));
    else if (!PROTOCOLS.includes(proto)) errs.push(notSupported(`${f}.protocol`, proto, PROTOCOLS));
  });
  return errs;
}

function validateKeySelector(sel: Obj, field: string): ErrorList {
  const errs: ErrorList = invalidEach(`${field}.name`, str(sel.name), nameIsDNSSubdomain(str(sel.name), false));
  const key = str(sel.key);
  if (!key) errs.push(required(`${field}.key`));
  else errs.push(...invalidEach(`${field}.key`, key, isConfigMapKey(key)));
  return errs;
}

const FIELD_REF_PATHS = [
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'spec.nodeName',
  'spec.serviceAccountName',
  'status.hostIP',
  'status.hostIPs',
  'status.podIP',
  'status.podIPs',
];

function validateEnvVarValueFrom(ev: Obj, field: string): ErrorList {
  if (!present(ev.valueFrom)) return [];
  const vf = obj(ev.valueFrom);
  const errs: ErrorList = [];
  let n = 0;
  if (present(vf.fieldRef)) {
    n++;
    const fr = obj(vf.fieldRef);
    const fp = str(fr.fieldPath);
    if (!str(fr.apiVersion)) errs.push(required(`${field}.fieldRef.apiVersion`));
    else if (!fp) errs.push(required(`${field}.fieldRef.fieldPath`));
    else {
      const m = /^(metadata\.(?:labels|annotations))\['(.*)'\]$/.exec(fp);
      if (m) {
        const key = m[1] === 'metadata.annotations' ? m[2].toLowerCase() : m[2];
        errs.push(...invalidEach(`${field}.fieldRef`, key, isQualifiedName(key)));
      } else if (!FIELD_REF_PATHS.includes(fp) && !['metadata.labels', 'metadata.annotations'].includes(fp)) {
        errs.push(notSupported(`${field}.fieldRef.fieldPath`, fp, [...FIELD_REF_PATHS].sort()));
      }
    }
  }
  if (present(vf.resourceFieldRef)) {
    n++;
    if (!str(obj(vf.resourceFieldRef).resource)) errs.push(required(`${field}.resourceFieldRef.resource`));
  }
  if (present(vf.configMapKeyRef)) {
    n++;
    errs.push(...validateKeySelector(obj(vf.configMapKeyRef), `${field}.configMapKeyRef`));
  }
  if (present(vf.secretKeyRef)) {
    n++;
    errs.push(...validateKeySelector(obj(vf.secretKeyRef), `${field}.secretKeyRef`));
  }
  if (n === 0) errs.push(invalid(field, '', 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`'));
  else if (str(ev.value)) errs.push(invalid(field, '', 'may not be specified when `value` is not empty'));
  else if (n > 1) errs.push(invalid(field, '', 'may not have more than one field specified at a time'));
  return errs;
}

function validateEnv(env: unknown, field: string): ErrorList {
  const errs: ErrorList = [];
  arr<Obj>(env).forEach((e0, i) => {
    const ev = obj(e0);
    const f = `${field}[${i}]`;
    const name = str(ev.name);
    if (!name) errs.push(required(`${f}.name`));
    else errs.push(...invalidEach(`${f}.name`, name, isRelaxedEnvVarName(name)));
    errs.push(...validateEnvVarValueFrom(ev, `${f}.valueFrom`));
  });
  return errs;
}

function validateEnvFrom(envFrom: unknown, field: string): ErrorList {
  const errs: ErrorList = [];
  arr<Obj>(envFrom).forEach((e0, i) => {
    const ev = obj(e0);
    const f = `${field}[${i}]`;
    if (str(ev.prefix)) errs.push(...invalidEach(`${f}.prefix`, str(ev.prefix), isRelaxedEnvVarName(str(ev.prefix))));
    let n = 0;
    for (const k of ['configMapRef', 'secretRef']) {
      if (!present(ev[k])) continue;
      n++;
      const name = str(obj(ev[k]).name);
      if (!name) errs.push(required(`${f}.${k}.name`));
      else errs.push(...invalidEach(`${f}.${k}.name`, name, nameIsDNSSubdomain(name, true)));
    }
    if (n === 0) errs.push(invalid(field, '', 'must specify one of: `configMapRef` or `secretRef`'));
    else if (n > 1) errs.push(invalid(field, '', 'may not have more than one field specified at a time'));
  });
  return errs;
}

function validateVolumeMounts(mounts: unknown, volumes: Set<string>, field: string): ErrorList {
  const errs: ErrorList = [];
  const paths = new Set<string>();
  arr<Obj>(mounts).forEach((m0, i) => {
    const m = obj(m0);
    const f = `${field}[${i}]`;
    const name = str(m.name);
    const mountPath = str(m.mountPath);
    if (!name) errs.push(required(`${f}.name`));
    if (!volumes.has(name)) errs.push(notFound(`${f}.name`, name));
    if (!mountPath) errs.push(required(`${f}.mountPath`));
    if (paths.has(mountPath)) errs.push(invalid(`${f}.mountPath`, mountPath, 'must be unique'));
    paths.add(mountPath);
    const sub = str(m.subPath);
    if (sub) errs.push(...validateLocalDescendingPath(sub, `${field}.subPath`));
  });
  return errs;
}

function validateLocalDescendingPath(p: string, field: string): ErrorList {
  const errs: ErrorList = [];
  if (p.startsWith('/')) errs.push(invalid(field, p, 'must be a relative path'));
  if (p.split('/').includes('..')) errs.push(invalid(field, p, "must not contain '..'"));
  return errs;
}

function validateHandler(h: Obj, field: string, isProbe: boolean): ErrorList {
  const errs: ErrorList = [];
  let n = 0;
  const kinds = isProbe ? ['exec', 'httpGet', 'tcpSocket', 'grpc'] : ['exec', 'httpGet', 'tcpSocket', 'sleep'];
  for (const k of kinds) {
    if (!present(h[k])) continue;
    if (n > 0) {
      errs.push(forbidden(`${field}.${k}`, 'may not specify more than 1 handler type'));
      continue;
    }
    n++;
    const a = obj(h[k]);
    const f = `${field}.${k}`;
    if (k === 'exec') {
      if (arr(a.command).length === 0) errs.push(required(`${f}.command`));
    } else if (k === 'httpGet') {
      if (!str(a.path)) errs.push(required(`${f}.path`));
      errs.push(...validatePortNumOrName(a.port, `${f}.port`));
      const scheme = str(a.scheme);
      if (scheme !== 'HTTP' && scheme !== 'HTTPS') errs.push(notSupported(`${f}.scheme`, scheme, ['HTTP', 'HTTPS']));
      for (const hd of arr<Obj>(a.httpHeaders)) {
        errs.push(...invalidEach(`${f}.httpHeaders`, str(obj(hd).name), isHTTPHeaderName(str(obj(hd).name))));
      }
    } else if (k === 'tcpSocket') {
      errs.push(...validatePortNumOrName(a.port, `${f}.port`));
    } else if (k === 'grpc') {
      errs.push(...validatePortNumOrName(num(a.port), `${f}.port`));
    }
  }
  if (n === 0) errs.push(required(field, 'must specify a handler type'));
  return errs;
}

function nonNegative(v: unknown, field: string): ErrorList {
  return num(v) < 0 ? [invalid(field, num(v), 'must be greater than or equal to 0')] : [];
}

function validateProbe(probe: unknown, field: string, kind: 'liveness' | 'readiness' | 'startup'): ErrorList {
  if (!present(probe)) return [];
  const p = obj(probe);
  const errs = validateHandler(p, field, true);
  for (const k of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold']) {
    errs.push(...nonNegative(p[k], `${field}.${k}`));
  }
  if (present(p.terminationGracePeriodSeconds) && num(p.terminationGracePeriodSeconds) <= 0) {
    errs.push(invalid(`${field}.terminationGracePeriodSeconds`, num(p.terminationGracePeriodSeconds), 'must be greater than 0'));
  }
  if (kind !== 'readiness' && num(p.successThreshold) !== 1) {
    errs.push(invalid(`${field}.successThreshold`, num(p.successThreshold), 'must be 1'));
  }
  if (kind === 'readiness' && present(p.terminationGracePeriodSeconds)) {
    errs.push(invalid(`${field}.terminationGracePeriodSeconds`, num(p.terminationGracePeriodSeconds), 'must not be set for readinessProbes'));
  }
  return errs;
}

function validateContainerCommon(c: Obj, volumes: Set<string>, field: string): ErrorList {
  const errs: ErrorList = [];
  const name = str(c.name);
  if (!name) errs.push(required(`${field}.name`));
  else errs.push(...invalidEach(`${field}.name`, name, isDNS1123Label(name)));
  if (!str(c.image)) errs.push(required(`${field}.image`));
  const tmp = str(c.terminationMessagePolicy);
  if (!tmp) errs.push(required(`${field}.terminationMessagePolicy`));
  else if (!TERMINATION_MESSAGE_POLICIES.includes(tmp)) errs.push(notSupported(`${field}.terminationMessagePolicy`, tmp, TERMINATION_MESSAGE_POLICIES));
  errs.push(...validateContainerPorts(c.ports, `${field}.ports`));
  errs.push(...validateEnv(c.env, `${field}.env`));
  errs.push(...validateEnvFrom(c.envFrom, `${field}.envFrom`));
  errs.push(...validateVolumeMounts(c.volumeMounts, volumes, `${field}.volumeMounts`));
  const pp = str(c.imagePullPolicy);
  if (!pp) errs.push(required(`${field}.imagePullPolicy`));
  else if (!PULL_POLICIES.includes(pp)) errs.push(notSupported(`${field}.imagePullPolicy`, pp, PULL_POLICIES));
  return errs;
}

function hostPortConflicts(containers: Obj[], field: string, seen: Set<string>): ErrorList {
  const errs: ErrorList = [];
  containers.forEach((c, ci) => {
    arr<Obj>(c.ports).forEach((p0, pi) => {
      const p = obj(p0);
      const hp = num(p.hostPort);
      if (hp === 0) return;
      const key = `${str(p.protocol)}/${str(p.hostIP)}/${hp}`;
      if (seen.has(key)) errs.push(duplicate(`${field}[${ci}].ports[${pi}].hostPort`, key));
      else seen.add(key);
    });
  });
  return errs;
}

function validateContainers(containers: unknown, volumes: Set<string>, field: string): ErrorList {
  const list = arr<Obj>(containers).map(obj);
  if (list.length === 0) return [required(field)];
  const errs: ErrorList = [];
  const names = new Set<string>();
  list.forEach((c, i) => {
    const f = `${field}[${i}]`;
    errs.push(...validateContainerCommon(c, volumes, f));
    const name = str(c.name);
    if (names.has(name)) errs.push(duplicate(`${f}.name`, name));
    else names.add(name);
    if (present(c.lifecycle)) {
      const lc = obj(c.lifecycle);
      if (present(lc.postStart)) errs.push(...validateHandler(obj(lc.postStart), `${f}.lifecycle.postStart`, false));
      if (present(lc.preStop)) errs.push(...validateHandler(obj(lc.preStop), `${f}.lifecycle.preStop`, false));
    }
    errs.push(...validateProbe(c.livenessProbe, `${f}.livenessProbe`, 'liveness'));
    errs.push(...validateProbe(c.readinessProbe, `${f}.readinessProbe`, 'readiness'));
    errs.push(...validateProbe(c.startupProbe, `${f}.startupProbe`, 'startup'));
    if (present(c.restartPolicy)) errs.push(forbidden(`${f}.restartPolicy`, 'may not be set for non-init containers'));
  });
  errs.push(...hostPortConflicts(list, field, new Set()));
  return errs;
}

function validateInitContainers(containers: unknown, regular: unknown, volumes: Set<string>, field: string): ErrorList {
  const errs: ErrorList = [];
  const names = new Set(arr<Obj>(regular).map((c) => str(obj(c).name)));
  arr<Obj>(containers)
    .map(obj)
    .forEach((c, i) => {
      const f = `${field}[${i}]`;
      errs.push(...validateContainerCommon(c, volumes, f));
      const rp = c.restartPolicy;
      const always = str(rp) === 'Always';
      if (present(rp) && !always) errs.push(notSupported(`${f}.restartPolicy`, str(rp), ['Always']));
      const name = str(c.name);
      if (names.has(name)) errs.push(duplicate(`${f}.name`, name));
      else if (name) names.add(name);
      errs.push(...hostPortConflicts([c], field, new Set()));
      if (always) {
        errs.push(...validateProbe(c.livenessProbe, `${f}.livenessProbe`, 'liveness'));
        errs.push(...validateProbe(c.readinessProbe, `${f}.readinessProbe`, 'readiness'));
        errs.push(...validateProbe(c.startupProbe, `${f}.startupProbe`, 'startup'));
      } else {
        const msg = 'may not be set for init containers without restartPolicy=Always';
        for (const k of ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe']) {
          if (present(c[k])) errs.push(forbidden(`${f}.${k}`, msg));
        }
      }
    });
  return errs;
}

function validateDNSConfig(cfg: unknown, dnsPolicy: string, field: string): ErrorList {
  const errs: ErrorList = [];
  if (dnsPolicy === 'None') {
    if (!present(cfg)) return [required(field, 'must provide `dnsConfig` when `dnsPolicy` is None')];
    if (arr(obj(cfg).nameservers).length === 0) {
      return [required(`${field}.nameservers`, 'must provide at least one DNS nameserver when `dnsPolicy` is None')];
    }
  }
  if (!present(cfg)) return errs;
  const c = obj(cfg);
  const ns = arr<unknown>(c.nameservers).map(str);
  if (ns.length > MAX_DNS_NAMESERVERS) {
    errs.push(invalid(`${field}.nameservers`, null, `must not have more than ${MAX_DNS_NAMESERVERS} nameservers`, goSlice(ns)));
  }
  ns.forEach((n, i) => {
    if (!isIP(n)) errs.push(invalid(`${field}.nameservers[${i}]`, n, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'));
  });
  const searches = arr<unknown>(c.searches).map(str);
  if (searches.length > MAX_DNS_SEARCH_PATHS) {
    errs.push(invalid(`${field}.searches`, null, `must not have more than ${MAX_DNS_SEARCH_PATHS} search paths`, goSlice(searches)));
  }
  if (searches.join(' ').length > 2048) {
    errs.push(invalid(`${field}.searches`, null, 'must not have more than 2048 characters (including spaces) in the search list', goSlice(searches)));
  }
  searches.forEach((s, i) => {
    const v = s.replace(/\.$/, '');
    errs.push(...invalidEach(`${field}.searches[${i}]`, v, isDNS1123Subdomain(v)));
  });
  arr<Obj>(c.options).forEach((o, i) => {
    if (!str(obj(o).name)) errs.push(required(`${field}.options[${i}]`, 'must not be empty'));
  });
  return errs;
}

function goSlice(v: string[]): string {
  return `[]string{${v.map((s) => JSON.stringify(s)).join(', ')}}`;
}

function validateTolerations(tols: unknown, field: string): ErrorList {
  const errs: ErrorList = [];
  arr<Obj>(tols).forEach((t0, i) => {
    const t = obj(t0);
    const f = `${field}[${i}]`;
    const key = str(t.key);
    const op = str(t.operator);
    const effect = str(t.effect);
    if (key) errs.push(...validateLabelName(key, `${f}.key`));
    if (!key && op !== 'Exists') {
      errs.push(invalid(`${f}.operator`, op, 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
    }
    if (present(t.tolerationSeconds) && effect !== 'NoExecute') {
      errs.push(invalid(`${f}.effect`, effect, "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    }
    if (op === 'Equal' || op === '') {
      const msgs = isValidLabelValue(str(t.value));
      if (msgs.length) errs.push(invalid(`${f}.operator`, str(t.value), msgs.join(';')));
    } else if (op === 'Exists') {
      if (str(t.value)) errs.push(invalid(`${f}.operator`, str(t.value), "value must be empty when `operator` is 'Exists'"));
    } else {
      errs.push(notSupported(`${f}.operator`, op, ['Equal', 'Exists']));
    }
    if (effect && !['NoSchedule', 'PreferNoSchedule', 'NoExecute'].includes(effect)) {
      errs.push(notSupported(`${f}.effect`, effect, ['NoSchedule', 'PreferNoSchedule', 'NoExecute']));
    }
  });
  return errs;
}

/** ValidatePodSpec. `field` is `spec` for a Pod, `spec.template.spec` for templates. */
export function validatePodSpec(spec0: unknown, field: string, isPod: boolean): ErrorList {
  const spec = obj(spec0);
  const errs: ErrorList = [];
  if (!present(spec.terminationGracePeriodSeconds)) errs.push(required(`${field}.terminationGracePeriodSeconds`));
  const { names: volumes, errs: volErrs } = validateVolumes(spec.volumes, `${field}.volumes`);
  errs.push(...volErrs);
  errs.push(...validateContainers(spec.containers, volumes, `${field}.containers`));
  errs.push(...validateInitContainers(spec.initContainers, spec.containers, volumes, `${field}.initContainers`));

  if (spec.hostNetwork === true) {
    arr<Obj>(spec.containers).forEach((c, ci) => {
      arr<Obj>(obj(c).ports).forEach((p0, pi) => {
        const p = obj(p0);
        const hp = num(p.hostPort);
        const cp = num(p.containerPort);
        if ((isPod || hp !== 0) && hp !== cp) {
          errs.push(invalid(`${field}.containers[${ci}].ports[${pi}].hostPort`, hp, 'must match `containerPort` when `hostNetwork` is true'));
        }
      });
    });
  }

  const rp = str(spec.restartPolicy);
  if (!rp) errs.push(required(`${field}.restartPolicy`));
  else if (!RESTART_POLICIES.includes(rp)) errs.push(notSupported(`${field}.restartPolicy`, rp, RESTART_POLICIES));
  const dp = str(spec.dnsPolicy);
  if (!dp) errs.push(required(`${field}.dnsPolicy`));
  else if (!DNS_POLICIES.includes(dp)) errs.push(notSupported(`${field}.dnsPolicy`, dp, DNS_POLICIES));
  errs.push(...validateLabels(spec.nodeSelector, `${field}.nodeSelector`));
  errs.push(...validateDNSConfig(spec.dnsConfig, dp, `${field}.dnsConfig`));
  arr<Obj>(spec.readinessGates).forEach((g, i) => {
    const t = str(obj(g).conditionType);
    errs.push(...invalidEach(`${field}.readinessGates[${i}].conditionType`, t, isQualifiedName(t)));
  });
  const sa = str(spec.serviceAccountName);
  if (sa) errs.push(...invalidEach(`${field}.serviceAccountName`, sa, nameIsDNSSubdomain(sa, false)));
  const node = str(spec.nodeName);
  if (node) errs.push(...invalidEach(`${field}.nodeName`, node, nameIsDNSSubdomain(node, false)));
  if (present(spec.activeDeadlineSeconds)) {
    const v = num(spec.activeDeadlineSeconds);
    if (v < 1 || v > 2147483647) errs.push(invalid(`${field}.activeDeadlineSeconds`, v, inclusiveRangeError(1, 2147483647)));
  }
  if (str(spec.hostname)) errs.push(...invalidEach(`${field}.hostname`, str(spec.hostname), isDNS1123Label(str(spec.hostname))));
  if (str(spec.subdomain)) errs.push(...invalidEach(`${field}.subdomain`, str(spec.subdomain), isDNS1123Label(str(spec.subdomain))));
  errs.push(...validateTolerations(spec.tolerations, `${field}.tolerations`));
  arr<Obj>(spec.hostAliases).forEach((h0, i) => {
    const h = obj(h0);
    if (!isIP(str(h.ip))) {
      errs.push(invalid(`${field}.hostAliases[${i}].ip`, str(h.ip), 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'));
    }
    arr<unknown>(h.hostnames).forEach((hn, j) => {
      errs.push(...invalidEach(`${field}.hostAliases[${i}].hostnames[${j}]`, str(hn), isDNS1123Subdomain(str(hn))));
    });
  });
  const pc = str(spec.priorityClassName);
  if (pc) errs.push(...invalidEach(`${field}.priorityClassName`, pc, nameIsDNSSubdomain(pc, false)));
  return errs;
}

/** ValidatePodTemplateSpec: labels/annotations at `<field>.labels` (sic), then the pod spec. */
export function validatePodTemplateSpec(template: unknown, field: string): ErrorList {
  const t = obj(template);
  const meta = obj(t.metadata);
  const errs: ErrorList = [];
  errs.push(...validateLabels(meta.labels, `${field}.labels`));
  errs.push(...validateAnnotations(meta.annotations, `${field}.annotations`));
  errs.push(...validatePodSpec(t.spec, `${field}.spec`, false));
  if (arr(obj(t.spec).ephemeralContainers).length > 0) {
    errs.push(forbidden(`${field}.spec.ephemeralContainers`, 'ephemeral containers not allowed in pod template'));
  }
  return errs;
}

/** validatePodMetadataAndSpec: shared by create and update. */
function validatePodMetadataAndSpec(pod: KObject): ErrorList {
  const spec = obj(pod.spec);
  const errs = validateObjectMeta(pod.metadata, true, nameIsDNSSubdomain);
  errs.push(...validatePodSpec(spec, 'spec', true));
  for (const k of ['containers', 'initContainers']) {
    arr<Obj>(spec[k]).forEach((c, i) => {
      const image = str(obj(c).image);
      if (image.length !== image.trim().length) errs.push(invalid(`spec.${k}[${i}].image`, image, 'must not have leading or trailing whitespace'));
    });
  }
  return errs;
}

/** ValidatePodCreate */
export function validatePod(pod: KObject): ErrorList {
  const spec = obj(pod.spec);
  const errs = validatePodMetadataAndSpec(pod);
  if (arr(spec.ephemeralContainers).length > 0) errs.push(forbidden('spec.ephemeralContainers', 'cannot be set on create'));
  if (str(spec.nodeName) && arr(spec.schedulingGates).length > 0) {
    errs.push(forbidden('spec.nodeName', 'cannot be set until all schedulingGates have been cleared'));
  }
  return errs;
}

const UPDATABLE_POD_SPEC_FIELDS = [
  '`spec.containers[*].image`',
  '`spec.initContainers[*].image`',
  '`spec.activeDeadlineSeconds`',
  '`spec.tolerations` (only additions to existing tolerations)',
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
];

function stable(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Obj;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

/**
 * ValidatePodUpdate (subset): metadata rules, then the "only some spec fields may change" rule.
 * The real message ends with a go-cmp diff of the internal PodSpec that we cannot reproduce; we
 * append a short list of the changed spec fields instead [approximate].
 */
export function validatePodUpdate(pod: KObject, old: KObject): ErrorList {
  const errs = validateObjectMetaUpdate(pod.metadata, old.metadata);
  errs.push(...validatePodMetadataAndSpec(pod));
  const munge = (spec: unknown, from: unknown): Obj => {
    const s = structuredClone(obj(spec));
    const f = obj(from);
    for (const k of ['containers', 'initContainers']) {
      const fromList = arr<Obj>(f[k]);
      if (!Array.isArray(s[k])) continue;
      s[k] = arr<Obj>(s[k]).map((c, i) => ({ ...obj(c), image: obj(fromList[i]).image }));
    }
    s.activeDeadlineSeconds = f.activeDeadlineSeconds;
    s.tolerations = f.tolerations;
    s.terminationGracePeriodSeconds = f.terminationGracePeriodSeconds;
    return s;
  };
  const newSpec = munge(pod.spec, old.spec);
  const oldSpec = obj(old.spec);
  if (stable(newSpec) !== stable(oldSpec)) {
    const keys = [...new Set([...Object.keys(newSpec), ...Object.keys(oldSpec)])]
      .filter((k) => stable(newSpec[k]) !== stable(oldSpec[k]))
      .sort();
    const diff = keys.map((k) => `  \t${k}: changed`).join('\n');
    errs.push(forbidden('spec', `pod updates may not change fields other than ${UPDATABLE_POD_SPEC_FIELDS.join(',')}\n  core.PodSpec{\n${diff}\n  }\n`));
  }
  return errs;
}
