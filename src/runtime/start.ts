// Per-container runtime records in `cluster.state.runtime[podUid]`, and what the kubelet does
// when it starts (or restarts) a container: note the start time and take the environment
// snapshot (the Service variables of that moment, reference §14). Small on purpose: the kubelet
// imports it on every command; the rest of the runtime is loaded only when needed.
import type { KObject } from '../api/types.js';
import type { Cluster } from '../store/cluster.js';
import type { Store } from './fs.js';
import { startEnvironment, type EnvList } from './env.js';
import { hexDigest } from '../util/digest.js';

/** Log lines kept per container instance (a ring buffer: oldest dropped). */
export const LOG_LINES = 1000;
/** Longest log line kept (longer lines are cut). */
export const LOG_LINE_CHARS = 4096;
/** Characters of log kept per container instance (oldest lines dropped first). */
export const LOG_CHARS = 128 * 1024;

/** Keep a log within LOG_LINES lines and LOG_CHARS characters. */
export function trimLog(log: [number, string][]): void {
  if (log.length > LOG_LINES) log.splice(0, log.length - LOG_LINES);
  let total = 0;
  for (const [, l] of log) total += l.length + 1;
  let drop = 0;
  while (total > LOG_CHARS && drop < log.length) total -= log[drop++][1].length + 1;
  if (drop) log.splice(0, drop);
}

export interface ProbeState {
  /** Time of the last probe run (ms). */
  last: number;
  /** Consecutive successes / failures. */
  ok: number;
  fail: number;
  /** Current verdict (readiness: ready; startup: started). */
  pass: boolean;
  /** Probe runs counted at all (for "(x3 over …)"). */
  runs?: number;
}

export interface ContainerRuntime {
  /** Start of the current instance (ms since the epoch). */
  start: number;
  /** containerd id of the current instance (64 hex). */
  cid?: string;
  restarts: number;
  /** Spec env at start; then the Service env of that moment, shared by the records that have
   * the same (`svc`: its key in state.runtime, see serviceEnvOf). */
  env: EnvList;
  svc?: string;
  /** A missing ConfigMap/Secret at start (CreateContainerConfigError). */
  envError?: string;
  /** Writable layer of the container's filesystem. */
  layer: Store;
  /** App state in memory (counters, health flags): reset by a restart. */
  mem: Record<string, unknown>;
  /** [ms, line] log lines of this instance, and of the previous one (`logs --previous`). */
  logs: [number, string][];
  prev?: [number, string][];
  /** Packages installed with apk/apt-get (their tools become available). */
  pkgs?: string[];
  /** The last termination (lastState.terminated). */
  last?: { exitCode: number; reason: string; startedAt: string; finishedAt: string; signal?: number; containerID?: string };
  /** Current termination when the main process has exited (not restarted yet). */
  exited?: { exitCode: number; reason: string; at: number };
  /** When a crash-looping container will be started again (ms). */
  backoffUntil?: number;
  probes?: Record<string, ProbeState>;
  /**
   * Main process of a command-mode container, simulated once at start: its output lines with
   * their offsets (ms after start), and when it exits. `shown` lines have reached the log.
   */
  main?: { out: [number, string][]; exit?: { code: number; at: number }; shown: number };
}

export interface PodRuntime {
  /** Containers (and init containers) by name. */
  c: Record<string, ContainerRuntime>;
  /** emptyDir/hostPath volume stores by volume name. */
  v?: Record<string, Store>;
  /** Init containers have run. */
  init?: 1;
  /** The pod's resourceVersion when the runtime last found it had no work (probes.ts). */
  quiet?: string;
}

export function runtimeState(cluster: Cluster): Record<string, unknown> {
  return (cluster.state.runtime ??= {});
}

export function podRuntime(cluster: Cluster, pod: KObject): PodRuntime {
  const all = runtimeState(cluster);
  const uid = pod.metadata.uid ?? `${pod.metadata.namespace}/${pod.metadata.name}`;
  let pr = all[uid] as PodRuntime | undefined;
  if (!pr) {
    pr = { c: {} };
    all[uid] = pr;
  }
  return pr;
}

export function existingPodRuntime(cluster: Cluster, pod: KObject): PodRuntime | undefined {
  const uid = pod.metadata.uid ?? `${pod.metadata.namespace}/${pod.metadata.name}`;
  return runtimeState(cluster)[uid] as PodRuntime | undefined;
}

