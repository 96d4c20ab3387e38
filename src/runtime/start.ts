// Per-container runtime records in `cluster.state.runtime[podUid]`, and what the kubelet does
// when it starts (or restarts) a container: note the start time and take the environment
// snapshot (the Service variables of that moment, reference §14). Small on purpose: the kubelet
// imports it on every command; the rest of the runtime is loaded only when needed.
import type { KObject } from '../api/types.js';
import type { Cluster } from '../store/cluster.js';
import type { Store } from './fs.js';
import { startEnvironment, type EnvList } from './env.js';

/** Log lines kept per container instance (a ring buffer: oldest dropped). */
export const LOG_LINES = 1000;
/** Longest log line kept (longer lines are cut). */
export const LOG_LINE_CHARS = 4096;

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
  restarts: number;
  /** Spec env + Service env at start. */
  env: EnvList;
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
  last?: { exitCode: number; reason: string; startedAt: string; finishedAt: string; signal?: number };
  /** Current termination when the main process has exited (not restarted yet). */
  exited?: { exitCode: number; reason: string; at: number };
  /** When a crash-looping container will be started again (ms). */
  backoffUntil?: number;
  probes?: Record<string, ProbeState>;
  /** Main process bookkeeping for command-mode containers (shell-simulated). */
  main?: { until: number; lines: number; done?: { code: number; at: number }; forever?: 1 };
  /** Last time the image's background work ran (ms). */
  bg?: number;
}

export interface PodRuntime {
  /** Containers (and init containers) by name. */
  c: Record<string, ContainerRuntime>;
  /** emptyDir/hostPath volume stores by volume name. */
  v?: Record<string, Store>;
  /** Init containers have run. */
  init?: 1;
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
  const { env, error } = startEnvironment(cluster, pod, container);
  const rec: ContainerRuntime = { start: at, restarts, env, layer: { f: {} }, mem: {}, logs: [] };
  if (error) rec.envError = error;
  return rec;
}

/** The kubelet starts a container: its record is created with the environment of this moment. */
export function recordContainerStart(cluster: Cluster, pod: KObject, container: KObject['spec']): void {
  const pr = podRuntime(cluster, pod);
  if (pr.c[container.name]) return;
  pr.c[container.name] = newInstance(cluster, pod, container, cluster.now);
}
