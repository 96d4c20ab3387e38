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

/** Let the runtime bring a pod's containers up to now (no-op when it is not loaded). */
export function tickPod(cluster: Cluster, pod: KObject): void {
  hooks?.tickPod(cluster, pod);
}

/** Whether a pod that looks steady still has runtime work (a restart to report, a command running). */
export function runtimeBusy(cluster: Cluster, pod: KObject): boolean {
  return hooks?.busy(cluster, pod) ?? false;
}

/** Whether the readiness probe passes now (the verdict the runtime's probe runs recorded). */
export function probePasses(cluster: Cluster, pod: KObject, container: { name: string }, probe: Probe): boolean {
  if (override) return override(cluster, pod, container, probe);
  if (!hooks) return true;
  const rec = existingPodRuntime(cluster, pod)?.c[container.name];
  return rec?.probes?.readiness?.pass ?? false;
}

/** Whether the pods in a state need the runtime (anything outside the system namespaces). */
export function needsRuntime(objects: Record<string, Record<string, KObject>>): boolean {
  const pods = objects.pods;
  if (!pods) return false;
  for (const key of Object.keys(pods)) if (!key.startsWith('kube-system/') && !key.startsWith('local-path-storage/')) return true;
  return false;
}
