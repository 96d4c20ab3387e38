// One simulated container: its handle (pod, spec entry, image behaviour), its filesystem, its
// environment, its logs and its in-memory app state — all kept in `cluster.state.runtime[podUid]`
// (start.ts has the record types). A container restart (kill 1, liveness failure, exit) starts a
// fresh instance: new writable layer, new memory, new environment snapshot; volumes survive.
import type { KObject } from '../api/types.js';
import type { Cluster } from '../store/cluster.js';
import type { ContainerHandle, SimFs } from './types.js';
import { imageBehaviour } from './images/index.js';
import { baseFiles, BASE_DIRS } from './base.js';
import { ContainerFs, type MountSpec, type Store } from './fs.js';
import { LOG_LINE_CHARS, LOG_LINES, newInstance, podRuntime, recordEnv, runtimeState, trimLog, type ContainerRuntime } from './start.js';
import { etcHosts, podHostname, resolvConf } from '../network/dns.js';
import { hexDigest } from '../util/digest.js';
import { processMode } from './process.js';

/** All containers of a pod spec: init containers first, then the app containers. */
export function allContainers(pod: KObject): KObject['spec'][] {
  return [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
}

/** The handle of a pod's container (default: the first app container). */
export function containerHandle(cluster: Cluster, pod: KObject, containerName?: string): ContainerHandle {
  const all = allContainers(pod);
  const container = containerName === undefined ? (pod.spec?.containers ?? [])[0] : all.find((c) => c.name === containerName);
  if (!container) throw new Error(`internal: container ${containerName} not found in pod ${pod.metadata.name}`);
  return { cluster, pod, container, image: imageBehaviour(container.image ?? '') };
}

function statusStartedAt(pod: KObject, name: string): number | undefined {
  const st = [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? [])].find((s: { name: string }) => s.name === name);
  const t = st?.state?.running?.startedAt ?? pod.status?.startTime;
  return t ? Date.parse(t) : undefined;
}

/** The container's runtime record (created on first use for pods started before the runtime). */
export function containerRuntime(h: ContainerHandle): ContainerRuntime {
  const pr = podRuntime(h.cluster, h.pod);
  let rec = pr.c[h.container.name];
  if (!rec) {
    const start = statusStartedAt(h.pod, h.container.name) ?? h.cluster.now;
    rec = newInstance(h.cluster, h.pod, h.container, start);
    const restarts = ((h.pod.status?.containerStatuses ?? []) as { name: string; restartCount?: number }[]).find((s) => s.name === h.container.name)?.restartCount ?? 0;
    rec.restarts = restarts;
    pr.c[h.container.name] = rec;
  }
  return rec;
}

// ---------------------------------------------------------------------------------------------
// Environment

/** The container's environment as its processes see it (`env` prints it in this order). */
export function containerEnv(h: ContainerHandle): Record<string, string> {
  const rec = containerRuntime(h);
  const image = h.image.env ?? {};
  const env: Record<string, string> = {};
  env.PATH = image.PATH ?? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
  env.HOSTNAME = podHostname(h.pod);
  for (const [k, v] of Object.entries(image)) if (k !== 'PATH' && k !== 'HOME') env[k] = v;
  for (const [k, v] of recordEnv(h.cluster, rec)) {
    if (k === 'HOSTNAME' || k === 'PATH') delete env[k];
    env[k] = v;
  }
  env.HOME = image.HOME ?? (h.container.securityContext?.runAsUser ? '/' : '/root');
  return env;
}

// ---------------------------------------------------------------------------------------------
// Logs

export function appendLog(h: ContainerHandle, line: string): void {
  const rec = containerRuntime(h);
  for (const l of line.replace(/\n$/, '').split('\n')) {
    rec.logs.push([h.cluster.now, l.length > LOG_LINE_CHARS ? l.slice(0, LOG_LINE_CHARS) : l]);
  }
  trimLog(rec.logs);
}

