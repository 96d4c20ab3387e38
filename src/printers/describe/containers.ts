// describeContainers and its helpers (describe.go): basic info, command, state, resources,
// probes, environment and mounts of each container of a pod or pod template.
import { goQuote } from '../../util/errors.js';
import { goSort } from './gosort.js';
import { type Any, intOrString, printBool, rfc1123z, sortedKeys, stringOrNone, joinHostPort } from './format.js';
import { formatQuantity, milliValue, quantityOf, value, isZero, parseQuantity } from './quantity.js';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, type PrefixWriter } from './writer.js';

/** EnvVarResolverFunc: the value of a fieldRef env var (pods only; templates pass null). */
export type EnvResolver = ((e: Any) => string) | null;

/**
 * EnvValueRetriever(pod). kubectl converts the field path with its own scheme, which only knows
 * metadata.name and metadata.namespace for pods; every other path resolves to an empty value.
 */
export function envValueRetriever(pod: Any): EnvResolver {
  return (e: Any) => {
    switch (e.valueFrom?.fieldRef?.fieldPath) {
      case 'metadata.name':
        return pod.metadata?.name ?? '';
      case 'metadata.namespace':
        return pod.metadata?.namespace ?? '';
      default:
        return '';
    }
  };
}

export function describeContainers(
  label: string,
  containers: Any[] | undefined,
  statuses: Any[] | undefined | null,
  resolver: EnvResolver,
  w: PrefixWriter,
  space: string,
): void {
  const byName = new Map<string, Any>();
  for (const s of statuses ?? []) byName.set(s.name, s);
  const list = containers ?? [];
  w.write(LEVEL_0, `${space}${label}:${list.length === 0 ? ' <none>' : ''}\n`);
  for (const c of list) {
    const status = byName.get(c.name);
    describeContainerBasicInfo(c, status, space, w);
    describeContainerCommand(c, w);
    if (status) describeContainerState(status, w);
    describeResources(c.resources, w, LEVEL_2);
    describeContainerProbe(c, w);
    if ((c.envFrom ?? []).length > 0) describeContainerEnvFrom(c, w);
    describeContainerEnvVars(c, resolver, w);
    describeContainerVolumes(c, w);
  }
}

