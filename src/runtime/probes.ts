// The kubelet's view of the simulated containers: probe verdicts and the per-container state the
// runtime keeps (start.ts records). Small on purpose — the kubelet imports it on every command;
// the runtime (tick.ts: probes run against the simulated apps, main processes, restarts) is
// loaded only when there are pods to run it for, and registers itself here.
import type { KObject } from '../api/types.js';
import type { Cluster } from '../store/cluster.js';
import { existingPodRuntime } from './start.js';

export interface Probe {
  exec?: { command?: string[] };
  httpGet?: { path?: string; port: number | string; scheme?: string; host?: string; httpHeaders?: { name: string; value: string }[] };
  tcpSocket?: { port: number | string; host?: string };
  grpc?: { port: number; service?: string };
  initialDelaySeconds?: number;
  periodSeconds?: number;
  timeoutSeconds?: number;
  failureThreshold?: number;
  successThreshold?: number;
}

export type ProbeEvaluator = (cluster: Cluster, pod: KObject, container: { name: string }, probe: Probe) => boolean;

export interface RuntimeHooks {
  /** Advance one pod's containers to `cluster.now`: probes, main processes, restarts. */
  tickPod(cluster: Cluster, pod: KObject): void;
  /** Whether the runtime has work for a pod the kubelet would otherwise leave alone. */
  busy(cluster: Cluster, pod: KObject): boolean;
}

let override: ProbeEvaluator | undefined;
let hooks: RuntimeHooks | undefined;
/** The CLI loads the runtime on demand: pods that need it wait for it (see deferRuntime). */
let deferred = false;
/** A pod needed the runtime while it was not loaded (the CLI loads it and reconciles again). */
let wanted = false;

/** Tests: decide readiness directly instead of running the probes (undefined: back to normal). */
export function setProbeEvaluator(fn: ProbeEvaluator | undefined): void {
  override = fn;
}

/** The runtime registers itself when loaded (src/runtime/tick.ts). */
export function setRuntimeHooks(h: RuntimeHooks): void {
  hooks = h;
}

export function runtimeLoaded(): boolean {
  return hooks !== undefined;
}

/**
 * Load-on-demand mode (the CLI): while the runtime is not loaded, the kubelet leaves the pods
 * that need it alone and says so (runtimeWanted); the caller loads it and reconciles again.
 * Without it (unit tests of controllers), pods run as if their apps had no behaviour.
 */
export function deferRuntime(on: boolean): void {
  deferred = on;
  wanted = false;
}

/** Whether a pod was left waiting for the runtime since the last call (and reset). */
export function takeRuntimeWanted(): boolean {
  const w = wanted;
  wanted = false;
  return w;
}

export const SYSTEM_NAMESPACES = new Set(['kube-system', 'local-path-storage']);

/**
 * A running pod whose containers all run and are ready, with no probe to evaluate: nothing for
 * the kubelet to do unless the runtime has work for it (runtimeBusy).
 */
export function isSteady(pod: KObject): boolean {
  const st = pod.status;
  if (st?.phase !== 'Running' || !st.startTime) return false;
  const containers: { readinessProbe?: unknown; livenessProbe?: unknown; startupProbe?: unknown }[] = pod.spec.containers ?? [];
  if (containers.some((c) => c.readinessProbe || c.livenessProbe || c.startupProbe)) return false;
  const statuses: { ready?: boolean; state?: { running?: unknown } }[] = st.containerStatuses ?? [];
  return statuses.length === containers.length && statuses.every((s) => s.ready && s.state?.running) && (st.conditions ?? []).length === 5;
}

/**
 * Whether the kubelet's pass over `pod` needs the runtime: not for system pods (their images
 * have no behaviour), nor for a steady pod the runtime found quiet at its current
 * resourceVersion (an app with no exit, no background work, no pending output: nothing happens
 * to it with time until something changes it).
 */
export function podWantsRuntime(cluster: Cluster, pod: KObject): boolean {
  if (SYSTEM_NAMESPACES.has(pod.metadata.namespace ?? '')) return false;
  return !(isSteady(pod) && existingPodRuntime(cluster, pod)?.quiet === pod.metadata.resourceVersion);
}

/** Let the runtime bring a pod's containers up to now (no-op when it is not loaded). */
export function tickPod(cluster: Cluster, pod: KObject): void {
  hooks?.tickPod(cluster, pod);
}

/**
 * Whether a pod that looks steady still has runtime work (a restart to report, a command
 * running). The runtime's answer is remembered on the pod's record (quiet), so that a later
 * command can leave the runtime unloaded while nothing changes.
 */
export function runtimeBusy(cluster: Cluster, pod: KObject): boolean {
  if (!hooks) return false;
  const busy = hooks.busy(cluster, pod);
  const pr = existingPodRuntime(cluster, pod);
  const quiet = busy ? undefined : pod.metadata.resourceVersion;
  if (pr && pr.quiet !== quiet) {
    if (quiet === undefined) delete pr.quiet;
    else pr.quiet = quiet;
  }
  return busy;
}

/** Whether the readiness probe passes now (the verdict the runtime's probe runs recorded). */
export function probePasses(cluster: Cluster, pod: KObject, container: { name: string }, probe: Probe): boolean {
  if (override) return override(cluster, pod, container, probe);
  if (!hooks) return true;
  const rec = existingPodRuntime(cluster, pod)?.c[container.name];
  return rec?.probes?.readiness?.pass ?? false;
}

/**
 * In load-on-demand mode, whether the kubelet must leave `pod` until the runtime is loaded (the
 * caller is told through takeRuntimeWanted).
 */
export function awaitsRuntime(cluster: Cluster, pod: KObject): boolean {
  if (hooks || !deferred || !podWantsRuntime(cluster, pod)) return false;
  wanted = true;
  return true;
}

/** Whether any pod of the cluster needs the runtime now (the CLI then loads it up front). */
export function needsRuntime(cluster: Cluster): boolean {
  return cluster.list('pods').some((p) => podWantsRuntime(cluster, p));
}