/** The log of the current (or previous) instance, start-up lines first. */
export function containerLogs(h: ContainerHandle, previous = false): [number, string][] | undefined {
  const rec = containerRuntime(h);
  if (previous) return rec.prev;
  // Command-mode containers log what their command prints; app-mode ones start with the app's banner.
  const startup = processMode(h) === 'app' ? (h.image.startupLog ?? []).map((l) => [rec.start, expandLogTemplate(l, h, rec.start)] as [number, string]) : [];
  return [...startup, ...rec.logs];
}

const p2 = (n: number, w = 2) => String(n).padStart(w, '0');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** `{start:FORMAT}` placeholders in start-up log lines: the container's start time as each app prints it. */
function startStamp(format: string, ms: number): string {
  const d = new Date(ms);
  const Y = d.getUTCFullYear();
  const M = p2(d.getUTCMonth() + 1);
  const D = p2(d.getUTCDate());
  const hms = `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
  const milli = p2(d.getUTCMilliseconds(), 3);
  switch (format) {
    case 'nginx':
      return `${Y}/${M}/${D} ${hms}`;
    case 'apache':
      return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${D} ${hms}.${milli}000 ${Y}`;
    case 'redis':
      return `${D} ${MONTHS[d.getUTCMonth()]} ${Y} ${hms}.${milli}`;
    case 'mysql':
      return `${Y}-${M}-${D} ${hms}`;
    case 'mysqlz':
      return `${Y}-${M}-${D}T${hms}.${milli}000Z`;
    case 'pg':
      return `${Y}-${M}-${D} ${hms}.${milli}`;
    default:
      return `${Y}-${M}-${D}T${hms}.${milli}+00:00`;
  }
}

function expandLogTemplate(line: string, h: ContainerHandle, start: number): string {
  return line
    .replace(/\{hostname\}/g, podHostname(h.pod))
    .replace(/\{podIP\}/g, h.pod.status?.podIP ?? '')
    .replace(/\{start:(\w+)\}/g, (_m, f: string) => startStamp(f, start));
}

// ---------------------------------------------------------------------------------------------
// Memory

/** The app's in-memory state (reset when the container restarts). */
export function containerMemory(h: ContainerHandle): Record<string, unknown> {
  return containerRuntime(h).mem;
}

// ---------------------------------------------------------------------------------------------
// Restarts

export interface Termination {
  exitCode: number;
  reason: string;
  signal?: number;
  /** When the process ended (default: the restart time). */
  finishedAt?: number;
}

/**
 * The container's process ended (kill 1, liveness kill, exit): record lastState and start a
 * fresh instance (RESTARTS+1). The kubelet copies restartCount/lastState into the pod status.
 */
export function restartContainer(h: ContainerHandle, t: Termination, at = h.cluster.now): ContainerRuntime {
  const pr = podRuntime(h.cluster, h.pod);
  const old = containerRuntime(h);
  const iso = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
  const next = newInstance(h.cluster, h.pod, h.container, at, old.restarts + 1);
  next.last = { exitCode: t.exitCode, reason: t.reason, startedAt: iso(old.start), finishedAt: iso(t.finishedAt ?? at), ...(t.signal ? { signal: t.signal } : {}), ...(old.cid ? { containerID: old.cid } : {}) };
  next.prev = containerLogs(h)?.slice(-LOG_LINES);
  if (next.prev) trimLog(next.prev);
  pr.c[h.container.name] = next;
  return next;
}

// ---------------------------------------------------------------------------------------------
// Filesystem