function describeContainerBasicInfo(c: Any, status: Any | undefined, space: string, w: PrefixWriter): void {
  const nameIndent = space.length > 0 ? ' ' : '';
  w.write(LEVEL_1, `${nameIndent}${c.name}:\n`);
  if (status) w.write(LEVEL_2, `Container ID:\t${status.containerID ?? ''}\n`);
  w.write(LEVEL_2, `Image:\t${c.image ?? ''}\n`);
  if (status) w.write(LEVEL_2, `Image ID:\t${status.imageID ?? ''}\n`);
  const ports: Any[] = c.ports ?? [];
  const portString = ports.map((p) => `${p.containerPort ?? 0}/${p.protocol ?? ''}`).join(', ');
  if (portString.includes(',')) w.write(LEVEL_2, `Ports:\t${portString}\n`);
  else w.write(LEVEL_2, `Port:\t${stringOrNone(portString)}\n`);
  const hostPortString = ports.map((p) => `${p.hostPort ?? 0}/${p.protocol ?? ''}`).join(', ');
  if (hostPortString.includes(',')) w.write(LEVEL_2, `Host Ports:\t${hostPortString}\n`);
  else w.write(LEVEL_2, `Host Port:\t${stringOrNone(hostPortString)}\n`);
  const seccomp = c.securityContext?.seccompProfile;
  if (seccomp) {
    w.write(LEVEL_2, `SeccompProfile:\t${seccomp.type ?? ''}\n`);
    if (seccomp.type === 'Localhost') w.write(LEVEL_3, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}\n`);
  }
}

function describeContainerCommand(c: Any, w: PrefixWriter): void {
  if ((c.command ?? []).length > 0) {
    w.write(LEVEL_2, 'Command:\n');
    for (const cmd of c.command) for (const s of String(cmd).split('\n')) w.write(LEVEL_3, `${s}\n`);
  }
  if ((c.args ?? []).length > 0) {
    w.write(LEVEL_2, 'Args:\n');
    for (const arg of c.args) for (const s of String(arg).split('\n')) w.write(LEVEL_3, `${s}\n`);
  }
}

export function describeResources(resources: Any, w: PrefixWriter, level: number): void {
  if (!resources) return;
  const limits = resources.limits ?? {};
  const requests = resources.requests ?? {};
  if (Object.keys(limits).length > 0) w.write(level, 'Limits:\n');
  for (const name of sortedKeys(limits)) w.write(level + 1, `${name}:\t${formatQuantity(limits[name])}\n`);
  if (Object.keys(requests).length > 0) w.write(level, 'Requests:\n');
  for (const name of sortedKeys(requests)) w.write(level + 1, `${name}:\t${formatQuantity(requests[name])}\n`);
}

function describeStatus(stateName: string, state: Any, w: PrefixWriter): void {
  if (state?.running) {
    w.write(LEVEL_2, `${stateName}:\tRunning\n`);
    w.write(LEVEL_3, `Started:\t${rfc1123z(state.running.startedAt)}\n`);
  } else if (state?.waiting) {
    w.write(LEVEL_2, `${stateName}:\tWaiting\n`);
    if (state.waiting.reason) w.write(LEVEL_3, `Reason:\t${state.waiting.reason}\n`);
  } else if (state?.terminated) {
    const t = state.terminated;
    w.write(LEVEL_2, `${stateName}:\tTerminated\n`);
    if (t.reason) w.write(LEVEL_3, `Reason:\t${t.reason}\n`);
    if (t.message) w.write(LEVEL_3, `Message:\t${t.message}\n`);
    w.write(LEVEL_3, `Exit Code:\t${t.exitCode ?? 0}\n`);
    if ((t.signal ?? 0) > 0) w.write(LEVEL_3, `Signal:\t${t.signal}\n`);
    w.write(LEVEL_3, `Started:\t${rfc1123z(t.startedAt)}\n`);
    w.write(LEVEL_3, `Finished:\t${rfc1123z(t.finishedAt)}\n`);
  } else {
    w.write(LEVEL_2, `${stateName}:\tWaiting\n`);
  }
}

function describeContainerState(status: Any, w: PrefixWriter): void {
  describeStatus('State', status.state, w);
  if (status.lastState?.terminated) describeStatus('Last State', status.lastState, w);
  w.write(LEVEL_2, `Ready:\t${printBool(status.ready)}\n`);
  w.write(LEVEL_2, `Restart Count:\t${status.restartCount ?? 0}\n`);
}

/** url.PathEscape-like escaping of URL.EscapedPath (encodePath mode). */
const escapePath = (p: string): string =>
  Array.from(Buffer.from(p, 'utf8'))
    .map((b) => {
      const c = String.fromCharCode(b);
      return /[A-Za-z0-9\-_.~$&+,/:;=@]/.test(c) ? c : '%' + b.toString(16).toUpperCase().padStart(2, '0');
    })
    .join('');

/** DescribeProbe. */
export function describeProbe(p: Any): string {
  const attrs =
    `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 0}s period=${p.periodSeconds ?? 0}s ` +
    `#success=${p.successThreshold ?? 0} #failure=${p.failureThreshold ?? 0}`;
  if (p.exec) return `exec [${(p.exec.command ?? []).join(' ')}] ${attrs}`;
  if (p.httpGet) {
    const scheme = String(p.httpGet.scheme ?? '').toLowerCase();
    const port = intOrString(p.httpGet.port);
    const host = port.length > 0 ? joinHostPort(p.httpGet.host ?? '', port) : (p.httpGet.host ?? '');
    const path = escapePath(p.httpGet.path ?? '');
    let url = scheme ? `${scheme}:` : '';
    if (scheme || host) url += host || path ? `//${host}` : '';
    if (path && path[0] !== '/' && host) url += '/';
    url += path;
    return `http-get ${url} ${attrs}`;
  }
  if (p.tcpSocket) return `tcp-socket ${p.tcpSocket.host ?? ''}:${intOrString(p.tcpSocket.port)} ${attrs}`;
  if (p.grpc) return `grpc <pod>:${p.grpc.port ?? 0} ${p.grpc.service ?? ''} ${attrs}`;
  return `unknown ${attrs}`;
}

function describeContainerProbe(c: Any, w: PrefixWriter): void {
  if (c.livenessProbe) w.write(LEVEL_2, `Liveness:\t${describeProbe(c.livenessProbe)}\n`);
  if (c.readinessProbe) w.write(LEVEL_2, `Readiness:\t${describeProbe(c.readinessProbe)}\n`);
  if (c.startupProbe) w.write(LEVEL_2, `Startup:\t${describeProbe(c.startupProbe)}\n`);
}