/** A fresh record for a container instance starting at `at`. */
export function newInstance(cluster: Cluster, pod: KObject, container: KObject['spec'], at: number, restarts = 0): ContainerRuntime {
  const { env, services, error } = startEnvironment(cluster, pod, container);
  const rec: ContainerRuntime = { start: at, cid: cluster.rand.hex(64), restarts, env, layer: { f: {} }, mem: {}, logs: [] };
  if (services.length) rec.svc = shareServiceEnv(cluster, services);
  if (error) rec.envError = error;
  return rec;
}

/**
 * The Service variables are the same for every container started between two changes to the
 * Services (with 100 Services, 700 variables): kept once in state.runtime under `env/<digest>`
 * (runtime-gc drops them when no record uses them) instead of once per container.
 */
function shareServiceEnv(cluster: Cluster, services: EnvList): string {
  let key = sharedKeys.get(services);
  if (!key) {
    key = `${SHARED_ENV}${hexDigest(JSON.stringify(services), 16)}`;
    sharedKeys.set(services, key);
  }
  const rt = runtimeState(cluster);
  if (!rt[key]) rt[key] = services;
  return key;
}

/** Keys of Service environments already digested (serviceEnv hands out the same list while the Services do not change). */
const sharedKeys = new WeakMap<EnvList, string>();

export const SHARED_ENV = 'env/';

/** A container's whole start environment: its spec env, then the Service variables. */
export function recordEnv(cluster: Cluster, rec: ContainerRuntime): EnvList {
  if (!rec.svc) return rec.env;
  return [...rec.env, ...((runtimeState(cluster)[rec.svc] as EnvList | undefined) ?? [])];
}

/** The kubelet starts a container: its record is created with the environment of this moment. */
export function recordContainerStart(cluster: Cluster, pod: KObject, container: KObject['spec']): void {
  const pr = podRuntime(cluster, pod);
  if (pr.c[container.name]) return;
  pr.c[container.name] = newInstance(cluster, pod, container, cluster.now);
}

function iso(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export interface InstanceStatus {
  containerID?: string;
  state: Record<string, unknown>;
  lastState: Record<string, unknown>;
  restartCount: number;
  started: boolean;
  running: boolean;
  /** The main process ended and will not be restarted (restartPolicy). */
  terminated?: { exitCode: number };
}

/** A container's status fields as the kubelet reports them, from the runtime's record. */
export function instanceStatus(pod: KObject, rec: ContainerRuntime, name: string, now: number): InstanceStatus {
  const ns = pod.metadata.namespace ?? 'default';
  const cid = rec.cid ? `containerd://${rec.cid}` : undefined;
  const last = rec.last
    ? { terminated: { containerID: rec.last.containerID ? `containerd://${rec.last.containerID}` : cid, exitCode: rec.last.exitCode, finishedAt: rec.last.finishedAt, reason: rec.last.reason, startedAt: rec.last.startedAt, ...(rec.last.signal ? { signal: rec.last.signal } : {}) } }
    : {};
  const base = { restartCount: rec.restarts };
  if (rec.envError) {
    return { ...base, state: { waiting: { message: rec.envError, reason: 'CreateContainerConfigError' } }, lastState: last, started: false, running: false };
  }
  if (rec.exited) {
    const term = { containerID: cid, exitCode: rec.exited.exitCode, finishedAt: iso(rec.exited.at), reason: rec.exited.reason, startedAt: iso(rec.start) };
    if (rec.backoffUntil !== undefined && rec.backoffUntil > now) {
      const wait = Math.round((rec.backoffUntil - rec.exited.at) / 1000);
      const dur = wait >= 60 ? `${Math.floor(wait / 60)}m${wait % 60}s` : `${wait}s`;
      return { ...base, containerID: cid, state: { waiting: { message: `back-off ${dur} restarting failed container=${name} pod=${pod.metadata.name}_${ns}(${pod.metadata.uid})`, reason: 'CrashLoopBackOff' } }, lastState: { terminated: term }, started: false, running: false };
    }
    return { ...base, containerID: cid, state: { terminated: term }, lastState: last, started: false, running: false, terminated: { exitCode: rec.exited.exitCode } };
  }
  const startup = rec.probes?.startup;
  return { ...base, containerID: cid, state: { running: { startedAt: iso(rec.start) } }, lastState: last, started: startup ? startup.pass : true, running: true };
}