/** A fake projected service-account token (a JWT-shaped string; it signs nothing). */
function fakeToken(pod: KObject): string {
  const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const ns = pod.metadata.namespace ?? 'default';
  const b64digest = (text: string) => Buffer.from(hexDigest(text), 'hex').toString('base64url');
  const header = { alg: 'RS256', kid: b64digest('kubesim').slice(0, 43) };
  const claims = {
    aud: ['https://kubernetes.default.svc.cluster.local'],
    iss: 'https://kubernetes.default.svc.cluster.local',
    'kubernetes.io': { namespace: ns, pod: { name: pod.metadata.name, uid: pod.metadata.uid }, serviceaccount: { name: pod.spec?.serviceAccountName ?? 'default' } },
    sub: `system:serviceaccount:${ns}:${pod.spec?.serviceAccountName ?? 'default'}`,
  };
  const sig = b64digest(JSON.stringify(claims));
  return `${b64(header)}.${b64(claims)}.${sig}${sig}`;
}

function b64decode(s: string): string {
  return Buffer.from(s, 'base64').toString('utf8');
}

function keyFiles(data: Record<string, string>, items: { key: string; path: string }[] | undefined, decode: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  const get = (k: string) => (decode ? b64decode(data[k]) : data[k]);
  if (items?.length) {
    for (const it of items) if (data[it.key] !== undefined) out[it.path] = get(it.key);
  } else for (const k of Object.keys(data)) out[k] = get(k);
  return out;
}

function downwardFiles(pod: KObject, items: { path: string; fieldRef?: { fieldPath: string } }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const it of items ?? []) {
    const fp = it.fieldRef?.fieldPath ?? '';
    let v = '';
    const m = /^metadata\.(labels|annotations)$/.exec(fp);
    if (m) {
      v = Object.entries((pod.metadata[m[1]] ?? {}) as Record<string, string>)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, val]) => `${k}="${val}"`)
        .join('\n');
    } else if (fp === 'metadata.name') v = pod.metadata.name;
    else if (fp === 'metadata.namespace') v = pod.metadata.namespace ?? 'default';
    else if (fp === 'metadata.uid') v = pod.metadata.uid ?? '';
    out[it.path] = v;
  }
  return out;
}

/** The files a configMap/secret/projected/downwardAPI volume shows (relative paths). */
function staticVolumeFiles(cluster: Cluster, pod: KObject, vol: KObject['spec']): Record<string, string> | undefined {
  const ns = pod.metadata.namespace ?? 'default';
  if (vol.configMap) {
    const cm = cluster.get('configmaps', ns, vol.configMap.name);
    return keyFiles({ ...(cm?.data ?? {}) }, vol.configMap.items, false);
  }
  if (vol.secret) {
    const s = cluster.get('secrets', ns, vol.secret.secretName);
    return keyFiles({ ...(s?.data ?? {}) }, vol.secret.items, true);
  }
  if (vol.downwardAPI) return downwardFiles(pod, vol.downwardAPI.items);
  if (vol.projected) {
    const out: Record<string, string> = {};
    for (const src of vol.projected.sources ?? []) {
      if (src.serviceAccountToken) out[src.serviceAccountToken.path ?? 'token'] = fakeToken(pod);
      if (src.configMap) Object.assign(out, keyFiles({ ...(cluster.get('configmaps', ns, src.configMap.name)?.data ?? {}) }, src.configMap.items, false));
      if (src.secret) Object.assign(out, keyFiles({ ...(cluster.get('secrets', ns, src.secret.name)?.data ?? {}) }, src.secret.items, true));
      if (src.downwardAPI) Object.assign(out, downwardFiles(pod, src.downwardAPI.items));
    }
    return out;
  }
  return undefined;
}

/** A writable volume's store: emptyDir/hostPath per pod; a PVC's data lives as long as the claim. */
function volumeStore(cluster: Cluster, pod: KObject, vol: KObject['spec']): Store {
  if (vol.persistentVolumeClaim) {
    const key = `pvc/${pod.metadata.namespace ?? 'default'}/${vol.persistentVolumeClaim.claimName}`;
    const all = runtimeState(cluster);
    return ((all[key] as Store | undefined) ?? (all[key] = { f: {} })) as Store;
  }
  const pr = podRuntime(cluster, pod);
  pr.v ??= {};
  return (pr.v[vol.name] ??= { f: {} });
}