function describeContainerEnvFrom(c: Any, w: PrefixWriter): void {
  w.write(LEVEL_2, 'Environment Variables from:\n');
  for (const e of c.envFrom ?? []) {
    let from = '';
    let name = '';
    let optional = false;
    if (e.configMapRef) {
      from = 'ConfigMap';
      name = e.configMapRef.name ?? '';
      optional = e.configMapRef.optional === true;
    } else if (e.secretRef) {
      from = 'Secret';
      name = e.secretRef.name ?? '';
      optional = e.secretRef.optional === true;
    }
    if (!e.prefix) w.write(LEVEL_3, `${name}\t${from}\tOptional: ${optional}\n`);
    else w.write(LEVEL_3, `${name}\t${from} with prefix '${e.prefix}'\tOptional: ${optional}\n`);
  }
}

/** resourcehelper.ExtractContainerResourceValue for a resourceFieldRef. */
function containerResourceValue(ref: Any, c: Any): string {
  const divisor = ref.divisor === undefined || isZero(quantityOf(ref.divisor)) ? parseQuantity('1') : quantityOf(ref.divisor);
  const [kind, res] = String(ref.resource ?? '').split('.', 2) as [string, string];
  if ((kind !== 'limits' && kind !== 'requests') || !['cpu', 'memory', 'ephemeral-storage'].includes(res)) return '';
  const list = (kind === 'limits' ? c.resources?.limits : c.resources?.requests) ?? {};
  const q = quantityOf(list[res]);
  const n = res === 'cpu' ? Math.ceil(milliValue(q) / milliValue(divisor)) : Math.ceil(value(q) / value(divisor));
  return String(n);
}

function describeContainerEnvVars(c: Any, resolver: EnvResolver, w: PrefixWriter): void {
  const env: Any[] = c.env ?? [];
  w.write(LEVEL_2, `Environment:${env.length === 0 ? '\t<none>' : ''}\n`);
  for (const e of env) {
    if (!e.valueFrom) {
      String(e.value ?? '')
        .split('\n')
        .forEach((s, i) => w.write(LEVEL_3, i === 0 ? `${e.name}:\t${s}\n` : `\t${s}\n`));
      continue;
    }
    const vf = e.valueFrom;
    if (vf.fieldRef) {
      const v = resolver ? resolver(e) : '';
      w.write(LEVEL_3, `${e.name}:\t${v} (${vf.fieldRef.apiVersion ?? ''}:${vf.fieldRef.fieldPath ?? ''})\n`);
    } else if (vf.resourceFieldRef) {
      let v = containerResourceValue(vf.resourceFieldRef, c);
      const resource = vf.resourceFieldRef.resource ?? '';
      if (v === '0' && (resource === 'limits.cpu' || resource === 'limits.memory')) v = 'node allocatable';
      w.write(LEVEL_3, `${e.name}:\t${v} (${resource})\n`);
    } else if (vf.secretKeyRef) {
      const r = vf.secretKeyRef;
      w.write(LEVEL_3, `${e.name}:\t<set to the key '${r.key ?? ''}' in secret '${r.name ?? ''}'>\tOptional: ${r.optional === true}\n`);
    } else if (vf.configMapKeyRef) {
      const r = vf.configMapKeyRef;
      w.write(LEVEL_3, `${e.name}:\t<set to the key '${r.key ?? ''}' of config map '${r.name ?? ''}'>\tOptional: ${r.optional === true}\n`);
    }
  }
}

function describeContainerVolumes(c: Any, w: PrefixWriter): void {
  const mounts: Any[] = [...(c.volumeMounts ?? [])];
  const none = mounts.length === 0 ? '\t<none>' : '';
  w.write(LEVEL_2, `Mounts:${none}\n`);
  goSort(mounts, (a, b) => (a.mountPath ?? '') < (b.mountPath ?? ''));
  for (const m of mounts) {
    const flags = [m.readOnly ? 'ro' : 'rw'];
    if (m.subPath) flags.push(`path=${goQuote(m.subPath)}`);
    w.write(LEVEL_3, `${m.mountPath ?? ''} from ${m.name ?? ''} (${flags.join(',')})\n`);
  }
  const devices: Any[] = [...(c.volumeDevices ?? [])];
  if (devices.length > 0) {
    w.write(LEVEL_2, `Devices:${none}\n`);
    goSort(devices, (a, b) => (a.devicePath ?? '') < (b.devicePath ?? ''));
    for (const d of devices) w.write(LEVEL_3, `${d.devicePath ?? ''} from ${d.name ?? ''}\n`);
  }
}