function mountsOf(cluster: Cluster, pod: KObject, container: KObject['spec']): MountSpec[] {
  const vols = new Map<string, KObject['spec']>(((pod.spec?.volumes ?? []) as KObject['spec'][]).map((v) => [v.name, v]));
  const out: MountSpec[] = [];
  for (const m of (container.volumeMounts ?? []) as { name: string; mountPath: string; readOnly?: boolean; subPath?: string }[]) {
    const vol = vols.get(m.name);
    if (!vol) continue;
    const path = m.mountPath.replace(/\/+$/, '') || '/';
    const files = staticVolumeFiles(cluster, pod, vol);
    if (files) {
      if (m.subPath) {
        const content = files[m.subPath];
        // A subPath of a configMap/secret mounts one file at mountPath.
        const dir = path.slice(0, path.lastIndexOf('/')) || '/';
        out.push({ path: dir === '/' ? path : path, readOnly: true, files: content !== undefined ? { '': content } : {} });
        continue;
      }
      out.push({ path, readOnly: true, files });
      continue;
    }
    const store = volumeStore(cluster, pod, vol);
    out.push({ path, readOnly: !!m.readOnly, store: m.subPath ? subStore(store, m.subPath) : store });
  }
  return out;
}

/** A subPath of a writable volume: a view whose keys are prefixed (shares the parent's limits). */
function subStore(store: Store, subPath: string): Store {
  const prefix = `/${subPath.replace(/^\/+|\/+$/g, '')}`;
  const f = new Proxy(store.f, {
    get: (t, k: string) => t[prefix + k],
    set: (t, k: string, v) => ((t[prefix + k] = v), true),
    deleteProperty: (t, k: string) => delete t[prefix + k],
    ownKeys: (t) => Object.keys(t).filter((k) => k.startsWith(`${prefix}/`)).map((k) => k.slice(prefix.length)),
    getOwnPropertyDescriptor: (t, k: string) => (t[prefix + k] ? { enumerable: true, configurable: true, value: t[prefix + k], writable: true } : undefined),
  });
  return { f, d: store.d };
}

/** Binaries the image's tools live in (`ls /bin`, `which`): set by the shell when it loads. */
let binaryPaths: (h: ContainerHandle) => Record<string, string> = () => ({});
export function setBinaryPaths(fn: (h: ContainerHandle) => Record<string, string>): void {
  binaryPaths = fn;
}

/** The container's filesystem (image + kubelet files, writable layer, volumes). */
export function containerFs(h: ContainerHandle): SimFs & ContainerFs {
  const rec = containerRuntime(h);
  const pod = h.pod;
  const base: Record<string, string> = { ...baseFiles(h.image) };
  const bins = binaryPaths(h);
  const exec = new Set<string>();
  for (const [name, path] of Object.entries(bins)) {
    base[path] = `\u007fELF (simulated ${name})\n`;
    exec.add(path);
  }
  for (const [p, c] of Object.entries(h.image.files ?? {})) base[p] = c;
  base['/etc/hostname'] = `${podHostname(pod)}\n`;
  base['/etc/hosts'] = etcHosts(pod);
  base['/etc/resolv.conf'] = resolvConf(pod);
  const mounts = mountsOf(h.cluster, pod, h.container);
  const workdir = (h.container.workingDir as string | undefined) ?? h.image.workdir;
  return new ContainerFs({
    base,
    baseDirs: [...BASE_DIRS, ...(workdir ? [workdir] : [])],
    baseExec: exec,
    layer: rec.layer,
    mounts,
    now: () => Math.floor(h.cluster.now / 1000),
    imageTime: Math.floor(rec.start / 1000),
  });
}

/** The container's working directory (spec.workingDir, else the image's, else `/`). */
export function workingDir(h: ContainerHandle): string {
  return (h.container.workingDir as string | undefined) ?? h.image.workdir ?? '/';
}
